"""Reading a scrub back: the compiled walk down the changed paths (``_speedups.descend``)
reads what the Python walk reads, in the same order, on any pair of trees a scrub can make."""

from __future__ import annotations

import types
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import DefaultScrubber
from sentry_guard._scrubbers.findings import Finding, changes

from .strategies import Text, events, trees

#: what a scrub does to a value: replaced whole, a new text, a container of another shape
_CHANGES = st.sampled_from(
    ["filtered", "text", "shorter", "tuple", "rename", "subclass key", "pair key", "same"]
)


def _changed(tree: Any, data: st.DataObject, depth: int = 0) -> Any:
    """`tree` changed copy-on-write at some places, as a scrubber changes an event."""
    how = data.draw(_CHANGES) if depth else "same"
    if how == "filtered":
        return "[Filtered]"
    if how == "text":
        return f"<{tree!r:.10}>"
    kind = type(tree)
    if kind is dict:
        if how == "rename" and tree:
            first = next(iter(tree))
            return {(f"[{first}]" if k is first and isinstance(k, str) else k): v for k, v in tree.items()}
        if how == "subclass key" and tree:
            return {Text(k) if isinstance(k, str) else k: v for k, v in tree.items()}
        if how == "shorter" and tree:
            return dict(list(tree.items())[1:])
        new = {k: (_changed(v, data, depth + 1) if data.draw(st.booleans()) else v) for k, v in tree.items()}
        return new if any(new[k] is not tree[k] for k in tree) else tree
    if kind is list:
        if how == "shorter" and tree:
            return tree[1:]
        if how == "pair key" and len(tree) == 2:
            return [data.draw(st.sampled_from(["", "password", Text("token"), 3])), tree[1]]
        items = [_changed(v, data, depth + 1) if data.draw(st.booleans()) else v for v in tree]
        if how == "tuple":
            return tuple(items)
        return items if any(a is not b for a, b in zip(items, tree, strict=True)) else tree
    return tree


def _read(before: Any, after: Any, speedups: types.ModuleType | None) -> list[Finding]:
    def whole(path: Any, parent: Any, context: str | None, value: Any) -> tuple[str, str]:
        return "whole", repr((path, type(parent).__name__, context, value))

    def string(path: Any, old: str, new: str, context: str | None) -> list[Finding]:
        return [Finding(repr(path), "text", repr((old, new, context)), None, "")]

    return changes(before, after, whole, string, "changed", speedups=speedups)


@settings(max_examples=400)
@given(trees | st.dictionaries(st.text(max_size=3), trees, max_size=4), st.data())
def test_the_compiled_walk_down_reads_what_the_python_one_reads(
    installed_speedups: types.ModuleType, tree: Any, data: st.DataObject
) -> None:
    after = _changed(tree, data)
    assert _read(tree, after, installed_speedups) == _read(tree, after, None)


@settings(max_examples=150)
@given(events)
def test_the_summary_is_the_same_with_and_without_it(
    installed_speedups: types.ModuleType, event: Any
) -> None:
    scrubber = DefaultScrubber()
    _, trace = scrubber._scrub(event)
    compiled = scrubber._findings(trace, explain=True)
    scrubber._speedups = None
    assert scrubber._findings(trace, explain=True) == compiled


def test_only_what_changes_would_go_down_into_is_gone_through(installed_speedups: types.ModuleType) -> None:
    descend = installed_speedups.descend
    assert descend("a", "b", (), None) is None
    assert descend({"a": 1}, {"b": 1}, (), None) is None  # another key: Python reads it (a rename)
    assert descend({"a": 1}, {Text("a"): 1}, (), None) is None
    assert descend([1, 2], [1], (), None) is None
    assert descend(["k", 1], [Text("k"), 2], (), None) is None  # a pair key only Python reads
    inner = {"c": "x"}
    assert descend({"a": 1, "b": inner}, {"a": 1, "b": {"c": "y"}}, ("e",), None) == [
        ("x", "y", ("e", "b", "c"), inner, "c")
    ]
    pair = ["password", "x"]
    # an empty key as it reads now: the value is read under the key as it was
    assert descend([pair], [["", "[Filtered]"]], (), "ctx") == [
        ("password", "", (0, 0), pair, "ctx"),
        ("x", "[Filtered]", (0, 1), pair, "password"),
    ]
