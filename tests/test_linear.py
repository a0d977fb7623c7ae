"""Linear time, by ratio: scrubbing an input 8 times larger costs at most ~8 times more.

Each family is an adversarial input built from one rule's trigger (a pair separator, a
bracket, an anchor, a digit run, ...). It is timed at size n and 8n (best of 3); a linear
rule gives a ratio near 8, a quadratic one near 64. The bound (24) leaves room for a shared
machine; a ratio above it is measured again, up to twice, before it counts. Absolute times
are never asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.catalogue import CATALOGUE
from sentry_guard._scrubbers.default import DefaultScrubber

BOUND = 24
#: the size of the small input, in characters (the large one is 8 times that)
SMALL = 4000

Make = Callable[[int], Any]


def _repeat(unit: str, tail: str = "") -> Make:
    """`unit` repeated to about `size` characters, then `tail`."""
    return lambda size: unit * max(1, size // len(unit)) + tail


def _json_nested(size: int) -> str:
    depth = max(1, size // 16)
    return '{"password": "x", "a": ' * depth + "1" + "}" * depth


def _json_wide(size: int) -> str:
    count = max(1, size // 24)
    return "{" + ", ".join(f'"k{i}": "password={i:06d}"' for i in range(count)) + "}"


def _repr_wide(size: int) -> str:
    count = max(1, size // 24)
    return repr({f"k{i}": f"token {i:06d}" for i in range(count)} | {"password": "hunter2x"})


def _event_with_echoes(size: int) -> dict[str, Any]:
    """64 filtered values (none of them in the message) and a long message."""
    extra = {f"password_{i}": f"Secret-{i:04d}-{'q' * 8}" for i in range(64)}
    return {"extra": extra, "message": _repeat("lorem ipsum dolor sit amet ")(size)}


def _event_with_one_echo_repeated(size: int) -> dict[str, Any]:
    """One filtered value, echoed all along the message."""
    return {"extra": {"password": "hunter2x"}, "message": _repeat("hunter2x ")(size)}


def _event_with_echo_heads(size: int) -> dict[str, Any]:
    """64 filtered values that start alike, in a message made of that start and holding none
    of them: every position looks worth comparing (the compiled echo search gives up, the
    search value by value takes over)."""
    extra = {f"password_{i}": f"qqqqqqqqqqqq{i:04d}x" for i in range(64)}
    return {"extra": extra, "message": "q" * size}


def _log_template(size: int) -> dict[str, Any]:
    """A logging event whose template (the attacker's text, formatted in by the caller) ends in ``%``."""
    return {"logentry": {"message": "a" * size + "%", "params": []}, "message": "x"}


#: (family, how to build an input of about `size` characters)
FAMILIES: dict[str, Make] = {
    "pwd=": _repeat("pwd="),
    "token: ": _repeat("token: "),
    "secret=": _repeat("secret="),
    "password := ": _repeat("password := "),
    "<password>": _repeat("<password>"),
    '("PASSWORD", ': _repeat('("PASSWORD", '),
    "--password ": _repeat("--password "),
    'password="': _repeat('password="'),
    "password: '": _repeat("password: '"),
    "password=x&": _repeat("password=x&"),
    "<password>x</password>": _repeat("<password>x</password>"),
    "json nested": _json_nested,
    "json wide": _json_wide,
    "repr {'a': ": _repeat("{'a': "),
    "repr [": _repeat("["),
    "repr wide": _repr_wide,
    "repr quotes": _repeat("{'password': '\\'"),
    "digits": _repeat("1"),
    "digits grouped": _repeat("4111 "),
    "digits dashed": _repeat("123-45-"),
    "@": _repeat("@"),
    "a@": _repeat("a@"),
    "a@b.": _repeat("a@b."),
    "eyJ": _repeat("eyJ"),
    "eyJ.": _repeat("eyJhbGciOi."),
    "dots": _repeat("."),
    "1.": _repeat("1."),
    "colons": _repeat(":"),
    "a:": _repeat("a:"),
    "hex:": _repeat("0a:"),
    "AA00": _repeat("DE00"),
    "Bearer ": _repeat("Bearer "),
    "://": _repeat("https://u:"),
    "-----BEGIN": _repeat("-----BEGIN RSA PRIVATE KEY-----\n"),
    "no anchor": _repeat("lorem ipsum dolor sit amet, consectetur adipiscing elit "),
    "echo: 64 values": _event_with_echoes,
    # once quadratic: a value rejected before '(' was read again from every separator in it;
    # the echo pass counted NULs from the start for every echo; the log-template regex
    # backtracked over every word start
    "token:(": _repeat("token:", "("),
    "pwd=(": _repeat("pwd=", "("),
    "echo repeated": _event_with_one_echo_repeated,
    "echo heads": _event_with_echo_heads,
    "log template": _log_template,
}

_SCRUBBERS: dict[tuple[str, str], DefaultScrubber] = {}


def _scrubber(implementation: str, detectors: str = "default") -> DefaultScrubber:
    """One scrubber per implementation (built while the fixture's choice is in force)."""
    key = (implementation, detectors)
    if key not in _SCRUBBERS:
        assert (compiled.SPEEDUPS is None) == (implementation == "python")
        _SCRUBBERS[key] = DefaultScrubber(detectors=[detectors])
    return _SCRUBBERS[key]


def _once(scrubber: DefaultScrubber, value: Any) -> float:
    scrubber.clean.clear()  # a string known clean would be skipped: measure the work
    start = time.perf_counter()
    if isinstance(value, str):
        scrubber.scrub_text(value)
    else:
        scrubber(value, {})
    return time.perf_counter() - start


def _best(scrubber: DefaultScrubber, value: Any) -> float:
    return min(_once(scrubber, value) for _ in range(3))


def ratio(scrubber: DefaultScrubber, make: Make, small: int = SMALL, tries: int = 3) -> float:
    """t(8n) / t(n), measured again (up to twice) while it is above the bound."""
    little, large = make(small), make(8 * small)
    _once(scrubber, little)  # warm-up: compiled patterns, caches of keys
    measured = 0.0
    for _ in range(tries):
        measured = _best(scrubber, large) / max(_best(scrubber, little), 1e-6)
        if measured < BOUND:
            break
    return measured


@pytest.mark.parametrize("family", list(FAMILIES))
def test_family_is_linear(family: str, implementation: str) -> None:
    measured = ratio(_scrubber(implementation), FAMILIES[family])
    assert measured < BOUND, f"{family}: t(8n)/t(n) = {measured:.1f}"


@pytest.mark.parametrize("family", list(FAMILIES))
def test_family_is_linear_through_the_summary(family: str, implementation: str) -> None:
    """The same input as an event's message: the scrub summary reads the scrub back (the
    findings of `find_leaks`, the counts in ``contexts``), and that must be linear too (an
    echo inside another rule's span was looked for among all of them: quadratic)."""
    make = FAMILIES[family]

    def as_event(size: int) -> Any:
        value = make(size)
        return {"message": value} if isinstance(value, str) else value

    measured = ratio(_scrubber(implementation), as_event)
    assert measured < BOUND, f"{family}: t(8n)/t(n) = {measured:.1f}"


def test_a_megabyte_without_anchor(implementation: str) -> None:
    """1 MB (the large size) of text in which no rule has anything to start from."""
    make = _repeat("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ")
    measured = ratio(_scrubber(implementation), make, small=(1 << 20) // 8)
    assert measured < BOUND


def test_echo_of_64_values_in_a_megabyte(implementation: str) -> None:
    measured = ratio(_scrubber(implementation), _event_with_echoes, small=(1 << 20) // 8)
    assert measured < BOUND


def _anchor_units() -> dict[str, str]:
    units = {}
    for fmt in CATALOGUE:
        if fmt.anchors:
            units[fmt.name] = "".join(fmt.anchors)
    return units


ANCHOR_UNITS = _anchor_units()


def test_every_format_with_anchors_is_covered() -> None:
    assert len(ANCHOR_UNITS) > 200


@pytest.mark.parametrize("name", list(ANCHOR_UNITS))
def test_catalogue_anchors_back_to_back(name: str, implementation: str) -> None:
    """Every anchor of a format, repeated back to back: each occurrence is a place its matcher
    is tried (all formats on, the non-default ones too)."""
    unit = ANCHOR_UNITS[name]
    measured = ratio(_scrubber(implementation, "all"), _repeat(unit), small=2000)
    assert measured < BOUND, f"{name} ({unit!r}): t(8n)/t(n) = {measured:.1f}"
