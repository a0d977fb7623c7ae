"""Which strings each format looks at (`Scanner.candidates`). The compiled scan answers it
string by string as it goes: a format found by its anchors, or one of whose `requires`
alternatives holds in that very string (every shape it names, and its own anchor when it
says ``anchor``). It must answer what the set algebra over the scan's findings answers."""

from __future__ import annotations

import functools
import re
import types
from collections import defaultdict
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers._format import Format
from sentry_guard._scrubbers.catalogue import CATALOGUE
from sentry_guard._scrubbers.scan import FEATURES, Blob, Scanner

from .strategies import benign, filler, secrets


def _format(name: str, anchors: tuple[str, ...] = (), requires: tuple[str, ...] = ()) -> Format:
    return Format(
        name,
        "token",
        anchors=anchors,
        pattern="|".join(map(re.escape, anchors)) or "x",
        examples=(),
        counterexamples=(),
        source="test",
        requires=requires,
        find=(lambda text: ()) if requires else None,
    )


#: a format found by its anchor, three found by shapes (one also by its anchor), one by its anchor
#: alone through `requires`
TOK = _format("t-tok", ("tokq_",))
NUMBERED = _format("t-numbered", ("idq",), ("anchor&digits:6",))
MAILED_OR_IP = _format("t-mailed", (), ("at", "ipv4"))
BOTH = _format("t-both", (), ("at&digits:7",))
ANCHORED = _format("t-anchored", ("zzq",), ("anchor",))
FORMATS = [TOK, NUMBERED, MAILED_OR_IP, BOTH, ANCHORED]


def test_each_alternative_holds_in_one_string_not_across_strings(implementation: str) -> None:
    """An anchor in one string and a long number in another make no candidate of either."""
    scanner = Scanner(FORMATS)
    strings = [
        "idq 123456",  # 0: anchor and number: numbered
        "idq alone",  # 1: the anchor, no number
        "1234567",  # 2: a number, no anchor, no @
        "mail a@b.example",  # 3: mailed
        "a@b 7654321",  # 4: mailed, both
        "ip 10.0.0.1",  # 5: mailed (ipv4)
        "tokq_abc",  # 6: tok
        "zzq",  # 7: anchored, though no shape stands anywhere else
    ]
    found = scanner.candidates(scanner.scan(strings, (set(), set())))
    assert found == {
        TOK: {6},
        NUMBERED: {0},
        MAILED_OR_IP: {3, 4, 5},
        BOTH: {4},
        ANCHORED: {7},
    }


def test_a_format_asking_for_its_anchor_alone_is_found_without_any_shape(implementation: str) -> None:
    """(The set algebra once gave nothing when no shape stood in any string.)"""
    scanner = Scanner(FORMATS)
    assert scanner.candidates(scanner.scan(["zzq here", "nothing"], (set(), set()))) == {ANCHORED: {0}}


def test_formats_come_in_the_order_their_anchors_were_found_then_by_shape(installed_speedups: object) -> None:
    """The compiled order: a format's edits come in it, and of two edits of one span the first stands."""
    other = _format("t-other", ("otherq",))
    scanner = Scanner([TOK, other, MAILED_OR_IP, NUMBERED])
    found = scanner.candidates(scanner.scan(["a@b idq 123456", "otherq", "tokq_ otherq"], (set(), set())))
    assert list(found) == [other, TOK, MAILED_OR_IP, NUMBERED]
    assert found == {other: {1, 2}, TOK: {2}, MAILED_OR_IP: {0}, NUMBERED: {0}}


class _Index:
    """An int by ``__index__`` only: refused unread (no code of a caller's runs mid-table)."""

    def __index__(self) -> int:
        raise AssertionError("called")


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ((2, [(0,)], [(1, 0, 0, None), (0, 0, 0, None)]), "in order"),
        ((2, [(1,)], [(1, 0, 0, None)]), "without alternatives"),
        ((2, [(5,)], []), "out of range"),
        ((2, [()], [(0, 1 << 20, 0, None)]), "known features"),
        ((2, [()], [(0, 0, -1, None)]), "digits"),
        ((2, [()], [(0, 0, 0, (3,))]), "out of range"),
        ((2, [()], [(0, 0, 0, [0])]), "tuple"),
        ((2, [[0]], []), "tuples"),
        ((2, (), []), "compile_candidates"),
        ((2, [(_Index(),)], []), "integer"),
        ((2, [()], [(0, -1, 0, None)]), "negative"),
    ],
)
def test_a_malformed_candidates_table_is_refused(
    installed_speedups: types.ModuleType, arguments: tuple[object, ...], error: str
) -> None:
    with pytest.raises((ValueError, TypeError, OverflowError), match=error):
        installed_speedups.compile_candidates(*arguments)


def test_a_table_for_other_anchors_is_refused(installed_speedups: types.ModuleType) -> None:
    anchors = installed_speedups.compile_anchors([(b"abc", False, False)])
    table = installed_speedups.compile_candidates(1, [], [])
    with pytest.raises(ValueError, match="another anchors table"):
        installed_speedups.scan(["abc"], set(), set(), anchors, 6, None, set(), (10, 10), table)


# -- the compiled answer against the set algebra, on the whole catalogue -------------------------

_SCANNER_FORMATS = list(CATALOGUE)
_PIECES = st.one_of(
    secrets,
    benign,
    filler,
    st.text(alphabet="0123456789 -.:@AIzaSGKyJ\x00é", max_size=30),
    st.sampled_from(["idq ", "tokq_", "10.0.0.1", "4111 1111 1111 1111", "a@b.example", "DE89", "Bearer "]),
)


def _anchors_by_string(scanner: Scanner, strings: Sequence[str]) -> dict[int, set[Format]]:
    """Per string of a compiled blob of `strings`, the formats one of whose anchors stands in
    it: read from a second scanner made of one format per anchor (and what it flags)."""
    probes = [
        Format(
            f"p{k}",
            "token",
            anchors=(anchor,),
            pattern=re.escape(anchor),
            examples=(),
            counterexamples=(),
            source="test",
            ignore_case=icase,
            anchor_inside=inside,
        )
        for k, (anchor, icase, inside) in enumerate(scanner._anchors)
    ]
    probe = Scanner(probes)
    found: dict[int, set[Format]] = defaultdict(set)
    for position, indices in probe.scan(strings, (set(), set())).candidates.items():
        for index in indices:
            found[index].update(scanner._owners[position])
    return found


def _set_algebra(scanner: Scanner, blob: Blob, anchored_in: dict[int, set[Format]]) -> dict[Format, set[int]]:
    """The candidates as the scan's findings say, shape by shape, intersected."""
    assert blob.features is not None
    anchored: dict[Format, set[int]] = defaultdict(set)
    for index, formats in anchored_in.items():
        for fmt in formats:
            anchored[fmt].add(index)
    present: dict[str, set[int]] = {name: set(indices) for name, indices in blob.features.items()}
    for fmt in scanner.formats:
        for alternative in fmt.requires:
            for shape in alternative.split("&"):
                if shape.startswith("digits:"):
                    present[shape] = {index for index, most in blob.runs if most >= int(shape[7:])}
    found = {fmt: anchored[fmt] for fmt in scanner.formats if not fmt.requires and anchored[fmt]}
    for fmt in scanner.formats:
        indices: set[int] = set()
        for alternative in fmt.requires:
            hit = set(range(len(blob.texts)))
            for condition in alternative.split("&"):
                hit &= anchored[fmt] if condition == "anchor" else present[condition]
            indices |= hit
        if indices:
            found[fmt] = indices
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=5).map("".join), max_size=8))
def test_the_compiled_candidates_are_the_set_algebra_of_its_findings(
    installed_speedups: types.ModuleType, strings: list[str]
) -> None:
    scanner = _catalogue_scanner()
    blob = scanner.scan(strings, (set(), set()))
    assert set(FEATURES) == set(blob.features or ())
    expected = _set_algebra(scanner, blob, _anchors_by_string(scanner, blob.texts))
    assert scanner.candidates(blob) == expected


@functools.cache
def _catalogue_scanner() -> Scanner:
    return Scanner(_SCANNER_FORMATS)
