"""Value detectors: find personal data and secrets inside any string, by content.

A detector is a small named unit: ``find(text, context) -> spans``. Only the matched span
is replaced, so the rest of the text stays readable. Every detector is linear in the
length of its input (no pattern can backtrack catastrophically), and most strings are
rejected by a one-character check before any pattern runs.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Optional

__all__ = ["MODES", "Detector", "Redactor", "Span", "detectors", "parse_detectors", "parse_modes", "splice"]

Span = tuple[int, int]
Mode = Literal["replace", "mask", "hash", "remove"]
MODES: tuple[Mode, ...] = ("replace", "mask", "hash", "remove")


@dataclass(frozen=True)
class Detector:
    """One kind of value: its name (also the marker, ``[name]``), how to find it, default on or not."""

    name: str
    find: Callable[[str, Optional[str]], Iterable[Span]]
    default: bool = True
    #: what replaces a match in ``replace`` mode (default ``[name]``)
    marker: str = ""

    @property
    def replacement(self) -> str:
        return self.marker or f"[{self.name}]"


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

    def _replacement(self, detector: Detector, value: str) -> str:
        mode = self.modes.get(detector.name, "replace")
        if mode == "replace":
            return detector.replacement
        if mode == "remove":
            return ""
        if mode == "mask":
            keep = 4 if len(value) > 8 else 0
            return "*" * (len(value) - keep) + value[len(value) - keep :]
        digest = hmac.new(self._hash_key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
        return f"[{detector.name}:{digest}]"

    def spans(self, text: str, context: str | None = None) -> Iterator[tuple[int, int, Detector]]:
        """Every match of every detector, as (start, end, detector)."""
        for detector in self.detectors:
            for start, end in detector.find(text, context):
                yield start, end, detector

    def __call__(self, text: str, context: str | None = None) -> str:
        """`text` with every detected value replaced (the same object when nothing was found)."""
        found = sorted(self.spans(text, context), key=lambda s: (s[0], -s[1]))
        if not found:
            return text
        return splice(text, [(start, end, self._replacement(d, text[start:end])) for start, end, d in found])


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
