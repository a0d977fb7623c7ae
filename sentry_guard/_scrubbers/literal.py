"""Python literals in text, read without ``ast``: the ``repr`` of dicts, lists, strings.

sentry-sdk sends frame locals as their ``repr`` (``"'hunter2'"``, ``"{'password': 'x'}"``).
``ast.literal_eval`` would read them, but it prints ``SyntaxWarning`` to stderr on some
inputs, recurses with the nesting, and compiles first. This reader is one linear pass with
an explicit stack and a depth bound, and reads only what ``repr`` writes: dicts, lists,
tuples and sets of strings (any prefix but f), bytes, numbers, ``True``, ``False``, ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["parse_literal", "unquote"]

_BLANKS = re.compile(r"[ \t\r\n]*")
_NUMBER = re.compile(r"[-+]?[0-9.][0-9A-Za-z_.]*(?:[-+][0-9][0-9A-Za-z_.]*)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAMES = {"True": True, "False": False, "None": None}
_PREFIX = re.compile(r"([rRbBuU]{0,2})(['\"])")
#: the body of a quoted string: no backtracking (the classic unrolled loop)
_BODIES = {
    "'": re.compile(r"[^\\'\n]*(?:\\.[^\\'\n]*)*", re.DOTALL),
    '"': re.compile(r'[^\\"\n]*(?:\\.[^\\"\n]*)*', re.DOTALL),
}
_ESCAPE = re.compile(
    r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}\n]{1,100}\}|[0-7]{1,3}|.)", re.DOTALL
)
_SIMPLE = {
    "\\": "\\",
    "'": "'",
    '"': '"',
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\n": "",
}
_CLOSERS = {"{": "}", "[": "]", "(": ")"}


class _Invalid(Exception):
    """Not a literal this reader reads."""


def _decode(body: str, raw: bool, is_bytes: bool) -> Any:
    """The value of a string body (escapes resolved unless raw)."""
    if not raw:

        def resolve(match: re.Match[str]) -> str:
            code = match.group(1)
            first = code[0]
            if first in _SIMPLE:
                return _SIMPLE[first]
            if first in "xuU" and len(code) > 1 and not (is_bytes and first != "x"):
                return chr(int(code[1:], 16))
            if first.isdigit() and first < "8":
                return chr(int(code, 8))
            if first == "N" and len(code) > 1 and not is_bytes:
                try:
                    return unicodedata.lookup(code[2:-1])
                except KeyError:
                    raise _Invalid from None
            return match.group()  # an unknown escape keeps its backslash, as in Python

        body = _ESCAPE.sub(resolve, body) if "\\" in body else body
    if not is_bytes:
        return body
    try:
        return body.encode("latin-1")
    except UnicodeEncodeError:
        raise _Invalid from None


def _string(text: str, at: int) -> tuple[Any, int] | None:
    """A string or bytes literal at `at`: (value, end), or None when there is none."""
    prefix = _PREFIX.match(text, at)
    if prefix is None:
        return None
    letters = prefix.group(1).lower()
    if len(set(letters)) != len(letters) or ("u" in letters and len(letters) > 1):
        raise _Invalid
    quote = prefix.group(2)
    start = prefix.end()
    end = _BODIES[quote].match(text, start).end()  # type: ignore[union-attr]  # `*` always matches
    if text[end : end + 1] != quote:
        raise _Invalid
    return _decode(text[start:end], "r" in letters, "b" in letters), end + 1


def _scalar(text: str, at: int) -> tuple[Any, int]:
    """A string, a number or a name at `at`: (value, end)."""
    found = _string(text, at)
    if found is not None:
        return found
    number = _NUMBER.match(text, at)
    if number is not None:
        token = number.group()
        for convert in (lambda t: int(t, 0), float, complex):
            try:
                return convert(token), number.end()
            except ValueError:
                continue
        raise _Invalid
    name = _NAME.match(text, at)
    if name is None or name.group() not in _NAMES:
        raise _Invalid
    return _NAMES[name.group()], name.end()


class _Frame:
    __slots__ = ("closer", "items", "key", "kind", "opener")

    def __init__(self, opener: str) -> None:
        self.opener = opener
        self.closer = _CLOSERS[opener]
        self.items: list[Any] = []
        self.key: Any = _MISSING
        #: "dict" or "set" once the first item says which (for "{"), else the bracket's kind
        self.kind = {"[": "list", "(": "tuple", "{": ""}[opener]

    def value(self, trailing_comma: bool) -> Any:
        if self.kind == "list":
            return self.items
        if self.kind == "tuple":
            return self.items[0] if len(self.items) == 1 and not trailing_comma else tuple(self.items)
        if self.kind == "set":
            return set(self.items)
        return dict(self.items)


_MISSING = object()


def parse_literal(text: str, max_depth: int = 100) -> Any:
    """The value of the Python literal that is all of `text`, or None when it is not one
    (or nests deeper than `max_depth`). Linear in the length of `text`."""
    try:
        return _parse(text, max_depth)
    except (_Invalid, TypeError, ValueError, OverflowError):  # unhashable keys, bad numbers
        return None


def _parse(text: str, max_depth: int) -> Any:
    stack: list[_Frame] = []
    at = _BLANKS.match(text, 0).end()  # type: ignore[union-attr]
    size = len(text)
    while True:
        # a value: an opening bracket, a closing one (empty container), or a scalar
        if at >= size:
            raise _Invalid
        char = text[at]
        if char in _CLOSERS:
            if len(stack) >= max_depth:
                raise _Invalid
            stack.append(_Frame(char))
            at = _BLANKS.match(text, at + 1).end()  # type: ignore[union-attr]
            if text[at : at + 1] != stack[-1].closer:
                continue
            frame = stack.pop()
            value, at = frame.value(False), at + 1
        else:
            value, at = _scalar(text, at)
        # then what follows it, closing every container it completes
        while True:
            at = _BLANKS.match(text, at).end()  # type: ignore[union-attr]
            if not stack:
                if at != size:
                    raise _Invalid
                return value
            frame = stack[-1]
            char = text[at : at + 1]
            if frame.opener == "{" and frame.key is _MISSING and frame.kind in ("", "dict") and char == ":":
                frame.kind, frame.key = "dict", value
                at += 1
                break
            if frame.kind == "dict":
                if frame.key is _MISSING:
                    raise _Invalid
                frame.items.append((frame.key, value))
                frame.key = _MISSING
            else:
                if frame.kind == "":
                    frame.kind = "set"
                frame.items.append(value)
            if char == ",":
                at = _BLANKS.match(text, at + 1).end()  # type: ignore[union-attr]
                if text[at : at + 1] != frame.closer:
                    break
                trailing = True
            elif char == frame.closer:
                trailing = False
            else:
                raise _Invalid
            stack.pop()
            value, at = frame.value(trailing), at + 1
        at = _BLANKS.match(text, at).end()  # type: ignore[union-attr]


def unquote(text: str) -> str | None:
    """The string a ``repr`` of a string stands for (``"'it\\'s'"`` -> ``it's``), or None."""
    if len(text) < 2 or text[-1] not in ("'", '"'):
        return None
    quote = text[0]
    if quote == text[-1] and "\\" not in text and quote not in text[1:-1]:
        return text[1:-1]  # the common case, read without the parser
    value = parse_literal(text, 1)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value if isinstance(value, str) else None
