"""Scrubbing through a real sentry-sdk client to a real loopback endpoint: the bytes that arrive."""

from __future__ import annotations

import json
import logging
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sentry_sdk
from sentry_sdk.crons import capture_checkin
from sentry_sdk.types import Event

import sentry_guard
from sentry_guard import ConfigError
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._sdk import accepted_options

LOGS = "enable_logs" in accepted_options()

PLANTED = {
    "local": "LocalPw-7f3a91",
    "header": "HeaderTok-51c2e8",
    "cookie": "CookieSess-9d0b77",
    "body": "BodyPw-2e61aa",
    "query": "QueryKey-83f0c4",
    "crumb": "CrumbSecret-4b7d19",
    "crumb_url": "CrumbTok-6a2c05",
    "extra": "ExtraPw-0c93de",
    "tag": "TagSess-71e4b2",
    "context": "CtxKey-a5d830",
    "span": "SpanPw-e29f17",
    "span_url": "SpanKey-3c8b60",
    "log_attr": "LogPw-5f1e2d",
    "log_param": "LogParam-8d4c3b",
}


def wire(endpoint: EnvelopeServer) -> str:
    """Everything that arrived, as one text (decompressed envelope bytes)."""
    return "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)


def add_request(event: Event, hint: dict[str, Any]) -> Event:
    event["request"] = {
        "url": "https://shop.example.com/checkout",
        "method": "POST",
        "query_string": f"step=3&api_key={PLANTED['query']}",
        "headers": {"Authorization": f"Bearer {PLANTED['header']}", "Host": "shop.example.com"},
        "cookies": {"sessionid": PLANTED["cookie"]},
        "data": {"username": "bob", "password": PLANTED["body"], "sku": "SKU-1"},
    }
    return event


def checkout(card_number: str, password: str) -> None:
    order_total = 42
    raise ValueError(f"payment declined for order total {order_total}")


def test_every_payload_arrives_scrubbed_and_check_ins_untouched(endpoint: EnvelopeServer) -> None:
    sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0", traces_sample_rate=1.0, enable_logs=True)
    with sentry_sdk.new_scope() as scope:
        scope.add_event_processor(add_request)
        scope.set_tag("session", PLANTED["tag"])
        scope.set_tag("region", "eu-west-1")
        scope.set_extra("settings", {"db": {"password": PLANTED["extra"]}})
        scope.set_context("payment", {"stripe_secret_key": PLANTED["context"]})
        sentry_sdk.add_breadcrumb(category="auth", message="login", data={"client_secret": PLANTED["crumb"]})
        sentry_sdk.add_breadcrumb(
            category="httplib", data={"url": f"https://api.example.com/v1?token={PLANTED['crumb_url']}"}
        )
        try:
            checkout("4111111111111111", PLANTED["local"])
        except ValueError:
            sentry_sdk.capture_exception()
        with sentry_sdk.start_transaction(name="checkout", op="task"):
            with sentry_sdk.start_span(op="db") as span:
                span.description = "UPDATE users SET x = %s"
                span.set_data("db.password", PLANTED["span"])
            with sentry_sdk.start_span(op="http.client") as span:
                span.description = f"GET https://api.example.com/v1?apikey={PLANTED['span_url']}"
        if LOGS:  # Sentry logs arrived in sentry-sdk 2.35
            sentry_sdk.logger.warning(
                "card update for {user_password}",
                user_password=PLANTED["log_param"],
                attributes={"db_password": PLANTED["log_attr"]},
            )
    check_in_id = capture_checkin(monitor_slug="nightly-report", status="ok", duration=1.5)
    sentry_sdk.flush()
    endpoint.wait_for(4 if LOGS else 3)

    text = wire(endpoint)
    for where, secret in PLANTED.items():
        assert secret not in text, f"{where} leaked"  # (the log ones are not sent on old SDKs)
    (event,) = endpoint.payloads("event")
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert "payment declined for order total 42" in text
    assert event["tags"]["region"] == "eu-west-1"
    frame = event["exception"]["values"][0]["stacktrace"]["frames"][-1]
    assert frame["function"] == "checkout" and frame["vars"]["password"] == "[Filtered]"
    assert frame["vars"]["order_total"] == "42"
    (transaction,) = endpoint.payloads("transaction")
    assert {s["op"] for s in transaction["spans"]} == {"db", "http.client"}
    assert bool(endpoint.payloads("log")) is LOGS
    (check_in,) = endpoint.payloads("check_in")
    assert check_in["check_in_id"] == check_in_id
    assert (check_in["monitor_slug"], check_in["status"], check_in["duration"]) == (
        "nightly-report",
        "ok",
        1.5,
    )


def _raises(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    raise RuntimeError("scrubber bug")


def _returns_list(event: dict[str, Any], hint: dict[str, Any]) -> list[Any]:
    return [event]


def _returns_str(event: dict[str, Any], hint: dict[str, Any]) -> str:
    return "oops"


def _capture_failure(secret: str) -> None:
    def handler(password: str) -> None:
        raise KeyError(f"no account for {password}")

    try:
        handler(secret)
    except KeyError:
        sentry_sdk.capture_exception()


@pytest.mark.parametrize("bad", [_raises, _returns_list, _returns_str])
def test_failing_scrubber_sends_the_minimal_event(
    bad: Any, endpoint: EnvelopeServer, guard_logs: pytest.LogCaptureFixture
) -> None:
    sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0", scrubbers=[bad])
    secret = "TopSecret-19af3c"
    _capture_failure(secret)
    _capture_failure(secret)
    sentry_sdk.flush()
    endpoint.wait_for(2)
    assert secret not in wire(endpoint)
    events = endpoint.payloads("event")
    assert len(events) == 2
    for event in events:
        assert event["tags"]["sentry_guard.scrubber_failed"].endswith(bad.__name__)
        assert event["exception"]["values"][-1]["type"] == "KeyError"
        assert event["release"] == "shop@1.0.0"
        assert "vars" not in json.dumps(event) and "request" not in event
    failures = [r for r in guard_logs.records if "scrubber" in r.getMessage() and r.levelno == logging.ERROR]
    assert len(failures) == 1  # once per scrubber per minute


def test_failing_scrubber_with_drop_sends_nothing(endpoint: EnvelopeServer) -> None:
    sentry_guard.configure(dsn=endpoint.dsn(), scrubbers=[_raises], scrub_on_error="drop")
    _capture_failure("TopSecret-19af3c")
    sentry_sdk.capture_message("also dropped")
    sentry_sdk.flush()
    endpoint.wait_for(1, timeout=1.5)
    assert endpoint.payloads("event") == []


def test_breadcrumb_with_a_raising_scrubber_is_not_kept_raw(endpoint: EnvelopeServer) -> None:
    def crumbs_only(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        if hint.get("sentry_guard.kind") == "breadcrumb":
            raise RuntimeError("breadcrumb scrubber bug")
        return event

    sentry_guard.configure(dsn=endpoint.dsn(), scrubbers=[crumbs_only])
    sentry_sdk.add_breadcrumb(
        category="auth", message="user typed CrumbRaw-55e1a0", data={"note": "CrumbRaw-55e1a0"}
    )
    sentry_sdk.capture_message("after the breadcrumb")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    assert "CrumbRaw-55e1a0" not in wire(endpoint)
    (event,) = endpoint.payloads("event")
    assert "auth" in [crumb.get("category") for crumb in event["breadcrumbs"]["values"]]


# -- custom scrubbers --------------------------------------------------------------------------


@pytest.fixture
def plugin_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real importable module and an installed distribution with a scrubber entry point."""
    (tmp_path / "acme_scrub.py").write_text(
        textwrap.dedent(
            """
            def tag_env(event, hint):
                event.setdefault("tags", {})["from"] = event.get("tags", {}).get("from", "") + "env,"
                return event

            class TagPlugin:
                name = "acme-plugin"
                def __call__(self, event, hint):
                    event.setdefault("tags", {})["from"] = event.get("tags", {}).get("from", "") + "plugin,"
                    return event

            def drop_health(event, hint):
                return None if event.get("transaction") == "/health" else event

            NOT_CALLABLE = 3
            """
        )
    )
    dist = tmp_path / "acme_scrub-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-scrub\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sentry_guard.scrubbers]\nacme = acme_scrub:TagPlugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("acme_scrub", None)


def test_custom_scrubbers_run_in_documented_order(
    plugin_package: Path, endpoint: EnvelopeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def from_code(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        event["tags"]["from"] += "code,"
        return event

    def my_before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        event["tags"]["from"] += "before_send"
        event["tags"]["saw_password"] = event["extra"]["password"]
        return event

    monkeypatch.setenv("SENTRY_SCRUBBERS", "acme_scrub:tag_env")
    result = sentry_guard.configure(dsn=endpoint.dsn(), scrubbers=[from_code], before_send=my_before_send)
    assert result.chain is not None
    assert result.chain.names == (
        "default",
        "acme-plugin",
        "acme_scrub.tag_env",
        f"{__name__}.test_custom_scrubbers_run_in_documented_order.<locals>.from_code",
        f"{__name__}.test_custom_scrubbers_run_in_documented_order.<locals>.my_before_send",
    )
    sentry_sdk.capture_message("hello", scope=None)
    with sentry_sdk.new_scope() as scope:
        scope.set_extra("password", "ExtraPw-6e6e6e")
        sentry_sdk.capture_message("with extra")
    sentry_sdk.flush()
    endpoint.wait_for(2)
    events = endpoint.payloads("event")
    assert events[-1]["tags"]["from"] == "plugin,env,code,before_send"
    assert events[-1]["tags"]["saw_password"] == "[Filtered]"  # before_send runs after the built-ins


def test_before_send_from_environment(
    plugin_package: Path, endpoint: EnvelopeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_BEFORE_SEND", "acme_scrub:drop_health")
    sentry_guard.configure(dsn=endpoint.dsn())
    with sentry_sdk.new_scope() as scope:
        scope.set_transaction_name("/health")
        sentry_sdk.capture_message("health")
    sentry_sdk.capture_message("kept")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    assert [e.get("message") or e["logentry"]["message"] for e in endpoint.payloads("event")] == ["kept"]


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("acme_scrub:missing", "has no 'missing'"),
        ("acme_scrub:NOT_CALLABLE", "not a callable"),
        ("no_such_module_xyz:scrub", "cannot import 'no_such_module_xyz'"),
        ("acme_scrub", "not of the form"),
    ],
)
def test_bad_scrubber_path_is_a_config_error_at_start_up(
    plugin_package: Path, monkeypatch: pytest.MonkeyPatch, value: str, needle: str
) -> None:
    monkeypatch.setenv("SENTRY_DSN", "https://k@o1.ingest.example.com/1")
    monkeypatch.setenv("SENTRY_SCRUBBERS", value)
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure()
    assert info.value.problems[0].variable == "SENTRY_SCRUBBERS"
    assert needle in str(info.value)


def test_broken_entry_point_is_a_config_error_naming_the_plugin(
    plugin_package: Path, endpoint: EnvelopeServer
) -> None:
    (plugin_package / "acme_scrub-1.0.dist-info" / "entry_points.txt").write_text(
        "[sentry_guard.scrubbers]\nghost = acme_ghost_module:scrub\n"
    )
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(dsn=endpoint.dsn())
    assert "entry point 'ghost'" in str(info.value) and "acme-scrub" in str(info.value)
    lenient = sentry_guard.configure(dsn=endpoint.dsn(), guard_strict=False)
    assert not lenient.enabled and "ghost" in str(lenient.problems[0])
