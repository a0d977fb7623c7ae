"""The `sentry-guard` command: one module per group of commands, each registering its own
parser and handler (``set_defaults(handler=...)``): `_check` (check, release), `_demo`,
`_scrub` (scrub), `_catalogue` (detectors), `_api` (events, issues, audit), `_celery`."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Sequence
from typing import TextIO

import sentry_sdk

from .. import __version__
from .._scrubbers.scan import uses_compiled_scanner
from . import _api, _catalogue, _celery, _check, _demo, _scrub
from ._exit import EXIT_USAGE

__all__ = ["main", "run"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sentry-guard", description="Validate and inspect the Sentry configuration of this environment."
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (_check, _demo, _scrub, _catalogue, _api, _celery):
        group.add_commands(commands)
    return parser


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code (0 valid, 1 invalid, 2 usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    stdin = stdin or sys.stdin
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code != 2 else EXIT_USAGE
    code: int = args.handler(args, out, err, stdin)
    return code


def _version() -> str:

    return (
        f"sentry-guard {__version__} (sentry-sdk {sentry_sdk.VERSION}, Python {platform.python_version()}, "
        f"{'compiled' if uses_compiled_scanner() else 'pure-Python'} scanner)"
    )


def _cwd_on_path() -> None:
    """The folder the command runs in is importable, as with ``celery``, ``gunicorn`` and
    ``uvicorn`` (``--app shop.celery:app``, ``SENTRY_SCRUBBERS=myapp.sentry:...``); ``python -m``
    does the same by itself."""
    cwd = os.getcwd()
    if "" not in sys.path and cwd not in sys.path:
        sys.path.insert(0, cwd)


def run() -> None:
    """Console-script entry point."""
    _cwd_on_path()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `sentry-guard detectors | head`: the reader left, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python flushes at exit
        code = 0
    sys.exit(code)
