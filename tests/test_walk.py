"""The walker: every key and string, any depth, cycles, no mutation, fast and deep paths agree."""

from __future__ import annotations

import collections
import copy
import enum
import json
import types
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import FILTERED
from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.keys import KeyMatcher
from sentry_guard._scrubbers.walk import CYCLE, Walker

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


def upper(text: str, context: str | None) -> str:
    return text.upper() if "x" in text else text


def test_filters_sensitive_keys_at_any_depth_whatever_the_type() -> None:
    tree = {"a": [{"b": {"password": {"nested": [1, 2]}}}], "token": 5, "ok": "fine"}
    out = Walker(KeyMatcher())(tree)
    assert out == {"a": [{"b": {"password": FILTERED}}], "token": FILTERED, "ok": "fine"}


def test_pairs_are_judged_by_their_key() -> None:
    headers = [["Authorization", "Bearer abc"], ["Host", "example.com"], ("Cookie", "a=b")]
    assert Walker(KeyMatcher())({"headers": headers}) == {
        "headers": [["Authorization", FILTERED], ["Host", "example.com"], ["Cookie", FILTERED]]
    }


def test_value_after_a_sensitive_flag() -> None:
    argv = ["manage.py", "createsuperuser", "--password", "hunter2", "--username", "bob", "--verbose", "2"]
    out = Walker(KeyMatcher())({"sys.argv": argv})["sys.argv"]
    assert out == [
        "manage.py",
        "createsuperuser",
        "--password",
        FILTERED,
        "--username",
        FILTERED,
        "--verbose",
        "2",
    ]
    assert Walker(KeyMatcher(), deep=-1)({"sys.argv": argv})["sys.argv"] == out


def test_string_rule_sees_the_nearest_key() -> None:
    seen = []

    def record(text: str, context: str | None) -> str:
        seen.append((text, context))
        return text

    Walker(KeyMatcher(), record)({"url": "u", "list": ["a", {"inner": "b"}], "pair": [["Host", "h"]]})
    assert ("u", "url") in seen and ("a", "list") in seen and ("b", "inner") in seen and ("h", "Host") in seen


def test_unchanged_tree_is_returned_as_is() -> None:
    tree = {"a": [1, "b", {"c": None}]}
    assert Walker(KeyMatcher(), upper)(tree) is tree


def test_only_changed_paths_are_copied() -> None:
    tree: dict[str, Any] = {"left": {"password": "x"}, "right": {"deep": ["untouched"]}}
    out = Walker(KeyMatcher())(tree)
    assert out["right"] is tree["right"]
    assert out["left"] is not tree["left"]
    assert tree["left"]["password"] == "x"


def test_non_string_keys_and_tuples() -> None:
    tree = {1: "x", None: ("x", {"secret": 1})}
    out = Walker(KeyMatcher(), upper)(tree)
    assert out == {1: "X", None: ["X", {"secret": FILTERED}]}


def _nested(depth: int, leaf: Any) -> Any:
    tree: Any = leaf
    for i in range(depth):
        tree = {"level": tree} if i % 2 else [tree]
    return tree


def test_ten_thousand_levels() -> None:
    tree = _nested(10_000, {"password": "hunter2", "note": "x"})
    out = Walker(KeyMatcher(), upper)(tree)
    node = out
    while isinstance(node, (list, dict)) and "password" not in node:
        node = node[0] if isinstance(node, list) else node["level"]
    assert node == {"password": FILTERED, "note": "X"}


def test_cycles_in_unserialised_data() -> None:
    loop: list[Any] = [{"password": "x"}]
    loop.append(loop)
    out = Walker(KeyMatcher())({"data": loop})
    text = repr(out)
    assert "'x'" not in text and CYCLE in text


def test_large_event() -> None:
    event = {"extra": {f"k{i}": {"password": f"p{i}", "v": "x" * 100} for i in range(20_000)}}
    out = Walker(KeyMatcher())(event)
    assert all(v["password"] == FILTERED for v in out["extra"].values())


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children | st.sampled_from(["--password", "--x"]), max_size=4)
        | st.dictionaries(
            st.sampled_from(["a", "password", "x_token", "list", "Cookie", "n"]) | st.text(max_size=6),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_fast_and_deep_walkers_agree(tree: Any) -> None:
    """The recursive fast path and the explicit-stack path implement the same rules."""
    matcher = KeyMatcher()
    assert Walker(matcher, upper)(tree) == Walker(matcher, upper, deep=-1)(tree)


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_never_mutates_and_is_idempotent(tree: Any) -> None:
    before = copy.deepcopy(tree)
    walker = Walker(KeyMatcher(), upper)
    once = walker(tree)
    assert json.dumps(tree, sort_keys=True, default=str) == json.dumps(before, sort_keys=True, default=str)
    assert walker(once) == once


class Safe(str):
    """Like Django's SafeString: a str subclass, here with methods that lie about its text."""

    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return 0

    def __str__(self) -> str:
        return "nothing to see"

    def __getitem__(self, index: Any) -> str:
        return "z"


class Colour(str, enum.Enum):
    RED = "xred"
    KEY = "password"


def _as_mapping(items: dict[Any, Any]) -> Mapping[Any, Any]:
    return types.MappingProxyType(items)


#: the kinds of text a payload holds: str, subclasses, enum members, bytes, a card kept as an int
texts = st.sampled_from([FILTERED, "x", "", "-", "--db-password", "--verbose", "éx", "password"]) | st.text(
    max_size=4
)
text_like = (
    texts
    | texts.map(Safe)
    | st.sampled_from(list(Colour))
    | texts.map(lambda t: t.encode())
    | st.sampled_from([4111111111111111, 10**8, 10**8 - 1, 10**20, -(10**9), True])
)
#: trees with everything the walk rules look at: pairs, --flags, tuples, non-str keys, FILTERED,
#: str subclasses, other mappings and sequences, big ints
rich_trees = st.recursive(
    st.none() | st.integers() | text_like,
    lambda children: (
        st.lists(children, max_size=5)
        | st.lists(children, max_size=4).map(tuple)
        | st.lists(children, max_size=3).map(collections.deque)
        | st.tuples(
            st.sampled_from(["Authorization", "Host", "password", "x", Safe("password")]), children
        ).map(list)
        | st.dictionaries(
            st.sampled_from(
                ["a", "password", "x_token", "Cookie", "n", 1, None, Safe("password"), Colour.KEY]
            )
            | st.text(max_size=4),
            children,
            max_size=4,
        )
        | st.dictionaries(st.sampled_from(["a", "password", "n"]), children, max_size=3).map(
            collections.OrderedDict
        )
        | st.dictionaries(st.sampled_from(["b", "secret"]), children, max_size=2).map(_as_mapping)
    ),
    max_leaves=40,
)


@settings(max_examples=500)
@given(rich_trees, st.booleans(), st.integers(-1, 3))
def test_compiled_walk_is_the_python_walk(
    implementation: str, installed_speedups: types.ModuleType, tree: Any, collect: bool, deep: int
) -> None:
    """Same result, same copies, same calls in the same order, same found and pending lists.

    The walker of this run's implementation against one of the other, each built the way it
    is in use: with the compiled module installed, and with it switched off before
    construction (the pure-Python walker, as without a C compiler)."""
    under_test = compiled.SPEEDUPS
    assert (under_test is None) == (implementation == "python")
    other = installed_speedups if under_test is None else None
    runs = []
    for speedups in sorted((under_test, other), key=lambda module: module is None):  # compiled first
        calls: list[tuple[str, str | None]] = []

        def record(text: str, context: str | None, calls: list[tuple[str, str | None]] = calls) -> str:
            calls.append((text, context))
            return text.upper() if "x" in text else text

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(compiled, "SPEEDUPS", speedups)
            walker = Walker(KeyMatcher(), record, clean={"éx"}, deep=deep)
        assert (walker._compiled is None) == (speedups is None)
        found: list[str] = []
        pending: list[str] | None = [] if collect else None
        out = walker(tree, found, pending)
        runs.append((out, out is tree, calls, found, pending))
    assert runs[0] == runs[1]


class _Failing:
    """A key rule that fails on one key (the chain then falls back to its minimal event)."""

    def __init__(self) -> None:
        self.decisions: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        if key == "boom":
            raise ValueError("key rule failed")
        return key == "password"


def test_a_failing_rule_raises_through_the_walk() -> None:
    tree = {"a": [{"b": ("x", {"boom": 1})}]}
    with pytest.raises(ValueError, match="key rule failed"):
        Walker(_Failing())(tree)

    def failing_strings(text: str, context: str | None) -> str:
        raise ValueError("string rule failed")

    with pytest.raises(ValueError, match="string rule failed"):
        Walker(KeyMatcher(), failing_strings)({"a": ["-", ["Host", "h"]]})
