"""Scrubbing speed against the references, in one process: medians and ratios.

    python benchmarks/bench_scrub.py            # full run (a minute or two)
    python benchmarks/bench_scrub.py --quick    # a smoke run

References: sentry-sdk's ``EventScrubber(recursive=True).scrub_event`` (on deep copies made
outside the timed region: it scrubs in place) and Relay's ``pii_strip_event`` with the
default server-side config (``sentry-relay``, a test dependency). The default chain is timed
as installed (with the compiled scanner and walker, when built) and in pure Python, each
three ways: warm (the same event again: key decisions and clean strings cached), "new
strings, known keys" (the clean-strings cache emptied before every call: an event whose
values the service has not seen before) and all caches cold. The events are timed in
rounds, each contender once per round (Relay every 20th), so the machine's drift reaches
all of them alike. Also: ``configure()`` against a plain ``sentry_sdk.init``, and time per
MB of adversarial text.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sentry_sdk
from sentry_sdk.scrubber import EventScrubber

import sentry_guard
from sentry_guard.scrubbers import compiled, scan
from sentry_guard.sdk import detach_client

HERE = Path(__file__).resolve().parent
BENCH_INPUTS = [HERE.parent.parent / "shared" / "bench", HERE.parent / "shared" / "bench"]


def _inputs() -> Path:
    for folder in BENCH_INPUTS:
        if (folder / "reference_event.json").exists():
            return folder
    sys.exit("benchmark inputs not found: expected ../shared/bench/reference_event.json")


def median_us(run: Callable[[], Any], repeat: int, setup: Callable[[], Any] | None = None) -> float:
    """Median wall time of `run` in microseconds; `setup` runs untimed before each call."""
    samples = []
    for _ in range(repeat):
        state = setup() if setup else None
        start = time.perf_counter_ns()
        run() if state is None else run(state)  # type: ignore[call-arg]
        samples.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(samples)


def _relay() -> Callable[[dict[str, Any]], Any] | None:
    try:
        import sentry_relay
    except ImportError:
        return None
    config = sentry_relay.convert_datascrubbing_config(
        {
            "scrubData": True,
            "scrubDefaults": True,
            "scrubIpAddresses": True,
            "sensitiveFields": [],
            "excludeFields": [],
        }
    )
    return lambda event: sentry_relay.pii_strip_event(config, event)


def _cold(chain: sentry_guard.Chain, keys: bool = True) -> Callable[[], None]:
    """Empty the clean-strings cache (and, with `keys`, the key decisions) before a call."""

    def empty_caches() -> None:
        for scrubber in chain:
            if isinstance(scrubber, sentry_guard.DefaultScrubber):
                scrubber.clean.clear()
                if keys:
                    scrubber.matcher.decisions.clear()
                    scrubber._pair_keys = (set(), set())

    return empty_caches


@contextlib.contextmanager
def _pure_python() -> Iterator[None]:
    """Scrubbers built inside use the pure-Python scanner and walker (as without a compiler)."""
    saved = compiled.SPEEDUPS
    compiled.SPEEDUPS = None
    try:
        yield
    finally:
        compiled.SPEEDUPS = saved


def _chains() -> list[tuple[str, sentry_guard.Chain]]:
    """The default chain as installed (compiled when built) and in pure Python."""
    chains = []
    if scan.uses_compiled_scanner():
        chains.append(("compiled", sentry_guard.default_chain(sentry_guard.load_settings())))
    with _pure_python():
        chains.append(("pure Python", sentry_guard.default_chain(sentry_guard.load_settings())))
    return chains


def bench_events(repeat: int) -> list[tuple[str, str, float, float]]:
    """Rounds that time every contender once each, so the machine's drift (this is a shared
    VM: its speed moves by half within a minute) reaches all of them alike."""
    rows = []
    relay = _relay()
    contenders: list[tuple[str, sentry_guard.Chain, Callable[[], Any] | None]] = []
    for kind, chain in _chains():
        contenders += [
            (f"{kind}: warm", chain, None),
            (f"{kind}: new strings, known keys", chain, _cold(chain, keys=False)),
            (f"{kind}: all caches cold", chain, _cold(chain)),
        ]
    for name in ("reference_event.json", "reference_transaction.json"):
        event = json.loads((_inputs() / name).read_text())
        scrubber = EventScrubber(recursive=True)
        for _, chain, _ in contenders:
            chain(event, {})  # import-time and first-call costs stay out
        samples: dict[str, list[float]] = {"reference": [], "relay": []}
        samples.update({label: [] for label, _, _ in contenders})
        for round_ in range(repeat):
            copied = copy.deepcopy(event)  # EventScrubber scrubs in place
            samples["reference"].append(_time(lambda: scrubber.scrub_event(copied)))
            for label, chain, empty in contenders:
                if empty is not None:
                    empty()
                samples[label].append(_time(lambda: chain(event, {})))
            if relay is not None and round_ % 20 == 0:
                samples["relay"].append(_time(lambda: relay(event)))
        reference = statistics.median(samples["reference"])
        rows.append((name, "sentry-sdk EventScrubber(recursive=True)", reference, 1.0))
        for label, _, _ in contenders:
            ours = statistics.median(samples[label])
            rows.append((name, label, ours, ours / reference))
        if samples["relay"]:
            relay_us = statistics.median(samples["relay"])
            rows.append((name, "Relay pii_strip_event (default config)", relay_us, relay_us / reference))
    return rows


def _time(run: Callable[[], Any]) -> float:
    start = time.perf_counter_ns()
    run()
    return (time.perf_counter_ns() - start) / 1000


def bench_startup(repeat: int) -> list[tuple[str, str, float, float]]:
    dsn = "http://0123456789abcdef0123456789abcdef@127.0.0.1:9/1"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        def plain() -> None:
            sentry_sdk.init(dsn=dsn, release="shop@1.0.0", environment="production")
            detach_client()

        def guarded() -> None:
            sentry_guard.configure(dsn=dsn, release="shop@1.0.0", environment="production")
            detach_client()
            sentry_guard.startup.reset()

        base = median_us(plain, repeat)
        ours = median_us(guarded, repeat)
    return [
        ("start-up", "sentry_sdk.init", base, 1.0),
        ("start-up", "sentry_guard.configure()", ours, ours / base),
    ]


def bench_adversarial(repeat: int) -> list[tuple[str, str, float, float]]:
    size = 1 << 20
    texts = {
        "a*1MB + '@'": "a" * (size - 1) + "@",
        "digits 1MB": "4" * size,
        "100k dots": "." * 100_000,
        "'=' runs": "a=" * (size // 2),
        "key=value pairs": "password=x&" * (size // 11),
        "nested brackets": "[{" * (size // 4) + "}]" * (size // 4),
    }
    rows = []
    for kind, chain in _chains():
        empty = _cold(chain)
        for name, text in texts.items():
            us = median_us(
                lambda _: chain({"message": text}, {}), max(3, repeat // 50), setup=lambda: empty() or 1
            )
            label = f"{kind}: {name} ({len(text) / size:.2f} MB)"
            rows.append(("adversarial", label, us, us / (len(text) / size)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few iterations only (a smoke run)")
    parser.add_argument("--repeat", type=int, default=1000)
    args = parser.parse_args()
    repeat = 5 if args.quick else args.repeat
    print(f"sentry-sdk {sentry_sdk.VERSION}, Python {sys.version.split()[0]}, {repeat} runs, medians")
    print(f"{'input':<28} {'what':<52} {'median µs':>10} {'ratio':>8}")
    for section in (bench_events, bench_startup):
        for row in section(repeat):
            print(f"{row[0]:<28} {row[1]:<52} {row[2]:>10.1f} {row[3]:>7.2f}x")
    print(f"{'input':<28} {'what':<52} {'median µs':>10} {'µs/MB':>8}")
    for row in bench_adversarial(repeat):
        print(f"{row[0]:<28} {row[1]:<52} {row[2]:>10.1f} {row[3]:>8.0f}")


if __name__ == "__main__":
    main()
