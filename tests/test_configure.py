"""configure() end to end with a real sentry-sdk client and a loopback endpoint."""

from __future__ import annotations

import logging
import warnings
from typing import Any

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

import sentry_guard
from sentry_guard import ConfigError
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._hooks import default_chain, sdk_hooks
from sentry_guard._sdk import accepted_options, sdk_options

from .conftest import SECRET_DSN, SECRET_KEY, SECRET_SECRET


def test_captured_message_arrives_with_release_environment_dist(
    endpoint: EnvelopeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_DSN", endpoint.dsn())
    monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv("GITHUB_SHA", "3f2a9c1d0b7e")
    monkeypatch.setenv("SENTRY_ENVIRONMENT", "staging")
    monkeypatch.setenv("SENTRY_DIST", "421")
    result = sentry_guard.configure()
    assert result.enabled and result.reason is None
    sentry_sdk.capture_message("hello from the test")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    (event,) = endpoint.payloads("event")
    assert event["release"] == "shop@3f2a9c1d0b7e"
    assert event["environment"] == "staging"
    assert event["dist"] == "421"
    assert "hello from the test" in str(event.get("message") or event.get("logentry"))


def test_no_dsn_stays_off_with_one_info_line(guard_logs: pytest.LogCaptureFixture) -> None:
    result = sentry_guard.configure()
    assert not result.enabled
    assert result.reason == "SENTRY_DSN is not set"
    assert not sentry_sdk.get_client().is_active()
    records = [r for r in guard_logs.records if r.name == "sentry_guard"]
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.INFO, "Sentry is off: SENTRY_DSN is not set")
    ]


def test_invalid_configuration_lists_every_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN + "/")
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    monkeypatch.setenv("SENTRY_ENVIRONMENT", "prod/eu")
    monkeypatch.setenv("SENTRY_TRACES_SAMPLE_RATE", "10")
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure()
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    for variable in ("SENTRY_DSN", "SENTRY_RELEASE", "SENTRY_ENVIRONMENT", "SENTRY_TRACES_SAMPLE_RATE"):
        assert f"- {variable}" in message
    assert message.count("Fix:") == 4
    assert SECRET_KEY not in message and SECRET_SECRET not in message
    assert not sentry_sdk.get_client().is_active()


def test_lenient_mode_logs_one_error_and_keeps_going(
    monkeypatch: pytest.MonkeyPatch, guard_logs: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN)
    monkeypatch.setenv("SENTRY_RELEASE", "a/b")
    monkeypatch.setenv("SENTRY_SAMPLE_RATE", "x")
    monkeypatch.setenv("SENTRY_GUARD_STRICT", "false")
    result = sentry_guard.configure()
    assert not result.enabled
    assert result.reason == "invalid configuration"
    assert {p.variable for p in result.problems} == {"SENTRY_RELEASE", "SENTRY_SAMPLE_RATE"}
    errors = [r for r in guard_logs.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "SENTRY_RELEASE" in errors[0].getMessage() and "SENTRY_SAMPLE_RATE" in errors[0].getMessage()
    assert not sentry_sdk.get_client().is_active()
    assert SECRET_KEY not in guard_logs.text


def test_same_inputs_do_not_reinitialise(
    endpoint: EnvelopeServer, guard_logs: pytest.LogCaptureFixture
) -> None:
    first = sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0")
    client = sentry_sdk.get_client()
    second = sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0")
    assert second is first
    assert sentry_sdk.get_client() is client
    assert sum("Sentry is on" in r.getMessage() for r in guard_logs.records) == 1


def test_different_inputs_reinitialise_and_say_so(
    endpoint: EnvelopeServer, guard_logs: pytest.LogCaptureFixture
) -> None:
    sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0")
    client = sentry_sdk.get_client()
    result = sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.1")
    assert sentry_sdk.get_client() is not client
    assert result.settings is not None and result.settings.release == "shop@1.0.1"
    reinit = [r.getMessage() for r in guard_logs.records if "re-initialised" in r.getMessage()]
    assert reinit == ["Sentry re-initialised: SENTRY_RELEASE changed"]
    sentry_sdk.capture_message("after")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    assert [e["release"] for e in endpoint.payloads("event")] == ["shop@1.0.1"]


def test_reconfigure_without_dsn_turns_sentry_off(endpoint: EnvelopeServer) -> None:
    assert sentry_guard.configure(dsn=endpoint.dsn()).enabled
    assert sentry_sdk.get_client().is_active()
    assert not sentry_guard.configure().enabled
    assert not sentry_sdk.get_client().is_active()


def test_secret_never_in_logs_or_result_repr(guard_logs: pytest.LogCaptureFixture) -> None:
    result = sentry_guard.configure(dsn=SECRET_DSN, release="shop@1.0.0", debug=False)
    assert result.enabled
    for text in (guard_logs.text, repr(result), str(result)):
        assert SECRET_KEY not in text and SECRET_SECRET not in text


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"send_default_pii": True},
        {"send_default_pii": False, "include_local_variables": False},
        {"profiles_sample_rate": 0.5, "traces_sample_rate": 1.0},
        {"enable_logs": True, "max_request_body_size": "always"},
    ],
)
def test_no_deprecation_warning(endpoint: EnvelopeServer, overrides: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = sentry_guard.configure(dsn=endpoint.dsn(), **overrides)
    assert result.enabled


def test_only_accepted_options_are_passed() -> None:
    settings = sentry_guard.load_settings(
        dsn=SECRET_DSN, profiles_sample_rate=0.3, enable_logs=True, send_default_pii=True
    )
    options, unsupported = sdk_options(settings, sdk_hooks(settings, default_chain(settings)))
    assert set(options) <= accepted_options()
    # sentry-sdk < 2.35 had no `enable_logs`: reported, not passed
    assert unsupported == ([] if "enable_logs" in accepted_options() else ["SENTRY_ENABLE_LOGS"])


def test_old_sdk_gets_send_default_pii_and_reports_what_it_lacks() -> None:
    """sentry-sdk 2.0 had neither data_collection, continuous profiling nor logs."""
    old = accepted_options() - {
        "data_collection",
        "profile_session_sample_rate",
        "profile_lifecycle",
        "enable_logs",
        "before_send_log",
    }
    settings = sentry_guard.load_settings(
        dsn=SECRET_DSN, profiles_sample_rate=0.3, enable_logs=True, send_default_pii=True
    )
    options, unsupported = sdk_options(settings, sdk_hooks(settings, default_chain(settings)), accepted=old)
    assert options["send_default_pii"] is True
    assert options["profiles_sample_rate"] == 0.3
    assert "data_collection" not in options and "enable_logs" not in options
    assert unsupported == ["SENTRY_ENABLE_LOGS"]


@pytest.mark.parametrize("pii", [True, False])
def test_pii_switch_uses_what_the_installed_sdk_wants(pii: bool) -> None:
    settings = sentry_guard.load_settings(dsn=SECRET_DSN, send_default_pii=pii)
    options, _ = sdk_options(settings, sdk_hooks(settings, default_chain(settings)))
    if "data_collection" in accepted_options():  # sentry-sdk >= 2.75 deprecates send_default_pii
        assert "send_default_pii" not in options
        assert options["data_collection"]["user_info"] is pii
    else:
        assert options["send_default_pii"] is pii


def test_import_pulls_in_no_framework() -> None:
    import subprocess
    import sys

    code = "import sys, sentry_guard; print(sorted(m for m in ('celery','django') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


class RefusingTransport(Transport):
    """A real sentry-sdk transport class that refuses to start, naming the DSN as some errors do."""

    def __init__(self, options: dict[str, object]) -> None:
        raise RuntimeError(f"cannot start a transport for {options['dsn']}")

    def capture_envelope(self, envelope: object) -> None:  # pragma: no cover - never started
        pass


def test_an_exception_from_sentry_sdk_init_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN)
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(transport=RefusingTransport)
    message = str(info.value)
    assert "sentry-sdk refused the configuration (RuntimeError: cannot start a transport for" in message
    assert SECRET_KEY not in message and SECRET_SECRET not in message
    assert info.value.__suppress_context__  # the original, with the DSN in it, is not shown
    assert not sentry_sdk.get_client().is_active()


def test_an_exception_from_sentry_sdk_init_when_lenient_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, endpoint: EnvelopeServer, guard_logs: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SENTRY_DSN", endpoint.dsn(key=SECRET_KEY))
    assert sentry_guard.configure().enabled  # a working client first: it must not stay on
    monkeypatch.setenv("SENTRY_GUARD_STRICT", "false")
    guard_logs.clear()
    result = sentry_guard.configure(transport=RefusingTransport)
    assert not result.enabled and result.reason == "invalid configuration"
    assert not sentry_sdk.get_client().is_active()
    errors = [r for r in guard_logs.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "sentry-sdk refused the configuration" in errors[0].getMessage()
    assert SECRET_KEY not in guard_logs.text
