"""Who an event is about, found among frame locals: the quick look over a frame's names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers.default import _identities, _identity_names, _is_identity_name

from .strategies import Text

#: names that are identities in any case or quoting, near misses, a NUL inside a name (it
#: splits the joined names), letters whose lower case depends on their neighbours (Σ)
_NAME = st.sampled_from(
    [
        "user",
        "User",
        "'user'",
        '"EMAIL"',
        "user_id",
        "users",
        "us'er",
        "K",
        "uſer",
        "user\x00login",
        "UΣER",
        "Σ",
    ]
) | st.text(max_size=12)


@settings(max_examples=300)
@given(st.dictionaries(_NAME | _NAME.map(Text) | st.integers() | st.none(), st.just(1), max_size=8))
def test_the_quick_look_at_a_frames_names_finds_what_the_name_check_finds(local: dict[object, int]) -> None:
    """One look over a frame's joined names (quotes dropped, lower-cased) answers as a check
    of each name does: nothing is missed, whatever the names' case, quoting or type."""
    assert _identity_names(local) == [name for name in local if _is_identity_name(name)]


@settings(max_examples=300)
@given(st.lists(_NAME | st.integers(), max_size=12))
def test_the_quick_look_reads_a_list_of_names_too(names: list[object]) -> None:
    """The names of many frames, gathered in one list (repeats and all), get the same answer."""
    assert _identity_names(names) == [name for name in names if _is_identity_name(name)]


_LOCALS = st.dictionaries(
    _NAME | st.integers(),
    st.just(1) | st.dictionaries(_NAME | st.integers(), st.just(2), max_size=3),
    max_size=5,
)


@settings(max_examples=300)
@given(st.lists(_LOCALS, max_size=4), st.lists(_LOCALS, max_size=2))
def test_one_look_over_every_frame_finds_what_each_frame_finds(
    frames: list[dict[object, object]], threads: list[dict[object, object]]
) -> None:
    """`_identities` looks at the names of all frames (and one level down) at once, and goes
    frame by frame only when one of them names an identity: the same as every frame read
    on its own, in the same order."""
    event = {
        "exception": {"values": [{"stacktrace": {"frames": [{"vars": local} for local in frames]}}]},
        "threads": {"values": [{"stacktrace": {"frames": [{"vars": local} for local in threads]}}]},
    }
    expected = [
        found
        for part, given_frames in (("exception", frames), ("threads", threads))
        for j, local in enumerate(given_frames)
        for found in _each_frame(local, (part, "values", 0, "stacktrace", "frames", j, "vars"))
    ]
    assert _identities(event) == expected


def _each_frame(
    local: dict[object, object], path: tuple[object, ...]
) -> list[tuple[tuple[object, ...], object]]:
    """A frame's identity-like locals read on its own, and one level down, as the rule says."""
    names = [name for name in local if _is_identity_name(name)]
    found: list[tuple[tuple[object, ...], object]] = [((*path, name), local[name]) for name in names]
    for name, value in local.items():
        if type(value) is dict and value and name not in names:
            found += [((*path, name, inner), value[inner]) for inner in value if _is_identity_name(inner)]
    return found
