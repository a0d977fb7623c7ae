"""Secrets by content: JWTs, Authorization credentials, passwords in URLs, private keys.

Service tokens (API keys by their documented prefixes) are in `tokens`."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator

from ._format import Format, Span

__all__ = ["CREDENTIAL_FORMATS"]

_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _jwt_header_ok(segment: str) -> bool:
    try:
        header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, binascii.Error):
        return False
    return isinstance(header, dict) and "alg" in header


def find_jwts(text: str, context: str | None = None) -> Iterator[Span]:
    """Three base64url parts whose first decodes to a JSON header with ``alg``.

    Each part is consumed once with an anchored match (no regex backtracking over a long
    run: ``eyJ`` repeated a million times is still one linear pass).
    """
    at = text.find("eyJ")
    while at != -1:
        header_end = _B64URL.match(text, at).end()  # type: ignore[union-attr]  # `*` always matches
        end = _jwt_end(text, at, header_end)
        if (
            end is not None
            and not (at and text[at - 1] in _TOKEN_CHARS)
            and _jwt_header_ok(text[at:header_end])
        ):
            yield at, end
        at = text.find("eyJ", max(header_end, at + 1))


def _jwt_end(text: str, start: int, header_end: int) -> int | None:
    """Where the token that starts at `start` ends, if a payload and a signature part follow."""
    if header_end - start < 11 or text[header_end : header_end + 1] != ".":
        return None
    payload_end = _B64URL.match(text, header_end + 1).end()  # type: ignore[union-attr]
    if payload_end - header_end - 1 < 2 or text[payload_end : payload_end + 1] != ".":
        return None
    return _B64URL.match(text, payload_end + 1).end()  # type: ignore[union-attr]


#: standard or URL-safe base64 text, `=` padded or not
_B64_RUN = re.compile(r"[A-Za-z0-9+/_-]{16,16384}={0,2}")


def find_wrapped_jwts(text: str, context: str | None = None) -> Iterator[Span]:
    """A JWT wrapped in base64 (``ZXlK`` is how ``eyJ`` reads once encoded: cookies and
    headers that carry a token whole): the run goes when it decodes to text starting with
    a JWT."""
    at = text.find("ZXlK")
    while at != -1:
        match = _B64_RUN.match(text, at)
        end = match.end() if match else at + 4
        if match and not (at and text[at - 1] in _TOKEN_CHARS) and _wraps_jwt(match.group()):
            yield at, end
        at = text.find("ZXlK", end)


def _wraps_jwt(run: str) -> bool:
    try:
        decoded = base64.b64decode(run.replace("-", "+").replace("_", "/") + "=" * (-len(run) % 4))
        inner = decoded.decode("ascii")
    except (ValueError, binascii.Error):
        return False
    return any(start == 0 for start, _ in find_jwts(inner))


#: ``my api key is x``, ``the password was x``: a secret whose only sign is the word before it;
#: it must look generated (a digit or a symbol, and a letter), so ``the token is expired``
#: and ``password is incorrect`` stay
_IN_PROSE = (
    r"(?i:password|passwd|passphrase|api[ _-]?key|secret[ _-]?key|secret|token)"
    r"[ \t]+(?i:is|was)[ \t]*:?[ \t]+[\"'`]?"
    r"((?=[^\s\"'`]{0,255}[0-9!#$%^&*?@~+=])(?=[^\s\"'`]{0,255}[A-Za-z])[^\s\"'`]{6,256})"
)


#: ``Bearer x``, ``Basic x``, ``Token x``: the scheme stays, the credential goes
_AUTH = re.compile(
    r"(?:[Bb]earer|BEARER|[Bb]asic|BASIC|[Tt]oken|TOKEN|[Dd]igest|DIGEST|[Aa]pi-?[Kk]ey|API-?KEY)"
    r"[ \t]+(?:[Tt]oken[ \t]+)?([A-Za-z0-9._~+/=-]{8,})"
)


_SCHEMES = ("bearer", "basic", "token", "digest", "apikey", "api-key")


def find_auth_credentials(text: str, context: str | None = None) -> Iterator[Span]:
    """The credential after an Authorization scheme; words alone (``Token expired``) are not one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare case-folding that changes length: scan the original
        starts: Iterable[int] = (m.start() for m in _AUTH.finditer(text))
    else:
        starts = sorted({at for scheme in _SCHEMES for at in _occurrences(lowered, scheme)})
    for start in starts:
        match = _AUTH.match(text, start)
        if match is None or (start and text[start - 1] in _TOKEN_CHARS):
            continue
        credential = match.group(1)
        if any(c.isdigit() or c in "+/=_-." for c in credential) or not credential.islower():
            yield match.span(1)


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


#: ``scheme://user:password@host``: the password goes (the user stays unless it is an email)
_URL_AUTH = re.compile(r"://[^\s/@:;\"'<>]{0,128}:([^\s/@;\"'<>]{1,256})@(?=[\w.\[-])")


def find_url_passwords(text: str, context: str | None = None) -> Iterator[Span]:
    """The password in URL userinfo (database URLs, proxies, webhooks)."""
    for match in _URL_AUTH.finditer(text):
        yield match.span(1)


_PEM = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----")


def find_private_keys(text: str, context: str | None = None) -> Iterator[Span]:
    """PEM private-key blocks, through the END line (or to the end of the text if it was cut off)."""
    position = 0
    while (match := _PEM.search(text, position)) is not None:
        end_marker = f"-----END {match.group(1)}-----"
        end = text.find(end_marker, match.end())
        end = len(text) if end == -1 else end + len(end_marker)
        yield match.start(), end
        position = end


_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
_PEM_BODY = "MIIEpAIBAAKCAQEA7bq98Yx2QkVbGm3uTzYQ"

CREDENTIAL_FORMATS = (
    Format(
        "jwt",
        "jwt",
        anchors=("eyJ",),
        pattern="",
        find=find_jwts,
        examples=(_JWT, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.sig_part"),
        counterexamples=("eyJub3RhbGciOjF9.eyJzdWIiOiJ4In0.abc", "eyJhbGciOiJIUzI1NiJ9 alone"),
        source="https://datatracker.ietf.org/doc/html/rfc7519",
        note="a JSON Web Token: the decoded header must be a JSON object with 'alg'",
    ),
    Format(
        "jwt-base64",
        "jwt",
        anchors=("ZXlK",),
        pattern="",
        find=find_wrapped_jwts,
        examples=(
            base64.b64encode(_JWT.encode()).decode(),
            base64.urlsafe_b64encode(b"eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.").decode().rstrip("="),
        ),
        counterexamples=(base64.b64encode(b'eyJ{"page": 2, "size": 50}').decode(), "ZXlKaGJHY2lP"),
        source="https://datatracker.ietf.org/doc/html/rfc4648#section-4",
        note="a JWT wrapped in base64 (a cookie or header carrying the token whole): the run must "
        "decode to a JWT with its 'alg' header",
    ),
    Format(
        "secret-in-prose",
        "token",
        anchors=(
            "password",
            "passwd",
            "passphrase",
            "api key",
            "api-key",
            "api_key",
            "apikey",
            "secret",
            "token",
        ),
        pattern=_IN_PROSE,
        group=1,
        ignore_case=True,
        examples=(
            "my api key is 9fK2mQ7xL4pR8sT1vW3y",
            "The password was: Summer2024!",
            "token is 'ab12cd34ef56'",
        ),
        counterexamples=(
            "the password is incorrect",
            "token was expired",
            "the api key is missing",
            "password is too short",
        ),
        source="https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml",
        note="a secret whose only sign is a word right before it in prose ('my api key is ...'); "
        "it must hold a letter and a digit or symbol, so words (expired, incorrect) stay",
    ),
    Format(
        "auth",
        "token",
        anchors=(),
        pattern="",
        requires=("auth",),
        find=find_auth_credentials,
        examples=("Bearer abc123def456ghi789", "Authorization: Basic dXNlcjpwYXNzd29yZA=="),
        counterexamples=("Token expired", "the bearer of this letter"),
        source="https://datatracker.ietf.org/doc/html/rfc9110#name-authorization",
        note="the credential after an Authorization scheme; a word alone (Token expired) is no credential",
    ),
    Format(
        "cli-userinfo",
        "urlauth",
        anchors=("curl", "--user", "--proxy-user"),
        # -u is curl's (git log -u HEAD:file is no password): read in a curl command line only
        pattern=r"(?:curl\b[^\n]{0,200}?\s-[uU]|--user|--proxy-user)(?:[ \t]+|=)[\"']?[^\s:\"'@/]{0,64}:([^\s\"'`]{1,256})",
        group=1,
        replace_with="[Filtered]",
        examples=(
            "curl -u deploy:Heron-3390 https://api.example.com/",
            "curl --user 'deploy:Heron-3390' https://api.example.com/",
            "curl --proxy-user=ops:Pr0xy-Pass http://example.com",
        ),
        counterexamples=(
            "pip install -U requests",
            "curl -u deploy https://api.example.com/",
            "git log -u HEAD:README.md",
        ),
        source="https://curl.se/docs/manpage.html#-u",
        note="the password of a command line's user:password option (curl, wget, httpie); the user stays",
    ),
    Format(
        "urlauth",
        "urlauth",
        anchors=(),
        pattern="",
        requires=("at",),
        find=find_url_passwords,
        replace_with="[Filtered]",
        examples=("postgres://shop:Db-Pa55word@db.internal:5432/shop", "https://user:s3cret@example.com/x"),
        counterexamples=("https://example.com/@user", "mailto:jane@example.com"),
        source="https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1",
        note="the password in URL userinfo; the user stays",
    ),
    Format(
        "privatekey",
        "privatekey",
        anchors=("PRIVATE KEY",),
        pattern="",
        find=find_private_keys,
        examples=(
            f"-----BEGIN RSA PRIVATE KEY-----\n{_PEM_BODY}\n-----END RSA PRIVATE KEY-----",
            f"-----BEGIN PRIVATE KEY-----\n{_PEM_BODY}",
        ),
        counterexamples=(
            "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----",
            "set PRIVATE KEY path",
        ),
        source="https://datatracker.ietf.org/doc/html/rfc7468",
        note="PEM private-key blocks to their END line, or to the end of a text cut short",
    ),
)
