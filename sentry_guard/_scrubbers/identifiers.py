"""Personal identifiers found by shape: national numbers, phones, MAC addresses, IMEIs.

Catalogue entries (`Format` records) for identifiers that have no literal to anchor on: each
brings its own ``find(text)``. The numbers are told from look-alikes by their check digit
and layout rules, and, where those still let through too many random numbers, by a context
word right before them (``ssn: 123456789``, ``Tel. 030 123456``).

How every finder works, and what it promises:

* Linear in the text: candidates are found by a regular expression of bounded length (a
  few dozen characters: constant work per start position, no catastrophic backtracking) or
  an unambiguous one (phone runs); a context word is looked for in a bounded window before a
  candidate; a candidate is judged once and the scan moves past it.
* Only ASCII digits count as digits (``re.ASCII``; ``٣`` is not a ``3``). Any ``str`` is
  accepted: lone surrogates, NUL and the rest are just characters that match nothing.
* A match stands alone: no letter or digit (of any script) and no ``_`` right before or
  after it, and it does not continue a longer number or token (``ORD-123-45-6789``,
  ``1.123.45.6789``, ``123-45-6789:8080``, a group of the same separator on either side).
* What another kind owns is left to it: a span inside a payment card or an IBAN (as
  ``payments.find_cards`` / ``find_ibans`` see them) is never reported here.
* All-same-digit numbers (``111-11-1111``, ``000 000 0000``) are template stand-ins, not
  identifiers, even where a format's rules would let them through.

Context words are read backwards from the candidate over at most `_WINDOW` characters:
punctuation and spaces are skipped, a few filler words (``number``, ``no``, ``nr``, ``is``,
``de``, ...) are passed over, and a digit in between cancels the context. ``phoneNumber``
and ``phone_number`` both read as context; a word escaped in JSON (``t\\u00e9l\\u00e9phone``)
does not.

``requires`` (the shapes defined in `_format.py`): ``digits:N`` is the fewest digits any
form a finder reports holds in one run, where ``' -./()'`` between digits do not end the
run (``123 45 6789`` is a run of 9); a codice fiscale has two capitals before two digits
(``AA00``); a MAC address has hex pairs.

`examples` that need a context word are written ``word: value``: the value is what a
finder removes (``value = example.rpartition(": ")[2]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Callable

from ._format import Format, Span
from .payments import find_cards, find_ibans, luhn_valid

__all__ = [
    "IDENTIFIER_FORMATS",
    "be_nn_valid",
    "de_taxid_valid",
    "es_dni_valid",
    "es_nie_valid",
    "find_be_nn",
    "find_de_taxid",
    "find_es_dni",
    "find_es_nie",
    "find_fr_nir",
    "find_imei",
    "find_it_codicefiscale",
    "find_mac_addresses",
    "find_nl_bsn",
    "find_phones",
    "find_pl_pesel",
    "find_se_personnummer",
    "find_uk_nhs",
    "find_uk_nino",
    "find_us_itin",
    "find_us_ssn",
    "fr_nir_valid",
    "imei_valid",
    "it_codicefiscale_valid",
    "itin_valid",
    "nhs_valid",
    "nl_bsn_valid",
    "pl_pesel_valid",
    "se_personnummer_valid",
    "ssn_valid",
    "uk_nino_valid",
]

_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_DIGITS = "0123456789"


# --------------------------------------------------------------------------- boundaries


def _glued(char: str) -> bool:
    """`char` (one character, or empty at an edge) would make a match part of a word."""
    return bool(char) and (char in _ASCII_ALNUM or char == "_" or char.isalnum())


def _digit(char: str) -> bool:
    return bool(char) and char.isdigit()  # any script: a number going on is a number going on


def _digits_before(text: str, end: int) -> int:
    """How many digits stand right before `end` (counted up to 6)."""
    count = 0
    while count < 6 and end - count > 0 and _digit(text[end - count - 1]):
        count += 1
    return count


def _alone(text: str, start: int, end: int, sep: str = "") -> bool:
    """text[start:end] stands alone: nothing glued to it, and it continues no longer number
    or token. `sep` is the separator the candidate groups its digits with (a run of groups
    with the same separator around it is a longer number)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _glued(before) or _glued(after):
        return False
    before2 = text[start - 2] if start > 1 else ""
    after2 = text[end + 1] if end + 1 < len(text) else ""
    if before:
        if before == "+":  # a signed or international number
            return False
        if before == "-" and _glued(before2):  # ORD-123-45-6789, 2026-...
            return False
        if before in "./," and _digit(before2):  # 1.123..., 12/..., 1,...
            return False
        if before == ":" and 0 < _digits_before(text, start - 1) <= 5:  # 10:..., :8080:...
            return False  # (a long number before the colon is a card or an id, not a time)
        if sep and before == sep and _digit(before2):
            return False
    if after:
        if after == "-" and _glued(after2):
            return False
        if after in ".:,/" and _digit(after2):
            return False
        if sep and after == sep and _digit(after2):
            return False
    return True


def _overlaps(spans: Iterator[Span], start: int, end: int, offset: int) -> bool:
    return any(s + offset < end and start < e + offset for s, e in spans)


def _owned_elsewhere(text: str, start: int, end: int) -> bool:
    """The span is part of a payment card or an IBAN (bounded windows: linear)."""
    low = max(0, start - 40)
    window = text[low : min(len(text), end + 40)]
    return _overlaps(find_cards(window), start, end, low) or _overlaps(find_ibans(window), start, end, low)


def _same_digit(digits: str) -> bool:
    return len(set(digits)) == 1


def _only_digits(text: str) -> str:
    return "".join(c for c in text if c in _DIGITS)


# --------------------------------------------------------------------------- context words

#: how far back (characters) a context word is read
_WINDOW = 48
#: passed over between a context word and its number: "phone number is", "n° de", "nr."
_FILLERS = frozenset(
    (
        "number",
        "numbers",
        "num",
        "no",
        "nr",
        "n",
        "nº",
        "numero",
        "numéro",
        "número",
        "numer",
        "nummer",
        "is",
        "was",
        "are",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "the",
        "a",
        "an",
        "of",
        "for",
        "de",
        "du",
        "des",
        "del",
        "la",
        "le",
        "el",
        "di",
        "der",
        "die",
        "den",
        "van",
        "het",
        "at",
        "on",
        "me",
        "us",
        "to",
        "da",
        "do",
        "il",
        "est",
        "ist",
        "es",
        "e",
        "y",
        "und",
        "and",
        "or",
        "oder",
        "ou",
        "o",
    )
)


def _words_before(text: str, start: int) -> list[str]:
    """Words (lower case) right before `start`, nearest first; a digit in between stops."""
    low = max(0, start - _WINDOW)
    words: list[str] = []
    i = start
    while i > low and len(words) < 6:
        char = text[i - 1]
        if char.isalpha():
            j = i - 1
            while j > low and text[j - 1].isalpha():
                j -= 1
            if j == low and j > 0 and text[j - 1].isalpha():
                break  # a word cut by the window: not a word we know
            words.append(text[j:i].lower())
            i = j
        elif char.isdigit():
            break
        else:
            i -= 1
    return words


Phrase = tuple[str, ...]


def _context(text: str, start: int, phrases: frozenset[Phrase]) -> Phrase | None:
    """The context phrase (words in reading order) right before `start`, fillers aside."""
    words = _words_before(text, start)
    for k in range(len(words)):
        for size in (3, 2, 1):
            if k + size <= len(words):
                phrase = tuple(reversed(words[k : k + size]))
                if phrase in phrases:
                    return phrase
        if words[k] not in _FILLERS:
            return None
    return None


def _phrases(*items: str) -> frozenset[Phrase]:
    return frozenset(tuple(item.split()) for item in items)


def _anchors_of(*phrase_sets: frozenset[Phrase]) -> tuple[str, ...]:
    """The ASCII anchors a context stands on: each word's ASCII letter runs of 3 or more
    (``téléphone`` gives ``phone``), keeping only the shortest of those that begin one
    another: an anchor counts where it starts a word, as a context word does."""
    runs = {
        run
        for phrases in phrase_sets
        for phrase in phrases
        for word in phrase
        for run in re.findall(r"[a-z]{3,}", word.lower())
    }
    return tuple(sorted(r for r in runs if not any(o != r and r.startswith(o) for o in runs)))


# --------------------------------------------------------------------------- scanning


Judge = Callable[[str, "re.Match[str]"], Span | None]


def _scan(regex: re.Pattern[str], text: str, judge: Judge) -> Iterator[Span]:
    """Spans `judge` accepts among the matches of a bounded `regex`: after a match is
    accepted the scan goes on after it, after one is refused at the next position (each
    position starts at most one bounded attempt: linear)."""
    search = regex.search
    pos = 0
    while True:
        match = search(text, pos)
        if match is None:
            return
        span = judge(text, match)
        if span is None:
            pos = match.start() + 1
        else:
            yield span
            pos = max(span[1], match.start() + 1)


# --------------------------------------------------------------------------- US SSN, ITIN

#: 3-2-4 digits, the same separator twice (``-``, space, ``.``) or none
_NINE = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{2}([ .-]?)[0-9]{2}\1[0-9]{4}(?![0-9])", re.ASCII)
_SSN_CONTEXT = _phrases("ssn", "ssns", "social security", "socialsecurity", "socialsecuritynumber")
_ITIN_CONTEXT = _SSN_CONTEXT | _phrases("itin", "tin", "taxpayer identification", "tax id", "taxid")


def ssn_valid(digits: str) -> bool:
    """SSA rules: no area 000, 666 or 900-999, no group 00, no serial 0000 (9 digits)."""
    if len(digits) != 9 or not all(c in _DIGITS for c in digits):
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def itin_valid(digits: str) -> bool:
    """IRS: 9xx-GG-xxxx with the middle digits GG in 50-65, 70-88, 90-92 or 94-99."""
    if len(digits) != 9 or not all(c in _DIGITS for c in digits) or digits[0] != "9":
        return False
    group = int(digits[3:5])
    return 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or 94 <= group <= 99


def _nine_finder(valid: Callable[[str], bool], context: frozenset[Phrase]) -> Callable[[str], Iterator[Span]]:
    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        sep = match.group(1)
        digits = _only_digits(match.group())
        if not valid(digits) or _same_digit(digits) or not _alone(text, start, end, sep):
            return None
        if not sep and _context(text, start, context) is None:
            return None  # a bare 9-digit number is anything without its context word
        if _owned_elsewhere(text, start, end):
            return None
        return start, end

    def find(text: str) -> Iterator[Span]:
        return _scan(_NINE, text, judge)

    return find


find_us_ssn = _nine_finder(ssn_valid, _SSN_CONTEXT)
find_us_ssn.__name__ = find_us_ssn.__qualname__ = "find_us_ssn"
find_us_ssn.__doc__ = (
    "US SSNs: 3-2-4 with one separator style anywhere, bare 9 digits after ssn / social security."
)
find_us_itin = _nine_finder(itin_valid, _ITIN_CONTEXT)
find_us_itin.__name__ = find_us_itin.__qualname__ = "find_us_itin"
find_us_itin.__doc__ = (
    "US ITINs: like SSNs (9xx area, IRS middle ranges); bare 9 digits after itin / tin / ssn."
)


# --------------------------------------------------------------------------- UK NINO, NHS

#: HMRC NIM39110: no D F I Q U V in the prefix, no O second; suffix A-D; spaced in pairs or not
_NINO = re.compile(
    r"(?<![0-9A-Za-z])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])( ?)[0-9]{2}\2[0-9]{2}\2[0-9]{2}\2[A-D](?![0-9A-Za-z])",
    re.ASCII,
)
_NINO_UNUSED = frozenset(("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))


def uk_nino_valid(nino: str) -> bool:
    """HMRC's prefix and suffix rules (spaces ignored); a NINO has no check character."""
    compact = nino.replace(" ", "")
    return _NINO.fullmatch(compact) is not None and compact[:2] not in _NINO_UNUSED


def find_uk_nino(text: str) -> Iterator[Span]:
    """UK National Insurance numbers: ``AB123456C`` or ``AB 12 34 56 C`` (capitals)."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        if match.group(1) in _NINO_UNUSED or _same_digit(_only_digits(match.group())):
            return None
        if not _alone(text, start, end, match.group(2)) or _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_NINO, text, judge)


_TEN = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{2}([ -]?)[0-9]{3}\1[0-9]{4}(?![0-9])", re.ASCII)
_NHS_CONTEXT = _phrases("nhs", "nhsno", "nhsnumber", "nhsnum", "chi")


def nhs_valid(digits: str) -> bool:
    """NHS number: 10 digits, weights 10..2 on the first nine, check = 11 - sum mod 11
    (11 is 0, 10 is never issued)."""
    if len(digits) != 10 or not all(c in _DIGITS for c in digits):
        return False
    check = 11 - sum(int(c) * w for c, w in zip(digits, range(10, 1, -1))) % 11
    return check != 10 and check % 11 == int(digits[9])


def find_uk_nhs(text: str) -> Iterator[Span]:
    """NHS numbers: ``943 476 5919`` alone; compact or dashed only after nhs / chi."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        sep = match.group(1)
        digits = _only_digits(match.group())
        if not nhs_valid(digits) or _same_digit(digits) or not _alone(text, start, end, sep):
            return None
        if sep != " " and _context(text, start, _NHS_CONTEXT) is None:
            return None  # 1 in 11 random numbers pass the check: a 10-digit id is not enough
        if _context(text, start, _PHONE_CONTEXT_PHRASES) is not None:
            return None  # "tel 415 555 2671" is a phone that happens to pass the check
        if _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_TEN, text, judge)


# --------------------------------------------------------------------------- DE IdNr

_ELEVEN_GROUPED = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]([ ./-]?)[0-9]{3}\1[0-9]{3}\1[0-9]{3}(?![0-9])", re.ASCII
)
_DE_CONTEXT = _phrases(
    "steuer id",
    "steuerid",
    "steuer idnr",
    "steueridnr",
    "idnr",
    "identifikationsnummer",
    "steueridentifikationsnummer",
    "steuerliche identifikationsnummer",
    "tin",
    "tax id",
    "taxid",
)


def de_taxid_valid(digits: str) -> bool:
    """Steuer-IdNr: 11 digits, no leading 0; in the first ten exactly one digit appears twice
    or three times (three not all in a row), the others at most once; ISO 7064 MOD 11,10."""
    if len(digits) != 11 or not all(c in _DIGITS for c in digits) or digits[0] == "0":
        return False
    body = digits[:10]
    repeated = [body.count(d) for d in set(body) if body.count(d) > 1]
    if len(repeated) != 1 or repeated[0] not in (2, 3):
        return False
    if repeated[0] == 3 and any(body[i] == body[i + 1] == body[i + 2] for i in range(8)):
        return False
    product = 10
    for char in body:
        total = (int(char) + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10 == int(digits[10])


def find_de_taxid(text: str) -> Iterator[Span]:
    """German tax ids (``12345678995``, ``12 345 678 995``) after steuer-id / idnr / tin."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        digits = _only_digits(match.group())
        if not de_taxid_valid(digits) or not _alone(text, start, end, match.group(1)):
            return None
        if _context(text, start, _DE_CONTEXT) is None or _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_ELEVEN_GROUPED, text, judge)


# --------------------------------------------------------------------------- FR NIR

#: sex, year, month, department (2A/2B: Corsica), commune, order, key: spaced 1 2 2 2 3 3 2 or not
_NIR = re.compile(
    r"[12](?<![0-9A-Za-z][12])( ?)[0-9]{2}\1[0-9]{2}\1(?:[0-9]{2}|2[AB])\1[0-9]{3}\1[0-9]{3}(?:\1| )[0-9]{2}(?![0-9A-Za-z])",
    re.ASCII,
)


def fr_nir_valid(nir: str) -> bool:
    """NIR: sex 1/2, month 01-12 or 20-99 (unknown or fictitious months), department not 00,
    key = 97 - (first 13 digits mod 97) with 2A read as 19 and 2B as 18 (spaces ignored)."""
    compact = nir.replace(" ", "")
    if len(compact) != 15 or compact[0] not in "12":
        return False
    department = compact[5:7]
    if department in ("2A", "2B"):
        number = compact[:5] + ("19" if department == "2A" else "18") + compact[7:13]
    else:
        number = compact[:13]
    if not all(c in _DIGITS for c in number + compact[13:]) or department == "00":
        return False
    month = int(compact[3:5])
    if not (1 <= month <= 12 or month >= 20):
        return False
    return 97 - int(number) % 97 == int(compact[13:])


def find_fr_nir(text: str) -> Iterator[Span]:
    """French social security numbers (NIR), compact or spaced, with their key."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        candidate = match.group()
        if not fr_nir_valid(candidate) or not _alone(text, start, end, match.group(1)):
            return None
        return None if _owned_elsewhere(text, start, end) else (start, end)

    return _scan(_NIR, text, judge)


# --------------------------------------------------------------------------- ES DNI, NIE

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_DNI = re.compile(
    r"[0-9](?<![0-9A-Za-z][0-9])(?:[0-9]{7}|[0-9]\.[0-9]{3}\.[0-9]{3})-?[A-Z](?![0-9A-Za-z])", re.ASCII
)
_NIE = re.compile(r"[XYZ](?<![0-9A-Za-z][XYZ])-?[0-9]{7}-?[A-Z](?![0-9A-Za-z])", re.ASCII)


def es_dni_valid(dni: str) -> bool:
    """DNI/NIF: 8 digits and the letter of their remainder mod 23 (``.`` and ``-`` ignored)."""
    compact = dni.replace(".", "").replace("-", "")
    digits = compact[:8]
    if len(compact) != 9 or not all(c in _DIGITS for c in digits):
        return False
    return _DNI_LETTERS[int(digits) % 23] == compact[8]


def es_nie_valid(nie: str) -> bool:
    """NIE: X, Y or Z (read as 0, 1, 2), 7 digits, the DNI letter of the 8-digit number."""
    compact = nie.replace("-", "")
    if len(compact) != 9 or compact[0] not in "XYZ" or not all(c in _DIGITS for c in compact[1:8]):
        return False
    return _DNI_LETTERS[int(str("XYZ".index(compact[0])) + compact[1:8]) % 23] == compact[8]


def _letter_finder(regex: re.Pattern[str], valid: Callable[[str], bool]) -> Callable[[str], Iterator[Span]]:
    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        if not valid(match.group()) or _same_digit(_only_digits(match.group())):
            return None
        if not _alone(text, start, end) or _owned_elsewhere(text, start, end):
            return None
        return start, end

    def find(text: str) -> Iterator[Span]:
        return _scan(regex, text, judge)

    return find


find_es_dni = _letter_finder(_DNI, es_dni_valid)
find_es_dni.__name__ = find_es_dni.__qualname__ = "find_es_dni"
find_es_dni.__doc__ = "Spanish DNI/NIF: ``12345678Z``, ``12345678-Z``, ``12.345.678-Z``."
find_es_nie = _letter_finder(_NIE, es_nie_valid)
find_es_nie.__name__ = find_es_nie.__qualname__ = "find_es_nie"
find_es_nie.__doc__ = "Spanish NIE: ``X1234567L``, ``X-1234567-L``."


# --------------------------------------------------------------------------- NL BSN

_BSN = re.compile(
    r"[0-9](?<![0-9][0-9])(?:[0-9]{8}|[0-9]{3}\.[0-9]{2}\.[0-9]{3}|[0-9]{2}([ .])[0-9]{3}\1[0-9]{3})(?![0-9])",
    re.ASCII,
)
_BSN_CONTEXT = _phrases("bsn", "bsnnummer", "burgerservicenummer", "sofinummer", "sofi")


def nl_bsn_valid(digits: str) -> bool:
    """BSN 11-proof: 9 digits, weights 9..2 and -1, the sum a multiple of 11 (not all zeros)."""
    if len(digits) != 9 or not all(c in _DIGITS for c in digits):
        return False
    total = sum(int(digits[i]) * (9 - i) for i in range(8)) - int(digits[8])
    return total % 11 == 0 and digits != "000000000"


def find_nl_bsn(text: str) -> Iterator[Span]:
    """Dutch citizen service numbers, only after bsn / burgerservicenummer / sofinummer."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        digits = _only_digits(match.group())
        sep = match.group(1) or ("." if "." in match.group() else "")
        if not nl_bsn_valid(digits) or _same_digit(digits) or not _alone(text, start, end, sep):
            return None
        if _context(text, start, _BSN_CONTEXT) is None or _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_BSN, text, judge)


# --------------------------------------------------------------------------- IT codice fiscale

_OMOCODIA = "LMNPQRSTUV"  # stand for 0-9 where two people would share a code
_CF_MONTHS = "ABCDEHLMPRST"
_CF = re.compile(
    r"[A-Z](?<![0-9A-Za-z][A-Z])[A-Z]{5}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![0-9A-Za-z])",
    re.ASCII,
)
#: the odd positions' values of A-Z; the digits 0-9 have those of A-J
_CF_ODD_LETTERS = (
    1,
    0,
    5,
    7,
    9,
    13,
    15,
    17,
    19,
    21,
    2,
    4,
    18,
    20,
    11,
    3,
    6,
    8,
    12,
    14,
    16,
    10,
    22,
    25,
    24,
    23,
)
_CF_ODD = {
    **dict(zip(_DIGITS, _CF_ODD_LETTERS)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _CF_ODD_LETTERS)),
}
_CF_EVEN = {c: (int(c) if c in _DIGITS else ord(c) - 65) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def _cf_number(chars: str) -> int:
    return int("".join(str(_OMOCODIA.index(c)) if c in _OMOCODIA else c for c in chars))


def it_codicefiscale_valid(code: str) -> bool:
    """Codice fiscale (persons): layout, omocodia letters, a day 1-31 (41-71 for women),
    and the check letter (odd/even position tables, sum mod 26)."""
    if _CF.fullmatch(code) is None:
        return False
    day = _cf_number(code[9:11])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    total = sum((_CF_ODD if i % 2 == 0 else _CF_EVEN)[c] for i, c in enumerate(code[:15]))
    return chr(65 + total % 26) == code[15]


def find_it_codicefiscale(text: str) -> Iterator[Span]:
    """Italian fiscal codes of persons (16 capitals and digits, omocodia included)."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        if not it_codicefiscale_valid(match.group()) or not _alone(text, start, end):
            return None
        return start, end

    return _scan(_CF, text, judge)


# --------------------------------------------------------------------------- PL, SE, BE

_ELEVEN = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{10}(?![0-9])", re.ASCII)
_PESEL_CONTEXT = _phrases("pesel")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _date_ok(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


def pl_pesel_valid(digits: str) -> bool:
    """PESEL: YYMMDD (month + 20/40/60/80 by century), serial, weights 1 3 7 9 check digit."""
    if len(digits) != 11 or not all(c in _DIGITS for c in digits):
        return False
    if not _date_ok(int(digits[2:4]) % 20, int(digits[4:6])):
        return False
    check = (10 - sum(w * int(c) for w, c in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), digits)) % 10) % 10
    return check == int(digits[10])


def find_pl_pesel(text: str) -> Iterator[Span]:
    """Polish PESEL numbers, only after ``pesel``."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        digits = match.group()
        if not pl_pesel_valid(digits) or _same_digit(digits) or not _alone(text, start, end):
            return None
        if _context(text, start, _PESEL_CONTEXT) is None or _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_ELEVEN, text, judge)


_PERSONNUMMER = re.compile(
    r"[0-9](?<![0-9][0-9])(?:(?<=[12])(?:(?<=1)8|(?<=1)9|(?<=2)0)[0-9]{6}|[0-9]{5})[-+]?[0-9]{4}(?![0-9])",
    re.ASCII,
)
_SE_CONTEXT = _phrases("personnummer", "personnr", "samordningsnummer", "personal identity")


def se_personnummer_valid(number: str) -> bool:
    """Personnummer: [CC]YYMMDD[-+]NNNC, a real day (+60: coordination number), Luhn over
    the 10 digits YYMMDDNNNC."""
    digits = _only_digits(number)
    if len(digits) == 12:
        digits = digits[2:]
    if len(digits) != 10:
        return False
    day = int(digits[4:6])
    if not _date_ok(int(digits[2:4]), day - 60 if day > 60 else day):
        return False
    return luhn_valid(digits)


def find_se_personnummer(text: str) -> Iterator[Span]:
    """Swedish personal identity numbers, only after personnummer / samordningsnummer."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        if not se_personnummer_valid(match.group()) or not _alone(text, start, end):
            return None
        if _context(text, start, _SE_CONTEXT) is None or _owned_elsewhere(text, start, end):
            return None
        return start, end

    return _scan(_PERSONNUMMER, text, judge)


_BE_NN = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]([ .]?)[0-9]{2}\1[0-9]{2}([ .-]?)[0-9]{3}([ .-]?)[0-9]{2}(?![0-9])", re.ASCII
)
_BE_CONTEXT = _phrases(
    "rijksregisternummer",
    "rijksregister",
    "nationalregisternummer",
    "registre national",
    "numéro national",
    "numero national",
    "national number",
    "niss",
    "insz",
    "rrn",
)


def be_nn_valid(digits: str) -> bool:
    """Belgian national number: YYMMDD (month + 20/40 for BIS numbers, 0 when unknown),
    serial, check = 97 - (first 9 digits mod 97), with a 2 in front for births from 2000."""
    if len(digits) != 11 or not all(c in _DIGITS for c in digits):
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if month % 20 > 12 or month >= 60 or day > 31:
        return False
    check = int(digits[9:])
    return 97 - int(digits[:9]) % 97 == check or 97 - int("2" + digits[:9]) % 97 == check


def find_be_nn(text: str) -> Iterator[Span]:
    """Belgian national numbers: ``85.07.30-033.28`` alone, other writings after a context word."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        digits = _only_digits(match.group())
        if not be_nn_valid(digits) or _same_digit(digits):
            return None
        seps = match.groups()
        if not _alone(text, start, end, seps[0] or seps[1]):
            return None
        if seps != (".", "-", ".") and _context(text, start, _BE_CONTEXT) is None:
            return None  # ~1 in 140 random 11-digit numbers pass: only the official writing alone
        return None if _owned_elsewhere(text, start, end) else (start, end)

    return _scan(_BE_NN, text, judge)


# --------------------------------------------------------------------------- IMEI

_IMEI = re.compile(r"[0-9](?<![0-9][0-9])[0-9]([ -]?)[0-9]{6}\1[0-9]{6}\1[0-9](?![0-9])", re.ASCII)
_IMEI_CONTEXT = _phrases("imei", "imeisv")
#: GSMA TS.06 reporting body identifiers (first two TAC digits); test ranges (00, 02-09) and
#: DECT (10) left out: those are not phones of people
_REPORTING_BODIES = frozenset(
    ("01", "30", "33", "35", "44", "45", "49", "50", "51", "52", "53", "54", "86", "91", "98", "99")
)


def imei_valid(digits: str) -> bool:
    """IMEI: 15 digits, a GSMA reporting body prefix, the Luhn check digit."""
    if len(digits) != 15 or not all(c in _DIGITS for c in digits):
        return False
    return digits[:2] in _REPORTING_BODIES and luhn_valid(digits)


def find_imei(text: str) -> Iterator[Span]:
    """IMEIs: ``49-015420-323751-8`` (or spaced) alone, 15 bare digits only after imei."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        sep = match.group(1)
        digits = _only_digits(match.group())
        if not imei_valid(digits) or not _alone(text, start, end, sep):
            return None
        if not sep and _context(text, start, _IMEI_CONTEXT) is None:
            return None  # 1 in ~60 random 15-digit ids has a body prefix and passes Luhn
        if any(True for _ in find_cards(digits)) or _owned_elsewhere(text, start, end):
            return None  # a card number of a brand that shares the prefix: the card's
        return start, end

    return _scan(_IMEI, text, judge)


# --------------------------------------------------------------------------- MAC addresses

_HEX = frozenset("0123456789abcdefABCDEF")
_MAC = re.compile(
    r"[0-9A-Fa-f](?<![0-9A-Za-z_][0-9A-Fa-f])(?:[0-9A-Fa-f]([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}"
    r"|[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})",
    re.ASCII,
)


def find_mac_addresses(text: str) -> Iterator[Span]:
    """MAC-48 addresses (``00:1A:2B:3C:4D:5E``, ``00-1a-2b-3c-4d-5e``, ``001a.2b3c.4d5e``)
    of single devices: not all-zero, not group (multicast, broadcast) addresses."""

    def judge(text: str, match: re.Match[str]) -> Span | None:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        before2 = text[start - 2] if start > 1 else ""
        after2 = text[end + 1] if end + 1 < len(text) else ""
        if _glued(before) or _glued(after) or before == ":":
            return None  # inside a word, a longer hex run or an IPv6 address
        if before in ("-", ".") and _glued(before2):
            return None
        if after == ":" and (after2 in _HEX or after2 == ":"):
            return None
        if after in ("-", ".") and _glued(after2):
            return None
        hexdigits = "".join(c for c in match.group() if c in _HEX)
        first = int(hexdigits[:2], 16)
        if first & 1 or int(hexdigits, 16) == 0:
            return None  # group (multicast, broadcast) or null: identifies no device
        if match.group(1) != ":" and hexdigits.isdigit():
            return None  # 12-34-56-78-90-12, 1234.5678.9012: dates, serials, versions
        return start, end

    return _scan(_MAC, text, judge)


# --------------------------------------------------------------------------- phones

_EN = ("US", "GB", "IN", "AU", "IE")
_DE = ("DE", "AT", "CH")
_FR = ("FR", "BE", "CH")
_ES = ("ES", "MX", "AR", "CO")
_IT = ("IT", "CH")
_NL = ("NL", "BE")
_PT = ("PT", "BR")
_PL = ("PL",)
#: words used in many languages: the regions of all of them
_ANY = ("US", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "PT", "BR", "IN", "AU")

_PHONE_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "phone",
            "phones",
            "telephone",
            "phonenumber",
            "telephonenumber",
            "cell",
            "cellphone",
            "cellnumber",
            "call",
            "mobilephone",
            "mobilenumber",
            "contactnumber",
        ),
        _EN,
    ),
    **dict.fromkeys(("tel", "tél", "fax", "sms", "whatsapp", "mobile", "mobil"), _ANY),
    **dict.fromkeys(
        ("telefon", "telefonnummer", "handy", "handynummer", "rufnummer", "mobilnummer", "festnetz"),
        _DE + _PL,
    ),
    **dict.fromkeys(("téléphone", "portable"), _FR),
    **dict.fromkeys(("teléfono", "móvil", "movil"), _ES),
    "telefono": _ES + _IT,
    "cellulare": _IT,
    **dict.fromkeys(("telefoon", "telefoonnummer", "mobiel", "mobielnummer"), _NL),
    **dict.fromkeys(("telefone", "telemóvel", "telemovel"), _PT),
    "celular": _PT + _ES,
    **dict.fromkeys(("komórka", "komorka", "telefonu", "telefonie"), _PL),
}
_PHONE_CONTEXT_PHRASES = frozenset((word,) for word in _PHONE_WORDS)

#: digit groups joined by one or two of `` .-/``, parentheses around a group, a leading
#: ``+``: unambiguous (separators and digits alternate), so one linear pass per run
_PHONE_RUN = re.compile(
    r"(?:\(\+|\+\(?|\(?)[0-9]+(?:\)[0-9]*)?(?:[ .\-/]{1,2}\(?[0-9]+(?:\)[0-9]*)?)*", re.ASCII
)
_GROUP = re.compile(r"[0-9]+", re.ASCII)
_DATE_SHAPE = re.compile(
    r"[0-9]{4}([-/.])[0-9]{1,2}\1[0-9]{1,2}|[0-9]{1,2}([-/.])[0-9]{1,2}\2[0-9]{2,4}", re.ASCII
)

_phonenumbers: Any = None


def _phone_module() -> Any:
    """``phonenumbers``, imported the first time a candidate needs it (importing
    sentry_guard must stay cheap: the metadata is large)."""
    global _phonenumbers
    if _phonenumbers is None:
        import phonenumbers  # here: a large library, loaded only when a phone-like shape is seen

        _phonenumbers = phonenumbers
    return _phonenumbers


@lru_cache(maxsize=4096)
def _phone_valid(number: str, region: str | None) -> bool:
    """Google's numbering metadata says `number` (digits, ``+`` in front when international)
    is a valid number (of `region` when national)."""
    module = _phone_module()
    try:
        parsed = module.parse(number, region)
    except module.NumberParseException:
        return False
    return bool(module.is_valid_number(parsed))


def _looks_like_time(digits: str) -> bool:
    """Compact dates and timestamps: YYYYMMDD[hhmm[ss]], epoch seconds or milliseconds."""
    if (
        len(digits) in (8, 12, 14)
        and digits[:2] in ("19", "20")
        and _date_ok(int(digits[4:6]), int(digits[6:8]))
    ):
        return True
    return len(digits) in (10, 13) and digits[0] == "1"


def _phone_shape_ok(candidate: str, groups: list[str], international: bool) -> bool:
    digits = "".join(groups)
    if international:
        if not 7 <= len(digits) <= 15:  # E.164: at most 15 digits with the country code
            return False
        if any(len(g) == 1 for g in groups[2:]):
            return False
    else:
        if not 6 <= len(digits) <= 13:
            return False
        if any(len(g) == 1 for g in groups[1:]):
            return False  # 10.0.19041.1, 4.0.0.0: versions
        if _DATE_SHAPE.fullmatch(candidate) or (len(groups) == 1 and _looks_like_time(digits)):
            return False
        if len(digits) >= 13 and luhn_valid(digits):
            return False  # card-like
    if _same_digit(digits):
        return False
    separators = {c for c in candidate if c in " .-/"}
    if separators == {"."} and (len(groups) == 2 or (len(groups) == 4 and all(len(g) <= 3 for g in groups))):
        return False  # a decimal number, an IPv4 address
    return not any(True for _ in find_cards(candidate.lstrip("(+")))


#: metadata look-ups (~35 µs each) one call may make: past them, a candidate that passed
#: every shape rule counts as a phone. Attacker-controlled text full of phone-like runs
#: then costs milliseconds, not seconds, and errs towards removing (fails closed).
_PHONE_BUDGET = 64


def find_phones(text: str) -> Iterator[Span]:
    """Phone numbers: international ones (``+`` and a country code) anywhere; national ones
    and ``00``-prefixed ones right after a phone word; valid per libphonenumber's metadata."""
    search = _PHONE_RUN.search
    pos = 0
    budget = _PHONE_BUDGET
    while True:
        match = search(text, pos)
        if match is None:
            return
        pos = match.end()  # a run is judged once, whole: any part of it is glued to the rest
        start, end = match.span()
        run = match.group()
        before = text[start - 1] if start else ""
        before2 = text[start - 2] if start > 1 else ""
        after = text[end] if end < len(text) else ""
        after2 = text[end + 1] if end + 1 < len(text) else ""
        if _glued(before) or _glued(after) or before == "+" or (before in "-./:," and _digit(before2)):
            continue
        if after in ":," and _digit(after2):
            continue  # 01:48:00, 1,234
        international = run.startswith(("+", "(+"))
        regions: tuple[str | None, ...] = (None,)
        if not international:
            context = _context(text, start, _PHONE_CONTEXT_PHRASES)
            if context is None:
                continue
            if run.startswith("00"):  # the international call prefix
                international = True
            else:
                regions = _PHONE_WORDS[context[0]]
        spans = [(m.start(), m.end()) for m in _GROUP.finditer(run)]
        if len(spans) > 12:
            continue
        # the whole run, then without its last space-separated groups: "+44 20 7946 0958
        # 2026" is a phone and a year; 192.168.100.200 is not 192.168.100 and a rest
        for count in range(len(spans), max(0, len(spans) - 3), -1):
            if count < len(spans) and " " not in run[spans[count - 1][1] : spans[count][0]]:
                continue
            candidate = run[: spans[count - 1][1]]
            # "+33 (0)1 23 45 67 89": the trunk 0 in brackets is not dialled from abroad
            groups = [
                run[s:e] for s, e in spans[:count] if not (international and run[s - 1 : e + 1] == "(0)")
            ]
            if international and not run.startswith(("+", "(+")):
                groups[0] = groups[0][2:]  # 00 44 ... -> +44 ...
                if not groups[0]:
                    groups = groups[1:]
            if not groups or not _phone_shape_ok(candidate, groups, international):
                continue
            digits = "".join(groups)
            number = "+" + digits if international else digits
            valid = budget <= 0
            for region in regions if not valid else ():
                budget -= 1
                if _phone_valid(number, region):
                    valid = True
                    break
            if valid:
                if not _owned_elsewhere(text, start, start + len(candidate)):
                    yield start, start + len(candidate)
                break


# --------------------------------------------------------------------------- the catalogue

#: a valid payment card and a valid IBAN: another kind's, in every format's counterexamples
_OTHER_KINDS = (
    "4111 1111 1111 1111",
    "4111111111111111",
    "378282246310005",
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
)
_TIMES = ("2026-11-27 01:48:00", "1732672800", "1732672800000", "10.0.19041.1", "ORD-2026-000123")

IDENTIFIER_FORMATS: tuple[Format, ...] = (
    Format(
        name="us-ssn",
        kind="ssn",
        anchors=_anchors_of(_SSN_CONTEXT),
        pattern="",
        requires=(
            "ssn",
            "anchor&digits:9",
        ),
        ignore_case=True,
        find=find_us_ssn,
        examples=(
            "123-45-6789",
            "123 45 6789",
            "123.45.6789",
            "ssn: 123456789",
            "social security number: 123450001",
        ),
        counterexamples=(
            "666-12-3456",  # area 666 is never issued
            "912-70-1234",  # 9xx: an ITIN, not an SSN
            "987-65-4320",  # SSA's advertising range is 9xx too: never a person's SSN
            "123-00-6789",  # group 00
            "123-45-0000",  # serial 0000
            "123456789",  # bare, no context word
            "123-45-67890",  # too long
            "123-45.6789",  # mixed separators
            "ORD-123-45-6789",
            "111-11-1111",  # a template's stand-in
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.ssa.gov/employer/randomization.html",
        note=(
            "3-2-4 digits with one separator style is the SSN's own writing, and SSA's rules "
            "(no 000/666/9xx area, 00 group, 0000 serial) keep out ITINs and most filler; a "
            "bare 9-digit number is any id, so only right after ssn / social security."
        ),
    ),
    Format(
        name="us-itin",
        kind="nationalid",
        anchors=_anchors_of(_ITIN_CONTEXT),
        pattern="",
        requires=(
            "ssn",
            "anchor&digits:9",
        ),
        ignore_case=True,
        find=find_us_itin,
        examples=("912-70-1234", "912 56 0001", "900.94.4321", "itin: 912881234"),
        counterexamples=(
            "912-93-1234",  # 93: an ATIN
            "912-45-1234",  # 45: outside the IRS ranges (an IRSN block)
            "812-70-1234",  # not 9xx
            "912701234",  # bare, no context word
            "912-70-12345",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.irs.gov/individuals/individual-taxpayer-identification-number",
        note=(
            "Formatted like an SSN but always 9xx with middle digits 50-65, 70-88, 90-92 or "
            "94-99 (IRS): disjoint from valid SSNs; bare only after itin / tin / ssn."
        ),
    ),
    Format(
        name="uk-nino",
        kind="nationalid",
        anchors=(),
        pattern="",
        requires=("AA00",),
        find=find_uk_nino,
        examples=("AB123456C", "AB 12 34 56 C", "nino: CE 98 76 54 A"),
        counterexamples=(
            "QQ123456A",  # HMRC's own example: Q is never used
            "GB123456A",  # unused prefix
            "AO123456A",  # O never second
            "AB123456E",  # suffix A-D only
            "AB12345C",  # 5 digits
            "AB12 3456C",  # irregular spacing
            "ab123456c",  # capitals only
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim39110",
        note=(
            "Two prefix letters (HMRC's excluded letters and prefixes), six digits, suffix "
            "A-D, at word boundaries: no check character, but the letter rules and the fixed "
            "layout make a random product code rarely fit."
        ),
    ),
    Format(
        name="uk-nhs",
        kind="nationalid",
        anchors=_anchors_of(_NHS_CONTEXT),
        pattern="",
        requires=(
            "nhs",
            "anchor&digits:10",
        ),
        ignore_case=True,
        find=find_uk_nhs,
        examples=("999 000 0018", "943 476 5919", "nhs: 9990000018", "NHS number: 999-123-4578"),
        counterexamples=(
            "999 000 0019",  # wrong check digit
            "999 123 4560",  # check digit would be 10: never issued
            "9990000018",  # bare, no context word
            "tel 999 000 0018",  # a phone word: it is a phone
            "000 000 0000",
            "999 000 00180",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.datadictionary.nhs.uk/attributes/nhs_number.html",
        note=(
            "Mod-11 check digit; 1 in 11 random 10-digit numbers pass, so alone only in the "
            "NHS's 3 3 4 spaced writing and never after a phone word, otherwise after nhs / chi."
        ),
    ),
    Format(
        name="de-taxid",
        kind="nationalid",
        anchors=_anchors_of(_DE_CONTEXT),
        pattern="",
        requires=("anchor&digits:11",),
        ignore_case=True,
        find=find_de_taxid,
        examples=(
            "steuer-id: 12345678995",
            "IdNr: 12 345 678 995",
            "Steuerliche Identifikationsnummer: 86095742719",
        ),
        counterexamples=(
            "steuer-id: 12345678996",  # wrong check digit
            "steuer-id: 12345678905",  # no digit repeated
            "steuer-id: 11123456784",  # three in a row
            "steuer-id: 02345678994",  # leading 0
            "12345678995",  # no context word
            "steuernummer: 12345678995",  # another number
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.gesetze-im-internet.de/ao_1977/__139b.html",
        note=(
            "The check digit and digit-repetition rule still pass ~1 in 300 random 11-digit "
            "numbers (Chinese and Brazilian mobiles, ids): only after steuer-id / idnr / tin."
        ),
    ),
    Format(
        name="fr-nir",
        kind="nationalid",
        anchors=("2a", "2b"),
        pattern="",
        requires=(
            "digits:13",
            "anchor&digits:6",
        ),
        ignore_case=True,
        anchor_inside=True,
        find=find_fr_nir,
        examples=("180017512345660", "1 80 01 75 123 456 60", "2 95 01 2A 126 111 72", "1800175123456 60"),
        counterexamples=(
            "180017512345661",  # wrong key
            "380017512345660",  # sex digit 3
            "180137512345660",  # month 13
            "1 80 01 75 123 45660",  # irregular spacing
            "18001751234566",  # 14 digits
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.insee.fr/fr/metadonnees/definition/c1409",
        note=(
            "Sex, month and department rules plus the 2-digit mod-97 key leave ~1 in 550 "
            "random 15-digit numbers; cards and IMEIs never start with 1 or 2: found alone."
        ),
    ),
    Format(
        name="es-dni",
        kind="nationalid",
        anchors=(),
        pattern="",
        requires=("diglet",),
        find=find_es_dni,
        examples=("12345678Z", "12345678-Z", "12.345.678-Z"),
        counterexamples=(
            "12345678A",
            "1234567Z",
            "12345678z",
            "X12345678Z",
            "00000000T",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.interior.gob.es/opencms/es/servicios-al-ciudadano/tramites-y-gestiones/dni/calculo-del-digito-de-control-del-nif-nie/",
        note="Eight digits glued to their mod-23 check letter (1 in 23) is a shape ids rarely have.",
    ),
    Format(
        name="es-nie",
        kind="nationalid",
        anchors=(),
        pattern="",
        requires=("diglet",),
        find=find_es_nie,
        examples=("X1234567L", "Y-7654321-G", "Z7654321H"),
        counterexamples=("X1234567A", "W1234567L", "X123456L", "AX1234567L", *_TIMES, *_OTHER_KINDS),
        source="https://www.interior.gob.es/opencms/es/servicios-al-ciudadano/tramites-y-gestiones/dni/calculo-del-digito-de-control-del-nif-nie/",
        note="X/Y/Z, seven digits and the mod-23 letter: a shape few other ids have.",
    ),
    Format(
        name="nl-bsn",
        kind="nationalid",
        anchors=_anchors_of(_BSN_CONTEXT),
        pattern="",
        requires=("anchor&digits:9",),
        ignore_case=True,
        find=find_nl_bsn,
        examples=("bsn: 111222333", "burgerservicenummer: 1234.56.782", "BSN: 123 456 782"),
        counterexamples=(
            "bsn: 111222334",  # fails the 11-proof
            "111222333",  # no context word
            "bsn: 11122233",
            "order 123456782",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://wetten.overheid.nl/BWBR0022428/",
        note="The 11-proof passes 1 in 11 random 9-digit numbers: only after bsn / burgerservicenummer / sofinummer.",
    ),
    Format(
        name="it-codicefiscale",
        kind="nationalid",
        anchors=(),
        pattern="",
        requires=("AA00",),
        find=find_it_codicefiscale,
        examples=("TSTTST80A01Z999K", "TSTTST80A41Z999O", "TSTTST80A01Z99VZ"),
        counterexamples=(
            "TSTTST80A01Z999A",  # wrong check letter
            "TSTTST80A32Z999K",  # day 32
            "TSTTST80F01Z999K",  # F is no month
            "TSTTST80A01Z999",  # 15 characters
            "tsttst80a01z999k",  # capitals only
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.agenziaentrate.gov.it/portale/web/guest/schede/istanze/richiesta-ts_cf/informazioni-codificazione-pf",
        note=(
            "16 characters in a fixed letter/digit layout with a month letter, a day 1-31/41-71 "
            "and a check letter (1 in 26): found alone. Capitals only; omocodia letters read as digits."
        ),
    ),
    Format(
        name="pl-pesel",
        kind="nationalid",
        anchors=_anchors_of(_PESEL_CONTEXT),
        pattern="",
        requires=("anchor&digits:11",),
        ignore_case=True,
        find=find_pl_pesel,
        examples=("pesel: 90010101239", "PESEL: 05211501236"),
        counterexamples=("pesel: 90010101238", "pesel: 90130101231", "90010101239", *_TIMES, *_OTHER_KINDS),
        source="https://www.gov.pl/web/gov/czym-jest-numer-pesel",
        note="Birth date and a mod-10 check pass ~1 in 60 random 11-digit numbers: only after pesel.",
    ),
    Format(
        name="se-personnummer",
        kind="nationalid",
        anchors=_anchors_of(_SE_CONTEXT),
        pattern="",
        requires=("anchor&digits:6",),
        ignore_case=True,
        find=find_se_personnummer,
        examples=(
            "personnummer: 121212-1212",
            "personnummer: 19121212-1212",
            "samordningsnummer: 900161-1236",
        ),
        counterexamples=(
            "personnummer: 121212-1213",  # Luhn
            "personnummer: 121312-1212",  # month 13
            "121212-1212",  # no context word
            "20261127-0148",  # a build id
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.skatteverket.se/privat/folkbokforing/personnummer.4.3810a01c150939e893f18c29.html",
        note="Date-shaped with Luhn: 1 in 10 dated build ids pass, so only after personnummer / samordningsnummer.",
    ),
    Format(
        name="be-nn",
        kind="nationalid",
        anchors=(),
        pattern="",
        requires=("digits:11",),
        find=find_be_nn,
        examples=("90.02.01-997.04", "rijksregisternummer: 90020199704", "NISS: 05.06.07-123.37"),
        counterexamples=(
            "90.02.01-997.05",  # wrong check
            "90.13.01-997.04",  # month 13
            "90020199704",  # no context word
            "90 02 01 997 04",  # not the official writing, no context word
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.ibz.rrn.fgov.be/fileadmin/user_upload/nl/rr/instructies/IT-lijst/IT000_Rijksregisternummer.pdf",
        note="Birth date and a mod-97 check; alone only in the official YY.MM.DD-SSS.CC writing.",
    ),
    Format(
        name="imei",
        kind="imei",
        anchors=(),
        pattern="",
        requires=("digits:15",),
        find=find_imei,
        examples=("49-015420-323751-8", "35-209900-176148-1", "35 209900 176148 1", "imei: 490154203237518"),
        counterexamples=(
            "49-015420-323751-9",  # Luhn
            "10-015420-323751-3",  # DECT body: no phone
            "490154203237518",  # bare, no context word
            "imei: 4901542032375180",  # 16 digits
            "imei: 300000000000007",  # a Diners card number (15 digits, Luhn)
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.3gpp.org/DynaReport/23003.htm",
        note=(
            "Luhn plus the GSMA reporting-body prefix still pass ~1 in 60 random 15-digit ids: "
            "alone only in the 2-6-6-1 grouping, bare after imei; card numbers stay cards."
        ),
    ),
    Format(
        name="mac-address",
        kind="mac",
        anchors=(),
        pattern="",
        requires=("hexpairs",),
        find=find_mac_addresses,
        examples=("00:00:5E:00:53:01", "00-00-5e-00-53-2a", "0000.5e00.53ff", "02:42:ac:11:00:02"),
        counterexamples=(
            "00:00:00:00:00:00",  # null
            "ff:ff:ff:ff:ff:ff",  # broadcast
            "01:00:5e:00:00:fb",  # multicast group
            "00:00:5E:00:53:01:02",  # a longer hex run
            "fe80::00:5e:00:53:01:02",  # inside an IPv6 address
            "12-34-56-78-90-12",  # digits only, dashed
            "1234.5678.9012",
            "00:00:5E:00:53",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://www.rfc-editor.org/rfc/rfc7042",
        note=(
            "Six hex pairs or three hex quads standing alone (not in IPv6 or longer runs); "
            "null and group addresses identify no device; all-digit dashed/dotted ones are dates or serials."
        ),
    ),
    Format(
        name="phone",
        kind="phone",
        anchors=("+", *_anchors_of(_PHONE_CONTEXT_PHRASES)),
        pattern="",
        requires=("anchor&digits:7",),
        ignore_case=True,
        find=find_phones,
        examples=(
            "+1 201-555-0123",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "+33.6.12.34.56.78",
            "+49 30 123456",
            "tel: 030 123456",
            "téléphone: 06 12 34 56 78",
            "phone number: (201) 555-0123",
            "tel: 0044 20 7946 0958",
            "komórka: 512 345 678",
        ),
        counterexamples=(
            "+1 201-555-012",  # too short
            "+44 20 7946",
            "030 123456",  # national, no context word
            "0044 20 7946 0958",  # 00 prefix, no context word
            "tel: 10.0.19041.1",
            "tel: 4.0.0.0",
            "phone: 2026-11-27",
            "call 1732672800000",
            "tel: 1234.56",
            "tel: 192.168.100.200",
            "phone: 4111 1111 1111 1111",
            "+1 201-555-0123abc",
            "2026-11-27T01:48:00+01:00",
            "550e8400-e29b-41d4-a716-446655440000",
            *_TIMES,
            *_OTHER_KINDS,
        ),
        source="https://github.com/google/libphonenumber",
        note=(
            "Only numbers written as phones (a + and a country code, or right after a phone word "
            "in ten languages) and valid per Google's numbering metadata: timestamps, versions, "
            "decimals, IPs and cards never get there. Opt-out default: unlike the old shape-only "
            "phone detector, precision comes from the metadata, not from guessing."
        ),
    ),
)
