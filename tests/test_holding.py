"""The echo rule's search: which strings hold any of the filtered values. The compiled pass
(all values at once) finds what the search value by value finds, and gives way to it when
comparing would cost too much."""

from __future__ import annotations

import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers.default import _holding

#: few letters, so values often stand in the texts, and overlap and repeat
_TEXT = st.text(alphabet="ab\x00é€😀 ", max_size=40)
_VALUE = st.text(alphabet="ab\x00é€😀 ", min_size=2, max_size=8)


def _found(texts: list[str], values: list[str], speedups: types.ModuleType | None) -> set[str]:
    return set(_holding(texts, values, speedups))


@settings(max_examples=500)
@given(st.lists(_TEXT, max_size=8), st.lists(_VALUE, max_size=6))
def test_the_compiled_search_finds_what_the_search_value_by_value_finds(
    installed_speedups: types.ModuleType, texts: list[str], values: list[str]
) -> None:
    expected = {text for text in texts if any(value in text for value in values)}
    hits = installed_speedups.holding(texts, values)
    if hits is not None:  # exactly those, in order
        assert hits == [index for index, text in enumerate(texts) if text in expected]
    assert _found(texts, values, installed_speedups) == expected
    assert _found(texts, values, None) == expected


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet="abcdefgh0\x00é😀", max_size=60), max_size=6),
    st.lists(st.text(alphabet="abcdefgh0\x00é😀", min_size=2, max_size=5), max_size=64),
)
def test_many_values_of_many_heads_are_each_compared_where_their_head_stands(
    installed_speedups: types.ModuleType, texts: list[str], values: list[str]
) -> None:
    """Up to the 64 values the echo rule looks for, with many first two characters: where
    a head stands, the values of that head are found among the others (kept in order of
    their heads), wherever they were in the list."""
    hits = installed_speedups.holding(texts, values)
    if hits is not None:
        assert hits == [index for index, text in enumerate(texts) if any(value in text for value in values)]


def test_a_nul_in_a_string_does_not_lose_the_echo(implementation: str) -> None:
    """The search value by value joins the strings with NULs: one inside a string (the
    attacker's text) once told a hit to the wrong string, past the end of the list."""
    from sentry_guard import DefaultScrubber

    event = {
        "extra": {"password": "hunter2-secret", "a": "x\x00y", "b": "z\x00", "note": "pw hunter2-secret"}
    }
    assert DefaultScrubber()(event, {})["extra"]["note"] == "pw [Filtered]"


def test_text_made_of_the_values_heads_gives_way(installed_speedups: types.ModuleType) -> None:
    """Every position looks worth comparing, and none holds a value: past the budget the
    compiled pass answers None (and `_holding` searches value by value)."""
    values = [f"qqqqqqqqqqqq{i:04d}x" for i in range(64)]
    texts = ["q" * 100_000]
    assert installed_speedups.holding(texts, values) is None
    assert _found(texts, values, installed_speedups) == set()
    assert _found([*texts, "qqqqqqqqqqqq0063x"], values, installed_speedups) == {"qqqqqqqqqqqq0063x"}


def test_a_value_shorter_than_two_characters_gives_way(installed_speedups: types.ModuleType) -> None:
    assert installed_speedups.holding(["abc"], ["b"]) is None


@pytest.mark.parametrize(
    ("texts", "values"), [(["a"], "ab"), ("ab", ["ab"]), (["a", 1], ["ab"]), (["a"], [b"ab"])]
)
def test_anything_but_lists_of_str_is_refused(
    installed_speedups: types.ModuleType, texts: object, values: object
) -> None:
    with pytest.raises(TypeError):
        installed_speedups.holding(texts, values)
