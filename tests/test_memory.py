"""Memory stays bounded: every cache the engine keeps between events has a bound in entries and
in bytes, whatever the events hold (unique 16 KB keys, unique long strings, unique pair keys)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from sentry_guard._scrubbers import default, scan
from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.keys import KeyMatcher

KEY = 16 * 1024


def rss_kib() -> int:
    """The resident set size (VmRSS) of this process, in KiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def events(count: int, start: int = 0, long_pair_keys: bool = True) -> Iterator[dict[str, Any]]:
    """Events that each hold a unique 16 KB dict key, unique long strings (clean and not),
    and unique pair keys inside strings (16 KB ones too, unless told not to)."""
    for i in range(start, start + count):
        tag = f"{i:08d}"
        event: dict[str, Any] = {
            "extra": {
                "k" * KEY + tag: "value",  # benign
                "password_" + "p" * KEY + tag: "hunter2-" + tag,  # sensitive
                f"field_{tag}": "lorem ipsum " * 40 + tag,  # long and clean
                f"short_{tag}": "ok " + tag,  # short and clean
                "query": f"{'q' * 300}{tag}=1&password=secret-{tag}",  # a pair key of its own
                "form": "f" * KEY + tag + "_token=abc",  # a 16 KB pair key
                "card": "card 4111111111111111 " + tag,
            },
            "message": "processing " + tag,
        }
        if not long_pair_keys:
            del event["extra"]["form"]
            event["extra"]["query"] = f"q{tag}=1&password=secret-{tag}"
        yield event


def check_bounds(scrubber: DefaultScrubber, entries: int, length: int, keys: int, key_length: int) -> None:
    clean = scrubber.clean
    assert len(clean) <= entries
    assert all(len(text) <= length for text in clean)
    decisions = scrubber.matcher.decisions
    assert len(decisions) <= keys
    assert all(len(key) <= key_length for key in decisions)
    words = scrubber.matcher._words  # the rule's word of each sensitive key judged
    assert len(words) <= keys
    assert all(len(key) <= key_length for key in words)
    judged, sensitive = scrubber._pair_keys
    # the pair-rule memo is replaced once it holds more than `entries` keys (see scrub_many)
    assert len(judged) <= entries + 64 and len(sensitive) <= entries + 64, (len(judged), len(sensitive))
    memo_bytes = sum(len(k) for k in judged) + sum(len(k) for k in sensitive)
    assert memo_bytes <= 2 * (entries + 64) * 132, memo_bytes


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int, int]:
    bounds = (64, 256, 128, 64)
    monkeypatch.setattr(scan, "CLEAN_ENTRIES", bounds[0])
    monkeypatch.setattr(scan, "CLEAN_LENGTH", bounds[1])
    monkeypatch.setattr(default, "CLEAN_ENTRIES", bounds[0])
    monkeypatch.setattr(default, "CLEAN_LENGTH", bounds[1])
    monkeypatch.setattr(KeyMatcher, "MAX_CACHED", bounds[2])
    monkeypatch.setattr(KeyMatcher, "MAX_CACHED_KEY", bounds[3])
    return bounds


def _run(
    scrubber: DefaultScrubber,
    count: int,
    start: int,
    bounds: tuple[int, int, int, int],
    long_pair_keys: bool = True,
) -> None:
    for event in events(count, start, long_pair_keys):
        out = scrubber(event, {})
        assert "hunter2-" not in repr(out)
        check_bounds(scrubber, *bounds)


def test_caches_stay_within_small_bounds(
    implementation: str, small_bounds: tuple[int, int, int, int]
) -> None:
    scrubber = DefaultScrubber()  # built after the bounds changed (the walker reads them once)
    _run(scrubber, 400, 0, small_bounds)


def test_caches_stay_within_small_bounds_without_long_pair_keys(
    implementation: str, small_bounds: tuple[int, int, int, int]
) -> None:
    scrubber = DefaultScrubber()
    _run(scrubber, 400, 0, small_bounds, long_pair_keys=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmRSS is read from /proc")
def test_rss_stays_bounded(implementation: str, small_bounds: tuple[int, int, int, int]) -> None:
    scrubber = DefaultScrubber()
    _run(scrubber, 300, 0, small_bounds)  # warm-up: caches full, allocator pools in use
    gc.collect()
    before = rss_kib()
    _run(scrubber, 1500, 300, small_bounds)
    gc.collect()
    grown = rss_kib() - before
    # 1500 events of ~80 KB each went through: kept, they would be ~120 MB
    assert grown < 24 * 1024, f"RSS grew by {grown} KiB"


def test_the_real_bounds_hold_for_20k_unique_keys(implementation: str) -> None:
    """20k events with a unique 16 KB key each (and nothing else): the key decisions and the
    clean strings stay within the real bounds. (2,500 in pure Python: its key rule reads a
    16 KB key in ~4 ms, 80 s for 20k.)"""
    scrubber = DefaultScrubber()
    decisions = scrubber.matcher.decisions
    for i in range(20_000 if implementation == "compiled" else 2_500):
        scrubber({"extra": {"k" * KEY + f"{i:06d}": "v", f"name{i}": "plain value"}}, {})
        if i % 1000 == 0:
            assert len(decisions) <= KeyMatcher.MAX_CACHED
            assert all(len(k) <= KeyMatcher.MAX_CACHED_KEY for k in decisions)
            assert len(scrubber.clean) <= scan.CLEAN_ENTRIES
    assert len(decisions) <= KeyMatcher.MAX_CACHED
    assert len(scrubber.clean) <= scan.CLEAN_ENTRIES
    assert sum(len(t) for t in scrubber.clean) <= scan.CLEAN_ENTRIES * scan.CLEAN_LENGTH


def test_long_pair_keys_do_not_grow_the_memo(implementation: str, request: pytest.FixtureRequest) -> None:
    scrubber = DefaultScrubber()
    for i in range(2_000):
        scrubber({"message": "f" * KEY + f"{i:06d}_token=abc"}, {})
    judged, sensitive = scrubber._pair_keys
    held = sum(len(k) for k in judged) + sum(len(k) for k in sensitive)
    assert held <= (scan.CLEAN_ENTRIES + 64) * 2 * 132, f"{len(sensitive)} keys, {held} bytes"


def test_a_string_scanned_clean_is_remembered_only_when_short(implementation: str) -> None:
    """A string the scan flags (an "@") and no rule changes is known clean from then on,
    unless it is longer than the cache keeps."""
    scrubber = DefaultScrubber()
    short, long = "meet @ noon", "meet @ noon " + "x" * scan.CLEAN_LENGTH
    out = scrubber({"extra": {"a": short, "b": long, "c": "mail jane@example.com"}}, {})
    assert out["extra"] == {"a": short, "b": long, "c": "mail [email]"}
    assert short in scrubber.clean
    assert long not in scrubber.clean
    assert "mail jane@example.com" not in scrubber.clean
