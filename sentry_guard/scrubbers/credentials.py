"""Secrets by content: JWTs, Authorization credentials, passwords in URLs, private keys, API tokens."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator
from typing import Optional

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


def find_jwts(text: str, context: Optional[str] = None) -> Iterator[Span]:
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


def _jwt_end(text: str, start: int, header_end: int) -> Optional[int]:
    """Where the token that starts at `start` ends, if a payload and a signature part follow."""
    if header_end - start < 11 or text[header_end : header_end + 1] != ".":
        return None
    payload_end = _B64URL.match(text, header_end + 1).end()  # type: ignore[union-attr]
    if payload_end - header_end - 1 < 2 or text[payload_end : payload_end + 1] != ".":
        return None
    return _B64URL.match(text, payload_end + 1).end()  # type: ignore[union-attr]


#: ``Bearer x``, ``Basic x``, ``Token x``: the scheme stays, the credential goes
_AUTH = re.compile(
    r"(?:[Bb]earer|BEARER|[Bb]asic|BASIC|[Tt]oken|TOKEN|[Dd]igest|DIGEST|[Aa]pi-?[Kk]ey|API-?KEY)"
    r"[ \t]+(?:[Tt]oken[ \t]+)?([A-Za-z0-9._~+/=-]{8,})"
)


_SCHEMES = ("bearer", "basic", "token", "digest", "apikey", "api-key")


def find_auth_credentials(text: str, context: Optional[str] = None) -> Iterator[Span]:
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
_URL_AUTH = re.compile(r"://[^\s/@:]{0,128}:([^\s/@]{1,256})@(?=[\w.\[-])")


def find_url_passwords(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """The password in URL userinfo (database URLs, proxies, webhooks)."""
    for match in _URL_AUTH.finditer(text):
        yield match.span(1)


_PEM = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----")


def find_private_keys(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """PEM private-key blocks, through the END line (or to the end of the text if it was cut off)."""
    position = 0
    while (match := _PEM.search(text, position)) is not None:
        end_marker = f"-----END {match.group(1)}-----"
        end = text.find(end_marker, match.end())
        end = len(text) if end == -1 else end + len(end_marker)
        yield match.start(), end
        position = end


#: well-known token formats, each led by a literal prefix (so each is a fast search)
_TOKEN_FORMATS = tuple(
    re.compile(pattern)
    for pattern in (
        r"AKIA[A-Z0-9]{16}",  # AWS access key id (long-term)
        r"ASIA[A-Z0-9]{16}",  # AWS access key id (temporary)
        r"gh[pousr]_[A-Za-z0-9]{36,255}",  # GitHub
        r"github_pat_[A-Za-z0-9_]{22,255}",
        r"glpat-[A-Za-z0-9_-]{20,}",  # GitLab
        r"xox[abposr]-[A-Za-z0-9-]{10,}",  # Slack tokens
        r"sk_(?:live|test)_[A-Za-z0-9]{10,}",  # Stripe
        r"rk_(?:live|test)_[A-Za-z0-9]{10,}",
        r"whsec_[A-Za-z0-9]{20,}",
        r"AIza[0-9A-Za-z_-]{35}",  # Google API key
        r"sk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{32,}",  # OpenAI, Anthropic
        r"npm_[A-Za-z0-9]{36}",  # npm
        r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}",  # PyPI
        r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",  # SendGrid
        r"sntry[su]_[A-Za-z0-9+/=_]{40,}",  # Sentry auth tokens
        r"dop_v1_[a-f0-9]{64}",  # DigitalOcean
        r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",  # Shopify
        r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_-]{20,}",  # Slack webhooks
    )
)
#: a literal each format starts with: the format's regex runs only where it appears
_TOKEN_PREFIXES = (
    "AKIA",
    "ASIA",
    "gh",
    "github_pat_",
    "glpat-",
    "xox",
    "sk_",
    "rk_",
    "whsec_",
    "AIza",
    "sk-",
    "npm_",
    "pypi-",
    "SG.",
    "sntry",
    "dop_v1_",
    "shp",
    "hooks.slack.com",
)


def find_tokens(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """API keys and tokens of well-known services, recognised by their prefixes."""
    for prefix, pattern in zip(_TOKEN_PREFIXES, _TOKEN_FORMATS):
        if prefix not in text:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if start and text[start - 1] in _TOKEN_CHARS and prefix != "hooks.slack.com":
                continue
            if text[end : end + 1] in _TOKEN_CHARS and text[end : end + 1]:
                continue
            yield start, end


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
    Format(
        "token",
        "token",
        anchors=_TOKEN_PREFIXES,
        pattern="",
        find=find_tokens,
        examples=("ghp_a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2", "AKIAIOSFODNN7EXAMPLE"),
        counterexamples=("github.com/getsentry", "AKIA"),
        source="https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns",
        note="well-known service tokens by their documented prefixes",
    ),
)
