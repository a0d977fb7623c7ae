"""The pytest helpers on payloads the user-test examples do not send: transactions, a secret
in a key, an attachment (no JSON), a secret only in an item's header."""

from __future__ import annotations

import json

import pytest
import sentry_sdk

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard.testing import Captured, assert_no_leaks, reset


def _failure(captured: Captured, secret: str) -> str:
    with pytest.raises(pytest.fail.Exception) as info:
        assert_no_leaks(captured, [secret])
    return str(info.value)


@pytest.mark.sentry_guard(traces_sample_rate=1.0)
def test_transactions_are_captured_apart_from_events(sentry_capture: Captured) -> None:
    with sentry_sdk.start_transaction(name="checkout", op="task"):
        pass
    sentry_capture.flush()
    assert [t["transaction"] for t in sentry_capture.transactions] == ["checkout"]
    assert sentry_capture.events == []


def test_a_secret_in_a_key_is_named_as_a_key(sentry_capture: Captured) -> None:
    sentry_sdk.set_extra("gate code 4711-xyz", True)
    sentry_sdk.capture_message("order placed")
    assert _failure(sentry_capture, "gate code 4711-xyz") == (
        "secret 'gate code 4711-xyz' leaked at event item 0: $.extra.<key 'gate code 4711-xyz'>"
    )


def test_an_attachment_is_read_as_text_and_an_item_header_as_raw_bytes(sentry_capture: Captured) -> None:
    sentry_sdk.get_isolation_scope().add_attachment(bytes=b"PIN 4711 for the safe", filename="notes-4711.txt")
    sentry_sdk.capture_message("order placed")
    assert _failure(sentry_capture, "PIN 4711 for the safe") == (
        "secret 'PIN 4711 for the safe' leaked at attachment item 1: $"
    )
    assert _failure(sentry_capture, "notes-4711") == "secret 'notes-4711' leaked at (raw envelope bytes)"


def test_reset_forgets_what_the_scopes_recorded(endpoint: EnvelopeServer) -> None:
    sentry_guard.configure(dsn=endpoint.dsn())
    sentry_sdk.add_breadcrumb(message="recorded by an earlier test")
    sentry_sdk.set_tag("earlier", "yes")
    reset()
    sentry_guard.configure(dsn=endpoint.dsn())
    sentry_sdk.capture_message("this test's event")
    sentry_sdk.flush()
    endpoint.wait_for(1)
    (event,) = endpoint.payloads("event")
    assert event["message"] == "this test's event"
    assert "recorded by an earlier test" not in json.dumps(event) and "earlier" not in event.get("tags", {})
