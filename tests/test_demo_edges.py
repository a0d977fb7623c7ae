"""`sentry-guard demo` in this process when things go wrong: invalid settings, a scrubber that
drops the event or puts a secret back, and --send with settings, a chain or a host that fail."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import sentry_sdk

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard.cli._demo import PLANTED, run_demo

from .modules import importable

DSN_KEY = "0123456789abcdef0123456789abcdef"

MODULES = {
    "acme_drop_all": """
        def scrub(event, hint):
            return None
        """,
    # a scrubber of the team's own that writes a secret back after the built-in one ran
    "acme_put_back": f"""
        def scrub(event, hint):
            event.setdefault("extra", {{}})["note"] = {PLANTED["password"]!r}
            return event
        """,
    # lets the demo's own error event through, drops every later one (the one --send would
    # send); breadcrumbs pass through scrubbers too
    "acme_first_only": """
        errors = []

        def scrub(event, hint):
            if "exception" in event:
                errors.append(1)
            return None if len(errors) > 1 else event
        """,
}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with importable(MODULES, tmp_path, monkeypatch) as where:
        yield where


def demo(send: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_demo(out, color=False, send=send, err=err)
    return code, out.getvalue(), err.getvalue()


def test_invalid_settings_stop_the_demo_with_the_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_SAMPLE_RATE", "5")
    code, out, err = demo()
    assert (code, out) == (1, "")
    assert err.startswith("invalid Sentry configuration") and "SENTRY_SAMPLE_RATE" in err


def test_a_scrubber_that_drops_the_event_means_no_event_arrived(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", "acme_drop_all:scrub")
    code, out, _ = demo()
    assert code == 1 and out.rstrip().endswith("no event arrived")


def test_a_secret_that_reaches_the_wire_is_named_and_fails(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", "acme_put_back:scrub")
    code, out, _ = demo()
    assert code == 1 and out.rstrip().endswith("LEAKED: password")


def test_send_with_settings_only_the_demo_overrides_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local part sets its own release; --send uses the environment's, here invalid."""
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    code, out, err = demo(send=True)
    assert code == 1 and "planted secrets reached the wire" in out
    assert err.startswith("invalid Sentry configuration") and "SENTRY_RELEASE: 'latest'" in err


def test_send_when_the_chain_drops_the_event_sends_nothing(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", "acme_first_only:scrub")
    monkeypatch.setenv("SENTRY_DSN", f"http://{DSN_KEY}@127.0.0.1:9/42")  # never contacted
    code, out, err = demo(send=True)
    assert code == 1 and "planted secrets reached the wire" in out
    assert err == "sentry-guard demo --send: the chain dropped the event; nothing was sent\n"


def test_send_to_a_host_that_cannot_be_reached_says_so_without_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SENTRY_DSN", f"http://{DSN_KEY}@127.0.0.1:{port}/42")
    code, out, err = demo(send=True)
    assert code == 1
    (line,) = [line for line in out.splitlines() if line.startswith("NOT delivered")]
    assert line.startswith(
        f"NOT delivered to http://***@127.0.0.1:{port}/42: cannot reach 127.0.0.1:{port}: "
    )
    assert DSN_KEY not in out + err


def test_the_demo_leaves_nothing_in_the_callers_scope(
    modules: Path, monkeypatch: pytest.MonkeyPatch, endpoint: EnvelopeServer
) -> None:
    """Run in-process, the demo records its breadcrumbs in a scope of its own: a scrubber that
    writes the password back into them leaves nothing for the caller's next event to carry."""
    monkeypatch.setenv("SENTRY_SCRUBBERS", "acme_put_back:scrub")
    assert demo()[0] == 1
    monkeypatch.delenv("SENTRY_SCRUBBERS")
    sentry_guard.configure(dsn=endpoint.dsn())
    sentry_sdk.capture_message("the caller's own event")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    wire = b"".join(e.raw for e in endpoint.envelopes).decode()
    assert "the caller's own event" in wire and PLANTED["password"] not in wire
