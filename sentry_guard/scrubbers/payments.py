"""Payment data by content: card numbers (brand prefix + Luhn) and IBANs (country length + mod 97)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from .detectors import Detector, Span, matches

__all__ = ["PAYMENT_DETECTORS", "iban_valid", "luhn_valid"]

#: a run of digit groups joined by single spaces or dashes (unambiguous: no backtracking)
_DIGIT_GROUPS = re.compile(r"\d(?:[ -]?\d){12,}")
_SEPARATOR = re.compile(r"[ -]")

#: (prefix range low, high, allowed lengths): the issuer prefixes of the major brands
_BRANDS = (
    ("4", "4", (13, 16, 19)),  # Visa
    ("51", "55", (16,)),  # Mastercard
    ("2221", "2720", (16,)),  # Mastercard 2-series
    ("34", "34", (15,)),  # American Express
    ("37", "37", (15,)),
    ("6011", "6011", (16, 17, 18, 19)),  # Discover
    ("644", "649", (16, 17, 18, 19)),
    ("65", "65", (16, 17, 18, 19)),
    ("3528", "3589", (16, 17, 18, 19)),  # JCB
    ("300", "305", (14, 15, 16, 17, 18, 19)),  # Diners Club
    ("36", "36", (14, 15, 16, 17, 18, 19)),
    ("38", "39", (16, 17, 18, 19)),
    ("62", "62", (16, 17, 18, 19)),  # UnionPay
    ("50", "50", (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro
    ("56", "58", (12, 13, 14, 15, 16, 17, 18, 19)),
    ("63", "63", (12, 13, 14, 15, 16, 17, 18, 19)),
    ("67", "67", (12, 13, 14, 15, 16, 17, 18, 19)),
    ("2200", "2204", (16, 17, 18, 19)),  # Mir
)


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = ord(char) - 48
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _brand_ok(digits: str) -> bool:
    for low, high, lengths in _BRANDS:
        if len(digits) in lengths and low <= digits[: len(low)] <= high:
            return True
    return False


def _separators_ok(text: str) -> bool:
    """One kind of separator, or none: ``4111 1111 1111 1111`` yes, ``4111-1111 1111-1111`` no."""
    return not ("-" in text and " " in text)


def _card(text: str) -> bool:
    digits = text.replace(" ", "").replace("-", "")
    return 13 <= len(digits) <= 19 and _separators_ok(text) and _brand_ok(digits) and luhn_valid(digits)


def find_cards(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """Card numbers of a known brand and length that pass Luhn, also inside longer digit groups.

    ``qty 1 4111 1111 1111 1111`` finds the card after the ``1``: runs of groups are tried
    whole, then as windows of consecutive groups of 13 to 19 digits.
    """
    for match in _DIGIT_GROUPS.finditer(text):
        run, offset = match.group(), match.start()
        if len(run) < 13:
            continue
        if _card(run):
            yield match.span()
            continue
        cuts = [0, *(m.start() + 1 for m in _SEPARATOR.finditer(run)), len(run) + 1]
        # groups as (start, end); card groups have 3 to 6 digits (4-4-4-4, 4-6-5, 4-4-4-4-3)
        groups = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
        i = 0
        while i < len(groups):
            for j in range(i, min(i + 5, len(groups))):
                size = groups[j][1] - groups[j][0]
                if not (3 <= size <= 6 or (i == j and 13 <= size <= 19)):
                    break
                window = run[groups[i][0] : groups[j][1]]
                if len(window) >= 15 and _card(window):
                    yield offset + groups[i][0], offset + groups[j][1]
                    i = j
                    break
            i += 1


#: IBAN length by country (SWIFT registry)
_IBAN_LENGTHS = {
    "AD": 24,
    "AE": 23,
    "AL": 28,
    "AT": 20,
    "AZ": 28,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "BH": 22,
    "BI": 27,
    "BR": 29,
    "BY": 28,
    "CH": 21,
    "CR": 22,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DJ": 27,
    "DK": 18,
    "DO": 28,
    "EE": 20,
    "EG": 29,
    "ES": 24,
    "FI": 18,
    "FK": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "GT": 28,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IL": 23,
    "IQ": 23,
    "IS": 26,
    "IT": 27,
    "JO": 30,
    "KW": 30,
    "KZ": 20,
    "LB": 28,
    "LC": 32,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "LY": 25,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MN": 20,
    "MR": 27,
    "MT": 31,
    "MU": 30,
    "NI": 28,
    "NL": 18,
    "NO": 15,
    "OM": 23,
    "PK": 24,
    "PL": 28,
    "PS": 29,
    "PT": 25,
    "QA": 29,
    "RO": 24,
    "RS": 22,
    "RU": 33,
    "SA": 24,
    "SC": 31,
    "SD": 18,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "SO": 23,
    "ST": 25,
    "SV": 28,
    "TL": 23,
    "TN": 24,
    "TR": 26,
    "UA": 29,
    "VA": 22,
    "VG": 24,
    "XK": 20,
    "YE": 30,
}
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}")


def iban_valid(iban: str) -> bool:
    """Country length and the ISO 13616 mod-97 check (spaces ignored)."""
    compact = iban.replace(" ", "")
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def find_ibans(text: str, context: Optional[str] = None) -> Iterator[Span]:
    """IBANs, compact or in groups of four; the country's length decides where one ends."""
    for match in _IBAN.finditer(text):
        start, candidate = match.start(), match.group()
        if text[start - 1 : start].isalnum():
            continue
        length = _IBAN_LENGTHS.get(candidate[:2])
        if length is None:
            continue
        end, seen = 0, 0
        for end, char in enumerate(candidate, 1):  # the first `length` alphanumerics
            seen += char != " "
            if seen == length:
                break
        if seen == length and iban_valid(candidate[:end]):
            after = text[start + end : start + end + 1]
            if not after.isalnum():
                yield start, start + end


PAYMENT_DETECTORS = (
    Detector("creditcard", find_cards, matches(r"\d[\d -]{11,}\d", min_length=13), digits=True),
    Detector("iban", find_ibans, matches(r"[A-Z]{2}\d\d", min_length=15), digits=True),
)
