"""Issue 17 (walker TOCTOU): a tree whose reading runs its own code is frozen before the walk.

`is_plain` (compiled, and its pure-Python twin) says whether reading a tree can run code of
its own; `freeze` takes a pure-data copy of one that can; the walker and the scrubber walk that.
"""

from __future__ import annotations

import collections
import enum
import json
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.walk import CYCLE, DEEP, FILTERED, Walker, freeze, is_plain
from tests import fuzz_speedups as fuzz

#: the compiled module as installed, taken before the `implementation` fixture can switch it off
CARD = "4111111111111111"


class Text(str):
    """A str subclass: inert as a value (read with ``str.__str__``), foreign as a dict key."""


class Number(int):
    pass


class Ratio(float):
    pass


class Blob(bytes):
    pass


class Colour(enum.Enum):
    RED = 1


class Listed(list):  # type: ignore[type-arg]
    pass


class Keyed(dict):  # type: ignore[type-arg]
    pass


class View(Mapping):  # type: ignore[type-arg]
    """A Mapping that is no dict."""

    def __init__(self, data: dict[Any, Any]) -> None:
        self.data = data

    def __getitem__(self, key: Any) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def _deep(levels: int) -> Any:
    tree: Any = "leaf"
    for level in range(levels):
        tree = [tree] if level % 2 else {"k": tree}
    return tree


plain_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=4)
    | st.text(max_size=4).map(Text)
    | st.binary(max_size=4)
    | st.binary(max_size=4).map(bytearray)
)
foreign_leaves = st.sampled_from(
    [Number(3), Ratio(1.5), Blob(b"b"), Colour.RED, object(), {"s"}, frozenset({1}), collections.deque([1])]
)
plain_keys = st.text(max_size=3) | st.integers(-3, 3) | st.none() | st.booleans() | st.floats(allow_nan=False)
foreign_keys = st.text(max_size=3).map(Text) | st.sampled_from([b"k", (1, "x"), Colour.RED, Number(7)])
#: trees with every kind `is_plain` tells apart: plain ones, and any foreign kind at any place
mixed_trees = st.recursive(
    plain_leaves | foreign_leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(plain_keys, children, max_size=4)
        | st.dictionaries(plain_keys | foreign_keys, children, max_size=3)
        | st.lists(children, max_size=3).map(Listed)
        | st.dictionaries(plain_keys, children, max_size=3).map(Keyed)
        | st.dictionaries(plain_keys, children, max_size=3).map(View)
    ),
    max_leaves=30,
)
#: the same without foreign kinds: `is_plain` holds for every one
plain_trees = st.recursive(
    plain_leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(plain_keys, children, max_size=4)
    ),
    max_leaves=30,
)


def test_the_depth_bound_is_the_walkers(installed_speedups: types.ModuleType) -> None:
    assert installed_speedups.PLAIN_DEPTH == DEEP


@settings(max_examples=500)
@given(mixed_trees | plain_trees | st.integers(DEEP - 2, DEEP + 2).map(_deep))
def test_compiled_is_plain_is_the_python_is_plain(installed_speedups: types.ModuleType, tree: Any) -> None:
    """The same answer, or None (the Python check decides) for a tree deeper than `DEEP`."""
    verdict = installed_speedups.is_plain(tree)
    assert verdict is is_plain(tree) or (verdict is None and _depth(tree) > DEEP)


def _depth(tree: Any) -> int:
    """How many containers deep `tree` goes (iterative)."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if type(node) in (dict, list, tuple):
            deepest = max(deepest, depth + 1)
            stack += [(value, depth + 1) for value in (node.values() if type(node) is dict else node)]
    return deepest


@settings(max_examples=200)
@given(plain_trees)
def test_plain_trees_are_plain(tree: Any) -> None:
    assert is_plain(tree)


@pytest.mark.parametrize(
    "tree",
    [
        {"a": [Keyed()]},
        {"a": Listed()},
        {"a": View({})},
        [{Text("k"): 1}],
        ({b"k": 1},),
        {"a": {1, 2}},
        [Number(1)],
        [Ratio(1.0)],
        [Blob(b"x")],
        [object()],
        [_deep(DEEP + 2), Listed()],
    ],
    ids=repr,
)
def test_what_is_not_plain(implementation: str, tree: Any) -> None:
    assert Walker(_Never()).frozen(tree) is not tree


def test_deep_trees_and_cycles_of_plain_containers_are_plain(implementation: str) -> None:
    """Nothing to freeze: the walk reads them natively (and ends a cycle with `CYCLE`)."""
    loop: list[Any] = ["x", {"password": "hunter2"}]
    loop.append(loop)
    walker = Walker(_Never())
    for tree in (_deep(DEEP), _deep(DEEP + 2), _deep(10_000), {"loop": loop}):
        assert walker.frozen(tree) is tree
    scrubbed = DefaultScrubber()({"extra": {"loop": loop}}, {})
    assert scrubbed["extra"]["loop"][1] == {"password": FILTERED}


def test_freeze_copies_every_container_into_exact_types() -> None:
    shared = ["s"]
    tree = Keyed(
        a=Listed([1, (2, Listed([3]))]),
        m=View({"k": {"v"}}),
        b=bytearray(b"x"),
        t=Text("kept"),
        one=shared,
        two=shared,
    )
    frozen = freeze(tree)
    assert frozen == {
        "a": [1, (2, [3])],
        "m": {"k": ["v"]},
        "b": b"x",
        "t": "kept",
        "one": ["s"],
        "two": ["s"],
    }
    assert type(frozen) is dict and type(frozen["a"]) is list and type(frozen["a"][1]) is tuple
    assert type(frozen["t"]) is Text  # inert: kept as it is
    assert frozen["b"] is not tree["b"] and type(frozen["b"]) is bytearray
    assert frozen["one"] is frozen["two"] and frozen["one"] is not shared  # frozen once, shared
    assert is_plain(frozen)


class Apart(str):
    """A str subclass key that is never equal to "a" as a dict key (its own hash and equality)."""

    def __hash__(self) -> int:
        return 1

    def __eq__(self, other: object) -> bool:
        return self is other


def test_freeze_turns_keys_into_inert_ones() -> None:
    marker = object()
    frozen = freeze({Apart("a"): 1, "a": 2, b"k": 3, (1, "x"): 4, Colour.RED: 5, marker: 6})
    assert list(frozen.values()) == [1, 2, 3, 4, 5, 6]
    keys = list(frozen)
    assert keys[:4] == ["a", "a (2)", b"k", (1, "x")]  # nothing lost when texts meet
    assert type(keys[0]) is str
    assert keys[4] == object.__repr__(Colour.RED) and keys[5] == object.__repr__(marker)


def test_a_value_that_is_no_container_is_its_own_frozen_form() -> None:
    assert freeze("text") == "text" and freeze(7) == 7 and freeze(None) is None


def test_freeze_is_iterative_and_ends_cycles() -> None:
    frozen = freeze(Listed([_deep(10_000)]))
    assert is_plain(frozen[0])  # deeper than DEEP, pure data
    loop: list[Any] = [{"password": "x"}]
    loop.append(loop)
    assert freeze(Keyed(data=loop)) == {"data": [{"password": "x"}, CYCLE]}


def test_freeze_reads_a_foreign_value_once_and_keeps_what_it_captured() -> None:
    calls = []
    captured = {"a": "ok"}

    class Moving(Mapping):  # type: ignore[type-arg]
        """Reading it plants a secret in a dict the freeze has already captured."""

        def __getitem__(self, key: Any) -> Any:
            return "v"

        def __iter__(self) -> Iterator[Any]:
            return iter(["k"])

        def __len__(self) -> int:
            return 1

        def items(self) -> Any:
            calls.append(1)
            captured["a"] = CARD
            return [("k", "v")]

    moving = Moving()
    frozen = freeze({"first": captured, "second": moving, "again": moving})
    assert frozen == {"first": {"a": "ok"}, "second": {"k": "v"}, "again": {"k": "v"}}
    assert calls == [1]


def test_a_plain_event_comes_back_as_itself(implementation: str) -> None:
    """Copy-on-write is unchanged for ordinary events: no copy when nothing changed, and the
    untouched parts of a changed event are the caller's own objects."""
    scrubber = DefaultScrubber()
    event: dict[str, Any] = {
        "message": "hello",
        "extra": {"n": 1, "rows": [["a", 2.5], ("t", None)]},
        "tags": {"x": "y"},
    }
    assert scrubber(event, {}) is event
    event["extra"]["password"] = "hunter2"
    out = scrubber(event, {})
    assert out["extra"]["password"] == FILTERED
    assert out["tags"] is event["tags"] and out["extra"]["rows"] is event["extra"]["rows"]
    recorded = json.loads((Path(__file__).parent / "fixtures" / "event.json").read_text())
    assert is_plain(recorded)
    assert Walker(_Never())(recorded) is recorded


class _Never:
    """A key rule that filters nothing."""

    def __init__(self) -> None:
        self.decisions: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        return False


def _planted_key_event() -> tuple[dict[str, Any], dict[str, Any]]:
    """An event whose str-subclass key, when hashed (``out[key] = FILTERED``), plants a card
    number in a dict the walk has already passed (and would return as it is)."""
    passed = {"note": "ok"}

    class Key(str):
        armed = False

        def __hash__(self) -> int:
            if Key.armed:
                passed["note"] = f"card {CARD}"
            return str.__hash__(self)

        def __eq__(self, other: object) -> bool:
            return str.__eq__(self, other)

    event = {"extra": passed, "request": {Key("password"): "hunter2"}}
    Key.armed = True
    return event, passed


def test_a_str_subclass_key_cannot_plant_a_secret(implementation: str) -> None:
    event, _ = _planted_key_event()
    out = DefaultScrubber()(event, {})
    assert out["request"] == {"password": FILTERED}
    assert CARD not in json.dumps(fuzz.snapshot(out))


@pytest.mark.parametrize("kind", ["dict subclass", "Mapping", "str-subclass key"])
def test_a_foreign_event_comes_back_scrubbed(implementation: str, kind: str) -> None:
    inner = {"note": f"card {CARD}", "password": "hunter2", "rows": Listed([f"card {CARD}"])}
    event: Any
    if kind == "dict subclass":
        event = Keyed(extra=Keyed(inner))
    elif kind == "Mapping":
        event = {"extra": View(inner)}
    else:
        event = {"extra": {Text("password"): "hunter2", Text("note"): inner["note"], "rows": inner["rows"]}}
    out = DefaultScrubber()(event, {})
    text = json.dumps(fuzz.snapshot(out))
    assert CARD not in text and "hunter2" not in text
    assert out["extra"]["password"] == FILTERED
    assert type(out) is dict and type(out["extra"]) is dict and type(out["extra"]["rows"]) is list
