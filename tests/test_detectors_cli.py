"""`sentry-guard detectors`: the catalogue as a security reviewer reads it."""

from __future__ import annotations

import io
import json

from sentry_guard._scrubbers.catalogue import CATALOGUE
from sentry_guard.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["detectors", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_lists_every_format_with_a_masked_example() -> None:
    code, out, _ = _run()
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "DEFAULT", "EXAMPLE"]
    assert f"{len(CATALOGUE)} formats" in out
    names = {line.split()[0] for line in lines[1 : len(CATALOGUE) + 1]}
    assert names == {fmt.name for fmt in CATALOGUE}


def test_no_example_value_is_printed_whole() -> None:
    code, out, _ = _run("--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == 0 and len(rows) == len(CATALOGUE)
    for fmt in CATALOGUE:
        row = rows[fmt.name]
        assert row["kind"] == fmt.kind and row["default"] in ("on", "off")
        for start, end in fmt.finditer(fmt.examples[0]):
            secret = fmt.examples[0][start:end]
            assert secret not in row["example"], fmt.name
        assert "****" in row["example"], fmt.name


def test_a_selection_takes_names_and_kinds() -> None:
    code, out, _ = _run("--json", "ssn", "github-pat")
    assert code == 0
    assert {row["name"] for row in json.loads(out)} == {"us-ssn", "github-pat"}
    code, _, err = _run("telepathy")
    assert code == 2 and "telepathy" in err and "Traceback" not in err
