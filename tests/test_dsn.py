"""DSN rules: what sentry-sdk can use, and the key never shown."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import sentry_sdk.utils
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import Dsn, InvalidDsn, validate_dsn
from sentry_guard._names import trim

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


# -- validation accepts what sentry-sdk accepts (issue 13) --------------------------------------


def sdk_parse(url: str) -> sentry_sdk.utils.Dsn | None:
    try:
        return sentry_sdk.utils.Dsn(url)
    except Exception:
        return None


def deliberately_stricter(url: str) -> bool:
    """Where validate_dsn refuses on purpose what sentry-sdk would take: blanks or control
    characters anywhere, a ``?query`` or ``#fragment`` (ignored by the SDK: a paste error), a
    project id that is not plain ASCII digits (``+1``, ``1_0``, Arabic-Indic digits)."""
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return True
    parts = urlsplit(url)
    project = parts.path.rpartition("/")[2]
    return bool(parts.query or parts.fragment) or not (project.isascii() and project.isdigit())


def test_a_project_id_sentry_sdk_cannot_read_is_refused() -> None:
    """5000 digits passed validation, then sentry_sdk.init raised BadDsn."""
    url = f"https://{KEY}@o1.ingest.sentry.io/{'7' * 5000}"
    assert sdk_parse(url) is None
    with pytest.raises(InvalidDsn) as info:
        validate_dsn(url)
    assert KEY not in str(info.value) and len(str(info.value)) < 400


_chars = st.text(st.sampled_from([*"abc019:@/?#[]%. -_+", "\t", "\n", "\x00", "٣", "é", "²"]), max_size=12)
#: each part of a DSN: one valid form, and forms sentry-sdk or validate_dsn may refuse
_PARTS = {
    "scheme": ("https", st.sampled_from(["http", "HTTPS", "ftp", "", "ht tp"])),
    "key": (KEY, st.sampled_from(["", "k", "a:b", "k@y", "k%40y", KEY + ":", KEY + ":s3:cr@t"]) | _chars),
    "host": (
        "o1.ingest.sentry.io",
        st.sampled_from(["127.0.0.1", "[::1]", "[::1", "", "ex\u00e4mple.com"]) | _chars,
    ),
    "port": ("", st.sampled_from([":", ":0", ":443", ":65535", ":65536", ":-1", ":x", ":٣"])),
    "path": ("/", st.sampled_from(["/prefix/", "//", "/a/b/", "", "/a b/"]) | _chars),
    "project": (
        "42",
        st.sampled_from(["0", "0042", "+1", "-1", " 1", "1_000", "٣", "²", "", "1" * 4301])
        | st.integers(min_value=0, max_value=10**30).map(str)
        | st.text("0123456789", min_size=4290, max_size=4310),
    ),
    "tail": ("", st.sampled_from(["?x=1", "#f", "/", "?", " ", "\n"])),
}


@st.composite
def _dsn_like(draw: st.DrawFn) -> str:
    """A DSN with one or two of its parts changed (so most are one step from valid)."""
    changed = draw(st.sets(st.sampled_from(sorted(_PARTS)), max_size=2))
    part = {name: draw(weird) if name in changed else valid for name, (valid, weird) in _PARTS.items()}
    return "{scheme}://{key}@{host}{port}{path}{project}{tail}".format(**part)


@settings(max_examples=400)
@given(st.one_of(_dsn_like(), st.text(max_size=60)))
def test_validation_agrees_with_sentry_sdk(url: str) -> None:
    """Differential: what validate_dsn accepts, sentry-sdk parses to the same parts; what
    sentry-sdk refuses, validate_dsn refuses (with InvalidDsn, never another exception); the
    only DSNs refused beyond sentry-sdk are the deliberate ones above."""
    try:
        dsn = validate_dsn(url)
    except InvalidDsn:
        dsn = None
    trimmed = trim(url)
    sdk = sdk_parse(trimmed)
    if dsn is not None:
        assert sdk is not None, "accepted, but sentry-sdk cannot use it"
        parsed = sentry_sdk.utils.Dsn(dsn.reveal())
        assert (parsed.scheme, parsed.host, parsed.path) == (dsn.scheme, dsn.host, dsn.path)
        assert parsed.project_id == str(int(dsn.project_id))
        assert parsed.port == (dsn.port if dsn.port is not None else {"http": 80, "https": 443}[dsn.scheme])
    elif sdk is not None:
        assert deliberately_stricter(trimmed), "sentry-sdk takes it, validate_dsn refused it"
