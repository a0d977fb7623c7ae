"""What the library prints of others' text: no control sequences, no URL passwords, no secrets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard._safe_text import EXCERPT_CHARS, clean, excerpt, looks_secret, mask_url, safe_error_text

from .conftest import SECRET_DSN, SECRET_KEY, SECRET_SECRET
from .samples import SECRETS

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.~%!$&'()*+,;=", min_size=1, max_size=20)


def no_controls(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text)


@given(st.text(max_size=400), st.integers(min_value=2, max_value=300))
def test_clean_is_one_short_line_without_controls(text: str, limit: int) -> None:
    cleaned = clean(text, limit)
    assert no_controls(cleaned) and len(cleaned) <= limit


def test_clean_keeps_readable_text() -> None:
    assert clean("\x1b[31mred\x1b[0m\r\nnext\u202e line") == "[31mred[0m next line"


@given(
    scheme=st.sampled_from(["http", "https", "postgres", "redis+tls"]),
    user=_word,
    password=st.none() | _word,
    host=st.from_regex(r"[a-z]{1,10}\.example", fullmatch=True),
)
def test_mask_url_hides_the_user_part(scheme: str, user: str, password: str | None, host: str) -> None:
    userinfo = user if password is None else f"{user}:{password}"
    masked = mask_url(f"see {scheme}://{userinfo}@{host}:8080/path?q=1 there")
    expected = "***" if password is None else "***:***"
    assert masked == f"see {scheme}://{expected}@{host}:8080/path?q=1 there"


@pytest.mark.parametrize("secret", SECRETS)
def test_a_secret_is_never_excerpted(secret: str) -> None:
    assert looks_secret(secret)
    for value in (secret, f"  {secret}  ", f"default,{secret}", f"{secret}=mask"):
        shown = excerpt(value)
        assert "not shown" in shown
        assert SECRET_KEY not in shown and SECRET_SECRET not in shown and secret not in shown


@given(st.text(max_size=200))
def test_an_excerpt_is_short_and_never_the_whole_of_a_long_value(value: str) -> None:
    shown = excerpt(value)
    assert no_controls(shown) and len(shown) <= 80
    if len(value) > EXCERPT_CHARS:
        assert value not in shown


@given(st.sampled_from(SECRETS), st.text(max_size=30), st.text(max_size=30))
def test_a_secret_inside_any_value_is_never_excerpted(secret: str, before: str, after: str) -> None:
    assert secret not in excerpt(before + secret + after)


@pytest.mark.parametrize("value", ["telepathy", "Mars/Olympus", "default,-ip", "x=hush", "/etc/app/.env"])
def test_an_ordinary_value_is_shown(value: str) -> None:
    assert excerpt(value) == repr(value)


def test_safe_error_text_removes_what_it_is_told_and_what_looks_secret() -> None:
    error = RuntimeError(f"cannot use {SECRET_DSN}: Bearer abc123def456ghi789 \x1b[2J\nbye")
    text = safe_error_text(error, replace=(SECRET_DSN,))
    assert text.startswith("RuntimeError: cannot use ***")
    assert "abc123def456ghi789" not in text and no_controls(text)
    leaked = safe_error_text(RuntimeError(f"dsn {SECRET_DSN}"))
    assert SECRET_SECRET not in leaked and SECRET_KEY not in leaked
