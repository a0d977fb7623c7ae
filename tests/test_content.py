"""The default scrubber on strings: structure inside them, precision on benign look-alikes,
generated secrets in random text and structures, adversarial input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import FILTERED, DefaultScrubber

from .strategies import benign, filler, secrets

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")

BENIGN = [
    "df4aa5ba-7846-20b8-c938-b5470e40f79b",  # UUID
    "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b",  # git SHA
    "3f2a9c1",  # short SHA
    "0000000000000000000000000a67000000000133",  # a SHA with 14 digits that pass Luhn
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  # sha256
    "9a70cfc52eef4401",  # span id
    "7346ba159ba3f535895eba54384dd635",  # event id
    "2026-11-27T01:48:00Z",
    "2026-11-27 01:48:00.123456+00:00",
    "Fri, 27 Nov 2026 01:48:00 GMT",
    "1732672800",  # epoch seconds
    "1732672800000",  # epoch millis (13 digits, fails Luhn)
    "4111111111111112",  # 16 digits failing Luhn
    "order #100045678912",
    "ORD-2026-000123",
    "SKU-43800",
    "1.2.3",
    "4.12.0",
    "3.12.3",
    "1.2.3.400",  # version-like, not an IP
    "10.0.1",
    "v2.31.0",
    "shop@4.12.0",  # a release, not an email
    "/srv/app/shop/billing.py",
    "C:\\Users\\app\\shop\\billing.py",
    "shop.billing.views.checkout",
    "app.billing",
    "SELECT id, name FROM users WHERE id = %s",
    "SELECT * FROM orders WHERE created_at > %s AND status = %s",
    "UPDATE users SET last_login = now() WHERE id = $1",
    "GET /api/v2/orders/25824",
    "https://api.example.com/v2/opbncmyk/25824?page=5&limit=50",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
    "en-GB,en;q=0.9",
    "max_tokens=4096",
    "token_count: 512",
    "The session expired; please log in again.",
    "Token expired for user",
    "Basic authentication is disabled",
    "HTTP/1.1 200 OK",
    "localhost:8000",
    "00:00:5e:00:53:xx",  # not a MAC address (and MAC addresses are personal data now)
    "std::vector<int>",
    "payment declined for order total 42",
    "<Session object at 0x7f00aa>",
    "12:30:45",
    "+15",
    "PT30M",
    "ghp_short",
    "AKIA",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_survives(text: str) -> None:
    assert DefaultScrubber().scrub_text(text) == text


def test_benign_table_size() -> None:
    assert len(BENIGN) >= 40


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ('{"user": "bob", "password": "hunter2", "n": 7}', "hunter2", '"n": 7'),
        ('[{"token":"abc123"},{"ok":true}]', "abc123", '"ok":true'),
        ("{'password': 'hunter2', 'id': 7}", "hunter2", "'id': 7"),
        ("{'card': '4111111111111111', 'obj': <Foo object at 0x7f00>}", "4111111111111111", "<Foo object"),
        ("user=bob&password=hunter2&next=/cart", "hunter2", "next=/cart"),
        ("sessionid=abc123; csrftoken=def456; theme=dark", "abc123", "theme=dark"),
        ("sessionid=abc123; Path=/; HttpOnly", "abc123", "HttpOnly"),
        ("https://shop.example.com/cb?code=ok&access_token=tok123#x", "tok123", "code=ok"),
        ("postgres://shop:s3cr3tPw@db:5432/shop", "s3cr3tPw", "db:5432/shop"),
        ('    password = "hunter2"', "hunter2", "password ="),
        ("API_KEY: 'xyz-123-abc'", "xyz-123-abc", "API_KEY"),
        ("Authorization: Bearer abc.def.ghi123", "abc.def.ghi123", "Authorization"),
        ("login failed: password=hunter2 user=bob", "hunter2", "user=bob"),
        ("token: abc123, retry: 3", "abc123", "retry: 3"),
        ('"password": "hun\\"ter2", "x": 1', 'hun\\"ter2', '"x": 1'),
    ],
)
def test_structure_inside_strings(text: str, gone: str, kept: str) -> None:
    out = DefaultScrubber().scrub_text(text)
    assert gone not in out and kept in out, out


def test_json_text_keeps_its_shape() -> None:
    text = json.dumps(
        {"a": 1, "password": "x", "nested": {"email": "bob@example.com"}}, separators=(",", ":")
    )
    out = DefaultScrubber().scrub_text(text)
    assert json.loads(out) == {"a": 1, "password": FILTERED, "nested": {"email": FILTERED}}
    assert ", " not in out  # compact stays compact


@settings(max_examples=300, deadline=None)
@given(secret=secrets, before=filler, after=filler)
def test_generated_secrets_in_text_never_survive(secret: str, before: str, after: str) -> None:
    text = f"{before} {secret} {after}"
    assert secret not in DefaultScrubber().scrub_text(text)


def _place(secret: str, where: Any) -> Any:
    kind, position = where
    if kind == "list":
        return {"values": [*["ok", secret, 3][:position], secret]}
    if kind == "json":
        return {"blob": json.dumps({"note": f"see {secret}"})}
    return {"message": f"failed for {secret} at step {position}"}


@settings(max_examples=200, deadline=None)
@given(secret=secrets, where=st.tuples(st.sampled_from(["list", "json", "text"]), st.integers(0, 3)))
def test_generated_secrets_in_structures_never_survive(secret: str, where: Any) -> None:
    event = {"extra": _place(secret, where)}
    out = DefaultScrubber()(event, {})
    assert secret not in json.dumps(out)
    assert secret.replace("/", "\\/") not in json.dumps(out)


_SCHEMES = ("bearer", "basic", "token", "digest", "apikey", "api-key")


@settings(max_examples=300, deadline=None)
@given(value=benign, before=filler.filter(lambda f: not f.rstrip().lower().endswith(_SCHEMES)))
def test_generated_benign_values_survive(value: str, before: str) -> None:
    """(After ``Bearer`` or ``ApiKey`` even a UUID is a credential: that case is excluded.)"""
    text = f"{before} {value}"
    assert DefaultScrubber().scrub_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "a" * (1 << 20) + "@",
        "4" * (1 << 20),
        "." * 100_000,
        "a=" * (1 << 19),
        "[{" * (1 << 18) + "}]" * (1 << 18),
        "0." * (1 << 19),
        ":" * (1 << 20),
        "eyJ" * 300_000,
        "-----BEGIN PRIVATE KEY-----" * 30_000,
    ],
    ids=["a-then-at", "digits", "dots", "equals", "brackets", "zero-dots", "colons", "eyJ", "pem"],
)
def test_adversarial_input_is_scanned_not_skipped(text: str) -> None:
    """Large hostile strings finish (linear patterns) and are really scanned."""
    scrubber = DefaultScrubber()
    out = scrubber.scrub_text(text + " mail me at jane@example.com")
    assert "jane@example.com" not in out


def test_pii_switch_keeps_identity_in_user_fields_only() -> None:
    event = {
        "user": {"email": "jane@example.com", "ip_address": "203.0.113.9"},
        "message": "password reset for jane@example.com from 203.0.113.9",
        "request": {"env": {"REMOTE_ADDR": "203.0.113.9"}},
    }
    on = DefaultScrubber(send_default_pii=True)(event, {})
    assert on["user"] == event["user"] and on["request"]["env"]["REMOTE_ADDR"] == "203.0.113.9"
    assert on["message"] == "password reset for [email] from [ip]"
    off = DefaultScrubber()(event, {})
    assert "jane@example.com" not in json.dumps(off) and "203.0.113.9" not in json.dumps(off)


def test_secrets_go_whatever_the_pii_switch_says() -> None:
    event = {"user": {"id": "7"}, "extra": {"note": "card 4111 1111 1111 1111", "password": "x"}}
    on = DefaultScrubber(send_default_pii=True)(event, {})
    assert on["extra"] == {"note": "card [creditcard]", "password": FILTERED}


def test_a_lone_v_before_an_address_is_not_a_version() -> None:
    """``v10.0.19041.1`` is a version; ``V 0.0.0.1`` (found by hypothesis) is an address after a word."""
    scrubber = DefaultScrubber()
    assert scrubber.scrub_text("v10.0.19041.1") == "v10.0.19041.1"
    assert "0.0.0.1" not in scrubber.scrub_text("V 0.0.0.1 ")
    assert "1.2.3.4" not in scrubber.scrub_text("5V1.2.3.4")
