"""The repr reader (`literal.parse_literal`) and `structure.parse_structured`: silent on stderr,
never raising, bounded in depth, and in agreement with ``ast.literal_eval`` on what ``repr``
writes."""

from __future__ import annotations

import ast
import math
import sys
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.literal import parse_literal, unquote
from sentry_guard._scrubbers.structure import MAX_NESTING, parse_structured

#: text made mostly of what a literal is made of: quotes, backslashes, brackets, escapes
_ALPHABET = st.sampled_from(
    [
        *"'\"\\{}[]()<>,:=-+.0123456789abefnrtuxNUbBrRjJ_ \n\t",
        "\\x",
        "\\u00",
        "\\N{",
        "None",
        "True",
        "\x00",
        "é",
        "\U0001f600",
    ]
)
literal_like = st.lists(_ALPHABET, max_size=60).map("".join)
#: (and the same wrapped in brackets, so the structure rule takes it)
wrapped = st.tuples(st.sampled_from(["{", "[", "("]), literal_like, st.sampled_from(["}", "]", ")"])).map(
    "".join
)
texts = st.one_of(literal_like, wrapped, st.text(max_size=40))


def _literal_eval(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.literal_eval(text)


@settings(max_examples=600)
@given(text=texts)
def test_parsers_write_nothing_to_stderr_and_never_raise(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning would be printed to stderr in production
        parse_literal(text)
        parse_literal(text, 1)
        unquote(text)
        parsed = parse_structured(text)
        if parsed is not None:
            value, dump = parsed
            assert isinstance(dump(value), str)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


@settings(max_examples=300)
@given(text=texts)
def test_what_the_reader_accepts_python_reads_alike(text: str) -> None:
    """When both read the text, they read the same value (the reader may refuse more)."""
    ours = parse_literal(text)
    if ours is None:
        return
    try:
        theirs = _literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return  # the reader accepts a little more than Python (``010``): harmless
    assert _same(ours, theirs), (text, ours, theirs)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


scalars = st.one_of(
    st.text(max_size=12),
    st.binary(max_size=8),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
hashables = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children),
        st.lists(children, max_size=4).map(tuple),
        st.dictionaries(hashables, children, max_size=4),
        st.sets(hashables, min_size=1, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=500)
@given(value=values)
def test_the_repr_of_a_literal_reads_back(value: Any) -> None:
    text = repr(value)
    assert parse_literal(text) == _literal_eval(text) == value


@settings(max_examples=200)
@given(
    value=st.one_of(
        st.lists(values, min_size=1, max_size=4), st.dictionaries(hashables, values, min_size=1, max_size=4)
    )
)
def test_parse_structured_reads_reprs_and_json(value: Any) -> None:
    parsed = parse_structured(repr(value))
    assert parsed is not None and parsed[0] == value
    again = parse_structured(parsed[1](parsed[0]))  # written back, it reads the same (set order aside)
    assert again is not None and again[0] == value


DEPTH = 20_000
DEEP = {
    "list": "[" * DEPTH + "]" * DEPTH,
    "tuple": "(" * DEPTH + ")" * DEPTH,
    "dict": "{'a': " * DEPTH + "1" + "}" * DEPTH,
    "json": '{"a": ' * DEPTH + "1" + "}" * DEPTH,
    "json list": "[" * DEPTH + "1" + "]" * DEPTH,
    "unclosed": "[" * DEPTH,
    "mixed": "[{'k': (" * (DEPTH // 3) + "1" + ",)}]" * (DEPTH // 3),
    "password inside": "{'password': 'hunter2x', 'a': " * DEPTH + "1" + "}" * DEPTH,
}


@pytest.mark.parametrize("name", list(DEEP))
def test_deep_nesting_is_bounded(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = DEEP[name]
    limit = sys.getrecursionlimit()
    assert parse_literal(text, MAX_NESTING) is None
    assert parse_structured(text) is None
    assert parse_literal(text, DEPTH + 1) is not None or name == "unclosed"  # the bound, not a failure
    assert sys.getrecursionlimit() == limit
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name", list(DEEP))
def test_deep_nesting_through_the_scrubber(
    name: str, implementation: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = DefaultScrubber().scrub_text(DEEP[name])
    assert "hunter2x" not in out
    assert capsys.readouterr().err == ""


def test_nesting_at_the_bound_is_parsed() -> None:
    text = (
        "{'password': 'hunter2x', 'a': " * (MAX_NESTING - 1)
        + "{'password': 'deep-secret-1'}"
        + "}" * (MAX_NESTING - 1)
    )
    parsed = parse_structured(text)
    assert parsed is not None
    out = DefaultScrubber().scrub_text(text)
    assert "hunter2x" not in out and "deep-secret-1" not in out


@pytest.mark.parametrize(
    "text",
    [
        "'\\N{LATIN SMALL LETTER A}'",
        "'\\N{NO SUCH NAME AT ALL}'",
        "'\\U00110000'",
        "b'\\u0041'",
        "'\\777'",
        "b'é'",
        "'" + "\\" * 1001 + "'",
        "1" * 5000,
        "[" + "1" * 5000 + "]",
        "{1: 2, [3]: 4}",
        "{'a': 1, 'b'}",
        "((),)",
        "(,)",
        "'a' 'b'",
        "rb'\\x'",
        "Rb'x'",
        "bb'x'",
        "u'x'",
        "ub'x'",
        "f'x'",
        "1e999999",
        "0x" + "f" * 5000,
        "1j",
        "-",
        "--1",
    ],
)
def test_odd_literals(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    ours = parse_literal(text)
    try:
        theirs = _literal_eval(text)
    except (ValueError, SyntaxError, TypeError):
        theirs = None
    if ours is not None and theirs is not None:
        assert _same(ours, theirs)
    parse_structured(text)
    assert capsys.readouterr().err == ""
