"""The `sentry-guard` command: check settings in a Docker build step, print or check releases."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from .errors import ConfigError, InvalidRelease
from .loading import is_strict, try_load_settings
from .names import parse_release, release_advice
from .settings import Settings, env_name

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _show(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, tuple):
        return ",".join(value) if value else "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _check(out: TextIO, err: TextIO) -> int:
    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        if not is_strict({}):
            print(
                "(SENTRY_GUARD_STRICT=false: configure() would log this and start with Sentry off)", file=err
            )
        return EXIT_INVALID
    width = max(len(env_name(n)) for n in Settings.model_fields)
    for name in Settings.model_fields:
        marker = "*" if name in settings.model_fields_set else " "
        if name == "release" and settings.release and marker == " ":
            marker = "~"
        print(f"{marker} {env_name(name):<{width}}  {_show(getattr(settings, name))}", file=out)
    print("(* = set, ~ = derived from SENTRY_RELEASE_PACKAGE/VERSION or a CI commit variable)", file=out)
    if settings.dsn is None:
        print("Sentry would be off: SENTRY_DSN is not set", file=out)
    if settings.release:
        advice = release_advice(settings.release)
        if advice:
            print(f"warning: {advice}", file=err)
    print("OK: the Sentry configuration is valid", file=out)
    return EXIT_OK


def _release(out: TextIO, err: TextIO) -> int:
    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return EXIT_INVALID
    if not settings.release:
        print(
            "no release: set SENTRY_RELEASE, or SENTRY_RELEASE_PACKAGE with SENTRY_RELEASE_VERSION "
            "or a CI commit variable such as GITHUB_SHA",
            file=err,
        )
        return EXIT_INVALID
    print(settings.release, file=out)
    return EXIT_OK


def _release_validate(name: str, out: TextIO, err: TextIO) -> int:
    try:
        parsed = parse_release(name)
    except InvalidRelease as exc:
        print(exc, file=err)
        return EXIT_INVALID
    print(parsed.raw, file=out)
    version = parsed.version
    print(f"  package:    {parsed.package or '(none)'}", file=out)
    print(f"  version:    {parsed.version_raw}", file=out)
    if version is not None:
        quad = f"{version.major}.{version.minor}.{version.patch}.{version.revision}"
        print(f"  parsed:     {quad} pre={version.pre or '-'} build={version.build_code or '-'}", file=out)
    print(f"  build hash: {parsed.build_hash or '(none)'}", file=out)
    print(f"  shown as:   {parsed.description}", file=out)
    advice = release_advice(name)
    if advice:
        print(f"warning: {advice}", file=err)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sentry-guard", description="Validate and inspect the Sentry configuration of this environment."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check", help="validate SENTRY_* variables like configure() and print the effective settings"
    )
    release = commands.add_parser("release", help="print the release configure() would use")
    release_commands = release.add_subparsers(dest="release_command", metavar="SUBCOMMAND")
    validate = release_commands.add_parser("validate", help="check one release name against Sentry's rules")
    validate.add_argument("name")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0 valid, 1 invalid, 2 usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code != 2 else EXIT_USAGE
    if args.command == "check":
        return _check(out, err)
    if args.release_command == "validate":
        return _release_validate(args.name, out, err)
    return _release(out, err)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
