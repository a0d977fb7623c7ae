"""Which keys are sensitive: the design's lists, Relay's password rule, sentry-sdk's denylist,
common session cookies; and the names that must survive."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard._scrubbers.keys import KeyMatcher, split_words

from .samples import SENSITIVE

BENIGN = [
    # the design's list
    "author",
    "authority",
    "token_count",
    "max_tokens",
    "session_length",
    "secretary_name",
    "cache_key",
    "primary_key",
    # ordinary names
    "id",
    "user_id",
    "order_id",
    "name",
    "description",
    "url",
    "method",
    "status_code",
    "timestamp",
    "input_tokens",
    "total_tokens",
    "token_type",
    "sessions_count",
    "session_timeout",
    "keyboard_layout",
    "monkey",
    "public_key",
    "sort_key",
    "idempotency_key",
    "foreign_key",
    "authored_at",
    "authorship",
    "tokenizer",
    "key",
    "keys",
    "zip",
    "city",
    "country",
    "hostname",
    "server_name",
    "sku",
    "qty",
    "level",
    "logger",
    "message",
    "frames",
    "lineno",
    "function",
    "module",
    "in_app",
    "vars",
    "filename",
    "path",
    "query",
    "fragment",
]


@pytest.mark.parametrize("key", SENSITIVE)
def test_sensitive(key: str) -> None:
    assert KeyMatcher()(key), split_words(key)


@pytest.mark.parametrize("key", BENIGN)
def test_benign(key: str) -> None:
    assert not KeyMatcher()(key), split_words(key)


def test_table_size() -> None:
    assert len(SENSITIVE) + len(BENIGN) >= 60


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("db_password", ("db", "password")),
        ("userPassword", ("user", "password")),
        ("X-Api-Key", ("x", "api", "key")),
        ("APIKey", ("api", "key")),
        ("connect.sid", ("connect", "sid")),
        ("HTTP_X_FORWARDED_FOR", ("http", "x", "forwarded", "for")),
        ("oauth2Token", ("oauth", "2", "token")),
        ("", ()),
    ],
)
def test_split_words(key: str, words: tuple[str, ...]) -> None:
    assert split_words(key) == words


def test_extra_names_match_as_phrases() -> None:
    matcher = KeyMatcher(extra=["order_notes", "tax id"])
    assert matcher("order_notes") and matcher("customerOrderNotes") and matcher("TAX-ID")
    assert not matcher("order_id") and not matcher("notes")


def test_safe_names_are_exact() -> None:
    matcher = KeyMatcher(safe=["session"])
    assert not matcher("session") and not matcher("Session")
    assert matcher("user_session")


@given(st.text(max_size=40))
def test_decision_is_stable_and_cached(key: str) -> None:
    matcher = KeyMatcher()
    assert matcher(key) == matcher(key) == (KeyMatcher()._why(key) is not None)
    assert key in matcher.decisions


@given(
    st.text(max_size=40) | st.sampled_from(["api [email] key", "contact [email] password", "x [ip] token"])
)
def test_reason_is_the_same_cached_or_not(key: str) -> None:
    """The word kept from the decision is the word found afresh, in a matcher that never
    judged the key, and in one whose cache was emptied in between."""
    judged, fresh, emptied = (
        KeyMatcher(extra=["tax id"]),
        KeyMatcher(extra=["tax id"]),
        KeyMatcher(extra=["tax id"]),
    )
    judged(key)
    emptied(key)
    emptied.decisions.clear()
    assert judged.reason(key) == fresh.reason(key) == emptied.reason(key)
    assert (judged.reason(key) is not None) == judged(key)


@pytest.mark.parametrize(
    ("key", "word"),
    [
        ("access_tokens", "access_tokens"),
        ("refreshTokens", "refresh_tokens"),
        ("e-mail", "e_mail"),
        ("E_Mail", "e_mail"),
        ("birth_date", "birth_date"),
        ("birthDate", "birth_date"),
    ],
)
def test_the_reason_names_the_rule_s_words(key: str, word: str) -> None:
    """A two-word rule (``tokens`` after an owner, ``mail`` after ``e``, ``birth`` before
    ``date``) is told by its own words, never the key's text."""
    assert KeyMatcher().reason(key) == word


@pytest.mark.parametrize("key", ["max_tokens", "tokens", "mail", "date", "birth", "order_id"])
def test_no_reason_for_a_key_that_is_not_filtered(key: str) -> None:
    matcher = KeyMatcher()
    assert not matcher(key) and matcher.reason(key) is None


def test_matchers_with_the_same_names_are_equal() -> None:
    assert KeyMatcher(["order notes"], ["token type"]) == KeyMatcher(["order_notes"], ["tokenType"])
    assert hash(KeyMatcher(["order notes"])) == hash(KeyMatcher(["orderNotes"]))
    assert KeyMatcher(["order notes"]) != KeyMatcher() and KeyMatcher() != "KeyMatcher()"


def test_the_words_kept_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unique sensitive keys, more than the bound: the words kept are emptied like the
    decisions, and the reason is still found afresh."""
    monkeypatch.setattr(KeyMatcher, "MAX_CACHED", 16)
    matcher = KeyMatcher()
    for i in range(100):
        assert matcher(f"password_{i}")
        assert len(matcher._words) <= 16
    assert matcher.reason("password_0") == "password"
