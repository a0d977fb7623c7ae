"""Payment data by content: card numbers (brand prefix + Luhn) and IBANs (country length + mod 97)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._format import Format, Span
from .scan import shape

__all__ = ["PAYMENT_FORMATS", "iban_valid", "luhn_valid"]

#: a run of digit groups joined by single spaces or dashes (unambiguous: no backtracking)
#: digits, spaces and dashes as ``0``, everything else as ``.``: a card is in a run of 13+ ``0``
_RUNS = str.maketrans({c: ("0" if c.isdigit() or c in " -" else ".") for c in map(chr, range(128))})
_THIRTEEN = "0" * 13
_THIRTEEN_BYTES = _THIRTEEN.encode()
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


_BRANDS_BY_LENGTH = {
    length: tuple((low, high) for low, high, lengths in _BRANDS if length in lengths)
    for length in range(12, 20)
}


def _brand_ok(digits: str) -> bool:
    return any(low <= digits[: len(low)] <= high for low, high in _BRANDS_BY_LENGTH.get(len(digits), ()))


def _separators_ok(text: str) -> bool:
    """One kind of separator, or none: ``4111 1111 1111 1111`` yes, ``4111-1111 1111-1111`` no."""
    return not ("-" in text and " " in text)


def _card(text: str) -> bool:
    digits = text.replace(" ", "").replace("-", "")
    return 13 <= len(digits) <= 19 and _brand_ok(digits) and _separators_ok(text) and luhn_valid(digits)


_DIGITS = "0123456789"


def _in_decimal(text: str, start: int, end: int) -> bool:
    """The digit group at start:end is a decimal's fraction (``0.4111…``) or integer part: no card."""
    before = start >= 2 and text[start - 1] == "." and text[start - 2] in _DIGITS
    return before or (text[end : end + 1] == "." and end + 1 < len(text) and text[end + 1] in _DIGITS)


_HEX = frozenset("0123456789abcdefABCDEF")
#: how far a hex id is read around a digit run (a SHA-512 is 128 characters)
_HEX_WINDOW = 128


def _in_hex_id(text: str, start: int, end: int) -> bool:
    """The digits at start:end are glued to hex letters of a hex id (a SHA, a trace id), so
    they are part of it, not a card: ``…a67000000000133`` passes Luhn but is a digest."""
    if not (text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()):
        return False
    low, high = max(0, start - _HEX_WINDOW), min(len(text), end + _HEX_WINDOW)
    while start > low and text[start - 1].isalnum():
        start -= 1
    while end < high and text[end].isalnum():
        end += 1
    return all(c in _HEX for c in text[start:end])


#: a string that is a decimal number (spaces and dashes aside) holds no card: ``repr`` of a float
_NUMBER = re.compile(r"[0-9]+\.[0-9]+")


#: an IBAN's shape, valid or not: two capitals, two digits, then groups (see `find_ibans`)
_IBAN_SHAPE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,30}")


def find_cards(text: str, context: str | None = None) -> Iterator[Span]:
    """Card numbers of a known brand and length that pass Luhn, also inside longer digit groups.

    ``qty 1 4111 1111 1111 1111`` finds the card after the ``1``: runs of groups are tried
    whole, then as windows of consecutive groups of 13 to 19 digits. Digits inside an IBAN's
    shape are the IBAN's to judge: an invalid one is no card (``NL42 [creditcard] 105``).
    """
    ibans = (
        [m.span() for m in _IBAN_SHAPE.finditer(text) if _plausible_iban(m.group())] if _AA00(text) else []
    )
    for start, end in _cards(text):
        if not any(a < end and start < b for a, b in ibans):
            yield start, end


_AA00 = re.compile(r"[A-Z]{2}[0-9]{2}").search


def _plausible_iban(candidate: str) -> bool:
    """A known country and exactly its length: a mistyped IBAN, not a card (a made-up
    prefix such as ``AB12`` hides no card)."""
    length = _IBAN_LENGTHS.get(candidate[:2])
    return length is not None and length == len(candidate.replace(" ", ""))


def _cards(text: str) -> Iterator[Span]:
    if _NUMBER.fullmatch(text.replace(" ", "").replace("-", "")):
        return
    if text.isascii():
        runs = text.translate(_RUNS)
    else:
        runs = "".join("0" if c in "0123456789 -" else "." for c in text)
    at = runs.find(_THIRTEEN)
    while at != -1:
        begin = runs.rfind(".", 0, at) + 1
        finish = runs.find(".", at)
        finish = len(runs) if finish == -1 else finish
        at = runs.find(_THIRTEEN, finish)
        stripped = text[begin:finish].strip(" -")
        offset = text.index(stripped, begin)
        run = stripped
        if len(run) - run.count(" ") - run.count("-") < 13:
            continue
        if run.isdigit() and _in_decimal(text, offset, offset + len(run)):
            continue
        if _in_hex_id(text, offset, offset + len(run)):
            continue
        if _card(run):
            yield offset, offset + len(run)
            continue
        if run.isdigit():  # one group, already tried whole
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
                if _card(window):
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


def _span_of(candidate: str, alphanumerics: int) -> int:
    """How many characters of `candidate` hold its first `alphanumerics` non-space ones."""
    seen = 0
    for index, char in enumerate(candidate):
        seen += char != " "
        if seen == alphanumerics:
            return index + 1
    return len(candidate)


def find_ibans(text: str, context: str | None = None) -> Iterator[Span]:
    """IBANs, compact or in groups of four; the country's length decides where one ends."""
    shaped = shape(text)
    at = shaped.find("AA00")
    while at != -1:
        match = _IBAN.match(text, at)
        at = shaped.find("AA00", at + 1)
        if match is None:
            continue
        start, candidate = match.start(), match.group()
        if text[start - 1 : start].isalpha():  # after digits: a card or a number glued before it
            continue
        length = _IBAN_LENGTHS.get(candidate[:2])
        if length is None:
            continue
        compact = candidate.replace(" ", "")
        if len(compact) < length:
            continue
        # the first `length` alphanumerics, with the spaces between them
        end = _span_of(candidate, length)
        if iban_valid(candidate[:end]):
            after = text[start + end : start + end + 1]
            if not after.isalnum():
                yield start, start + end


PAYMENT_FORMATS = (
    Format(
        "creditcard",
        "creditcard",
        anchors=(),
        pattern="",
        requires=("card",),
        find=find_cards,
        examples=("4111 1111 1111 1111", "5555555555554444", "3782-822463-10005"),
        counterexamples=("0.4111111111111111", "4111 1111 1111 1112", "sha a67000000000133"),
        source="https://www.iso.org/standard/70484.html",
        note="13-19 digits with a known brand prefix and length that pass Luhn; not the digits of "
        "a decimal number or of a hex id",
    ),
    Format(
        "iban",
        "iban",
        anchors=(),
        pattern="",
        requires=("AA00",),
        find=find_ibans,
        examples=("DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"),
        counterexamples=("DE89 3704 0044 0532 0130 01", "AB12 order"),
        source="https://www.swift.com/standards/data-standards/iban-international-bank-account-number",
        note="the country's length and the ISO 13616 mod-97 check",
    ),
)
