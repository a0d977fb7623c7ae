"""Issue 17 (walker TOCTOU): whether reading a tree can run code of its own.

`is_plain` (compiled, and its pure-Python twin) answers with exact type checks alone.
"""

from __future__ import annotations

import collections
import enum
import types
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.walk import DEEP, is_plain
from tests.conftest import compiled_is_off

#: the compiled module as installed, taken before the `implementation` fixture can switch it off
_INSTALLED = compiled.SPEEDUPS
CARD = "4111111111111111"


@pytest.fixture
def installed_speedups() -> types.ModuleType:
    """The compiled module; skipped without it (failed in CI)."""
    if _INSTALLED is None:
        compiled_is_off()
    assert _INSTALLED is not None
    return _INSTALLED


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
    assert installed_speedups.is_plain(tree) is is_plain(tree)


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
        _deep(DEEP + 2),
    ],
    ids=repr,
)
def test_what_is_not_plain(implementation: str, tree: Any) -> None:
    check = is_plain if compiled.SPEEDUPS is None else compiled.SPEEDUPS.is_plain
    assert not check(tree)
    assert check(_deep(DEEP))


def test_a_cycle_is_not_plain(implementation: str) -> None:
    loop: list[Any] = ["x"]
    loop.append(loop)
    check = is_plain if compiled.SPEEDUPS is None else compiled.SPEEDUPS.is_plain
    assert not check({"loop": loop})
