"""configure() on the paths a plain start does not take: an unreadable strictness switch,
Celery not installed, a release Sentry cannot sort, an older sentry-sdk, a forked process."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import pytest
import sentry_sdk

import sentry_guard
from sentry_guard import ConfigError
from sentry_guard import _sdk as sdk_module
from sentry_guard._sdk import accepted_options, sdk_version
from sentry_guard.testing import Captured, memory_transport

from .conftest import SECRET_DSN


def _messages(logs: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in logs.records if r.name == "sentry_guard" and r.levelno == level]


def test_an_unreadable_strict_switch_counts_as_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """``SENTRY_GUARD_STRICT=maybe``: invalid settings raise (Sentry is not quietly off), and the
    switch itself is one of the problems."""
    monkeypatch.setenv("SENTRY_GUARD_STRICT", "maybe")
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(dsn=SECRET_DSN)
    assert {p.variable for p in info.value.problems} == {"SENTRY_GUARD_STRICT", "SENTRY_RELEASE"}


def test_without_celery_the_given_integrations_are_passed_as_they_are() -> None:
    """In a process of its own: once Celery was imported, hiding it confuses sentry-sdk."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["celery"] = None  # as if not installed: find_spec gives None
        import sentry_sdk
        from sentry_sdk.integrations.argv import ArgvIntegration
        import sentry_guard
        from sentry_guard.testing import Captured, memory_transport

        given = ArgvIntegration()
        result = sentry_guard.configure(
            dsn={SECRET_DSN!r}, integrations=(given,), transport=memory_transport(Captured())
        )
        print(result.enabled, sentry_sdk.get_client().options["integrations"] == [given])
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True True\n"


def test_a_release_sentry_cannot_sort_is_warned_about(guard_logs: pytest.LogCaptureFixture) -> None:
    sentry_guard.configure(dsn=SECRET_DSN, release="nightly-42", transport=memory_transport(Captured()))
    (warning,) = _messages(guard_logs, logging.WARNING)
    assert warning.startswith("release 'nightly-42' is not in the recommended form 'package@version'")


def test_settings_an_older_sentry_sdk_cannot_honour_are_warned_about(
    monkeypatch: pytest.MonkeyPatch, guard_logs: pytest.LogCaptureFixture
) -> None:
    """sentry-sdk < 2.35 has no ``enable_logs`` (the tox env ``oldest`` runs 2.0): one WARNING,
    and the option is left out rather than making sentry_sdk.init fail."""
    older = accepted_options() - {"enable_logs", "before_send_log"}
    monkeypatch.setattr(sdk_module, "accepted_options", lambda: older)
    result = sentry_guard.configure(
        dsn=SECRET_DSN, enable_logs=True, release="shop@1.0.0", transport=memory_transport(Captured())
    )
    assert result.enabled and "enable_logs" not in sentry_sdk.get_client().options.get("_experiments", {})
    assert _messages(guard_logs, logging.WARNING) == [
        f"sentry-sdk {sdk_version()} does not support SENTRY_ENABLE_LOGS; upgrade sentry-sdk or unset it"
    ]


def test_a_forked_child_initialises_again_and_says_why() -> None:
    """The client of the parent is not the child's (its worker thread did not come along)."""
    script = textwrap.dedent(
        f"""
        import logging, os, sys
        import sentry_guard
        from sentry_guard.testing import Captured, memory_transport

        logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
        transport = memory_transport(Captured())
        sentry_guard.configure(dsn={SECRET_DSN!r}, release="shop@1.0.0", transport=transport)
        pid = os.fork()
        if pid == 0:
            print("child:", sentry_guard.configure(dsn={SECRET_DSN!r}, release="shop@1.0.0", transport=transport).enabled)
            sys.stdout.flush()
        else:
            os.waitpid(pid, 0)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines.count("Sentry re-initialised: in a new process (forked from the one that configured it)") == 1
    )
    assert "child: True" in lines
