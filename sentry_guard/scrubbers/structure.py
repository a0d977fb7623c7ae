"""Structure inside strings: ``key=value`` / ``key: value`` phrases, JSON text, Python reprs.

So the key rules apply inside a query string, a cookie header, a form body, a log line, a
source line (``password = "hunter2"``), a JSON blob stuffed into `extra`, or the ``repr``
of a dict that sentry-sdk rendered for a local variable.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, Optional

from .detectors import Blob, PairKeys
from .walk import FILTERED, KeyRule

__all__ = ["find_pair_values", "locate_pairs", "parse_structured"]

#: a separator right after a key character, a closing quote, or a space
#: (a ``:`` after a digit is a time or a port, not a phrase; ``://`` is a URL)
_SEPARATOR = re.compile(r"=(?<=[\w.\-\]\"' ]=)|:(?<=[A-Za-z_.\-\]\"' ]:)(?!//)")
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
#: ``:`` values (headers, log lines) run to the end of the line
_VALUE_AFTER_EQUALS = re.compile(r"[^&;#\s\"'<>,)}\]]*")
_VALUE_AFTER_COLON = re.compile(r"[^\r\n;\"'<>,)}\]]*")


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index of the closing `quote` (skipping backslash escapes), else the end of the text."""
    end = text.find(quote, start)
    while end != -1 and text[end - 1] == "\\":
        end = text.find(quote, end + 1)
    return len(text) if end == -1 else end


#: a separator and the key right before it, read in the reversed bytes: led by the literal
#: separator, so one fast pass each collects the key of every pair `find_pair_values` may see
_REVERSED_KEYS = tuple(re.compile(sep + rb"[ \t]*[\"']?([0-9A-Za-z_.\-\[\]]+)") for sep in (b"=", b":"))


def _reversed(data: bytes) -> bytes:
    return data[::-1]


def locate_pairs(blob: Blob, is_sensitive: KeyRule, memo: PairKeys) -> set[int]:
    """Indices of the strings of `blob` where a sensitive key stands before ``=`` or ``:``.

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
        for key in unique - judged:
            # a key longer than the window `find_pair_values` reads is judged there, by its tail
            if len(key) > _MAX_KEY or is_sensitive(key[::-1].decode("ascii")):
                sensitive_keys.add(key)
            judged.add(key)
        sensitive = unique & sensitive_keys
        if sensitive:
            positions += [match.start() for match in pattern.finditer(hay) if match.group(1) in sensitive]
    if not positions:
        return set()
    last = len(blob.texts) - 1
    return {last - index for index in blob.indices(hay, positions)}


def find_pair_values(text: str, is_sensitive: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Spans of the values of sensitive ``key=value`` / ``key: value`` pairs in `text`."""
    size = len(text)
    for match in _SEPARATOR.finditer(text):
        at = match.start()
        head = text[max(0, at - _MAX_KEY - 4) : at].rstrip(" \t")
        if head[-1:] in ("'", '"'):
            head = head[:-1]
        key = head[len(head.rstrip(_KEY_CHARS)) :]
        if key[:1] == "[":  # a value a detector already replaced (``[ip]:8080``) names nothing
            marker = _MARKER.match(key)
            key = key[marker.end() :] if marker else key
        if not key or not is_sensitive(key):
            continue
        colon = text[at] == ":"
        start = at + 1
        while start < size and text[start] in " \t":
            start += 1
        if text.startswith(FILTERED, start):
            continue
        if start < size and text[start] in ("'", '"'):
            end = _quoted_end(text, start + 1, text[start])
            start += 1
        else:
            end = (_VALUE_AFTER_COLON if colon else _VALUE_AFTER_EQUALS).match(text, start).end()  # type: ignore[union-attr]
            while end > start and text[end - 1] in " \t":
                end -= 1
        if end > start:
            yield start, end


_MAX_LITERAL = 65536


def parse_structured(text: str) -> Optional[tuple[Any, Callable[[Any], str]]]:
    """JSON text or a Python ``repr`` of a dict or list: (the value, how to write it back)."""
    stripped = text.strip()
    if stripped[:1] not in ("{", "[") or stripped[-1:] not in ("}", "]"):
        return None
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        pass
    else:
        if isinstance(value, (dict, list)):
            compact = ", " not in stripped and ": " not in stripped
            separators = (",", ":") if compact else (", ", ": ")
            return value, lambda new: json.dumps(new, ensure_ascii=False, separators=separators)
        return None
    if len(stripped) > _MAX_LITERAL:
        return None
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, (dict, list, tuple)):
        return value, repr
    return None
