"""One walker over any event tree: every key and every string, at any depth, without mutating.

Copy-on-write: only containers on a path to a change are copied, so untouched parts cost
nothing and objects the SDK still holds elsewhere (scope breadcrumbs) are never changed.
Recursive while shallow (fast; in C when the compiled module is installed, with the same
rules), iterative below `DEEP` levels (10,000 levels are fine), and cycle-safe there for
unserialised data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, Optional, Protocol

from .compiled import SPEEDUPS

__all__ = ["CYCLE", "DEEP", "FILTERED", "KeyRule", "StringRule", "Walker", "uses_compiled_walker"]

#: the compiled walk, or None for the pure-Python one
_compiled_walk = None if SPEEDUPS is None else SPEEDUPS.walk


def uses_compiled_walker() -> bool:
    """Whether walkers built from now on run the recursive walk in C (else pure Python)."""
    return _compiled_walk is not None


FILTERED = "[Filtered]"
CYCLE = "[cycle]"
#: depth at which the walker switches from recursion to an explicit stack
DEEP = 200

#: (string, nearest dict key above it or None) -> the string to keep (the same object if unchanged)
StringRule = Callable[[str, Optional[str]], str]
#: where a walk collects strings instead of rewriting them
Pending = Optional[list[str]]


class KeyRule(Protocol):
    """Decides whether a key's value is filtered; `decisions` caches answers by key."""

    decisions: dict[str, bool]

    def __call__(self, key: str) -> bool: ...


_Path = tuple[Any, ...]
#: a command-line option name: ``-p``, ``--db-password``
_FLAG = re.compile(r"--?[A-Za-z][\w-]{0,62}\Z").match
#: a pending list's bound ``append`` (one attribute lookup per walk, not per string)
_Add = Optional[Callable[[str], Any]]
_Walk = Callable[[Any, Optional[str], int, Optional[list[str]], _Add], Any]


class Walker:
    """`walker(tree)` returns `tree` with sensitive keys' values filtered and strings rewritten.

    A dict key the `keys` rule matches gets `FILTERED` as value, whatever it was; so does the
    second item of a ``[key, value]`` pair (how Sentry exports headers) and the item after a
    sensitive ``--flag`` in a list (``sys.argv``). Every other string
    goes through `strings` with the nearest dict key above it, or, when the call is given a
    `pending` list, is appended to it and left as it is (so a caller can scan all of them
    at once, then rewrite with a second walk). Returns `tree` itself when nothing changed.
    """

    def __init__(
        self,
        keys: KeyRule,
        strings: StringRule | None = None,
        *,
        clean: set[str] | None = None,
        deep: int = DEEP,
    ) -> None:
        self.keys = keys
        self.strings = strings
        #: strings the string rule already found unchanged: skipped without a call
        self.clean: set[str] = set() if clean is None else clean
        self.deep = deep
        self._walk_dict, self._walk_list = self._compile()
        #: the compiled walk, when it is installed (the same rules, the same results)
        self._compiled = (
            None
            if _compiled_walk is None
            else partial(
                _compiled_walk,
                (keys.decisions, keys, strings, self.clean, self._walk_deep, _FLAG, FILTERED, deep),
            )
        )

    def __call__(self, tree: Any, found: list[str] | None = None, pending: Pending = None) -> Any:
        """Walk `tree`; string values filtered by key are appended to `found` when given, and
        the other strings to `pending` (instead of going through `strings`) when given."""
        kind = type(tree)
        if self._compiled is not None and (kind is dict or kind is list or kind is tuple):
            return self._compiled(tree, found, pending)
        add = None if pending is None else pending.append
        if kind is dict:
            return self._walk_dict(tree, None, 0, found, add)
        if kind is list or kind is tuple:
            return self._walk_list(tree, None, 0, found, add)
        if kind is str:
            if pending is not None:
                pending.append(tree)
            elif self.strings is not None:
                return self.strings(tree, None)
        return tree

    def _compile(self) -> tuple[_Walk, _Walk]:
        """Build the recursive pair as closures: locals are the fastest lookups CPython has."""
        known = self.keys.decisions.get
        decide = self.keys
        strings = self.strings
        clean = self.clean
        deep = self.deep
        walk_deep = self._walk_deep

        def walk_dict(
            node: dict[Any, Any],
            context: Optional[str],
            depth: int,
            found: Optional[list[str]],
            add: _Add,
        ) -> Any:
            if depth > deep:
                return walk_deep(node, context, found, add)
            out = None
            inner: Optional[str]
            for key, value in node.items():
                if type(key) is str:
                    hit = known(key)
                    if hit is None:
                        hit = decide(key)
                    if hit:
                        if value != FILTERED:
                            if out is None:
                                out = dict(node)
                            out[key] = FILTERED
                            if found is not None and type(value) is str:
                                found.append(value)
                        continue
                    inner = key
                else:
                    inner = context
                kind = type(value)
                if kind is str:
                    if value in clean:
                        continue
                    if add is not None:
                        add(value)
                        continue
                    if strings is None:
                        continue
                    new = strings(value, inner)
                elif kind is dict:
                    new = walk_dict(value, inner, depth + 1, found, add)
                elif kind is list or kind is tuple:
                    new = walk_list(value, inner, depth + 1, found, add)
                else:
                    continue
                if new is not value:
                    if out is None:
                        out = dict(node)
                    out[key] = new
            return node if out is None else out

        def walk_list(
            node: Any, context: Optional[str], depth: int, found: Optional[list[str]], add: _Add
        ) -> Any:
            if depth > deep:
                return walk_deep(node, context, found, add)
            out = None
            flag = False  # the previous item was a sensitive ``--flag``: this one is its value
            for index, value in enumerate(node):
                kind = type(value)
                if kind is str:
                    if flag:
                        flag = False
                        if value == FILTERED:
                            continue
                        if found is not None:
                            found.append(value)
                        new = FILTERED
                    elif value[:1] == "-" and _is_flag(value):
                        flag = True
                        continue
                    elif value in clean:
                        continue
                    elif add is not None:
                        add(value)
                        continue
                    elif strings is None:
                        continue
                    else:
                        new = strings(value, context)
                elif kind is dict:
                    new = walk_dict(value, context, depth + 1, found, add)
                elif kind is list or kind is tuple:
                    if len(value) == 2 and type(value[0]) is str:
                        new = _pair(value, depth, found, add)
                    else:
                        new = walk_list(value, context, depth + 1, found, add)
                else:
                    continue
                if new is not value:
                    if out is None:
                        out = list(node)
                    out[index] = new
            return node if out is None else out

        def _is_flag(item: str) -> bool:
            if _FLAG(item) is None:
                return False
            hit = known(item)
            if hit is None:
                hit = decide(item)
            return hit

        def _pair(pair: Any, depth: int, found: Optional[list[str]], add: _Add) -> Any:
            hit = known(pair[0])
            if hit is None:
                hit = decide(pair[0])
            if not hit:
                return walk_list(pair, pair[0], depth + 1, found, add)
            if pair[1] == FILTERED:
                return pair
            if found is not None and type(pair[1]) is str:
                found.append(pair[1])
            return [pair[0], FILTERED]

        return walk_dict, walk_list

    def _walk_deep(
        self, tree: Any, context: Optional[str], found: Optional[list[str]] = None, add: _Add = None
    ) -> Any:
        """The same rules with an explicit stack: no recursion limit, and cycles become `CYCLE`."""
        keys, strings = self.keys, self.strings
        edits: list[tuple[_Path, Any]] = []
        path: list[Any] = []
        active = {id(tree)}
        stack: list[tuple[Iterator[tuple[Any, Any]], Any, Optional[str], bool]] = [
            (_items(tree), tree, context, type(tree) is dict)
        ]
        flags: set[int] = set()  # ids of lists whose next item follows a sensitive ``--flag``
        while stack:
            items, container, context, is_dict = stack[-1]
            for key, value in items:
                inner = context
                if not is_dict and type(value) is str:
                    if id(container) in flags:
                        flags.discard(id(container))
                        if value != FILTERED:
                            edits.append(((*path, key), FILTERED))
                            if found is not None:
                                found.append(value)
                        continue
                    if value[:1] == "-" and _FLAG(value) is not None and keys(value):
                        flags.add(id(container))
                        continue
                if is_dict and type(key) is str:
                    if keys(key):
                        if value != FILTERED:
                            edits.append(((*path, key), FILTERED))
                            if found is not None and type(value) is str:
                                found.append(value)
                        continue
                    inner = key
                kind = type(value)
                if kind is str:
                    if add is not None:
                        add(value)
                    elif strings is not None:
                        new = strings(value, inner)
                        if new is not value:
                            edits.append(((*path, key), new))
                    continue
                if kind is not dict and kind is not list and kind is not tuple:
                    continue
                if kind is not dict and not is_dict and len(value) == 2 and type(value[0]) is str:
                    if keys(value[0]):
                        if value[1] != FILTERED:
                            edits.append(((*path, key, 1), FILTERED))
                            if found is not None and type(value[1]) is str:
                                found.append(value[1])
                        continue
                    inner = value[0]
                if id(value) in active:
                    edits.append(((*path, key), CYCLE))
                    continue
                active.add(id(value))
                path.append(key)
                stack.append((_items(value), value, inner, kind is dict))
                break
            else:
                stack.pop()
                active.discard(id(container))
                flags.discard(id(container))
                if path:
                    path.pop()
        return _apply(tree, edits) if edits else tree


def _items(container: Any) -> Iterator[tuple[Any, Any]]:
    return iter(container.items()) if type(container) is dict else enumerate(container)


def _copy(container: Any) -> Any:
    return dict(container) if type(container) is dict else list(container)


def _apply(tree: Any, edits: list[tuple[_Path, Any]]) -> Any:
    """Copy the containers on each edited path (once each) and set the new values."""
    root = _copy(tree)
    copies: dict[int, Any] = {id(tree): root}
    for edit_path, value in edits:
        node, original = root, tree
        for key in edit_path[:-1]:
            original = original[key]
            copy = copies.get(id(original))
            if copy is None:
                copy = copies[id(original)] = _copy(original)
            node[key] = copy
            node = copy
        node[edit_path[-1]] = value
    return root
