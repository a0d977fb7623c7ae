"""Value detectors: find personal data and secrets inside any string, by content.

A detector is a small named unit: ``locate`` finds, in many strings joined into one `Blob`,
the few strings that may hold a match (``str.find`` and literal-led patterns: C-speed
passes over the whole payload at once); ``find(text, context) -> spans`` then runs on those
strings alone. With the compiled scanner installed, one C pass per string flags the
`FEATURES` that stand for every ``locate`` at once. Only the matched span is replaced, so
the rest of the text stays readable.
Every detector is linear in the length of its input: no pattern can backtrack catastrophically.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Optional, Union

from .compiled import SPEEDUPS

#: the compiled scanner, or None for the pure-Python locators
_compiled_scan = None if SPEEDUPS is None else SPEEDUPS.scan

__all__ = [
    "FEATURES",
    "MODES",
    "Blob",
    "Detector",
    "PairKeys",
    "Redactor",
    "Span",
    "detectors",
    "lower",
    "needles",
    "parse_detectors",
    "parse_modes",
    "patterns",
    "splice",
    "squeeze",
    "uses_compiled_scanner",
]

Span = tuple[int, int]
Mode = Literal["replace", "mask", "hash", "remove"]
MODES: tuple[Mode, ...] = ("replace", "mask", "hash", "remove")

#: a view of the joined bytes: same strings, in the same order, still separated by NUL
View = Callable[[bytes], bytes]
_NUL = b"\x00"
#: what the compiled scanner flags, in the order of its lists (see ``_speedups.c``)
FEATURES = (
    "bracket",
    "at",
    "jwt",
    "auth",
    "privatekey",
    "token",
    "creditcard",
    "iban",
    "ssn",
    "ipv4",
    "ipv6",
    "digits",
    "pair",
)
#: pair-rule keys judged, and those of them judged sensitive, kept between calls (see
#: ``structure.locate_pairs``): reversed bytes for the pure-Python scan, str for the compiled one
PairKeys = tuple[set[Union[bytes, str]], set[Union[bytes, str]]]


def uses_compiled_scanner() -> bool:
    """Whether the detectors find their candidates with the compiled scanner (else pure Python)."""
    return _compiled_scan is not None


class Blob:
    """Many strings joined by a separator no detector pattern crosses, scanned in one pass each.

    Python pays per call, not per character, inside ``bytes.find``, ``bytes.translate`` and
    a regular expression that starts with a literal; so a detector finds its candidate
    strings across the whole payload with a handful of such passes, instead of a call per
    string. The scans run on the UTF-8 bytes: ``str.translate`` falls off its fast path at
    the first non-ASCII character (60 times slower), ``bytes.translate`` never does. Views
    (`lower`, `squeeze`, ...) are computed once per blob and shared by the detectors.
    """

    #: NUL ends a string for the detectors; the new lines keep line-anchored patterns apart
    SEPARATOR = "\n\x00\n"

    def __init__(
        self, texts: Sequence[str], keys: Optional[PairKeys] = None, *, compiled: bool = True
    ) -> None:
        """With the compiled scanner installed (and `compiled`), one C pass over `texts`
        flags every `FEATURES` at once (`keys` is the pair rule's memo); the joined bytes
        and their views are then never built."""
        self.texts = texts
        self._data: Optional[bytes] = None
        self._views: dict[View, bytes] = {}
        #: indices of the strings with each feature, by name (compiled scanner only)
        self.features: Optional[dict[str, list[int]]] = None
        #: pair-rule keys in no set of the memo yet, with the strings they stand in (compiled only)
        self.fresh_keys: dict[str, list[int]] = {}
        if compiled and _compiled_scan is not None:
            judged, sensitive = keys if keys is not None else (set(), set())
            found, self.fresh_keys = _compiled_scan(list(texts), sensitive, judged)
            self.features = dict(zip(FEATURES, found))

    @property
    def data(self) -> bytes:
        """The strings as UTF-8, joined by `SEPARATOR` (built on first use)."""
        if self._data is None:
            texts = self.texts
            data = self.SEPARATOR.join(texts).encode("utf-8", "surrogatepass")
            if texts and data.count(_NUL) != len(texts) - 1:
                # a NUL of its own in a string would shift every index after it; no detector
                # looks for one, so it may stand for any other byte that none looks for either
                data = self.SEPARATOR.join(t.replace("\x00", "\x01") for t in texts).encode(
                    "utf-8", "surrogatepass"
                )
            self._data = data
        return self._data

    def view(self, make: Optional[View] = None) -> bytes:
        """The joined bytes, or `make` of them (cached). A view must keep the separator as it
        is, or at least as three bytes with the NUL in the middle (see `bounds`)."""
        if make is None:
            return self.data
        hay = self._views.get(make)
        if hay is None:
            hay = self._views[make] = make(self.data)
        return hay

    @staticmethod
    def indices(hay: bytes, positions: Iterable[int]) -> set[int]:
        """Which strings hold these positions of `hay` (a view): one counting pass in C."""
        found: set[int] = set()
        count = last = 0
        for position in sorted(positions):
            count += hay.count(_NUL, last, position)
            last = position
            found.add(count)
        return found

    @staticmethod
    def bounds(hay: bytes, position: int) -> tuple[int, int]:
        """Where, in `hay` (a view), the string that holds `position` starts and ends."""
        start = hay.rfind(_NUL, 0, position)
        end = hay.find(_NUL, position)
        return (0 if start == -1 else start + 2), (len(hay) if end == -1 else end - 1)

    def containing(self, literals: Iterable[bytes], make: Optional[View] = None) -> set[int]:
        """Indices of the strings whose view holds one of `literals` (none may hold a NUL)."""
        hay = self.view(make)
        positions = []
        for literal in literals:
            at = hay.find(literal)
            while at != -1:
                positions.append(at)
                end = hay.find(_NUL, at)  # one hit per string is enough: skip to the next
                at = -1 if end == -1 else hay.find(literal, end)
        return self.indices(hay, positions) if positions else set()

    def matching(self, pattern: re.Pattern[bytes], make: Optional[View] = None) -> set[int]:
        """Indices of the strings whose view `pattern` matches in (lead it with a literal: fast)."""
        hay = self.view(make)
        positions = []
        match = pattern.search(hay)
        while match is not None:
            positions.append(match.start())
            end = hay.find(_NUL, match.start())
            match = None if end == -1 else pattern.search(hay, end)
        return self.indices(hay, positions) if positions else set()


def lower(data: bytes) -> bytes:
    """ASCII letters in lower case (the schemes and prefixes detectors look for are ASCII)."""
    return data.lower()


#: ASCII digits as ``0``, capitals as ``A``, ``.`` kept, NUL kept, the rest as ``x``
_SQUEEZE = bytes.maketrans(
    bytes(range(256)),
    bytes(48 if 48 <= c <= 57 else 65 if 65 <= c <= 90 else c if c in (0, 46) else 120 for c in range(256)),
)


def squeeze(data: bytes) -> bytes:
    """Digits as ``0`` and capitals as ``A`` with spaces and dashes dropped: a card number is
    13 ``0`` in a row however it is grouped, an IBAN starts ``AA00``, an IPv4 is ``0.0.0.0``."""
    return data.translate(_SQUEEZE, b" -")


Locate = Callable[[Blob], set[int]]


def _ascii(literal: str) -> bytes:
    if "\x00" in literal or not literal.isascii():
        raise ValueError(f"a needle must be ASCII without NUL (NUL separates the strings): {literal!r}")
    return literal.encode("ascii")


def needles(*literals: str, view: Optional[View] = None) -> Locate:
    """Locate the strings holding one of `literals` (in `view` of them, when given)."""
    encoded = tuple(map(_ascii, literals))
    return lambda blob: blob.containing(encoded, view)


def patterns(*regexes: str, view: Optional[View] = None) -> Locate:
    """Locate the strings one of `regexes` matches in. Lead each with a literal: ``re`` then
    skips to its occurrences at C speed, where a leading character class costs ~7 ns a character."""
    compiled = tuple(re.compile(_ascii(regex)) for regex in regexes)

    def locate(blob: Blob) -> set[int]:
        return set().union(*(blob.matching(pattern, view) for pattern in compiled))

    return locate


@dataclass(frozen=True)
class Detector:
    """One kind of value: its name (also the marker, ``[name]``), how to find it, default on or not.

    `locate` must flag every string `find` can match in (it may flag more): a detector
    only ever runs `find` on the strings it flags.
    """

    name: str
    find: Callable[[str, Optional[str]], Iterable[Span]]
    locate: Locate
    #: the compiled scanner's `FEATURES` that stand for `locate` when it is installed
    #: (none: `locate` runs even then)
    features: tuple[str, ...] = ()
    default: bool = True
    #: what replaces a match in ``replace`` mode (default ``[name]``)
    marker: str = ""
    #: keys under which a match is not this kind of value (a version is not an IP)
    skip: Optional[Callable[[Optional[str]], bool]] = None

    @property
    def marker_text(self) -> str:
        return self.marker or f"[{self.name}]"

    def candidates(self, blob: Blob) -> set[int]:
        """Indices of the strings of `blob` that `find` may match in."""
        if blob.features is None or not self.features:
            return self.locate(blob)
        return set().union(*(blob.features[feature] for feature in self.features))


_SHAPES = str.maketrans({**{str(d): "0" for d in range(10)}, **{chr(c): "A" for c in range(65, 91)}})


def shape(text: str) -> str:
    """`text` with every digit as ``0`` and every capital as ``A`` (same length).

    Digit- and letter-shaped values (SSNs ``000-00-0000``, IBANs ``AA00``, IPs ``0.0.0.0``)
    are then found by plain substring search, which is far faster than a regex over the
    original; a regex confirms each hit on the original text.
    """
    return text.translate(_SHAPES)


def _registry() -> dict[str, Detector]:
    from .credentials import CREDENTIAL_DETECTORS
    from .payments import PAYMENT_DETECTORS
    from .pii import PII_DETECTORS

    return {d.name: d for d in (*CREDENTIAL_DETECTORS, *PAYMENT_DETECTORS, *PII_DETECTORS)}


def detectors() -> dict[str, Detector]:
    """Every detector by name."""
    return _registry()


def parse_detectors(items: Sequence[str]) -> tuple[str, ...]:
    """Resolve a selection like ``default,-ip,phone`` (or ``all``) into detector names.

    Raises ValueError naming the unknown ones.
    """
    known = detectors()
    chosen: list[str] = []
    unknown = []
    for item in items or ("default",):
        name = item.strip().lower()
        drop = name.startswith("-")
        name = name.lstrip("-+")
        if name in ("default", "all"):
            names = [d.name for d in known.values() if d.default or name == "all"]
        elif name in known:
            names = [name]
        elif name in ("none", ""):
            names = []
        else:
            unknown.append(name)
            continue
        chosen = (
            [n for n in chosen if n not in names] if drop else chosen + [n for n in names if n not in chosen]
        )
    if unknown:
        raise ValueError(
            f"unknown detector(s) {', '.join(unknown)}; known: default, all, none, {', '.join(known)}"
        )
    return tuple(chosen)


def parse_modes(items: Sequence[str]) -> tuple[tuple[str, Mode], ...]:
    """``creditcard=mask,email=hash`` into (kind, mode) pairs; ValueError on unknown kinds or modes."""
    known = set(detectors())
    pairs: dict[str, Mode] = {}
    problems = []
    for item in items:
        kind, sep, mode = item.partition("=")
        kind, mode = kind.strip().lower(), mode.strip().lower()
        if not sep or kind not in known or mode not in MODES:
            problems.append(item.strip())
            continue
        pairs[kind] = mode
    if problems:
        raise ValueError(
            f"cannot read {', '.join(repr(p) for p in problems)}: use kind=mode with kinds "
            f"{', '.join(sorted(known))} and modes {', '.join(MODES)}"
        )
    return tuple(sorted(pairs.items()))


class Redactor:
    """Runs the chosen detectors over a string and replaces what they find, per-kind mode."""

    def __init__(
        self,
        names: Iterable[str],
        modes: Iterable[tuple[str, Mode]] = (),
        hash_key: bytes | None = None,
    ) -> None:
        known = detectors()
        self.detectors = tuple(known[n] for n in names)
        self.modes = dict(modes)
        if "hash" in self.modes.values() and not hash_key:
            raise ValueError("hash mode needs SENTRY_SCRUB_HASH_KEY")
        self._hash_key = hash_key or b""

    def replacement(self, detector: Detector, value: str) -> str:
        """What replaces `value`, found by `detector`, in that kind's mode."""
        mode = self.modes.get(detector.name, "replace")
        if mode == "replace":
            return detector.marker_text
        if mode == "remove":
            return ""
        if mode == "mask":
            keep = 4 if len(value) > 8 else 0
            return "*" * (len(value) - keep) + value[len(value) - keep :]
        digest = hmac.new(self._hash_key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
        return f"[{detector.name}:{digest}]"

    def scan(self, blob: Blob) -> Iterable[tuple[Detector, int, int, int]]:
        """Every match of every detector in the blob's strings: (detector, index, start, end).

        Keys are not looked at here (see `Detector.skip`).
        """
        texts = blob.texts
        for detector in self.detectors:
            for index in sorted(detector.candidates(blob)):
                for start, end in detector.find(texts[index], None):
                    yield detector, index, start, end

    def __call__(self, text: str, context: str | None = None) -> str:
        """`text` with every detected value replaced (the same object when nothing was found)."""
        found = [
            (start, end, self.replacement(d, text[start:end]))
            for d, _, start, end in self.scan(Blob((text,)))
            if d.skip is None or not d.skip(context)
        ]
        return splice(text, found) if found else text


def splice(text: str, replacements: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span replaced; a span overlapping an earlier one is skipped."""
    pieces: list[str] = []
    last = 0
    for start, end, replacement in sorted(replacements, key=lambda r: (r[0], -r[1])):
        if start < last:  # inside an earlier (outer) match, already replaced
            continue
        pieces += (text[last:start], replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
