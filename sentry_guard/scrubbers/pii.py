"""Personal data by content: email addresses and IP addresses.

Identifiers found by shape and checksum (national numbers, phones, MAC, IMEI) are in
`identifiers`."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import Optional

from ._format import Format, Span
from .scan import shape

__all__ = ["PII_FORMATS"]

_LOCAL_CHARS = (
    "".join(map(chr, range(48, 58)))
    + "".join(map(chr, range(65, 91)))
    + "".join(map(chr, range(97, 123)))
    + "._%+-'"
)
_DOMAIN = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)


#: ``scheme://user:`` right before a "local part": that is a URL password (see ``urlauth``)
_USERINFO = re.compile(r"://[^\s/@:]*:\Z")


def find_emails(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """``local@domain.tld``: from each ``@``, the local part backwards (at most 64), the domain forwards."""
    at = text.find("@")
    while at != -1:
        head = text[max(0, at - 64) : at]
        local = head[len(head.rstrip(_LOCAL_CHARS)) :].lstrip(".")
        domain = _DOMAIN.match(text, at + 1)
        if local and domain and not _USERINFO.search(text, max(0, at - len(local) - 140), at - len(local)):
            yield at - len(local), domain.end()
        at = text.find("@", at + 1)


#: patterns start with a digit or hex character, not a look-behind, so the regex engine can
#: skip ahead fast; boundaries are checked after a match
_IPV4 = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
_IPV6 = re.compile(r"[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}")
_VERSION_CONTEXT = re.compile(r"(?i)version|release|\bver\b|semver|sdk")
_DIGITS = "0123456789"


def _joined(char: str, extra: str) -> bool:
    """True when `char` (one character, or empty at an edge) would continue the match."""
    return bool(char) and (char.isalnum() or char in extra)


_IPV6_HINT = re.compile(r":[0-9A-Fa-f]{0,4}:")  # starts with a literal: a fast search
_IPV4_SHAPE = re.compile(r"0\.0{1,3}\.0{1,3}\.0")  # starts with a literal: a fast search


def find_ips(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """Valid IPv4 and IPv6 addresses (``ipaddress`` decides), standing alone."""
    if "." in text:
        for hit in _IPV4_SHAPE.finditer(shape(text)):
            start = max(0, hit.start() - 2)
            match = _IPV4.search(text, start, hit.end() + 3)
            if match is None or match.start() > hit.start():
                continue
            start, end = match.span()
            before, after = text[start - 1 : start], text[end : end + 2]
            if (
                (before and before in _DIGITS + ".")
                or after[:1].isdigit()
                or (after[:1] == "." and after[1:].isdigit())
            ):
                continue
            parts = match.group().split(".")
            if all(int(part) <= 255 and (part == "0" or not part.startswith("0")) for part in parts):
                yield start, end
    seen = -1
    for hit in _IPV6_HINT.finditer(text):  # a colon, up to 4 hex digits, a colon
        if hit.start() < seen:
            continue
        match = _IPV6.search(text, max(0, hit.start() - 39), hit.end() + 39)
        while match is not None and match.end() <= hit.start():
            match = _IPV6.search(text, match.end(), hit.end() + 39)
        if match is None:
            continue
        start, end = match.span()
        seen = end
        candidate = match.group()
        if (
            candidate.strip(":") == ""
            or _joined(text[start - 1 : start], "_:.")
            or _joined(text[end : end + 1], "_:")
        ):
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        yield start, end


PII_FORMATS = (
    Format(
        "email",
        "email",
        anchors=(),
        pattern="",
        requires=("at",),
        find=find_emails,
        examples=("jane.doe@example.com", "bob+orders@shop-mail.example.org"),
        counterexamples=("user@localhost", "@decorator"),
        source="https://datatracker.ietf.org/doc/html/rfc5322#section-3.4.1",
        note="local part and a domain with a dot; not the user part of URL credentials",
    ),
    Format(
        "ip",
        "ip",
        anchors=(),
        pattern="",
        requires=("ipv4", "ipv6"),
        find=find_ips,
        skip=lambda key: key is not None and _VERSION_CONTEXT.search(key) is not None,
        examples=("203.0.113.42", "2001:db8::8a2e:370:7334"),
        counterexamples=("1.2.3.4.5", "999.1.1.1"),
        source="https://datatracker.ietf.org/doc/html/rfc4291",
        note="valid IPv4 and IPv6 addresses standing alone; not under a version-like key",
    ),
)
