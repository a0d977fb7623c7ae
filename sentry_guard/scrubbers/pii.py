"""Personal data by content: email addresses, IP addresses, US social security numbers, phones."""

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


def find_ssns(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """``123-45-6789`` with the SSA's rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    shaped = shape(text)
    start = shaped.find("000-00-0000")
    while start != -1:
        end = start + 11
        before, after = text[start - 1 : start], text[end : end + 1]
        if not ((before and before in _DIGITS + "-") or (after and after in _DIGITS + "-")):
            area, group, serial = text[start : start + 3], text[start + 4 : start + 6], text[start + 7 : end]
            if area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000":
                yield start, end
        start = shaped.find("000-00-0000", start + 1)


_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w])|(?<![\w+])\+\d{8,15}(?!\d)",
    re.ASCII,  # ASCII digits, as every detector's locator reads them
)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}[./-]\d{2}[./-]\d{4}", re.ASCII)


def find_phones(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """International or grouped phone numbers with 8 to 15 digits (opt-in: numbers look alike)."""
    for match in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if 8 <= digits <= 15 and not _DATE.fullmatch(match.group()):
            yield match.span()


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
    Format(
        "ssn",
        "ssn",
        anchors=(),
        pattern="",
        requires=("digits:9",),
        find=find_ssns,
        examples=("078-05-1120", "SSN 123-45-6789 on file"),
        counterexamples=("000-12-3456", "666-12-3456"),
        source="https://www.ssa.gov/employer/randomization.html",
        note="SSA rules: no area 000, 666 or 9xx, no group 00, no serial 0000",
    ),
    Format(
        "phone",
        "phone",
        anchors=(),
        pattern="",
        requires=("digits:8",),
        find=find_phones,
        default=False,
        examples=("+49 30 1234567", "+1 (415) 555-2671"),
        counterexamples=("2026-11-27", "v1.2"),
        source="https://www.itu.int/rec/T-REC-E.164",
        note="opt-in: numbers look alike",
    ),
)
