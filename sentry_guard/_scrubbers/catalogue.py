"""The catalogue: every format sentry_guard finds by content, as data (see `Format`).

Families live in their own modules (`credentials`, `payments`, `pii`, ...), each a tuple of
plain records; this module only gathers them, by name and by kind, and reads the
``SENTRY_SCRUB_DETECTORS`` selection, which takes names and kinds alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._exceptions import InvalidSetting
from ._format import Format
from .credentials import CREDENTIAL_FORMATS
from .identifiers import IDENTIFIER_FORMATS
from .payments import PAYMENT_FORMATS
from .pii import PII_FORMATS
from .tokens import TOKEN_FORMATS

__all__ = ["CATALOGUE", "by_name", "describe", "kinds", "masked_example", "parse_detectors"]

#: every format, in the order they are reported
CATALOGUE: tuple[Format, ...] = (
    *CREDENTIAL_FORMATS,
    *TOKEN_FORMATS,
    *PAYMENT_FORMATS,
    *PII_FORMATS,
    *IDENTIFIER_FORMATS,
)


def by_name() -> dict[str, Format]:
    """Every format by its name."""
    return {fmt.name: fmt for fmt in CATALOGUE}


def kinds() -> dict[str, tuple[Format, ...]]:
    """The formats of each kind (the marker's word: ``token``, ``email``, ...)."""
    found: dict[str, list[Format]] = {}
    for fmt in CATALOGUE:
        found.setdefault(fmt.kind, []).append(fmt)
    return {kind: tuple(formats) for kind, formats in found.items()}


def parse_detectors(items: Sequence[str]) -> tuple[str, ...]:
    """Resolve a selection like ``default,-ip,phone`` (or ``all``) into format names.

    Items are format names or kinds (``token`` stands for every token format; a word that
    is both means the kind); ``-item`` drops one. Raises `InvalidSetting` naming the unknown ones.
    """
    names = by_name()
    groups = kinds()
    chosen: list[str] = []
    unknown = []
    for item in items or ("default",):
        word = item.strip().lower()
        drop = word.startswith("-")
        word = word.lstrip("-+")
        if word in ("default", "all"):
            picked = [f.name for f in CATALOGUE if f.default or word == "all"]
        elif word in groups:  # a kind first: `-jwt` turns off the wrapped JWTs too
            picked = [f.name for f in groups[word]]
        elif word in names:
            picked = [word]
        elif word in ("none", ""):
            picked = []
        else:
            unknown.append(word)
            continue
        chosen = (
            [n for n in chosen if n not in picked]
            if drop
            else chosen + [n for n in picked if n not in chosen]
        )
    if unknown:
        raise InvalidSetting(
            f"unknown detector(s) {', '.join(unknown)}",
            f"use default, all, none, the kinds {', '.join(sorted(groups))}, or a format name "
            "(`sentry-guard detectors` lists them)",
        )
    return tuple(chosen)


def masked_example(fmt: Format) -> str:
    """The format's first example with what it removes masked: its anchor (the prefix that
    says what it is, as ``ghp_``) and ``****``, so a reviewer sees the shape, not a value."""
    example = fmt.examples[0]
    spans = list(fmt.finditer(example))
    if not spans:
        return "****"
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        secret = example[start:end]
        prefix = next((a for a in fmt.anchors if secret.lower().startswith(a.lower())), "")
        keep = len(prefix) if prefix and len(prefix) < len(secret) else 0
        pieces += (example[last:start], secret[:keep], "****")
        last = end
    pieces.append(example[last:])
    return "".join(pieces)


def describe(selected: Sequence[str] = ("all",)) -> list[dict[str, str]]:
    """The catalogue as rows for a reviewer: name, kind, marker, on by default or not, a masked
    example, and the precision note (what it could be mistaken for and why it is not)."""
    chosen = set(parse_detectors(selected))
    return [
        {
            "name": fmt.name,
            "kind": fmt.kind,
            "marker": fmt.marker,
            "default": "on" if fmt.default else "off",
            "example": masked_example(fmt),
            "note": fmt.note,
            "source": fmt.source,
        }
        for fmt in CATALOGUE
        if fmt.name in chosen
    ]
