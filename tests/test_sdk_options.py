"""`configure()` passes every other `sentry_sdk.init` keyword through, merged with its own."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import sentry_sdk
from hypothesis import given
from hypothesis import strategies as st
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.threading import ThreadingIntegration

import sentry_guard
from sentry_guard import ConfigError, SentryGuardError, UnknownOption
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._options import split_keywords
from sentry_guard._sdk import accepted_options
from sentry_guard._settings import Settings


def _client_option(name: str) -> Any:
    return sentry_sdk.get_client().options[name]


def test_sdk_options_pass_through(endpoint: EnvelopeServer) -> None:
    def sampler(context: dict[str, Any]) -> float:
        return 0.25

    result = sentry_guard.configure(
        dsn=endpoint.dsn(),
        traces_sampler=sampler,
        in_app_exclude=["vendored"],
        attach_stacktrace=True,
        shutdown_timeout=1,
        max_breadcrumbs=7,  # also a setting: validated, then passed
        in_app_include=["shop"],
    )
    assert result.enabled
    assert _client_option("traces_sampler") is sampler
    assert _client_option("in_app_exclude") == ["vendored"]
    assert _client_option("attach_stacktrace") is True
    assert _client_option("max_breadcrumbs") == 7
    assert _client_option("in_app_include") == ["shop"]


@given(st.sampled_from(sorted(accepted_options() - set(Settings.model_fields))))
def test_every_option_the_installed_sdk_accepts_is_taken(name: str) -> None:
    settings, extras = split_keywords({name: object()})
    assert settings == {} and set(extras) == {name}


@pytest.mark.parametrize(
    ("keyword", "guess"),
    [
        ("max_breadcrumb", "max_breadcrumbs"),
        ("trace_sampler", "traces_sampler"),
        ("integration", "integrations"),
    ],
)
def test_an_unknown_keyword_names_it_and_the_closest(keyword: str, guess: str) -> None:
    options: dict[str, Any] = {keyword: 1}
    with pytest.raises(UnknownOption) as info:
        sentry_guard.configure(**options)
    assert isinstance(info.value, TypeError) and isinstance(info.value, SentryGuardError)
    message = str(info.value)
    assert f"'{keyword}' (did you mean '{guess}'?)" in message and "Fix:" in message
    assert "\n" not in message and info.value.names == (keyword,)
    assert not sentry_sdk.get_client().is_active()


def test_load_settings_says_an_sdk_option_belongs_to_configure() -> None:
    with pytest.raises(UnknownOption, match=r"'traces_sampler' is a sentry-sdk option, not a setting"):
        sentry_guard.load_settings(traces_sampler=lambda c: 1.0)


def test_user_hooks_run_after_the_chain(endpoint: EnvelopeServer) -> None:
    seen: list[dict[str, Any]] = []

    def before_send_transaction(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        seen.append(event)
        return {**event, "tags": {**event.get("tags", {}), "checked": "yes"}}

    def before_breadcrumb(crumb: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any] | None:
        return None if crumb.get("category") == "noise" else crumb

    sentry_guard.configure(
        dsn=endpoint.dsn(),
        traces_sample_rate=1.0,
        before_send_transaction=before_send_transaction,
        before_breadcrumb=before_breadcrumb,
    )
    sentry_sdk.add_breadcrumb(category="noise", message="dropped by the user's hook")
    sentry_sdk.add_breadcrumb(category="kept", message="mail jane.doe@example.com")
    with sentry_sdk.start_transaction(name="checkout"):
        sentry_sdk.set_tag("password", "hunter2-Secret!")
    sentry_sdk.capture_message("after")
    sentry_sdk.flush()
    endpoint.wait_for(2)
    (transaction,) = endpoint.payloads("transaction")
    assert transaction["tags"]["checked"] == "yes"
    # the user's hook saw what the chain had already scrubbed
    assert seen and seen[0]["tags"]["password"] == "[Filtered]"
    (event,) = endpoint.payloads("event")
    crumbs = [
        c.get("message") for c in event["breadcrumbs"]["values"] if c.get("category") in ("noise", "kept")
    ]
    assert crumbs == ["mail [email]"]


def test_a_hook_that_cannot_take_event_and_hint_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(
            dsn="https://0123456789abcdef0123456789abcdef@o0.ingest.sentry.invalid/1",
            before_send_transaction=lambda event: event,
        )
    (problem,) = info.value.problems
    assert problem.variable == "configure(before_send_transaction=...)"
    assert "cannot be called with (event, hint)" in problem.rule


def test_integrations_are_merged_and_a_users_celery_integration_gets_our_settings(
    endpoint: EnvelopeServer,
) -> None:
    threading = ThreadingIntegration(propagate_scope=False)
    sentry_guard.configure(
        dsn=endpoint.dsn(),
        celery_exclude_beat_tasks="cleanup-.*",
        integrations=[threading, CeleryIntegration(propagate_traces=False)],
    )
    client = sentry_sdk.get_client()
    assert client.get_integration(ThreadingIntegration) is threading
    celery = client.get_integration(CeleryIntegration)
    assert celery is not None
    # theirs where they chose (propagate_traces=False), ours where they left the default
    assert (celery.propagate_traces, celery.monitor_beat_tasks, celery.exclude_beat_tasks) == (
        False,
        True,
        ["cleanup-.*"],
    )


def test_same_options_do_not_reinitialise(endpoint: EnvelopeServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="sentry_guard")
    integrations = [ThreadingIntegration()]
    first = sentry_guard.configure(dsn=endpoint.dsn(), integrations=integrations, attach_stacktrace=True)
    assert (
        sentry_guard.configure(dsn=endpoint.dsn(), integrations=integrations, attach_stacktrace=True) is first
    )
    sentry_guard.configure(dsn=endpoint.dsn(), integrations=integrations, attach_stacktrace=False)
    assert _client_option("attach_stacktrace") is False
    assert any("re-initialised" in r.getMessage() for r in caplog.records)
