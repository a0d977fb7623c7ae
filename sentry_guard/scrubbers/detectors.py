"""Value detectors: find personal data and secrets inside any string, by content.

A detector is a small named unit: ``find(text, context) -> spans``. Only the matched span
is replaced, so the rest of the text stays readable. Every detector is linear in the
length of its input (no pattern can backtrack catastrophically), and most strings are
rejected by a one-character check before any pattern runs.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional

__all__ = [
    "MODES",
    "Detector",
    "Redactor",
    "Span",
    "contains",
    "detectors",
    "matches",
    "parse_detectors",
    "parse_modes",
    "splice",
]

Span = tuple[int, int]
Mode = Literal["replace", "mask", "hash", "remove"]
MODES: tuple[Mode, ...] = ("replace", "mask", "hash", "remove")


@dataclass(frozen=True)
class Detector:
    """One kind of value: its name (also the marker, ``[name]``), how to find it, default on or not.

    `gate` is a cheap test every string with a match passes (``"@" in text`` for emails):
    most strings fail it and skip `find` altogether. `digits`: a match holds a digit, so a
    string without one is skipped by a check shared with the other digit detectors.
    """

    name: str
    find: Callable[[str, Optional[str]], Iterable[Span]]
    gate: Callable[[str], bool]
    default: bool = True
    #: what replaces a match in ``replace`` mode (default ``[name]``)
    marker: str = ""
    digits: bool = False
    #: keys under which a match is not this kind of value (a version is not an IP)
    skip: Optional[Callable[[Optional[str]], bool]] = None

    @property
    def marker_text(self) -> str:
        return self.marker or f"[{self.name}]"


_HAS_DIGIT = re.compile(r"\d").search
_SHAPES = str.maketrans({**{str(d): "0" for d in range(10)}, **{chr(c): "A" for c in range(65, 91)}})


@lru_cache(maxsize=4)
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


def contains(*needles: str, min_length: int = 0) -> Callable[[str], bool]:
    """A gate: `text` is long enough and holds one of `needles` (C-level substring search)."""
    if len(needles) == 1:
        (needle,) = needles
        return lambda text: len(text) >= min_length and needle in text
    return lambda text: len(text) >= min_length and any(n in text for n in needles)


def matches(pattern: str, min_length: int = 0) -> Callable[[str], bool]:
    """A gate: `text` is long enough and `pattern` occurs in it."""
    search = re.compile(pattern).search
    return lambda text: len(text) >= min_length and search(text) is not None


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

    def scan(self, text: str) -> list[tuple[Detector, int, int]]:
        """Every match of every detector in `text`, ignoring keys (see `Detector.skip`)."""
        found: list[tuple[Detector, int, int]] = []
        digit: bool | None = None
        for detector in self.detectors:
            if detector.digits:
                if digit is None:
                    digit = _HAS_DIGIT(text) is not None
                if not digit:
                    continue
            if detector.gate(text):
                found += [(detector, start, end) for start, end in detector.find(text, None)]
        return found

    def __call__(self, text: str, context: str | None = None) -> str:
        """`text` with every detected value replaced (the same object when nothing was found)."""
        found = [
            (start, end, self.replacement(d, text[start:end]))
            for d, start, end in self.scan(text)
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
