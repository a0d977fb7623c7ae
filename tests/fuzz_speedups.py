"""Fuzz the compiled walker (and the compiled read-back of a scrub) with objects that change
the containers being walked.

Not collected by pytest (the name does not start with ``test_``); `tests/test_fuzz_walker.py`
runs a few hundred trees from here. Run it alone, best under AddressSanitizer (see the
report / README of the test): ::

    python tests/fuzz_speedups.py [iterations] [seed]

Random trees hold dicts, lists and tuples, dict and list subclasses, a `Mapping` class,
sets, ``str`` subclasses and secrets. The subclasses' ``__iter__``, ``items()``,
``__eq__``, ``__hash__``, ``__len__``, ``__str__`` and ``__repr__`` append to, pop from,
clear, reverse or refill containers of the tree (their parents, the dict being walked) while
the walk reads them. Ordinary exceptions are counted; a crash is what the run is for.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator, Mapping
from typing import Any

#: secrets planted in the trees (each found by a key rule or a detector)
CARD = "4111111111111111"
PASSWORD = "Hunt3r2-planted-pw"
GHP = "ghp_R3aLt0kenAbCdEfGhIjKlMnOpQrStUvWx1234"
SECRETS = (CARD, PASSWORD, GHP)

#: while False, the hostile methods do nothing (to read a result without changing it)
ARMED = [True]
_rng = random.Random(0)
#: every container of the tree being built, for the hostile methods to change
_VICTIMS: list[Any] = []


def _benign() -> Any:
    return _rng.choice(["x", "ok", 7, None, "status=fine", ["a"], {"k": "v"}, ("t", "u")])


def _mutate() -> None:
    """Change a random container of the tree (or several)."""
    if not ARMED[0] or not _VICTIMS:
        return
    ARMED[0] = False  # the victims' own hostile methods do not run from here
    try:
        _change()
    finally:
        ARMED[0] = True


def _change() -> None:
    for _ in range(_rng.randint(1, 3)):
        victim = _rng.choice(_VICTIMS)
        op = _rng.randrange(9)
        try:
            if isinstance(victim, list):
                if op == 0:
                    victim.append(_benign())
                elif op == 1 and victim:
                    victim.pop()
                elif op == 2:
                    victim.clear()
                elif op == 3:
                    victim.reverse()
                elif op == 4:
                    victim.insert(0, _benign())
                elif op == 5:
                    victim.extend(_benign() for _ in range(50))  # a reallocation
                elif op == 6 and victim:
                    del victim[_rng.randrange(len(victim))]
                elif op == 7:
                    victim[:] = [_benign() for _ in range(_rng.randint(0, 3))]
                else:
                    victim *= 2
            elif isinstance(victim, dict):
                if op == 0:
                    victim[f"new{_rng.randrange(1000)}"] = _benign()
                elif op == 1 and victim:
                    victim.pop(next(iter(dict.keys(victim))))
                elif op == 2:
                    victim.clear()
                elif op == 3:
                    victim.update({f"grow{i}": _benign() for i in range(64)})  # a resize
                elif op == 4 and victim:
                    key = _rng.choice(list(dict.keys(victim)))
                    victim[key] = _benign()
                elif op == 5 and victim:
                    items = list(dict.items(victim))
                    victim.clear()
                    victim.update(reversed(items))
                else:
                    victim.setdefault("password", "x")
            elif isinstance(victim, set):
                if op < 3:
                    victim.add(f"s{_rng.randrange(100)}")
                else:
                    victim.clear()
        except (RuntimeError, IndexError, KeyError, TypeError, StopIteration):
            pass


class HostileText(str):
    """A ``str`` subclass whose every method changes the tree, and lies."""

    def __eq__(self, other: object) -> bool:
        _mutate()
        return _rng.random() < 0.5

    def __ne__(self, other: object) -> bool:
        _mutate()
        return _rng.random() < 0.5

    def __hash__(self) -> int:
        _mutate()
        return _rng.randrange(4)

    def __str__(self) -> str:
        _mutate()
        return "nothing here"

    def __repr__(self) -> str:
        _mutate()
        return "'nothing here'"

    def __len__(self) -> int:
        _mutate()
        return 0

    def __iter__(self) -> Iterator[str]:
        _mutate()
        return iter("")


class HostileList(list):  # type: ignore[type-arg]
    def __iter__(self) -> Iterator[Any]:
        _mutate()
        return super().__iter__()

    def __len__(self) -> int:
        _mutate()
        return super().__len__()

    def __getitem__(self, index: Any) -> Any:
        _mutate()
        return super().__getitem__(index)

    def __eq__(self, other: object) -> bool:
        _mutate()
        return False

    __hash__ = None


class HostileDict(dict):  # type: ignore[type-arg]
    def items(self) -> Any:
        _mutate()
        return super().items()

    def keys(self) -> Any:
        _mutate()
        return super().keys()

    def __iter__(self) -> Iterator[Any]:
        _mutate()
        return super().__iter__()

    def __getitem__(self, key: Any) -> Any:
        _mutate()
        return super().__getitem__(key)

    def __len__(self) -> int:
        _mutate()
        return super().__len__()


class HostileMapping(Mapping):  # type: ignore[type-arg]
    """A Mapping (not a dict) over a dict of the tree, changing the tree as it is read."""

    def __init__(self, data: dict[Any, Any]) -> None:
        self.data = data

    def __getitem__(self, key: Any) -> Any:
        _mutate()
        return self.data[key]

    def __iter__(self) -> Iterator[Any]:
        _mutate()
        return iter(list(self.data))

    def __len__(self) -> int:
        _mutate()
        return len(self.data)

    def items(self) -> Any:
        _mutate()
        return list(self.data.items())

    def __eq__(self, other: object) -> bool:
        _mutate()
        return False

    def __hash__(self) -> int:
        _mutate()
        return 1


class HostileKey(str):
    """A dict key whose hash and equality change the tree (and lie about equality)."""

    def __hash__(self) -> int:
        _mutate()
        return str.__hash__(self)

    def __eq__(self, other: object) -> bool:
        _mutate()
        return str.__eq__(self, other) if _rng.random() < 0.9 else False

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)


KEYS = ["password", "name", "api_key", "data", "Authorization", "note", "--password", "token_count"]


def _leaf() -> Any:
    choice = _rng.randrange(14)
    if choice == 0:
        return CARD
    if choice == 1:
        return f"password={PASSWORD}"
    if choice == 2:
        return f"use {GHP} please"
    if choice == 3:
        return HostileText(f"card {CARD}")
    if choice == 4:
        return int(CARD)
    if choice == 5:
        return CARD.encode()
    if choice == 6:
        return "--password"
    if choice == 7:
        return PASSWORD
    if choice == 8:
        return _rng.choice([None, True, 1.5, 3, ""])
    return _rng.choice(["hello", "status ok", "a=b", "{'password': 'x'}", '{"token": "y"}'])


def _key() -> Any:
    name = _rng.choice(KEYS)
    return HostileKey(name) if _rng.random() < 0.3 else name


def _node(depth: int) -> Any:
    if depth <= 0 or _rng.random() < 0.3:
        return _leaf()
    size = _rng.randint(0, 5)
    kind = _rng.randrange(9)
    if kind in (0, 1):
        node: Any = {_key(): _node(depth - 1) for _ in range(size)}
    elif kind in (2, 3):
        node = [_node(depth - 1) for _ in range(size)]
    elif kind == 4:
        node = tuple(_node(depth - 1) for _ in range(size))
    elif kind == 5:
        node = HostileDict({_key(): _node(depth - 1) for _ in range(size)})
    elif kind == 6:
        node = HostileList(_node(depth - 1) for _ in range(size))
    elif kind == 7:
        inner = {_key(): _node(depth - 1) for _ in range(size)}
        _VICTIMS.append(inner)
        node = HostileMapping(inner)
    else:
        node = [_rng.choice(KEYS), _node(depth - 1)]  # a [key, value] pair
    if isinstance(node, (list, dict)):
        _VICTIMS.append(node)
    if _rng.random() < 0.1:
        node = {"pair": node, "set": {f"m{_rng.randrange(9)}", CARD}}
        _VICTIMS.append(node)
    return node


def build_tree(seed: int, depth: int = 5) -> Any:
    """A random tree of hostile and ordinary containers (its containers become the victims)."""
    _rng.seed(seed)
    _VICTIMS.clear()
    tree = {_key(): _node(depth) for _ in range(_rng.randint(1, 5))}
    if _rng.random() < 0.05:  # past the compiled walk's depth (DEEP = 200): the iterative walk
        chain: Any = _node(depth)
        for level in range(_rng.randint(195, 260)):
            chain = [chain, _leaf()] if level % 2 else {_key(): chain}
        tree["deep"] = chain
    _VICTIMS.append(tree)
    return tree


def snapshot(value: Any, seen: set[int] | None = None) -> Any:
    """The tree read with no method of its objects (for checking what came back)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return "<cycle>"
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    if type(value) is int:
        return str(value)
    seen = seen | {id(value)}
    if isinstance(value, HostileMapping):
        value = value.data
    if isinstance(value, dict):
        return {snapshot(k, seen): snapshot(v, seen) for k, v in dict.items(value)}
    if isinstance(value, (list, tuple)):
        return [snapshot(v, seen) for v in (list.__iter__(value) if isinstance(value, list) else value)]
    if isinstance(value, (set, frozenset)):
        return sorted(snapshot(v, seen) for v in set.__iter__(set(value)))
    return repr(value) if type(value) in (float, bool, type(None)) else "<object>"


def walk_once(walker: Any, scrubber: Any, seed: int) -> tuple[Any, Any]:
    """Walk one tree every way the scrubber walks (plain, collecting found values and pending
    strings, and the whole scrubber). Returns (walked tree, scrubbed event); exceptions other
    than a crash propagate."""
    ARMED[0] = True
    tree = build_tree(seed)
    variant = seed % 4
    if variant == 0:
        walked = walker(tree)
    elif variant == 1:
        walked = walker(tree, [], None)
    elif variant == 2:
        pending: list[str] = []
        walked = walker(tree, [], pending)
    else:
        walked = None
    event = scrubber(tree, {}) if variant in (2, 3) else None
    if variant == 3:  # read the scrub back (the compiled walk down the changed paths)
        from sentry_guard._scrubbers import compiled
        from sentry_guard._scrubbers.findings import changes

        changes(tree, event, lambda *_: ("k", "r"), lambda *_: None, "changed", speedups=compiled.SPEEDUPS)
    ARMED[0] = False
    return walked, event


def run(iterations: int, seed: int = 0, report: bool = True) -> dict[str, int]:
    from sentry_guard._scrubbers import walk
    from sentry_guard._scrubbers.default import DefaultScrubber

    assert walk.uses_compiled_walker(), "the compiled walker is not built"
    scrubber = DefaultScrubber()
    walker = scrubber.walker
    assert walker._compiled is not None
    outcomes: dict[str, int] = {}
    for i in range(iterations):
        try:
            walk_once(walker, scrubber, seed * 1_000_003 + i)
            outcome = "ok"
        except (
            RuntimeError,
            ValueError,
            TypeError,
            KeyError,
            IndexError,
            AttributeError,
            RecursionError,
        ) as e:
            outcome = type(e).__name__
        finally:
            ARMED[0] = False
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if report and i and i % 5000 == 0:
            print(i, outcomes, flush=True)
    return outcomes


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    print("done", run(count, start), flush=True)
