"""Structure inside strings: key-value pairs in every common syntax, JSON text, Python reprs.

So the key rules apply inside a query string, a cookie header, a form body, a log line, a
source line (``password = "hunter2"``, ``password := "x"``, ``'password' => 'x'``), a
config snippet (``export PASSWORD=x``, ``PASSWORD ?= x``, ``<password>x</password>``), a
call (``setProperty("DB_PASSWORD", "x")``), a command line (``--password x``), a JSON blob
stuffed into `extra`, or the ``repr`` of a dict that sentry-sdk rendered for a local.

Every scan here is linear in its input: a separator inside a value already found starts
no other pair (``"pwd=" * 25_000`` is one value, read once), keys are read in a bounded
window, and reprs are parsed by `literal.parse_literal` (no ``ast``: no recursion, no
warnings on stderr).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from .literal import parse_literal
from .scan import Blob, PairKeys
from .walk import FILTERED, KeyRule

__all__ = ["find_pair_values", "locate_pairs", "parse_structured"]

_KEY_CHARS = (
    "".join(map(chr, range(48, 58)))
    + "".join(map(chr, range(65, 91)))
    + "".join(map(chr, range(97, 123)))
    + "_.-[]"
)
_MAX_KEY = 128
#: what a detector leaves in place of a value: ``[ip]``, ``[email]``, ``[Filtered]``
_MARKER = re.compile(r"\[[A-Za-z]+\]")
#: where an unquoted value ends: ``=`` values (query, cookie, form) stop at white space too,
#: ``:`` values (headers, log lines) run to the end of the line; both stop at brackets
_VALUE_AFTER_EQUALS = re.compile(r"[^&;#\s\"'<>,(){}\[\]]*")
_VALUE_AFTER_COLON = re.compile(r"[^\r\n;\"'<>,(){}\[\]]*")
_VALUE_OF_FLAG = re.compile(r"[^\s\"'<>,;(){}\[\]]*")
#: an unquoted value that names nothing: a key left empty in a template or a dump
_NOTHING = frozenset({"null", "None", "nil", "undefined", "NULL", "none"})
#: a query's or a log template's placeholder, not a value (``WHERE email = ?``, ``password = %s``)
_PLACEHOLDER = re.compile(r"%[sdr]|%\(\w{1,64}\)[sdr]|\?|\$[0-9]{1,3}")
#: where a pair may be: ``=`` and ``:`` (and their compounds), ``>`` closing ``<key``,
#: ``,`` after a quoted key in a call, ``--`` starting a command-line option
_CANDIDATES = re.compile(r"[=:>,]|--(?=[A-Za-z])")


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index of the closing `quote` (skipping backslash escapes), else the end of the text."""
    end = text.find(quote, start)
    while end != -1 and text[end - 1] == "\\":
        end = text.find(quote, end + 1)
    return len(text) if end == -1 else end


def _key_before(text: str, end: int) -> str:
    """The key that ends at `end` (before a separator): key characters, maybe quoted, maybe
    followed by blanks; read in a bounded window."""
    head = text[max(0, end - _MAX_KEY - 4) : end].rstrip(" \t")
    if head[-1:] in ("'", '"'):
        head = head[:-1]
    key = head[len(head.rstrip(_KEY_CHARS)) :]
    # a value a detector already replaced (``[ip]:8080``, ``--[token]=``) names nothing; in
    # ``user[email]=`` the brackets are the key's own
    while "[" in key:
        marker = _MARKER.search(key)
        if marker is None or key[: marker.start()].strip("-"):
            break
        key = key[marker.end() :]
    return key


#: per stop pattern, the last unquoted run read to its end: a value that starts inside it
#: ends where it ended (no stop character lies between), so ``"token:" * n + "("`` reads the
#: run once instead of once for every ``:`` in it
Runs = dict[re.Pattern[str], tuple[int, int]]


def _value(text: str, start: int, stops: re.Pattern[str], runs: Runs) -> tuple[int, int] | None:
    """The span of the value that starts at `start` (after blanks): quoted, or up to `stops`.

    Nothing when there is nothing to hide (an empty or ``null`` value), when a scrubber
    already filtered it, or when it is code rather than a literal (``get_password()``,
    ``os.environ["X"]``, a nested ``{`` structure: its own keys speak for it)."""
    size = len(text)
    while start < size and text[start] in " \t":
        start += 1
    if start >= size or text.startswith(FILTERED, start):
        return None
    if text[start] in ("'", '"'):
        end = _quoted_end(text, start + 1, text[start])
        start += 1
    else:
        run = runs.get(stops)
        if run is not None and run[0] <= start <= run[1]:
            end = run[1]
        else:
            end = stops.match(text, start).end()  # type: ignore[union-attr]  # `*` always matches
            runs[stops] = (start, end)
        while end > start and text[end - 1] in " \t":
            end -= 1
        if text[end : end + 1] in ("(", "[", "{") or text[start:end] in _NOTHING:
            return None
    if end - start <= 70 and _PLACEHOLDER.fullmatch(text, start, end):
        return None
    return (start, end) if end > start else None


def _pair_at(
    text: str, at: int, is_sensitive: Callable[[str], bool], runs: Runs
) -> tuple[int, int, str] | None:
    """The span of the value of a sensitive pair whose separator is at `at`, and its key."""
    sep = text[at]
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    if sep == "=":
        if before in ("=", "!", "<", ">"):  # ``==`` (read at its first ``=``), ``!=``, ``<=``
            return None
        key_end = at - 1 if before in (":", "?", "+") else at  # ``:=``, ``?=``, ``+=``
        if text[key_end - 1 : key_end] not in _AFTER_KEY:
            return None
        value_start = at + 2 if after in ("=", ">") else at + 1  # ``==``, ``=>``
        key, stops = _key_before(text, key_end), _VALUE_AFTER_EQUALS
    elif sep == ":":
        # ``:=`` is read at its ``=``; ``::`` is a scope; a time or a port follows a digit;
        # ``://`` is a URL
        if after in ("=", ":") or before in (":", "") or before.isdigit() or text[at + 1 : at + 3] == "//":
            return None
        if before not in _AFTER_KEY:
            return None
        key, stops, value_start = _key_before(text, at), _VALUE_AFTER_COLON, at + 1
    elif sep == ">":  # ``<password>value</password>``
        if before not in _KEY_SET:
            return None
        key = _key_before(text, at)
        if text[at - len(key) - 1 : at - len(key)] != "<" or after == "<":
            return None
        end = text.find("<", at + 1)
        if end == -1 or not text.startswith(f"</{key}>", end):  # an element, closed: not prose's ``<dsn>``
            return None
        return (at + 1, end, key) if end > at + 1 and is_sensitive(key) else None
    elif sep == ",":  # ``("DB_PASSWORD", "value")``
        head = text[max(0, at - _MAX_KEY - 8) : at].rstrip(" \t")
        quote = head[-1:]
        if quote not in ("'", '"'):
            return None
        opening = head.rfind(quote, 0, len(head) - 1)
        key = head[opening + 1 : -1]
        if opening < 1 or not key or key.strip(_KEY_CHARS) or head[:opening].rstrip(" \t")[-1:] != "(":
            return None
        start = at + 1
        while start < len(text) and text[start] in " \t":
            start += 1
        if text[start : start + 1] not in ("'", '"'):
            return None
        value_start, stops = start, _VALUE_AFTER_EQUALS
    else:  # ``--password value`` (``--password=value`` is read at the ``=``)
        if text[at - 1 : at] in _KEY_SET:
            return None
        end = at + 2
        while end < len(text) and end - at <= 64 and text[end] in _KEY_SET:
            end += 1
        if text[end : end + 1] != " ":
            return None
        key, value_start, stops = text[at:end], end + 1, _VALUE_OF_FLAG
    if not key or not is_sensitive(key):
        return None
    span = _value(text, value_start, stops, runs)
    return None if span is None else (*span, key)


_KEY_SET = frozenset(_KEY_CHARS)
#: what may stand right before a separator: a key character, a closing quote, a blank
_AFTER_KEY = _KEY_SET - {"["} | {'"', "'", " ", "\t"}


def find_pair_values(text: str, is_sensitive: Callable[[str], bool]) -> Iterator[tuple[int, int, str]]:
    """Spans of the values of sensitive pairs in `text` with their keys, in order and never
    overlapping: a separator inside a value already found starts no other pair."""
    resume = 0
    runs: Runs = {}
    for match in _CANDIDATES.finditer(text):
        at = match.start()
        if at < resume:
            continue
        span = _pair_at(text, at, is_sensitive, runs)
        if span is not None:
            yield span
            resume = span[1]


#: the separators and the key right before them, read in the reversed bytes: each led by
#: its literal, so one fast pass each collects the key of every pair `find_pair_values` may
#: see (``=`` with its compounds, ``:``, ``>`` after ``<key``, ``,`` after ``("key"``)
_REVERSED_KEYS = (
    re.compile(rb"=[:?+]?[ \t]*[\"']?([0-9A-Za-z_.\-\[\]]+)"),
    re.compile(rb":[ \t]*[\"']?([0-9A-Za-z_.\-\[\]]+)"),
    re.compile(rb">([0-9A-Za-z_.\-\[\]]+)<"),
    re.compile(rb",[ \t]*[\"']([0-9A-Za-z_.\-\[\]]+)[\"'][ \t]*\("),
)
#: ``--option`` followed by a blank, read forwards (rare: judged without the memo)
_FLAG_KEYS = re.compile(rb"--[A-Za-z][0-9A-Za-z_.\-]{0,62} ")


def _reversed(data: bytes) -> bytes:
    return data[::-1]


def locate_pairs(blob: Blob, is_sensitive: KeyRule, memo: PairKeys) -> set[int]:
    """Indices of the strings of `blob` where a sensitive key stands before a separator.

    `memo` keeps decisions by key between calls (the one `blob` was scanned with, for the
    compiled scanner). Other threads may use it at the same time: a key goes into the
    sensitive set before it is marked judged, and the owner bounds it by replacing the pair
    of sets, never by clearing them in place.
    """
    judged, sensitive_keys = memo
    if blob.features is not None:
        found = set(blob.features["pair"])
        for name, indices in blob.fresh_keys.items():
            if name not in judged:
                if is_sensitive(name):
                    sensitive_keys.add(name)
                judged.add(name)
            if name in sensitive_keys:
                found.update(indices)
        return found
    hay = blob.view(_reversed)
    positions: list[int] = []
    for pattern in _REVERSED_KEYS:
        keys = pattern.findall(hay)
        if not keys:
            continue
        unique = set(keys)
        long_keys = set()
        for key in unique - judged:
            # a key longer than the window `find_pair_values` reads is judged there, by its
            # tail; it is not remembered (the memo stays small in bytes, and bounded)
            if len(key) > _MAX_KEY:
                long_keys.add(key)
                continue
            if is_sensitive(key[::-1].decode("ascii")):
                sensitive_keys.add(key)
            judged.add(key)
        sensitive = (unique & sensitive_keys) | long_keys
        if sensitive:
            positions += [match.start() for match in pattern.finditer(hay) if match.group(1) in sensitive]
    last = len(blob.texts) - 1
    found = {last - index for index in blob.indices(hay, positions)} if positions else set()
    data = blob.data
    flags = [m.start() for m in _FLAG_KEYS.finditer(data) if is_sensitive(m.group()[:-1].decode("ascii"))]
    return found | blob.indices(data, flags) if flags else found


#: nesting deeper than this in JSON text or a repr is read as plain text (pairs, detectors)
MAX_NESTING = 100
#: a repr longer than this is read as plain text too (the reader costs ~4 µs an item)
MAX_REPR = 65536


def parse_structured(text: str) -> tuple[Any, Callable[[Any], str]] | None:
    """JSON text or a Python ``repr`` of a dict, list, tuple or set: (the value, how to write
    it back). Nothing for other text, or for nesting past `MAX_NESTING`."""
    stripped = text.strip()
    if stripped[:1] not in ("{", "[", "(") or stripped[-1:] not in ("}", "]", ")"):
        return None
    if stripped[0] != "(" and stripped[1:2] != "'":  # JSON has no single quotes
        try:
            value = json.loads(stripped)
        except (ValueError, RecursionError):
            pass
        else:
            if isinstance(value, (dict, list)) and _depth_within(value, MAX_NESTING):
                compact = ", " not in stripped and ": " not in stripped
                separators = (",", ":") if compact else (", ", ": ")
                return value, lambda new: json.dumps(new, ensure_ascii=False, separators=separators)
            return None
    if len(stripped) > MAX_REPR:
        return None
    literal = parse_literal(stripped, MAX_NESTING)
    if isinstance(literal, (dict, list, tuple, set, frozenset)):
        return literal, repr
    return None


def _depth_within(value: Any, limit: int) -> bool:
    """Whether `value` nests at most `limit` containers deep (iterative)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        children = node.values() if type(node) is dict else node
        stack += [(child, depth + 1) for child in children if type(child) in (dict, list)]
    return True
