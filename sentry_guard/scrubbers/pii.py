"""Personal data by content: email addresses, IP addresses, US social security numbers, phones."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import Optional

from .detectors import Detector, Span, contains, matches

__all__ = ["PII_DETECTORS"]

_LOCAL_CHARS = (
    "".join(map(chr, range(48, 58)))
    + "".join(map(chr, range(65, 91)))
    + "".join(map(chr, range(97, 123)))
    + "._%+-'"
)
_DOMAIN = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)


def find_emails(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """``local@domain.tld``: from each ``@``, the local part backwards (at most 64), the domain forwards."""
    at = text.find("@")
    while at != -1:
        head = text[max(0, at - 64) : at]
        local = head[len(head.rstrip(_LOCAL_CHARS)) :].lstrip(".")
        domain = _DOMAIN.match(text, at + 1)
        if local and domain:
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


def find_ips(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """Valid IPv4 and IPv6 addresses (``ipaddress`` decides), standing alone."""
    if "." in text:
        for match in _IPV4.finditer(text):
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
    if ":" in text:
        for match in _IPV6.finditer(text):
            start, end = match.span()
            candidate = match.group()
            if (
                candidate.count(":") < 2
                or candidate.strip(":") == ""
                or _joined(text[start - 1 : start], "_:.")
                or _joined(text[end : end + 1], "_:")
            ):
                continue
            try:
                ipaddress.IPv6Address(candidate)
            except ValueError:
                continue
            yield start, end


_SSN = re.compile(r"(\d{3})-(\d{2})-(\d{4})")


def find_ssns(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """``123-45-6789`` with the SSA's rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    for match in _SSN.finditer(text):
        start, end = match.span()
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before and before in _DIGITS + "-") or (after and after in _DIGITS + "-"):
            continue
        area, group, serial = match.groups()
        if area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000":
            yield start, end


_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w])|(?<![\w+])\+\d{8,15}(?!\d)"
)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}[./-]\d{2}[./-]\d{4}")


def find_phones(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """International or grouped phone numbers with 8 to 15 digits (opt-in: numbers look alike)."""
    for match in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if 8 <= digits <= 15 and not _DATE.fullmatch(match.group()):
            yield match.span()


_V4_GATE = re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d").search
_V6_GATE = re.compile(r"::|[0-9a-fA-F]:[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}:[0-9a-fA-F]").search


def _ip_gate(text: str) -> bool:
    return ("." in text and _V4_GATE(text) is not None) or (":" in text and _V6_GATE(text) is not None)


PII_DETECTORS = (
    Detector("email", find_emails, contains("@", min_length=6)),
    Detector(
        "ip",
        find_ips,
        _ip_gate,
        skip=lambda key: key is not None and _VERSION_CONTEXT.search(key) is not None,
    ),
    Detector("ssn", find_ssns, matches(r"\d-\d\d-\d", min_length=11), digits=True),
    Detector("phone", find_phones, matches(r"\d\d", min_length=8), default=False, digits=True),
)
