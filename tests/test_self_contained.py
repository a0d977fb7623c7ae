"""A fresh clone is all the project needs: nothing in it reads a path outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: a path that climbs out of the clone to the folder beside it (`../shared`, `parent.parent / "shared"`)
OUTSIDE = re.compile(r"\.\./shared\b|parent\.parent\s*/\s*[\"']shared[\"']")


def _code_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    skip = ("tests/test_self_contained.py", "CHANGELOG.md", "ISSUE-")
    return [name for name in listed if not name.startswith(skip) and (ROOT / name).is_file()]


def _offenders() -> list[str]:
    found = []
    for name in _code_files():
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if OUTSIDE.search(text):
            found.append(name)
    return found


def test_nothing_reads_outside_the_repository() -> None:
    assert _offenders() == []


def test_the_benchmark_inputs_are_in_the_repository() -> None:
    for name in ("reference_event.json", "reference_transaction.json"):
        assert (ROOT / "benchmarks" / "data" / name).stat().st_size > 1000
