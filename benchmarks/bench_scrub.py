"""Scrubbing speed against the references, in one process: medians and ratios.

    python benchmarks/bench_scrub.py            # full run (several minutes)
    python benchmarks/bench_scrub.py --quick    # a smoke run

References: sentry-sdk's ``EventScrubber(recursive=True).scrub_event`` (on deep copies made
outside the timed region: it scrubs in place) and Relay's ``pii_strip_event`` with the
default server-side config (``sentry-relay``, a test dependency). The default chain is timed
as installed (with the compiled scanner and walker, when built) and in pure Python.

- **Fresh events** (the realistic case): events from `fresh_events.generate`, of four sizes
  and three secret densities, every key and value new; each event is scrubbed once by each
  contender, in interleaved rounds so the machine's drift reaches all of them alike.
- **Reference events** (``benchmarks/data``): warm (the same event again), "new strings"
  (the clean-strings cache emptied before every call) and all caches cold.
- **The floor**: on the same fresh events and on the reference events' new-strings case,
  the compiled walk and scan alone, with nothing after them: what this engine's design
  costs before any format's own check, the echo search, the rewrite or the summary.
- **The catalogue's cost**: fresh events with the whole catalogue against the detector set
  of the previous release (its 9 detectors and its 18 token formats).
- **Text with no anchor** (the common case): µs per MB against reading the text once.
- **Adversarial text**: µs per MB, per rule family, at 1 MB (linear: see tests/test_linear.py).
- ``configure()`` against a plain ``sentry_sdk.init``; RSS over 20,000 events with unique
  16 KB keys.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import gc
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, cast

import sentry_sdk
from sentry_sdk.scrubber import EventScrubber
from sentry_sdk.types import Event

import sentry_guard
from sentry_guard._scrubbers import compiled, scan
from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._sdk import detach_client

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fresh_events import DENSITIES, SIZES, generate  # noqa: E402

DATA = HERE / "data"
Row = tuple[str, str, float, float]

#: the detector set before the catalogue: its 9 detectors, and its 18 token formats by name
PREVIOUS_DETECTORS = [
    "email",
    "creditcard",
    "iban",
    "ip",
    "jwt",
    "auth",
    "urlauth",
    "privatekey",
    "us-ssn",
    "aws-access-key-id",
    "github-pat",
    "github-oauth-token",
    "github-user-to-server-token",
    "github-server-to-server-token",
    "github-refresh-token",
    "github-fine-grained-pat",
    "gitlab-pat",
    "slack-bot-token",
    "slack-user-token",
    "slack-webhook-url",
    "stripe-secret-key",
    "stripe-restricted-key",
    "stripe-webhook-secret",
    "google-api-key",
    "openai-api-key",
    "anthropic-api-key",
    "npm-access-token",
    "pypi-api-token",
    "sendgrid-api-key",
    "sentry-org-token",
    "sentry-user-token",
    "digitalocean-pat",
    "shopify-access-token",
]


def median_us(run: Callable[[], Any], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        run()
        samples.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(samples)


def _time(run: Callable[[], Any]) -> float:
    start = time.perf_counter_ns()
    run()
    return (time.perf_counter_ns() - start) / 1000


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


@contextlib.contextmanager
def _pure_python() -> Iterator[None]:
    """Scrubbers built inside use the pure-Python scanner and walker (as without a compiler)."""
    saved = compiled.SPEEDUPS
    compiled.SPEEDUPS = None
    try:
        yield
    finally:
        compiled.SPEEDUPS = saved


def _scrubbers(detectors: list[str] | None = None) -> list[tuple[str, DefaultScrubber]]:
    """The default scrubber as installed (compiled when built) and in pure Python."""
    found = []
    if scan.uses_compiled_scanner():
        found.append(("compiled", DefaultScrubber(detectors=detectors)))
    with _pure_python():
        found.append(("pure Python", DefaultScrubber(detectors=detectors)))
    return found


def _cold(scrubber: DefaultScrubber, keys: bool) -> None:
    scrubber.clean.clear()
    if keys:
        scrubber.matcher.decisions.clear()
        scrubber._pair_keys = (set(), set())


def _floor() -> tuple[Callable[[dict[str, Any]], None], DefaultScrubber] | None:
    """The compiled walk and scan alone, and nothing after them (no format's own checks, no
    echo search, no rewrite, no summary): the least this engine's design can cost an event.
    None without the compiled scanner."""
    if not scan.uses_compiled_scanner():
        return None
    scrubber = DefaultScrubber()

    def walk_and_scan(event: dict[str, Any]) -> None:
        texts: list[str] = []
        scrubber.walker.walk(scrubber.walker.frozen(event), [], texts)
        scrubber.redactor.blob(texts, scrubber._pair_keys, scrubber._key_triggers, scrubber.clean)

    return walk_and_scan, scrubber


#: how the floor's rows are named
FLOOR = "floor: compiled walk + scan alone"


def bench_fresh(count: int) -> list[Row]:
    """Each generated event scrubbed once by each contender, in interleaved rounds; and the
    floor (see `_floor`) on the same events."""
    rows = []
    reference = EventScrubber(recursive=True)
    contenders = _scrubbers()
    floor = _floor()
    for size in SIZES:
        for density in DENSITIES:
            events = generate(count, size, density, seed=1)
            for warm in generate(20, size, density, seed=99):  # first-use costs (lazy patterns) stay out
                for _, scrubber in contenders:
                    scrubber(warm, {})
                if floor is not None:
                    floor[0](warm)
            samples: dict[str, list[float]] = {"ref": [], FLOOR: [], **{k: [] for k, _ in contenders}}
            for event in events:
                copied = copy.deepcopy(event)
                samples["ref"].append(_time(lambda: reference.scrub_event(cast("Event", copied))))
                for kind, scrubber in contenders:
                    samples[kind].append(_time(lambda: scrubber(event, {})))
                if floor is not None:
                    samples[FLOOR].append(_time(lambda: floor[0](event)))
            ref = statistics.median(samples["ref"])
            where = f"fresh {size}/{density}"
            rows.append((where, "sentry-sdk EventScrubber(recursive=True)", ref, 1.0))
            for kind in [k for k, _ in contenders] + ([FLOOR] if floor is not None else []):
                ours = statistics.median(samples[kind])
                rows.append((where, kind if kind == FLOOR else f"{kind}: each event once", ours, ours / ref))
    return rows


def bench_reference(repeat: int) -> list[Row]:
    rows = []
    relay = _relay()
    contenders: list[tuple[str, DefaultScrubber, Callable[[], None] | None]] = []
    for kind, scrubber in _scrubbers():
        contenders += [
            (f"{kind}: warm", scrubber, None),
            (f"{kind}: new strings, known keys", scrubber, partial(_cold, scrubber, keys=False)),
            (f"{kind}: all caches cold", scrubber, partial(_cold, scrubber, keys=True)),
        ]
    floor = _floor()
    if floor is not None:  # (the new-strings case: no string known clean)
        walk_and_scan, floor_scrubber = floor
        contenders.append(
            (f"{FLOOR}, new strings", floor_scrubber, partial(_cold, floor_scrubber, keys=False))
        )
    for name in ("reference_event.json", "reference_transaction.json"):
        event = json.loads((DATA / name).read_text())
        reference = EventScrubber(recursive=True)
        for _, scrubber, _ in contenders:
            scrubber(event, {})
        samples: dict[str, list[float]] = {
            "ref": [],
            "relay": [],
            **{label: [] for label, _, _ in contenders},
        }
        for round_ in range(repeat):
            copied = copy.deepcopy(event)
            samples["ref"].append(_time(lambda: reference.scrub_event(copied)))
            for label, scrubber, empty in contenders:
                if empty is not None:
                    empty()
                if label.startswith(FLOOR):
                    samples[label].append(_time(lambda: walk_and_scan(event)))
                else:
                    samples[label].append(_time(lambda: scrubber(event, {})))
            if relay is not None and round_ % 20 == 0:
                samples["relay"].append(_time(lambda: relay(event)))
        ref = statistics.median(samples["ref"])
        rows.append((name, "sentry-sdk EventScrubber(recursive=True)", ref, 1.0))
        for label, _, _ in contenders:
            ours = statistics.median(samples[label])
            rows.append((name, label, ours, ours / ref))
        if samples["relay"]:
            relay_us = statistics.median(samples["relay"])
            rows.append((name, "Relay pii_strip_event (default config)", relay_us, relay_us / ref))
    return rows


def bench_catalogue(count: int) -> list[Row]:
    """Fresh typical and dense events: the whole catalogue against the previous detector set."""
    rows = []
    for density in ("typical", "dense"):
        events = generate(count, "typical", density, seed=2)
        pairs = list(zip(_scrubbers(), _scrubbers(PREVIOUS_DETECTORS), strict=True))
        for (kind, full), (_, previous) in pairs:
            for warm in generate(20, "typical", density, seed=98):
                full(warm, {})
                previous(warm, {})
            new = statistics.median(_time(lambda: full(e, {})) for e in events)
            old = statistics.median(_time(lambda: previous(e, {})) for e in events)
            where = f"catalogue typical/{density}"
            rows.append((where, f"{kind}: previous detector set", old, 1.0))
            rows.append(
                (where, f"{kind}: whole catalogue ({len(full.redactor.formats)} formats)", new, new / old)
            )
    return rows


def bench_summary(repeat: int, count: int) -> list[Row]:
    """What ``contexts["sentry_guard"]`` costs: the scrubber with the summary against the same
    scrubber without it, on the reference events (new strings: the cache of clean strings
    emptied each round), on fresh events, and on an event where nothing is removed."""
    rows = []
    nothing = {"message": "GET /health 200", "extra": {"elapsed_ms": 12, "route": "/health"}}
    cases: list[tuple[str, list[dict[str, Any]], bool]] = [
        (name, [json.loads((DATA / name).read_text())], True)
        for name in ("reference_event.json", "reference_transaction.json")
    ]
    cases += [
        (f"fresh typical/{d}", generate(count, "typical", d, seed=4), False) for d in ("typical", "dense")
    ]
    cases.append(("nothing removed", [nothing], True))
    pairs = []
    if scan.uses_compiled_scanner():
        pairs.append(("compiled", DefaultScrubber(), DefaultScrubber(summary=False)))
    with _pure_python():
        pairs.append(("pure Python", DefaultScrubber(), DefaultScrubber(summary=False)))
    for kind, on, off in pairs:
        for where, events, repeated in cases:
            for scrubber in (on, off):
                for event in events[:5]:
                    scrubber(event, {})
            samples: dict[bool, list[float]] = {True: [], False: []}
            rounds = range(repeat) if repeated else range(1)
            for _ in rounds:
                for event in events:
                    for summary, scrubber in ((True, on), (False, off)):
                        if repeated:
                            _cold(scrubber, keys=False)
                        samples[summary].append(_time(lambda: scrubber(event, {})))
            without = statistics.median(samples[False])
            with_it = statistics.median(samples[True])
            rows.append((f"summary {where}", f"{kind}: SENTRY_SCRUB_SUMMARY=false", without, 1.0))
            rows.append(
                (f"summary {where}", f"{kind}: with the summary (default)", with_it, with_it / without)
            )
    return rows


def bench_plain_text(repeat: int) -> list[Row]:
    """1 MB of prose with no anchor and no shape any format looks for, against one read."""
    sentence = "the quick brown fox jumps over the lazy dog while the river runs along the hills "
    text = (sentence * ((1 << 20) // len(sentence) + 1))[: 1 << 20]
    mb = len(text) / (1 << 20)
    read = median_us(lambda: text.count("\x00"), repeat)
    rows = [("plain 1 MB", "reading it once (str.count)", read / mb, 1.0)]
    for kind, scrubber in _scrubbers():

        def scrub_once(scrubber: DefaultScrubber = scrubber) -> None:
            scrubber.clean.clear()
            scrubber({"message": text}, {})

        us = median_us(scrub_once, max(3, repeat // 10))
        rows.append(("plain 1 MB", f"{kind}: scrubbing it", us / mb, us / read))
    return rows


def bench_startup(repeat: int) -> list[Row]:
    dsn = "http://0123456789abcdef0123456789abcdef@127.0.0.1:9/1"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        def plain() -> None:
            sentry_sdk.init(dsn=dsn, release="shop@1.0.0", environment="production")
            detach_client()

        def guarded() -> None:
            sentry_guard.configure(dsn=dsn, release="shop@1.0.0", environment="production")
            detach_client()
            sentry_guard._configure.reset()

        guarded()  # the catalogue's modules are imported once, at the first configure()
        base = median_us(plain, repeat)
        ours = median_us(guarded, repeat)
    return [
        ("start-up", "sentry_sdk.init", base, 1.0),
        ("start-up", "sentry_guard.configure()", ours, ours / base),
    ]


def bench_adversarial(repeat: int, size: int) -> list[Row]:
    """Hostile text of `size` characters per family; the last column is normalised to µs per MB."""
    texts = {
        "'a' run + '@'": "a" * (size - 1) + "@",
        "digit run": "4" * size,
        "'pwd=' runs": "pwd=" * (size // 4),
        "'token: ' runs": "token: " * (size // 7),
        "'password := ' runs": "password := " * (size // 12),
        "<password> runs": "<password>" * (size // 10),
        "unclosed quotes": 'password="' * (size // 10),
        "key=value pairs": "password=x&" * (size // 11),
        "dots": "." * size,
        "'eyJ' runs": "eyJ" * (size // 3),
        "anchors back to back": "ghp_sk_live_xoxb-AKIAglpat-hf_" * (size // 30),
        "nested brackets": "[{" * (size // 4) + "}]" * (size // 4),
        "repr opening": "{'a': " * (size // 6),
    }
    events: dict[str, dict[str, Any]] = {name: {"message": text} for name, text in texts.items()}
    # 64 filtered values that start alike, in a message of that start: the echo search
    events["echo: 64 values, one head"] = {
        "extra": {f"password_{i}": f"qqqqqqqqqqqq{i:04d}x" for i in range(64)},
        "message": "q" * size,
    }
    rows = []
    for kind, scrubber in _scrubbers():
        for name, event in events.items():

            def scrub_once(scrubber: DefaultScrubber = scrubber, event: dict[str, Any] = event) -> None:
                scrubber.clean.clear()
                scrubber(event, {})

            us = median_us(scrub_once, max(3, repeat // 50))
            megabytes = len(event["message"]) / (1 << 20)
            rows.append(("adversarial", f"{kind}: {name} ({megabytes:.2f} MB)", us, us / megabytes))
    return rows


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def bench_memory(count: int) -> list[Row]:
    """RSS before and after `count` events, each with a unique 16 KB key and long values."""
    rows = []
    for kind, scrubber in _scrubbers():
        gc.collect()
        before = _rss_mb()
        for i in range(count):
            scrubber({"extra": {f"{i:08d}" + "k" * 16_384: "v" * 600 + str(i)}}, {})
        gc.collect()
        after = _rss_mb()
        rows.append(("memory", f"{kind}: RSS MB before / after {count} events", before, after))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few iterations only (a smoke run)")
    parser.add_argument("--events", type=int, default=300, help="fresh events per size and density")
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args()
    events, repeat = (5, 5) if args.quick else (args.events, args.repeat)
    print(f"sentry-sdk {sentry_sdk.VERSION}, Python {sys.version.split()[0]}, medians")
    print(f"{'input':<30} {'what':<58} {'median µs':>10} {'ratio':>8}")
    sections: list[Callable[[], list[Row]]] = [
        lambda: bench_fresh(events),
        lambda: bench_reference(repeat),
        lambda: bench_catalogue(events),
        lambda: bench_startup(repeat),
        lambda: bench_summary(repeat, events),
    ]
    for section in sections:
        for row in section():
            print(f"{row[0]:<30} {row[1]:<58} {row[2]:>10.1f} {row[3]:>7.2f}x", flush=True)
    print(f"{'input':<30} {'what':<58} {'µs/MB':>10} {'ratio':>8}")
    for row in bench_plain_text(max(5, repeat // 10)):
        print(f"{row[0]:<30} {row[1]:<58} {row[2]:>10.0f} {row[3]:>7.1f}x", flush=True)
    print(f"{'input':<30} {'what':<58} {'median µs':>10} {'µs/MB':>8}")
    for row in bench_adversarial(repeat, 1 << 16 if args.quick else 1 << 20):
        print(f"{row[0]:<30} {row[1]:<58} {row[2]:>10.1f} {row[3]:>8.0f}", flush=True)
    for row in bench_memory(200 if args.quick else 20_000):
        print(f"{row[0]:<30} {row[1]:<58} {row[2]:>10.1f} {row[3]:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
