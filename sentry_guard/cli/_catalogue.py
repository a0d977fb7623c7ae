"""`sentry-guard detectors`: the catalogue of formats scrubbing finds by content."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .._scrubbers.catalogue import describe
from ._exit import EXIT_OK, EXIT_USAGE

__all__ = ["add_commands"]


def add_commands(commands: Any) -> None:
    """Register ``detectors [SELECTION...] [--json]``."""
    detectors = commands.add_parser(
        "detectors", help="list the catalogue: what scrubbing finds by content, and how to select it"
    )
    detectors.add_argument(
        "selection", nargs="*", default=["all"], help="names or kinds, as SENTRY_SCRUB_DETECTORS takes them"
    )
    detectors.add_argument("--json", action="store_true", help="print the rows as JSON")
    detectors.set_defaults(
        handler=lambda args, out, err, stdin: _detectors(args.selection, args.json, out, err)
    )


def _detectors(selection: list[str], as_json: bool, out: TextIO, err: TextIO) -> int:
    """The catalogue (the selected part of it), one format a line, or as JSON."""

    try:
        rows = describe(selection)
    except ValueError as exc:
        print(f"sentry-guard detectors: {exc}", file=err)
        return EXIT_USAGE
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    widths = {key: max([len(key), *(len(row[key]) for row in rows)]) for key in ("name", "kind", "default")}
    print(f"{'NAME':<{widths['name']}}  {'KIND':<{widths['kind']}}  {'DEFAULT':<7}  EXAMPLE", file=out)
    for row in rows:
        print(
            f"{row['name']:<{widths['name']}}  {row['kind']:<{widths['kind']}}  {row['default']:<7}  {row['example']}",
            file=out,
        )
    kinds = sorted({row["kind"] for row in rows})
    on = sum(row["default"] == "on" for row in rows)
    print(f"\n{len(rows)} formats ({on} on by default) of {len(kinds)} kinds: {', '.join(kinds)}", file=out)
    print(
        "Select with SENTRY_SCRUB_DETECTORS (names or kinds, -item drops one): default,-ip,-phone", file=out
    )
    return EXIT_OK
