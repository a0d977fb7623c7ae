"""Personal data by content: email addresses, IP addresses, US social security numbers, phones."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from typing import Optional

from .detectors import Detector, Span

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


_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)")
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:]|\.\d)"
)
_VERSION_CONTEXT = re.compile(r"(?i)version|release|\bver\b|semver|sdk")


def find_ips(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """Valid IPv4 and IPv6 addresses (``ipaddress`` decides); not under a version-like key."""
    if context is not None and _VERSION_CONTEXT.search(context):
        return
    if "." in text:
        for match in _IPV4.finditer(text):
            if all(
                int(part) <= 255 and (part == "0" or not part.startswith("0"))
                for part in match.group().split(".")
            ):
                yield match.span()
    if ":" in text:
        for match in _IPV6.finditer(text):
            candidate = match.group()
            if candidate.count(":") < 2:
                continue
            try:
                ipaddress.IPv6Address(candidate)
            except ValueError:
                continue
            yield match.span()


_SSN = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")


def find_ssns(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """``123-45-6789`` with the SSA's rules: no 000, 666 or 9xx area, no 00 group, no 0000 serial."""
    if "-" not in text:
        return
    for match in _SSN.finditer(text):
        area, group, serial = match.groups()
        if area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000":
            yield match.span()


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


PII_DETECTORS = (
    Detector("email", find_emails),
    Detector("ip", find_ips),
    Detector("ssn", find_ssns),
    Detector("phone", find_phones, default=False),
)
