"""Python bytecode instructions per fresh event: the part of a scrub's cost no host changes.

    python benchmarks/bench_opcodes.py              # 100 fresh events per density
    python benchmarks/bench_opcodes.py --top 12     # and the functions that run the most
    python benchmarks/bench_opcodes.py --quick      # a smoke run

On a shared machine, timings drift by 20-40% between runs minutes apart; the instructions
CPython executes for the same events do not. They count the Python side only (the compiled
scanner and walker execute none), so this says what a change to the Python around them
saves, against sentry-sdk's ``EventScrubber(recursive=True)`` on the same events, with the
compiled and the pure-Python chain. ``bench_scrub.py`` has the times.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from sentry_sdk.scrubber import EventScrubber

from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.default import DefaultScrubber

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fresh_events import DENSITIES, generate

_Tracer = Callable[[FrameType, str, Any], Any]


def count(run: Callable[[], object]) -> Counter[str]:
    """The bytecode instructions `run` executes, by function (``file:line:name``)."""
    counts: Counter[str] = Counter()

    def on_call(frame: FrameType, event: str, arg: Any) -> _Tracer:
        code = frame.f_code
        where = f"{Path(code.co_filename).name}:{code.co_firstlineno}:{code.co_name}"
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False

        def on_opcode(frame: FrameType, event: str, arg: Any) -> _Tracer:
            if event == "opcode":
                counts[where] += 1
            return on_opcode

        return on_opcode

    sys.settrace(on_call)
    try:
        run()
    finally:
        sys.settrace(None)
    return counts


def _chain(pure: bool) -> DefaultScrubber:
    installed = compiled.SPEEDUPS
    if pure:
        compiled.SPEEDUPS = None
    try:
        return DefaultScrubber()
    finally:
        compiled.SPEEDUPS = installed


def _each(scrub: Callable[..., object], events: Iterable[Any], *more: Any) -> Callable[[], None]:
    """Scrub each of `events` (with `more` arguments after it), as one run to count."""

    def run() -> None:
        for event in events:
            scrub(event, *more)

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=100, help="fresh events per density")
    parser.add_argument("--top", type=int, default=0, help="also list the functions that run the most")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 5 events per density")
    options = parser.parse_args(argv)
    total = 5 if options.quick else options.count
    contenders = [("compiled", False)] if compiled.SPEEDUPS is not None else []
    contenders.append(("pure Python", True))
    print(f"Python bytecode instructions per fresh typical-size event ({total} per density)")
    print(f"{'density':10} {'what':45} {'per event':>10} {'ratio':>7}")
    for density in DENSITIES:
        events = generate(total, "typical", density, seed=1)
        reference = EventScrubber(recursive=True)
        copies = [copy.deepcopy(event) for event in events]
        base = sum(count(_each(reference.scrub_event, copies)).values()) / total
        print(f"{density:10} {'sentry-sdk EventScrubber(recursive=True)':45} {base:10.0f} {1:6.2f}x")
        for kind, pure in contenders:
            chain = _chain(pure)
            for warm in generate(20, "typical", density, seed=99):  # first-use costs stay out
                chain(warm, {})
            counts = count(_each(chain, events, {}))
            ours = sum(counts.values()) / total
            print(f"{density:10} {kind + ': each event once':45} {ours:10.0f} {ours / base:6.2f}x")
            for where, instructions in counts.most_common(options.top):
                print(f"{'':10}   {where:60} {instructions / total:10.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
