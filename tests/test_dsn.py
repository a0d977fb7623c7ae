"""DSN rules: what sentry-sdk can use, and the key never shown."""

from __future__ import annotations

import pytest
import sentry_sdk.utils
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard import Dsn, InvalidDsn, validate_dsn

KEY = "c0ffee0123456789abcdef0123456789"

VALID = [
    f"https://{KEY}@o1.ingest.sentry.io/42",
    f"https://{KEY}:s3cr3t@sentry.example.com/7",
    f"http://{KEY}@127.0.0.1:9000/1",
    f"https://{KEY}@sentry.example.com/prefix/path/99",
    f"https://{KEY}@[::1]:8443/5",
    f"  https://{KEY}@o1.ingest.sentry.io/42\n",
]

INVALID = [
    ("", "empty"),
    ("   ", "empty"),
    (f"ftp://{KEY}@o1.ingest.sentry.io/42", "format"),
    (f"{KEY}@o1.ingest.sentry.io/42", "format"),
    ("https://o1.ingest.sentry.io/42", "format"),
    (f"https://{KEY}@/42", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io/", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io/42/", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io/project", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io:99999/42", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io:port/42", "format"),
    (f"https://{KEY}@o1.ingest.sentry.io/42?x=1", "format"),
    (f"https://{KEY} @o1.ingest.sentry.io/42", "bad_characters"),
    (f"https://{KEY}@o1.ingest.sentry.io/4\x002", "bad_characters"),
]


@pytest.mark.parametrize("url", VALID)
def test_valid_dsn_is_usable_by_sentry_sdk(url: str) -> None:
    dsn = validate_dsn(url)
    sdk = sentry_sdk.utils.Dsn(dsn.reveal())
    assert sdk.project_id == dsn.project_id
    assert sdk.public_key == KEY


@pytest.mark.parametrize("url", VALID)
def test_key_and_secret_never_shown(url: str) -> None:
    dsn = validate_dsn(url)
    for text in (str(dsn), repr(dsn), dsn.masked, f"{dsn}", f"{dsn!r}"):
        assert KEY not in text
        assert "s3cr3t" not in text
        assert "***" in text
    assert dsn.project_id in dsn.masked


@pytest.mark.parametrize(("url", "kind"), INVALID)
def test_invalid_dsn(url: str, kind: str) -> None:
    with pytest.raises(InvalidDsn) as info:
        validate_dsn(url)
    assert info.value.kind == kind
    assert KEY not in str(info.value)
    assert "Fix:" in str(info.value)


@given(
    key=st.text(alphabet="0123456789abcdefXYZ", min_size=8, max_size=40),
    junk=st.text(max_size=30),
)
def test_key_never_in_error_for_any_mangled_dsn(key: str, junk: str) -> None:
    url = f"https://{key}@host{junk}"
    try:
        dsn = validate_dsn(url)
    except InvalidDsn as exc:
        assert key not in str(exc)
    else:
        assert key not in repr(dsn) or key in dsn.host + dsn.path + dsn.project_id


def test_dsn_equality_and_hash() -> None:
    a, b = validate_dsn(VALID[0]), validate_dsn(VALID[0])
    assert a == b and hash(a) == hash(b)
    assert a != validate_dsn(VALID[1])
    assert isinstance(a, Dsn)
