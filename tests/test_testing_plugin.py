"""The pytest plugin, as users use it: real pytest runs of user test files (pytester)."""

from __future__ import annotations

import pytest

USER_TESTS = """
import sentry_sdk
from sentry_guard.testing import assert_no_leaks

CARD = "4111 1111 1111 1111"
PASSWORD = "correct-Horse-9"

def checkout(card, password):
    raise ValueError("payment failed")

def test_card_and_password_never_leave(sentry_capture):
    try:
        checkout(CARD, PASSWORD)
    except ValueError:
        sentry_sdk.capture_exception()
    assert_no_leaks(sentry_capture, [CARD, PASSWORD])
    assert sentry_capture.events[0]["exception"]["values"][0]["type"] == "ValueError"

def test_a_leak_is_named(sentry_capture):
    sentry_sdk.set_tag("order_note", "gate code 4711-xyz")
    sentry_sdk.capture_message("order placed")
    assert_no_leaks(sentry_capture, ["gate code 4711-xyz"])
"""


def test_passing_and_failing_user_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*secret 'gate code 4711-xyz' leaked at event item 0: $.tags.order_note*"])


def test_marker_passes_settings(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_marker="""
import pytest, sentry_sdk

@pytest.mark.sentry_guard(send_default_pii=True, release="shop@1.0.0")
def test_user_kept(sentry_capture):
    sentry_sdk.set_user({"email": "jane@example.com"})
    sentry_sdk.capture_message("hello")
    (event,) = sentry_capture.events
    assert event["user"]["email"] == "jane@example.com"
    assert event["release"] == "shop@1.0.0"
"""
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_runs_without_the_fixture_are_unaffected(pytester: pytest.Pytester) -> None:
    """No Sentry client, no hooks, no warnings: the plugin only defines a fixture and a marker."""
    pytester.makepyfile(
        test_plain="""
import logging
import sentry_sdk

def test_sentry_untouched(caplog):
    caplog.set_level(logging.DEBUG)
    assert not sentry_sdk.get_client().is_active()
    assert sentry_sdk.get_client().options.get("before_send") is None
    assert not [r for r in caplog.records if r.name.startswith("sentry_guard")]
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=1)
