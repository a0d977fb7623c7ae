"""One scan over all the strings of a payload: which strings each format must look at.

Finding a value is two steps (see `Format`): first the strings that may hold one, for every
format at once, then the format's own matcher on those strings alone. The first step is
`Scanner.candidates`. With the compiled scanner (``_speedups.c``) it is one C pass per
string that flags the shapes detectors rely on (an ``@``, 13 digits in a row, ``AA00``, a
sensitive key before ``=``, ...), the longest run of digits, and every catalogue anchor,
through a table of each anchor's rarest character. In pure Python the strings are joined
into one `Blob` of UTF-8 bytes and each shape or group of anchors is one C-speed pass
(``bytes.find``, ``bytes.translate``, a regular expression led by a literal) over all of
them. Either way, adding a format with an anchor adds no pass.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from . import compiled
from ._format import Format

__all__ = [
    "FEATURES",
    "Blob",
    "PairKeys",
    "Scanner",
    "lower",
    "needles",
    "patterns",
    "shape",
    "squeeze",
    "uses_compiled_scanner",
]

#: what the compiled scanner flags, in the order of its lists (see ``_speedups.c``)
FEATURES = (
    "bracket",
    "at",
    "auth",
    "card",
    "AA00",
    "ipv4",
    "ipv6",
    "hexpairs",
    "pair",
    "ssn",
    "nhs",
    "diglet",
)
#: pair-rule keys judged, and those of them judged sensitive, kept between calls (see
#: ``structure.locate_pairs``): reversed bytes for the pure-Python scan, str for the compiled one
PairKeys = tuple[set[bytes | str], set[bytes | str]]
#: a view of the joined bytes: same strings, in the same order, still separated by NUL
View = Callable[[bytes], bytes]
_NUL = b"\x00"
#: the clean-strings cache: at most this many strings, each at most this long (a bound in bytes)
CLEAN_ENTRIES = 8192
CLEAN_LENGTH = 512


def uses_compiled_scanner() -> bool:
    """Whether scanners built from now on use the compiled scanner (else pure Python)."""
    return compiled.SPEEDUPS is not None


class Blob:
    """Many strings joined by a separator no pattern crosses, scanned in one pass each.

    Python pays per call, not per character, inside ``bytes.find``, ``bytes.translate`` and
    a regular expression that starts with a literal; so a detector finds its candidate
    strings across the whole payload with a handful of such passes, instead of a call per
    string. The scans run on the UTF-8 bytes: ``str.translate`` falls off its fast path at
    the first non-ASCII character (60 times slower), ``bytes.translate`` never does. Views
    (`lower`, `squeeze`, ...) are computed once per blob and shared by the detectors.
    """

    #: NUL ends a string for the detectors; the new lines keep line-anchored patterns apart
    SEPARATOR = "\n\x00\n"

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self._data: bytes | None = None
        self._views: dict[View, bytes] = {}
        #: the compiled scanner's findings (see `Scanner.scan`), when it ran
        self.features: dict[str, list[int]] | None = None
        #: pair-rule keys in no set of the memo yet, with the strings they stand in (compiled only)
        self.fresh_keys: dict[str, list[int]] = {}
        #: per format (by its place in `Scanner.formats`), the strings it must look at, in
        #: the order `Scanner.candidates` gives them (compiled only)
        self.candidates: dict[int, list[int]] = {}
        #: (string index, longest run of digits) for the strings with a long one (compiled only)
        self.runs: list[tuple[int, int]] = []
        #: the indices of the strings that may need a change (the others are known clean)
        self.flagged: Sequence[int] = range(len(texts))

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

    def view(self, make: View | None = None) -> bytes:
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

    def containing(self, literals: Iterable[bytes], make: View | None = None) -> set[int]:
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

    def matching(self, pattern: re.Pattern[bytes], make: View | None = None) -> set[int]:
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


#: ASCII digits as ``0``, NUL kept, the rest as ``x``; the run separators are dropped
_RUNS = bytes.maketrans(
    bytes(range(256)), bytes(48 if 48 <= c <= 57 else c if c == 0 else 120 for c in range(256))
)


#: ASCII digits as ``0``, the rest as it is
_ZEROS = bytes.maketrans(b"0123456789", b"0000000000")


def zeros(data: bytes) -> bytes:
    """Digits as ``0``: ``123-45-6789`` is ``000-00-0000``."""
    return data.translate(_ZEROS)


def digit_runs(data: bytes) -> bytes:
    """Digits as ``0`` with ``' -./()'`` dropped: a run of N digits (``digits:N``) is N ``0``."""
    return data.translate(_RUNS, b" -./()")


Locate = Callable[[Blob], set[int]]


def _ascii(literal: str) -> bytes:
    if "\x00" in literal or not literal.isascii():
        raise ValueError(f"a needle must be ASCII without NUL (NUL separates the strings): {literal!r}")
    return literal.encode("ascii")


def needles(*literals: str, view: View | None = None) -> Locate:
    """Locate the strings holding one of `literals` (in `view` of them, when given)."""
    encoded = tuple(map(_ascii, literals))
    return lambda blob: blob.containing(encoded, view)


def patterns(*regexes: str, view: View | None = None) -> Locate:
    """Locate the strings one of `regexes` matches in. Lead each with a literal: ``re`` then
    skips to its occurrences at C speed, where a leading character class costs ~7 ns a character."""
    compiled_ = tuple(re.compile(_ascii(regex)) for regex in regexes)

    def locate(blob: Blob) -> set[int]:
        return set().union(*(blob.matching(pattern, view) for pattern in compiled_))

    return locate


_SHAPES = str.maketrans({**{str(d): "0" for d in range(10)}, **{chr(c): "A" for c in range(65, 91)}})


def shape(text: str) -> str:
    """`text` with every digit as ``0`` and every capital as ``A`` (same length).

    Digit- and letter-shaped values (SSNs ``000-00-0000``, IBANs ``AA00``, IPs ``0.0.0.0``)
    are then found by plain substring search, which is far faster than a regex over the
    original; a regex confirms each hit on the original text.
    """
    return text.translate(_SHAPES)


#: letters by how common they are in English text, most common first (a pivot should be rare)
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


def _rarity(char: str) -> int:
    """How rare a character is in ordinary text (higher: rarer; see ``rarity`` in the C file)."""
    if "A" <= char <= "Z":
        return 60
    if "0" <= char <= "9":
        return 50
    if "a" <= char <= "z":
        return _LETTERS.index(char)
    return 0 if char == " " else 70


def _pivot(anchor: str) -> int:
    """The offset of the anchor's rarest character (the first of equals)."""
    return max(range(len(anchor)), key=lambda k: (_rarity(anchor[k]), -k))


#: the pure-Python locators of the shapes the compiled scanner flags (see ``FEATURES``)
_THIRTEEN = b"0" * 13
_DECIMAL = re.compile(rb"0+\.0+")


def _locate_cards(blob: Blob) -> set[int]:
    """Strings with 13 digits in a row once spaces and dashes are dropped, but not numbers."""
    hay = blob.view(squeeze)
    positions = []
    at = hay.find(_THIRTEEN)
    while at != -1:
        start, end = blob.bounds(hay, at)
        if not _DECIMAL.fullmatch(hay, start, end):
            positions.append(at)
        at = hay.find(_THIRTEEN, end)
    return blob.indices(hay, positions)


def _locate_brackets(blob: Blob) -> set[int]:
    return blob.containing((b"{", b"[", b"("))


_SHAPE_LOCATORS: dict[str, Locate] = {
    "bracket": _locate_brackets,
    "at": needles("@"),
    # the schemes in three passes: two led by a letter they share, ``digest`` alone
    "auth": patterns(r"b(?:earer|asic)", r"k(?:(?<=tok)en|(?<=apik)ey|(?<=api-k)ey)", "digest", view=lower),
    "card": _locate_cards,
    "AA00": needles("AA00", view=squeeze),
    "ipv4": patterns(r"0\.0{1,3}\.0{1,3}\.0", view=squeeze),
    # every IPv6 address has ``::`` or, written out, seven colons: four in a row with hex
    # between (a time's ``12:30:00`` has neither)
    "ipv6": patterns(r":(?::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:)"),
    "hexpairs": patterns(
        r":(?<=[0-9A-Fa-f]{2}:)[0-9A-Fa-f]{2}:",
        r"-(?<=[0-9A-Fa-f]{2}-)[0-9A-Fa-f]{2}-",
        r"\.(?<=[0-9A-Fa-f]{4}\.)[0-9A-Fa-f]{4}\.",
    ),
    "ssn": needles("000-00-0000", "000 00 0000", "000.00.0000", view=zeros),
    "nhs": needles("000 000 0000", view=zeros),
    "diglet": patterns(r"0000000-?[A-Z]", r"00\.000\.000-?[A-Z]", view=zeros),
}


class Scanner:
    """The candidate strings of each of `formats` in a payload, found in one scan.

    Built once per set of formats (it compiles their anchors); `scan` is then called per
    payload. `candidates(blob)` gives, per format, the indices of the strings its matcher
    must run on: where its anchors occur, or where its `requires` say (see `Format`).
    It may give more (never fewer): a format's matcher confirms each of them.
    """

    def __init__(self, formats: Sequence[Format]) -> None:
        self.formats = tuple(formats)
        anchors: dict[tuple[str, bool, bool], int] = {}
        #: per anchor (by id): the formats it stands for
        self._owners: list[list[Format]] = []
        for fmt in self.formats:
            for anchor in fmt.anchors:
                key = (anchor.lower() if fmt.ignore_case else anchor, fmt.ignore_case, fmt.anchor_inside)
                if key not in anchors:
                    anchors[key] = len(self._owners)
                    self._owners.append([])
                self._owners[anchors[key]].append(fmt)
        self._anchors = list(anchors)
        #: the formats that say where to look, with their alternatives as condition lists
        self._conditional = tuple(
            (
                fmt,
                tuple(
                    (frozenset(alternative.split("&")) - {"anchor"}, "anchor" in alternative.split("&"))
                    for alternative in fmt.requires
                ),
            )
            for fmt in self.formats
            if fmt.requires
        )
        shapes: set[str] = set().union(*(a for _, alternatives in self._conditional for a, _ in alternatives))
        unknown = {c for c in shapes if c not in FEATURES and not c.startswith("digits:")}
        if unknown:
            raise ValueError(f"unknown shape(s) in requires: {', '.join(sorted(unknown))}")
        self._shapes = tuple(sorted(shapes))
        #: the shortest digit run any format asks for (the compiled scanner reports from there)
        self._runs_from = min((int(c[7:]) for c in shapes if c.startswith("digits:")), default=1 << 30)
        self._speedups = compiled.SPEEDUPS
        self._table = (
            None
            if self._speedups is None
            else self._speedups.compile_anchors(
                [(a.encode("ascii"), icase, inside) for a, icase, inside in self._anchors]
            )
        )
        self._candidates = None if self._speedups is None else self._compile_candidates(self._speedups)
        #: the pure-Python anchor passes, built on first use (the compiled scanner has its table)
        self._pure_groups: dict[tuple[View | None, bytes], tuple[re.Pattern[bytes], list[Format]]] | None = (
            None
        )

    @property
    def compiled(self) -> bool:
        return self._table is not None

    def scan(
        self,
        texts: Sequence[str],
        pair_keys: PairKeys,
        key_words: Any = None,
        clean: set[str] | None = None,
    ) -> Blob:
        """A `Blob` of the strings of `texts` not in `clean` (each once); with the compiled
        scanner, already scanned. `pair_keys` is the pair rule's memo (see
        ``structure.locate_pairs``), `key_words` the key rule's compiled words (see
        ``KeyMatcher.trigger_table``) or None. Strings found clean are added to `clean`
        (at most `CLEAN_ENTRIES` of at most `CLEAN_LENGTH` characters); `Blob.flagged` lists
        the indices of the others, for the caller to add those it finds clean."""
        clean = set() if clean is None else clean
        if self._table is not None and self._speedups is not None:
            # each string once, as in the pure scan: a string standing twice (two equal ints,
            # a key in many dicts) would get its edits twice
            blob = Blob(list(dict.fromkeys(texts)))
            judged, sensitive = pair_keys
            found, blob.fresh_keys, blob.candidates, blob.runs, blob.flagged = self._speedups.scan(
                blob.texts,
                sensitive,
                judged,
                self._table,
                self._runs_from,
                key_words,
                clean,
                (CLEAN_ENTRIES, CLEAN_LENGTH),
                self._candidates,
            )
            blob.features = dict(zip(FEATURES, found))
            return blob
        blob = Blob([text for text in dict.fromkeys(texts) if text not in clean])
        blob.flagged = range(len(blob.texts))
        return blob

    def shape(self, blob: Blob, name: str) -> Iterable[int]:
        """The indices of the strings of `blob` that have the shape `name` (a `FEATURES` name)."""
        return self._shape(blob, name)

    def candidates(self, blob: Blob) -> dict[Format, set[int]]:
        """The indices of the strings each format must look at (formats with none left out):
        first the formats found by their anchors, then those with `requires`, in their order.
        A format with `requires` looks where one of its alternatives holds in a string: every
        shape it names and, with ``anchor``, one of the format's anchors."""
        formats = self.formats
        if blob.features is not None:  # the compiled scan found them (see `_compile_candidates`)
            return {formats[position]: set(indices) for position, indices in blob.candidates.items()}
        anchored: dict[Format, set[int]] = defaultdict(set)
        if self._pure_groups is None:
            self._pure_groups = _pivot_groups(self._anchors, self._owners)
        for (view, _), (pattern, group) in self._pure_groups.items():
            located = blob.matching(pattern, view)
            if located:
                for fmt in group:
                    anchored[fmt] |= located
        found = {fmt: indices for fmt, indices in anchored.items() if not fmt.requires}
        present = self._present_shapes(blob) if self._conditional else {}
        for fmt, alternatives in self._conditional:
            indices: set[int] = set()
            for shapes, needs_anchor in alternatives:
                if present.keys() >= shapes and (not needs_anchor or fmt in anchored):
                    hit = set(anchored[fmt]) if needs_anchor else None
                    for shape in shapes:
                        hit = set(present[shape]) if hit is None else hit.intersection(present[shape])
                    indices |= hit or set()
            if indices:
                found[fmt] = indices
        return found

    def _compile_candidates(self, speedups: Any) -> Any:
        """`candidates` as a table for the compiled scan: per anchor, the formats without
        `requires` it stands for; per alternative of a format with `requires`, the feature
        bits and the digit run it asks for, and the format's anchors when it asks for one."""
        place = {id(fmt): position for position, fmt in enumerate(self.formats)}
        owners = [tuple(place[id(fmt)] for fmt in formats if not fmt.requires) for formats in self._owners]
        anchors_of: dict[int, list[int]] = defaultdict(list)
        for anchor, formats in enumerate(self._owners):
            for fmt in formats:
                anchors_of[id(fmt)].append(anchor)
        alternatives = []
        for fmt, options in self._conditional:
            for shapes, needs_anchor in options:
                bits = sum(1 << FEATURES.index(shape) for shape in shapes if not shape.startswith("digits:"))
                digits = max((int(shape[7:]) for shape in shapes if shape.startswith("digits:")), default=0)
                anchors = tuple(anchors_of[id(fmt)]) if needs_anchor else None
                alternatives.append((place[id(fmt)], bits, digits, anchors))
        return speedups.compile_candidates(len(self.formats), owners, alternatives)

    def _present_shapes(self, blob: Blob) -> dict[str, Iterable[int]]:
        """The shapes the formats ask for that some string of `blob` has, with those strings
        (pure Python: the compiled scan answers `candidates` itself)."""
        located = {name: _locate_shape(blob, name) for name in self._shapes}
        return {name: indices for name, indices in located.items() if indices}

    def _shape(self, blob: Blob, name: str) -> Iterable[int]:
        if blob.features is None:
            return _locate_shape(blob, name)
        if name.startswith("digits:"):
            least = int(name[7:])
            return [index for index, longest in blob.runs if longest >= least]
        return blob.features[name]


def _locate_shape(blob: Blob, requirement: str) -> set[int]:
    if requirement.startswith("digits:"):
        return blob.containing((b"0" * int(requirement[7:]),), digit_runs)
    return _SHAPE_LOCATORS[requirement](blob)


def _pivot_groups(
    anchors: list[tuple[str, bool, bool]], owners: list[list[Format]]
) -> dict[tuple[View | None, bytes], tuple[re.Pattern[bytes], list[Format]]]:
    """The pure-Python anchor passes: one regular expression per (view, pivot character), led
    by that character, its anchors as look-arounds (the pivot's rarity keeps the number of
    places each pattern is tried small; the number of passes is bounded by the alphabet)."""
    grouped: dict[tuple[View | None, bytes], list[tuple[str, int, list[Format]]]] = defaultdict(list)
    for (anchor, icase, _), formats in zip(anchors, owners):
        offset = _pivot(anchor)
        grouped[(lower if icase else None, anchor[offset].encode())].append((anchor, offset, formats))
    groups: dict[tuple[View | None, bytes], tuple[re.Pattern[bytes], list[Format]]] = {}
    for key, members in grouped.items():
        alternatives = []
        for anchor, offset, _ in members:
            before = re.escape(anchor[: offset + 1].encode())
            after = re.escape(anchor[offset + 1 :].encode())
            alternatives.append(rb"(?<=" + before + rb")" + after if offset else after)
        pattern = re.compile(re.escape(key[1]) + rb"(?:" + rb"|".join(alternatives) + rb")")
        groups[key] = (pattern, list(dict.fromkeys(f for _, _, formats in members for f in formats)))
    return groups
