"""Replacing what the catalogue finds: per-kind modes, and splicing spans into text.

`Redactor` runs the chosen formats of the `catalogue` over the strings of a payload (via a
`Scanner`, which finds each format's candidate strings in one scan) and says what replaces
each match: the marker (``[email]``), a mask, a keyed hash, or nothing.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from .._exceptions import InvalidSetting
from ._format import Format
from .catalogue import by_name, kinds
from .scan import Blob, PairKeys, Scanner

__all__ = ["MODES", "Mode", "Redactor", "parse_modes", "splice"]

Mode = Literal["replace", "mask", "hash", "remove"]
MODES: tuple[Mode, ...] = ("replace", "mask", "hash", "remove")


def parse_modes(items: Sequence[str]) -> tuple[tuple[str, Mode], ...]:
    """``creditcard=mask,email=hash`` into (kind or name, mode) pairs; `InvalidSetting` on
    unknown kinds or modes."""
    known = set(by_name()) | set(kinds())
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
        raise InvalidSetting(
            f"cannot read {', '.join(repr(p) for p in problems)}",
            f"use kind=mode with kinds {', '.join(sorted(kinds()))} (or a format name) and modes "
            f"{', '.join(MODES)}",
        )
    return tuple(sorted(pairs.items()))


class Redactor:
    """Runs the chosen formats over strings and replaces what they find, per-kind mode."""

    def __init__(
        self,
        names: Iterable[str],
        modes: Iterable[tuple[str, Mode]] = (),
        hash_key: bytes | None = None,
    ) -> None:
        known, groups = by_name(), kinds()
        #: the formats, by name, or every format of a kind
        self.formats: tuple[Format, ...] = tuple(
            dict.fromkeys(fmt for n in names for fmt in ((known[n],) if n in known else groups[n]))
        )
        self.modes = dict(modes)
        if "hash" in self.modes.values() and not hash_key:
            raise InvalidSetting(
                "hash mode needs SENTRY_SCRUB_HASH_KEY", "set SENTRY_SCRUB_HASH_KEY to a long random secret"
            )
        self._hash_key = hash_key or b""
        self.scanner = Scanner(self.formats)

    def replacement(self, fmt: Format, value: str) -> str:
        """What replaces `value`, found by `fmt`, in that format's (else its kind's) mode."""
        mode = self.modes.get(fmt.name) or self.modes.get(fmt.kind, "replace")
        if mode == "replace":
            return fmt.marker
        if mode == "remove":
            return ""
        if mode == "mask":
            keep = 4 if len(value) > 8 else 0
            return "*" * (len(value) - keep) + value[len(value) - keep :]
        digest = hmac.new(self._hash_key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
        return f"[{fmt.kind}:{digest}]"

    def blob(
        self,
        texts: Sequence[str],
        pair_keys: PairKeys | None = None,
        key_words: Any = None,
        clean: set[str] | None = None,
    ) -> Blob:
        """`texts` as a `Blob`, scanned once for every format (see `Scanner.scan`)."""
        return self.scanner.scan(texts, (set(), set()) if pair_keys is None else pair_keys, key_words, clean)

    def scan(self, blob: Blob) -> Iterable[tuple[Format, int, int, int]]:
        """Every match of every format in the blob's strings: (format, index, start, end).

        Keys are not looked at here (see `Format.skip`).
        """
        texts = blob.texts
        for fmt, indices in self.scanner.candidates(blob).items():
            for index in sorted(indices):
                for start, end in fmt.finditer(texts[index]):
                    yield fmt, index, start, end

    def __call__(self, text: str, context: str | None = None) -> str:
        """`text` with every detected value replaced (the same object when nothing was found)."""
        found = [
            (start, end, self.replacement(fmt, text[start:end]))
            for fmt, _, start, end in self.scan(self.blob((text,)))
            if fmt.skip is None or not fmt.skip(context)
        ]
        return splice(text, found) if found else text


def splice(text: str, replacements: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span replaced. Overlapping spans merge: their union is
    removed, and the replacement of the span that starts first (the longest, on a tie)
    stands for it, so no rule can leave the tail of another rule's match behind."""
    pieces: list[str] = []
    last = 0
    for start, end, replacement in sorted(replacements, key=lambda r: (r[0], -r[1])):
        if start < last:  # overlaps what was already replaced: extend that to cover this
            last = max(last, end)
            continue
        pieces += (text[last:start], replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
