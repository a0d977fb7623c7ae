"""Who an event is about, found among frame locals: the quick look over a frame's names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers.default import _identity_names, _is_identity_name

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
