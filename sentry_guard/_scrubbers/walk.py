"""One walker over any event tree: every key and every string, at any depth, without mutating.

Copy-on-write: only containers on a path to a change are copied, so untouched parts cost
nothing and objects the SDK still holds elsewhere (scope breadcrumbs) are never changed.
Recursive while shallow (fast; in C when the compiled module is installed, with the same
rules), iterative below `DEEP` levels (10,000 levels are fine), and cycle-safe there for
unserialised data.

sentry-sdk hands over plain dicts, lists and strings, but not only: ``str`` subclasses
(Django's ``SafeString``, ``StrEnum`` members, lazy translations) pass its serializer
unchanged, and breadcrumbs and logs reach their hooks before any serializer. The walk reads
every value it does not know natively through `plain`, never through the value's own
methods (``__eq__``, ``__hash__``), so a subclass cannot hide its text. A tree whose reading
could run its own code at all (a dict or list subclass, a ``Mapping``, a ``str`` subclass as
a dict key: see `is_plain`) is walked as its `freeze` copy, so that code cannot change what
the walk has already read (issue 17).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any, Protocol

from . import compiled

__all__ = [
    "BIG_INT",
    "CYCLE",
    "DEEP",
    "FILTERED",
    "KeyRule",
    "StringRule",
    "Walker",
    "freeze",
    "is_plain",
    "nothing_to_hide",
    "plain",
    "rename_keys",
    "uses_compiled_walker",
]


def uses_compiled_walker() -> bool:
    """Whether walkers built from now on run the recursive walk in C (else pure Python)."""
    return compiled.SPEEDUPS is not None


FILTERED = "[Filtered]"
CYCLE = "[cycle]"
#: depth at which the walker switches from recursion to an explicit stack
DEEP = 200
#: ints from here on are read as their digits (a card number kept as an int is still a card)
BIG_INT = 10**8
#: up to here (20 digits): larger ints are no identifier anyone types
_BIGGEST_INT = 10**20

#: (string, nearest dict key above it or None) -> the string to keep (the same object if unchanged)
StringRule = Callable[[str, str | None], str]
#: where a walk collects strings instead of rewriting them
Pending = list[str] | None


class KeyRule(Protocol):
    """Decides whether a key's value is filtered; `decisions` caches answers by key."""

    decisions: dict[str, bool]

    def __call__(self, key: str) -> bool: ...


def plain(value: Any) -> Any:
    """What the walk reads in place of a value of a type it does not walk natively, or None.

    A ``str`` subclass is read as its text (``str.__str__``: an exact copy, no method of the
    subclass runs); bytes as UTF-8; any other mapping as a dict; other sequences and sets as
    a list; an int of 9 to 20 digits as its decimal text. The walk replaces the value only
    if it changes that form.
    """
    if isinstance(value, str):
        return str.__str__(value)
    if type(value) is int:
        return str(value) if BIG_INT <= value < _BIGGEST_INT else None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, Mapping):
        return dict(value.items())
    if isinstance(value, (list, tuple, set, frozenset, deque)):
        return list(value)
    return None


class _Frame:
    """A container being frozen: its items as captured, the next one, and its frozen copy."""

    __slots__ = ("is_tuple", "items", "next", "out", "slot", "source")

    def __init__(self, items: list[Any], out: Any, source: Any, slot: Any, is_tuple: bool) -> None:
        self.items = items
        self.next = 0
        self.out = out
        self.source = source
        #: where the finished copy goes in the container above (its frozen key, or None)
        self.slot = slot
        self.is_tuple = is_tuple


#: what `_enter` returns when it started a container (its items come next)
_ENTERED = object()


def freeze(tree: Any) -> Any:
    """A copy of `tree` that holds pure data: walking it runs no code of the tree's own.

    Top-down: each container is captured once, at once (``list(x)``, ``x.items()`` of an
    exact dict, or ONE call of `plain` for any other type that has a form), before its
    children are converted; code run while converting a later child (a ``Mapping``'s
    ``items()``) cannot change what was captured, nor reach the copy. Every container comes
    back a new exact dict, list or tuple; a cycle becomes `CYCLE`; a container met twice is
    frozen once (the copy is shared, as the original was). Values kept as they are: exact
    scalars and bytes, ``str`` subclasses (inert: read as ``str.__str__``), a bytearray as a
    copy, and objects `plain` gives no form (the walk passes them by too). Dict keys: see
    `_frozen_key`. Iterative: no recursion limit.
    """
    stack: list[_Frame] = []
    #: id -> (the original, its frozen form), for containers and values already converted
    #: (the original is held: its id stays its own while the freeze runs)
    done: dict[int, tuple[Any, Any]] = {}
    #: ids of the containers on the current path (a cycle leads back to one of them)
    active: dict[int, Any] = {}
    top = _enter(tree, None, stack, done, active)
    if top is not _ENTERED:
        return top
    while True:
        frame = stack[-1]
        if frame.next < len(frame.items):
            item = frame.items[frame.next]
            frame.next += 1
            if type(frame.out) is dict:
                slot = _free_key(frame.out, _frozen_key(item[0]))
                value = _enter(item[1], slot, stack, done, active)
                if value is not _ENTERED:
                    frame.out[slot] = value
            else:
                value = _enter(item, None, stack, done, active)
                if value is not _ENTERED:
                    frame.out.append(value)
            continue
        stack.pop()
        finished = tuple(frame.out) if frame.is_tuple else frame.out
        del active[id(frame.source)]
        done[id(frame.source)] = (frame.source, finished)
        if not stack:
            return finished
        above = stack[-1].out
        if type(above) is dict:
            above[frame.slot] = finished
        else:
            above.append(finished)


def _enter(
    value: Any, slot: Any, stack: list[_Frame], done: dict[int, tuple[Any, Any]], active: dict[int, Any]
) -> Any:
    """The frozen form of a value with no items to convert, or `_ENTERED` after pushing a
    frame for a container (its items captured now, at once)."""
    kind = type(value)
    if kind in _PLAIN_VALUES or issubclass(kind, str):
        return bytearray(value) if kind is bytearray else value
    ident = id(value)
    if ident in active:
        return CYCLE
    known = done.get(ident)
    if known is not None:
        return known[1]
    if kind is dict:
        items: list[Any] = list(value.items())  # an exact dict: no code runs
        out: Any = {}
    elif kind is list or kind is tuple:
        items, out = list(value), []
    else:
        form = plain(value)  # the one read of a foreign value (may run its code)
        if type(form) is dict:
            items, out = list(form.items()), {}
        elif type(form) is list:
            items, out = form, []
        else:  # text, or no form: kept as the walk would keep it
            done[ident] = (value, value if form is None else form)
            return done[ident][1]
    active[ident] = value
    stack.append(_Frame(items, out, value, slot, kind is tuple))
    return _ENTERED


#: dict keys kept as they are by `freeze`: their hash and equality run no code of theirs
_INERT_KEYS = frozenset({str, int, float, bool, type(None), bytes})


def _frozen_key(key: Any) -> Any:
    """A dict key as `freeze` keeps it, with no method of the key called: exact str, int,
    float, bool, None and bytes (and exact tuples of them) as they are; a ``str`` subclass
    as its text (``str.__str__``); any other object as ``object.__repr__`` text (its type
    and address: no code of its own runs, and two objects never share it)."""
    kind = type(key)
    if kind in _INERT_KEYS:
        return key
    if issubclass(kind, str):
        return str.__str__(key)
    if kind is tuple and all(type(part) in _INERT_KEYS for part in key):
        return key
    return object.__repr__(key)


def _free_key(out: dict[Any, Any], key: Any) -> Any:
    """`key`, or when `out` has it already (two keys that read as the same text), its text
    with the first free suffix ``" (2)"``, ``" (3)"``, ... (as `rename_keys` does)."""
    if key not in out:
        return key
    text = key if type(key) is str else repr(key)
    number = 1
    while True:
        number += 1
        candidate = f"{text} ({number})"
        if candidate not in out:
            return candidate


def nothing_to_hide(value: Any) -> bool:
    """``None``, a bool, ``""``, an empty container, or already `FILTERED`: a sensitive key's
    value that is left as it is (``[Filtered]`` would only say that something was there)."""
    if isinstance(value, str):
        return str.__len__(value) == 0 or str.__eq__(value, FILTERED)
    kind = type(value)
    if kind is dict or kind is list or kind is tuple:
        return not value
    return value is None or kind is bool


#: values the walk never looks into (ints below `BIG_INT` too)
_SCALARS = frozenset({float, bool, type(None)})
#: dict keys whose reading (hash, equality) runs no code of their own: exact types only
_PLAIN_KEYS = frozenset({str, int, float, bool, type(None)})
#: values the same way (a ``str`` subclass is one too: the walk reads it with ``str.__str__``)
_PLAIN_VALUES = frozenset({str, int, float, bool, type(None), bytes, bytearray})


def is_plain(tree: Any) -> bool:
    """Whether reading `tree` runs no code of its own, so nothing can change it mid-walk.

    True for exact dicts, lists and tuples whose dict keys are of `_PLAIN_KEYS` and whose
    other values are of `_PLAIN_VALUES` or ``str`` subclasses, at any depth; a cycle of such
    containers is plain too (the walk ends it with `CYCLE`). Only exact type checks.
    Iterative; below `DEEP` levels it remembers the containers it read, so a cycle ends.
    """
    kind = type(tree)
    if kind is not dict and kind is not list and kind is not tuple:
        return kind in _PLAIN_VALUES or issubclass(kind, str)
    stack: list[tuple[Any, int]] = [(tree, 0)]
    push = stack.append
    seen: set[int] = set()  # containers read below DEEP (only there can a cycle be)
    while stack:
        node, depth = stack.pop()
        if depth > DEEP:
            if id(node) in seen:
                continue
            seen.add(id(node))
        if type(node) is dict:
            for key in node:
                if type(key) not in _PLAIN_KEYS:
                    return False
            node = node.values()
        for value in node:
            kind = type(value)
            if kind is dict or kind is list or kind is tuple:
                push((value, depth + 1))
            elif kind not in _PLAIN_VALUES and not issubclass(kind, str):
                return False
    return True


def _checked_by(compiled_check: Callable[[Any], bool | None]) -> Callable[[Any], bool]:
    """`is_plain` through the compiled check, which leaves trees deeper than `DEEP` to it."""

    def check(tree: Any) -> bool:
        verdict = compiled_check(tree)
        return is_plain(tree) if verdict is None else verdict

    return check


def _key_text(key: Any) -> str | None:
    """A dict key as text, if it is one (a ``str`` subclass read as its text)."""
    if type(key) is str:
        return key
    return str.__str__(key) if isinstance(key, str) else None


def rename_keys(node: dict[Any, Any], renames: list[tuple[Any, str]]) -> dict[Any, Any]:
    """A copy of `node` (never changed) with each key of `renames` (the key object, in the
    dict's order) replaced by its new text, in place: the order of the keys is kept.

    Nothing is lost when texts meet: a new text that another key of the dict already has
    (one left as it was, or one renamed before it) gets the first free suffix ``" (2)"``,
    ``" (3)"``, ... that no key of the dict has either (two e-mail keys become ``[email]``
    and ``[email] (2)``). Keys are told apart by their text (``str.__str__``), never by a
    key's own methods. Linear: each suffix tried is either taken now or was already taken."""
    new_text = {id(key): text for key, text in renames}
    taken = {str.__str__(key) for key in node if isinstance(key, str) and id(key) not in new_text}
    tried: dict[str, int] = {}
    out: dict[Any, Any] = {}
    for key, value in node.items():
        text = new_text.get(id(key))
        if text is None:
            out[key] = value
            continue
        if text in taken:
            number = tried.get(text, 1)
            while True:
                number += 1
                candidate = f"{text} ({number})"
                if candidate not in taken:
                    break
            tried[text] = number
            text = candidate
        taken.add(text)
        out[text] = value
    return out


_Path = tuple[Any, ...]
#: a command-line option name: ``-p``, ``--db-password``
_FLAG = re.compile(r"--?[A-Za-z][\w-]{0,62}\Z").match
#: a pending list's bound ``append`` (one attribute lookup per walk, not per string)
_Add = Callable[[str], Any] | None
_Walk = Callable[[Any, str | None, int, list[Any] | None, _Add], Any]


class Walker:
    """`walker(tree)` returns `tree` with sensitive keys' values filtered and strings rewritten.

    A dict key the `keys` rule matches gets `FILTERED` as value, whatever it was (unless
    there is `nothing_to_hide`); so does the second item of a ``[key, value]`` pair (how
    Sentry exports headers) and the item after a sensitive ``--flag`` in a list
    (``sys.argv``). Every other string goes through `strings` with the nearest dict key above
    it (unless it is in `clean`), and so does the text of every dict key (through
    `key_strings` when given: a key that changes is renamed, see `rename_keys`), or, when the call is given a `pending` list, is appended to
    it and left as it is (so a caller can scan all of them at once, then rewrite with a
    second walk). Returns `tree`
    itself when nothing changed (its `freeze` copy when it was not `is_plain`). Values
    filtered by key go to `found` as they were.
    """

    def __init__(
        self,
        keys: KeyRule,
        strings: StringRule | None = None,
        *,
        clean: set[str] | None = None,
        deep: int = DEEP,
        key_strings: StringRule | None = None,
    ) -> None:
        self.keys = keys
        self.strings = strings
        #: the string rule for the text of dict keys (`strings` unless given)
        self.key_strings = strings if key_strings is None else key_strings
        #: strings the string rule already found unchanged: skipped without a call
        self.clean: set[str] = set() if clean is None else clean
        self.deep = deep
        self._walk_dict, self._walk_list, self._walk_other = self._compile()
        #: the compiled walk, when it is installed (the same rules, the same results)
        speedups = compiled.SPEEDUPS
        self._compiled = None
        #: whether a tree is pure data already (compiled when installed, the same answers)
        self._is_plain = is_plain if speedups is None else _checked_by(speedups.is_plain)
        if speedups is not None:
            table = keys.trigger_table(speedups) if hasattr(keys, "trigger_table") else None
            bounds = (getattr(keys, "MAX_CACHED", 0), getattr(keys, "MAX_CACHED_KEY", 0))
            config = (
                keys.decisions,
                keys,
                strings,
                self.clean,
                self._walk_deep,
                _FLAG,
                FILTERED,
                deep,
                plain,
                rename_keys,
                self.key_strings,
            )
            self._compiled = partial(speedups.walk, (*config, table, bounds))

    def __call__(self, tree: Any, found: list[Any] | None = None, pending: Pending = None) -> Any:
        """Walk `tree` (its `frozen` form); values filtered by key are appended to `found`
        when given, and the strings to `pending` (instead of going through `strings`) when given."""
        return self.walk(self.frozen(tree), found, pending)

    def frozen(self, tree: Any) -> Any:
        """`tree` itself when reading it runs no code of its own (`is_plain`), else its
        `freeze` copy: code in the tree could otherwise change what the walk has read."""
        return tree if self._is_plain(tree) else freeze(tree)

    def walk(self, tree: Any, found: list[Any] | None = None, pending: Pending = None) -> Any:
        """`__call__` for a tree that is pure data already (a `frozen` one): no check."""
        kind = type(tree)
        if self._compiled is not None and (kind is dict or kind is list or kind is tuple):
            return self._compiled(tree, found, pending)
        add = None if pending is None else pending.append
        if kind is dict:
            return self._walk_dict(tree, None, 0, found, add)
        if kind is list or kind is tuple:
            return self._walk_list(tree, None, 0, found, add)
        return self._walk_other(tree, None, 0, found, add)

    def _compile(self) -> tuple[_Walk, _Walk, _Walk]:
        """Build the recursive walk as closures: locals are the fastest lookups CPython has."""
        known = self.keys.decisions.get
        decide = self.keys
        strings = self.strings
        key_strings = self.key_strings
        clean = self.clean
        deep = self.deep
        walk_deep = self._walk_deep

        def walk_dict(
            node: dict[Any, Any],
            context: str | None,
            depth: int,
            found: list[Any] | None,
            add: _Add,
        ) -> Any:
            if depth > deep:
                return walk_deep(node, context, found, add)
            out = None
            renames: list[tuple[Any, str]] | None = None
            inner: str | None
            for key, value in node.items():
                name = key if type(key) is str else _key_text(key)
                if name is not None:
                    # the key's text goes through the string rule like any string (with the
                    # key above the dict); the key rule still reads it as it was, the value
                    # is read under it as it will read (as a second scrub reads it)
                    inner = name
                    if add is not None:
                        add(name)
                    elif key_strings is not None and name not in clean:
                        new_name = key_strings(name, context)
                        if new_name is not name and new_name != name:
                            if renames is None:
                                renames = []
                            renames.append((key, new_name))
                            inner = new_name
                    hit = known(name)
                    if hit is None:
                        hit = decide(name)
                    if hit:
                        if not nothing_to_hide(value):
                            if out is None:
                                out = dict(node)
                            out[key] = FILTERED
                            if found is not None:
                                found.append(value)
                        continue
                else:
                    inner = context
                kind = type(value)
                if kind is str:
                    if add is not None:
                        add(value)
                        continue
                    if strings is None or value in clean:
                        continue
                    new = strings(value, inner)
                elif kind is dict:
                    new = walk_dict(value, inner, depth + 1, found, add)
                elif kind is list or kind is tuple:
                    new = walk_list(value, inner, depth + 1, found, add)
                elif kind in _SCALARS or (kind is int and value < BIG_INT):
                    continue
                else:
                    new = walk_other(value, inner, depth, found, add)
                if new is not value:
                    if out is None:
                        out = dict(node)
                    out[key] = new
            if renames is not None:
                return rename_keys(node if out is None else out, renames)
            return node if out is None else out

        def walk_list(
            node: Any, context: str | None, depth: int, found: list[Any] | None, add: _Add, pair: bool = False
        ) -> Any:
            """A list or tuple; for a [key, value] `pair` whose key gets a new text, the items
            after the key are read under that text (as a second scrub reads them)."""
            if depth > deep:
                return walk_deep(node, context, found, add)
            out = None
            flag = False  # the previous item was a sensitive ``--flag``: this one is its value
            for index, value in enumerate(node):
                if flag:  # whatever it is
                    flag = False
                    if nothing_to_hide(value):
                        continue
                    if found is not None:
                        found.append(value)
                    if out is None:
                        out = list(node)
                    out[index] = FILTERED
                    continue
                kind = type(value)
                text = value if kind is str else plain(value) if isinstance(value, str) else None
                if text is not None:
                    if text[:1] == "-" and _is_flag(text):
                        flag = True
                        continue
                    elif add is not None:
                        add(text)
                        continue
                    elif strings is None or text in clean:
                        continue
                    else:
                        new = strings(text, context)
                        if new is text:
                            continue
                        if pair and index == 0:
                            context = new
                elif kind is dict:
                    new = walk_dict(value, context, depth + 1, found, add)
                elif kind is list or kind is tuple:
                    first = value[0] if len(value) == 2 else None
                    name = first if type(first) is str else _key_text(first)
                    if name is not None:
                        new = _pair(value, name, depth, found, add)
                    else:
                        new = walk_list(value, context, depth + 1, found, add)
                elif kind in _SCALARS or (kind is int and value < BIG_INT):
                    continue
                else:
                    new = walk_other(value, context, depth, found, add)
                if new is not value:
                    if out is None:
                        out = list(node)
                    out[index] = new
            return node if out is None else out

        def walk_other(
            value: Any, context: str | None, depth: int, found: list[Any] | None, add: _Add
        ) -> Any:
            """A value of another type, read through `plain`; replaced only if that changes."""
            form = plain(value)
            if form is None:
                return value
            if type(form) is str:
                if add is not None:
                    add(form)
                    return value
                new = form if strings is None or form in clean else strings(form, context)
            elif type(form) is dict:  # pragma: no cover - a frozen tree holds none (see `freeze`)
                new = walk_dict(form, context, depth + 1, found, add)
            else:  # pragma: no cover - the same: `walk` on a tree not frozen only
                new = walk_list(form, context, depth + 1, found, add)
            return value if new is form else new

        def _is_flag(item: str) -> bool:
            if _FLAG(item) is None:
                return False
            hit = known(item)
            if hit is None:
                hit = decide(item)
            return hit

        def _pair(pair: Any, name: str, depth: int, found: list[Any] | None, add: _Add) -> Any:
            hit = known(name)
            if hit is None:
                hit = decide(name)
            if not hit:
                return walk_list(pair, name, depth + 1, found, add, True)
            if nothing_to_hide(pair[1]):
                return pair
            if found is not None:
                found.append(pair[1])
            return [pair[0], FILTERED]

        return walk_dict, walk_list, walk_other

    def _walk_deep(
        self, tree: Any, context: str | None, found: list[Any] | None = None, add: _Add = None
    ) -> Any:
        """The same rules with an explicit stack: no recursion limit, and cycles become `CYCLE`."""
        keys, strings, clean, key_strings = self.keys, self.strings, self.clean, self.key_strings
        edits: list[tuple[_Path, Any]] = []
        #: (path of a dict, key, the key's new text)
        renames: list[tuple[_Path, Any, str]] = []
        path: list[Any] = []
        #: the converted form walked in place of a value read through `plain`, by the value's id
        forms: dict[int, Any] = {}
        active = {id(tree)}
        #: (items, container, context, is a dict, is a [key, value] pair whose key was not sensitive)
        stack: list[tuple[Iterator[tuple[Any, Any]], Any, str | None, bool, bool]] = [
            (_items(tree), tree, context, type(tree) is dict, False)
        ]
        flags: set[int] = set()  # ids of lists whose next item follows a sensitive ``--flag``
        while stack:
            items, container, context, is_dict, pair = stack[-1]
            for key, value in items:
                inner = context
                is_pair = False
                if not is_dict and id(container) in flags:  # the value of a sensitive --flag
                    flags.discard(id(container))
                    if not nothing_to_hide(value):
                        edits.append(((*path, key), FILTERED))
                        if found is not None:
                            found.append(value)
                    continue
                if is_dict:
                    name = _key_text(key)
                    if name is not None:
                        inner = name
                        if add is not None:
                            add(name)
                        elif key_strings is not None and name not in clean:
                            new_name = key_strings(name, context)
                            if new_name is not name and new_name != name:
                                renames.append((tuple(path), key, new_name))
                                inner = new_name  # the value is read under the key as it will read
                        if keys(name):
                            if not nothing_to_hide(value):
                                edits.append(((*path, key), FILTERED))
                                if found is not None:
                                    found.append(value)
                            continue
                kind = type(value)
                walked = value
                if kind is not dict and kind is not list and kind is not tuple:
                    if kind in _SCALARS or (kind is int and value < BIG_INT):
                        continue
                    walked = value if kind is str else plain(value)
                    if walked is None:
                        continue
                    if type(walked) is str:
                        if not is_dict and walked[:1] == "-" and _FLAG(walked) is not None and keys(walked):
                            flags.add(id(container))
                            continue
                        if add is not None:
                            add(walked)
                        elif strings is not None and walked not in clean:
                            new = strings(walked, inner)
                            if new is not walked:
                                edits.append(((*path, key), new))
                                if pair and key == 0:  # a pair's key given a new text: the
                                    context = new  # value is read under it
                                    stack[-1] = (items, container, new, is_dict, pair)
                        continue
                    forms[id(value)] = walked  # pragma: no cover - a frozen tree holds no foreign container
                elif kind is not dict and not is_dict and len(value) == 2:
                    name = _key_text(value[0])
                    if name is not None:
                        if keys(name):
                            if not nothing_to_hide(value[1]):
                                edits.append(((*path, key, 1), FILTERED))
                                if found is not None:
                                    found.append(value[1])
                            continue
                        inner = name
                        is_pair = True
                if id(value) in active:
                    edits.append(((*path, key), CYCLE))
                    continue
                active.add(id(value))
                path.append(key)
                stack.append((_items(walked), value, inner, type(walked) is dict, is_pair))
                break
            else:
                stack.pop()
                active.discard(id(container))
                flags.discard(id(container))
                if path:
                    path.pop()
        return _apply(tree, edits, forms, renames) if edits or renames else tree


def _items(container: Any) -> Iterator[tuple[Any, Any]]:
    """A snapshot of the items: what the walk reads cannot change while it reads it."""
    return iter(list(container.items())) if type(container) is dict else enumerate(list(container))


def _apply(
    tree: Any,
    edits: list[tuple[_Path, Any]],
    forms: dict[int, Any],
    renames: list[tuple[_Path, Any, str]] | None = None,
) -> Any:
    """Copy the containers on each edited path (once each) and set the new values. A value
    read through `plain` is replaced by a copy of the form that was walked in its place.
    Then the keys in `renames` get their new texts (see `rename_keys`), once all values
    are set (the paths name keys as they were)."""

    def copy_of(original: Any) -> Any:
        walked = forms.get(id(original), original)
        return dict(walked) if type(walked) is dict else list(walked)

    root = copy_of(tree)
    copies: dict[int, Any] = {id(tree): root}

    def container(container_path: _Path) -> Any:
        node, original = root, tree
        for key in container_path:
            original = forms.get(id(original), original)[key]
            copy = copies.get(id(original))
            if copy is None:
                copy = copies[id(original)] = copy_of(original)
            node[key] = copy
            node = copy
        return node

    for edit_path, value in edits:
        container(edit_path[:-1])[edit_path[-1]] = value
    renamed: dict[int, tuple[dict[Any, Any], list[tuple[Any, str]]]] = {}
    for dict_path, key, text in renames or ():
        node = container(dict_path)
        renamed.setdefault(id(node), (node, []))[1].append((key, text))
    for node, keys in renamed.values():
        new = rename_keys(node, keys)
        node.clear()  # a copy made here: the container above holds this very object
        node.update(new)
    return root
