"""Rules that decide between two readings of the same text: overlaps, look-alikes, context."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from sentry_guard._scrubbers.chain import FAILED_TAG, fail_closed
from sentry_guard._scrubbers.default import DefaultScrubber

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("password=Summer67 4111 1111 1111 1111", ["Summer67", "4111 1111 1111 1111"]),
        (
            "secret=x-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq98Yx2\n-----END RSA PRIVATE KEY-----",
            ["MIIEpAIBAAKCAQEA7bq98Yx2", "x-----BEGIN"],
        ),
        ("token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMDEy and more", ["eyJzdWIiOiIxIn0"]),
    ],
)
def test_overlapping_rules_remove_the_union(text: str, gone: list[str]) -> None:
    out = DefaultScrubber().scrub_text(text)
    assert [g for g in gone if g in out] == []


def test_url_credentials_never_cross_quotes_blanks_or_semicolons() -> None:
    scrub = DefaultScrubber().scrub_text
    text = '{"url": "http://a:b", "owner": "c@d.example.com"}'
    assert scrub(text) == '{"url": "http://a:b", "owner": "[email]"}'
    assert scrub("Server=tcp://db:1433;Database=x;owner=ops@corp.example.net") == (
        "Server=tcp://db:1433;Database=x;owner=[email]"
    )
    assert scrub("redis://:s3cret@cache:6379/0") == "redis://:[Filtered]@cache:6379/0"
    assert scrub("see http://x:y then mail z@w.example.org") == "see http://x:y then mail [email]"


def test_an_invalid_iban_is_not_relabelled_as_a_card() -> None:
    scrub = DefaultScrubber().scrub_text
    for mistyped in ("NL42 5172 9435 9484 05", "NL4251729435948405"):  # NL: 18 characters, bad check
        assert "[creditcard]" not in scrub(mistyped)
    assert scrub("DE89 3704 0044 0532 0130 00") == "[iban]"
    # a made-up prefix hides no card
    assert scrub("AB12 4111 1111 1111 1111") == "AB12 [creditcard]"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Could not load file or assembly 'Foo, Version=11.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e'",
            True,
        ),
        ("Microsoft Windows NT 10.0.19041.1", True),
        ("GET http://127.0.0.1:8000/health", True),
        ("runserver --host=0.0.0.0 --port=8000", True),
        ("listening on [::1]:5432", True),
        ("client 203.0.113.42 refused", False),
    ],
)
def test_addresses_need_an_address_context(text: str, kept: bool) -> None:
    assert (DefaultScrubber().scrub_text(text) == text) is kept


def test_echoes_match_whole_tokens_only() -> None:
    event = {
        "user": {"username": "Example"},
        "extra": {"password": "hunter2-S3cret!pw"},
        "exception": {"values": [{"value": "login failed for Example with hunter2-S3cret!pw"}]},
        "stacktrace": {"frames": [{"abs_path": "/srv/Examples/SwiftTVOSExample/App.swift"}]},
    }
    out = DefaultScrubber()(event, {})
    assert out["stacktrace"]["frames"][0]["abs_path"] == "/srv/Examples/SwiftTVOSExample/App.swift"
    assert out["exception"]["values"][0]["value"] == "login failed for Example with [Filtered]"


def test_nothing_to_hide_is_left_as_it_is() -> None:
    event = {"request": {"env": {"AUTH_TYPE": None}, "cookies": {}}, "extra": {"password": "", "token": []}}
    assert DefaultScrubber()(event, {}) == event


def _failing(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("order-notes", "order-notes"),
        ("myapp.sentry.scrub_orders", "myapp.sentry.scrub_orders"),
        ("jane.doe@example.com", "unnamed"),
        ("4111111111111111", "unnamed"),
        ("notes for jane", "unnamed"),
    ],
)
def test_the_failure_tag_names_only_identifiers(
    name: str, tag: str, caplog: pytest.LogCaptureFixture
) -> None:
    class Named:
        def __init__(self) -> None:
            self.name = name

        def __call__(self, event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
            raise RuntimeError("boom")

    caplog.set_level(logging.ERROR, logger="sentry_guard")
    out = fail_closed(Named(), "event")({"message": "x"}, {})
    assert out["tags"] == {FAILED_TAG: tag}
    assert name not in caplog.text or name == tag
