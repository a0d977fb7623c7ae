"""The catalogue's unit: one plain record per format of secret or personal data.

A format is found in two steps. The scanner finds, in one pass over every string of a
payload, where any format's *anchors* (short ASCII literals: a token prefix such as
``ghp_``, a context word such as ``accountkey=``) occur, and which strings have the
*shapes* formats ask for; only in those strings does a format's own matcher run, so adding
a format adds no pass.

The matcher is the format's *pattern*, tried with ``re.match`` at each anchor occurrence
(so it begins with the anchor), or, for a format with no literal to start from (an IMEI,
a MAC address), its own `find`. A match starts a word (no ASCII letter or digit right
before it), so an anchor counts only where it starts a word, unless the format says its
anchors sit inside its matches (`anchor_inside`: then it brings a `find` that starts the
match before them). With `ignore_case`, anchors are written in lower case and
match in any ASCII case; the pattern says itself where case does not matter (``(?i:...)``).

Where a string must be looked at is said by `requires`: alternatives, any of which flags
the string; each is one condition or several joined by ``&``, all of which must hold.
Without `requires`, a string is looked at where one of the anchors occurs. Conditions:

- ``anchor``: one of the format's anchors occurs in the string;
- ``digits:N``: a run of at least N ASCII digits, where ``' '``, ``-``, ``.``, ``/``,
  ``(`` and ``)`` between digits do not end the run (``+49 (30) 1234-567`` is a run of 11);
- ``AA00``: two ASCII capitals followed by two ASCII digits, or by a space and two digits;
- ``hexpairs``: two hex digits, ``:`` or ``-``, two hex digits, the same separator again
  (``00:1a:2b``), or ``hhhh.hhhh.hhhh`` (a MAC address in any of its notations);
- ``at``: an ``@``; ``card``: 13 digits in a row, spaces and dashes aside, in a string
  that is not a decimal number; ``auth``: an Authorization scheme and a blank;
  ``ipv4``, ``ipv6``: the shapes of addresses.

So ``requires=("anchor&digits:7",)`` looks only where a context word stands and a number
is long enough, and ``requires=("ipv4", "ipv6")`` where either shape is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

__all__ = ["Format", "Span"]

Span = tuple[int, int]

_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True, eq=False)
class Format:
    """A documented format: where to look (`anchors`), what to match, what to remove.

    The pattern is tried with ``match`` at every occurrence of an anchor, so it must begin
    with that anchor (in any ASCII case when `ignore_case`). A match counts only at word
    boundaries: no ASCII letter or digit right before the match or right after it. Of the
    match, `group` is removed (0: all of it), after `validate` (checksums, length rules,
    decodes to JSON, ...) accepts that text. `examples` must be found and `counterexamples`
    not: the tests run both on every position of a real event.
    """

    name: str
    kind: str
    anchors: tuple[str, ...]
    pattern: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]
    #: where the format is documented (the provider's page, or the scanner rule it follows)
    source: str
    group: int = 0
    ignore_case: bool = False
    validate: Callable[[str], bool] | None = None
    default: bool = True
    #: what it might be mistaken for, and why it is not (precision notes)
    note: str = ""
    #: where to look: alternatives of conditions joined by ``&`` (see above); none: the anchors
    requires: tuple[str, ...] = ()
    #: spans to remove in a flagged string, instead of the anchored `pattern`; linear in the text
    find: Callable[[str], Iterable[Span]] | None = None
    #: what replaces a match in ``replace`` mode, when not ``[kind]``
    replace_with: str = ""
    #: keys under which a match is not this kind of value (a version is not an IP address)
    skip: Callable[[str | None], bool] | None = None
    #: the anchors sit inside the match (its own `find` starts the match before them)
    anchor_inside: bool = False
    _compiled: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        if not self.anchors and not self.requires:
            raise ValueError(f"{self.name}: a format needs anchors or required shapes")
        if self.requires and not self.anchors and self.find is None:
            raise ValueError(f"{self.name}: a format found by shape brings its own find")
        if any("anchor" in alternative.split("&") for alternative in self.requires) and not self.anchors:
            raise ValueError(f"{self.name}: 'anchor' in requires needs anchors")
        for anchor in self.anchors:
            if not anchor or not anchor.isascii() or "\x00" in anchor:
                raise ValueError(f"{self.name}: an anchor is a non-empty ASCII literal without NUL")

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use: hundreds of formats cost no start-up)."""
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(self.pattern)
            object.__setattr__(self, "_compiled", compiled)
        return compiled

    @property
    def marker(self) -> str:
        """What replaces a match in ``replace`` mode."""
        return self.replace_with or f"[{self.kind}]"

    def finditer(self, text: str) -> Iterator[Span]:
        """Spans of the removed part of every match in `text` (linear: each anchor occurrence
        is tried once, and occurrences inside an earlier match are skipped)."""
        if self.find is not None:
            yield from self.find(text)
            return
        hay = text.lower() if self.ignore_case else text
        if len(hay) != len(text):  # case folding that changes length: compare as it is
            hay = text
        starts = sorted({at for anchor in self.anchors for at in _occurrences(hay, anchor)})
        pattern, group, validate = self.regex, self.group, self.validate
        resume = 0
        for at in starts:
            if at < resume:
                continue
            match = pattern.match(text, at)
            if match is None:
                continue
            start, end = match.span()
            # an anchor inside this match starts no other one (and re-reading it could be
            # quadratic), whether or not this one is accepted
            resume = end
            if text[start - 1 : start] in _ALNUM or text[end : end + 1] in _ALNUM:
                continue
            span = match.span(group)
            secret = text[span[0] : span[1]]
            if span[0] < 0 or _placeholder(secret) or (validate is not None and not validate(secret)):
                continue
            yield span


def _placeholder(secret: str) -> bool:
    """``ghp_xxxxxxxx…``, ``sk_live_00000000…``: a template's stand-in, not a secret. Past
    a prefix that ends in ``_``, ``-`` or ``.``, the rest is one character repeated."""
    cut = max(secret.rfind("_", 0, 16), secret.rfind("-", 0, 16), secret.rfind(".", 0, 16)) + 1
    body = secret[cut:]
    return len(body) >= 8 and len(set(body.lower())) == 1


def _occurrences(hay: str, anchor: str) -> Iterator[int]:
    at = hay.find(anchor)
    while at != -1:
        yield at
        at = hay.find(anchor, at + 1)
