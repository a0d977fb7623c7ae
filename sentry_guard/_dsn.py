"""A parsed Sentry DSN that never shows its key: not in errors, logs, `repr` or `str`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import sentry_sdk.utils

from ._exceptions import InvalidDsn
from ._names import trim

__all__ = ["Dsn", "validate_dsn"]

_FORM = "http(s)://PUBLIC_KEY@HOST[:PORT]/[PATH/]PROJECT_ID"
_FIX = f"copy the DSN from Sentry (Project Settings > Client Keys); it looks like {_FORM}"
_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


class Dsn:
    """A validated DSN. `str()`/`repr()` mask the key; `reveal()` gives the real URL to the SDK."""

    __slots__ = ("_has_secret", "_url", "host", "path", "port", "project_id", "scheme")

    def __init__(
        self,
        url: str,
        *,
        scheme: str,
        host: str,
        port: int | None,
        path: str,
        project_id: str,
        has_secret: bool,
    ) -> None:
        self._url = url
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.project_id = project_id
        self._has_secret = has_secret

    def reveal(self) -> str:
        """The DSN with its key: only for handing to `sentry_sdk.init`."""
        return self._url

    @property
    def masked(self) -> str:
        """The DSN with key (and secret) replaced by ``***``: safe to print."""
        port = f":{self.port}" if self.port is not None else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        user = "***:***" if self._has_secret else "***"
        return f"{self.scheme}://{user}@{host}{port}{self.path}{self.project_id}"

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"Dsn({self.masked!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Dsn) and other._url == self._url

    def __hash__(self) -> int:
        return hash(self._url)


def validate_dsn(value: str) -> Dsn:
    """Parse `value` as sentry-sdk would and apply Sentry's DSN shape; raise `InvalidDsn`.

    Accepts only what `sentry_sdk.utils.Dsn` accepts (it has the last word), and refuses on
    purpose blanks, control characters, a query or fragment and a project id that is not
    plain ASCII digits. Messages describe what is wrong by part, never by echoing the value.
    """
    url = trim(value)
    if not url:
        raise InvalidDsn("the DSN is empty", "unset it to run without Sentry, or " + _FIX, kind="empty")
    if _UNSAFE.search(url):
        raise InvalidDsn("the DSN contains spaces or control characters", _FIX, kind="bad_characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise InvalidDsn(
            "the DSN is not a URL with a valid host and port (1-65535)", _FIX, kind="format"
        ) from None
    if parts.scheme not in ("http", "https"):
        raise InvalidDsn("the DSN must start with http:// or https://", _FIX, kind="format")
    if not parts.username:
        raise InvalidDsn("the DSN has no public key before '@'", _FIX, kind="format")
    if not parts.hostname:
        raise InvalidDsn("the DSN has no host after '@'", _FIX, kind="format")
    if parts.query or parts.fragment:
        raise InvalidDsn(
            "the DSN has a '?query' or '#fragment' part, which sentry-sdk ignores",
            "remove it; " + _FIX,
            kind="format",
        )
    prefix, _, project_id = parts.path.rpartition("/")
    if not project_id.isascii() or not project_id.isdigit():
        raise InvalidDsn(
            "the DSN must end with a numeric project id (no trailing '/')",
            _FIX,
            kind="format",
        )
    try:
        int(project_id)  # Python reads at most sys.get_int_max_str_digits() digits (4300)
    except ValueError:
        raise InvalidDsn(
            f"the project id has {len(project_id)} digits, more than sentry-sdk can read",
            _FIX,
            kind="format",
        ) from None
    try:  # the last word is sentry-sdk's: what passes here, sentry_sdk.init accepts
        sentry_sdk.utils.Dsn(url)
    except Exception as exc:  # pragma: no cover - the checks above refuse all sentry-sdk 2.0-2.75 does
        raise InvalidDsn(f"sentry-sdk cannot read it ({type(exc).__name__})", _FIX, kind="format") from None
    return Dsn(
        url,
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        path=prefix + "/",
        project_id=project_id,
        has_secret=parts.password is not None,
    )
