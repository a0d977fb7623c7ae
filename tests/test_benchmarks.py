"""The benchmark script keeps running (a smoke run; timings are printed, never asserted)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sentry_guard._scrubbers.scan import uses_compiled_scanner

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_run(tmp_path: Path) -> None:
    # Run from a scratch copy holding only what the repository ships (benchmarks/data, with
    # nothing beside it): nothing outside the clone is read.
    copy = tmp_path / "clone" / "benchmarks"
    shutil.copytree(ROOT / "benchmarks", copy, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, str(copy / "bench_scrub.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=copy.parent,
    )
    assert result.returncode == 0, result.stderr
    for needle in (
        "EventScrubber(recursive=True)",
        "pure Python: new strings, known keys",
        "Relay pii_strip_event",
        "configure()",
        "µs/MB",
    ):
        assert needle in result.stdout
    # the compiled chain is timed where it is installed (not in `tox -e pure`), and so is
    # the floor of its design (the compiled walk and scan alone) on fresh and reference events
    assert ("compiled: warm" in result.stdout) == uses_compiled_scanner()
    floors = [line for line in result.stdout.splitlines() if "floor: compiled walk + scan alone" in line]
    assert [line.split()[0] for line in floors] == (
        [
            line.split()[0]
            for line in result.stdout.splitlines()
            if line.startswith("fresh ") and "EventScrubber" in line
        ]
        + ["reference_event.json", "reference_transaction.json"]
        if uses_compiled_scanner()
        else []
    )


def test_opcode_count_smoke_run(tmp_path: Path) -> None:
    """The host-independent measure runs from a clone with nothing beside it, and counts."""
    copy = tmp_path / "clone" / "benchmarks"
    shutil.copytree(ROOT / "benchmarks", copy, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, str(copy / "bench_opcodes.py"), "--quick", "--top", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=copy.parent,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.endswith("x")]
    assert [row[0] for row in rows if "EventScrubber(recursive=True)" in row[2]] == [
        "clean",
        "typical",
        "dense",
    ]
    # every contender executed Python code on every density, and more of it than nothing
    kinds = ("compiled:", "pure") if uses_compiled_scanner() else ("pure",)
    for kind in kinds:
        counted = [int(row[-2]) for row in rows if row[1] == kind]
        assert len(counted) == 3 and all(n > 0 for n in counted), result.stdout
