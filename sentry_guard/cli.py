"""The `sentry-guard` command: check settings (a Docker build step), releases, the demo, `scrub`."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import sentry_sdk
from pydantic import SecretStr

from . import __version__, api_cli, scrub_cli
from ._exceptions import ConfigError, InvalidRelease
from .api import is_loopback, origin
from .demo import run_demo
from .dsn import Dsn
from .integrations.celery import audit_beat_schedule, load_app
from .loading import is_strict, try_load_settings
from .names import parse_release, release_advice
from .provenance import dsn_source, release_source, release_warning
from .safe_text import clean, excerpt, looks_secret, mask_url, safe_error_text
from .scrubbers.catalogue import describe
from .scrubbers.scan import uses_compiled_scanner
from .sdk import sdk_version
from .settings import Settings, env_name
from .startup import plan
from .user_scrubbers import PATH_CHARS, import_fix
from .variables import unknown_variables, unknown_variables_text

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


#: settings where a long run of hex digits is a commit SHA, not a key
_SHA_FIELDS = ("release", "release_version")


def _show(value: Any, name: str = "") -> str:
    """A setting's value for `check`: URL passwords masked, one clean line, secrets held back."""
    if value is None:
        return "(unset)"
    if isinstance(value, tuple):
        return ",".join(_show(v, name) for v in value) if value else "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Path, Dsn, SecretStr)):
        return str(value)  # the DSN and the secrets print masked
    text = str(value)
    shown = clean(mask_url(text), 500)
    if shown == text and looks_secret(text, token_runs=name not in _SHA_FIELDS):
        return "(looks like a secret, not shown: is it in the right variable?)"
    return shown


def _scanner() -> str:
    if uses_compiled_scanner():
        return "the compiled scanner"
    return "in pure Python (no compiled scanner: 3 to 5 times slower; see Install in the README)"


def _check(out: TextIO, err: TextIO) -> int:
    """Run what `configure()` runs short of ``sentry_sdk.init`` (the chain and its plugins and
    hooks included, DSN or not: the DSN usually arrives only at deploy time)."""

    built = plan(without_dsn=True)
    settings = built.settings
    if settings is None or built.chain is None:
        print(ConfigError(built.problems), file=err)
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
        print(f"{marker} {env_name(name):<{width}}  {_show(getattr(settings, name), name)}", file=out)
    print("(* = set, ~ = derived from SENTRY_RELEASE_PACKAGE/VERSION or a CI commit variable)", file=out)
    print(f"scrubber chain: {' -> '.join(built.chain.names)}", file=out)
    print(f"scrubbing runs {_scanner()}", file=out)
    source = dsn_source(settings)
    if source is None:
        print("Sentry would be off: SENTRY_DSN is not set", file=out)
    else:
        print(f"DSN from {source}", file=out)
    warnings = []
    unknown = unknown_variables(env_file=settings.guard_env_file)
    if unknown:
        warnings.append(unknown_variables_text(unknown))
    if built.unsupported:
        warnings.append(
            f"sentry-sdk {sdk_version()} does not support {', '.join(built.unsupported)}: "
            "configure() will warn and leave them out; upgrade sentry-sdk or unset them"
        )
    scheme, host, _ = origin(settings.url) or ("", "", 0)
    if scheme == "http" and not settings.allow_http and not is_loopback(host):
        warnings.append(
            "SENTRY_URL is plain http:// to another machine: the web API commands refuse "
            "to send the token there unless SENTRY_ALLOW_HTTP=true (or --insecure)"
        )
    package_warning = release_warning(settings)
    if package_warning:
        warnings.append(package_warning)
    if settings.release:
        advice = release_advice(settings.release)
        if advice:
            warnings.append(advice)
    for warning in warnings:
        print(f"warning: {warning}", file=err)
    print("OK: the Sentry configuration is valid", file=out)
    return EXIT_OK


def _release(out: TextIO, err: TextIO) -> int:
    """The release sentry-sdk will report, on standard output alone (for scripts); where it
    comes from on standard error."""
    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return EXIT_INVALID
    release, source = release_source(settings)
    warning = release_warning(settings)
    if warning:
        print(f"warning: {warning}", file=err)
    if not release:
        print(
            "no release: set SENTRY_RELEASE, or SENTRY_RELEASE_PACKAGE with SENTRY_RELEASE_VERSION "
            "or a CI commit variable such as GITHUB_SHA",
            file=err,
        )
        return EXIT_INVALID
    print(release, file=out)
    print(f"(from {source})", file=err)
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


def _celery_monitors(app_path: str, out: TextIO, err: TextIO) -> int:

    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return EXIT_INVALID
    if importlib.util.find_spec("celery") is None:
        print(
            "sentry-guard celery monitors: Celery is not installed. "
            'Fix: pip install "sentry-guard[celery]" (or add celery to your requirements)',
            file=err,
        )
        return EXIT_USAGE
    try:
        app = load_app(app_path)
    except (Exception, SystemExit) as exc:  # the module's own import may fail in any way
        shown = excerpt(app_path, PATH_CHARS)
        module = app_path.partition(":")[0]
        fix = (
            "make the module importable without exiting"
            if isinstance(exc, SystemExit)
            else import_fix(module, exc)
            if not isinstance(exc, ValueError)
            else "name the app as pkg.module:app, e.g. the module that calls Celery(...)"
        )
        print(
            f"sentry-guard celery monitors: cannot load {shown}: {safe_error_text(exc)}. Fix: {fix}", file=err
        )
        return EXIT_USAGE
    reports = audit_beat_schedule(app, settings)
    width = max([len("SLUG"), *(len(r.name) for r in reports)])
    print(f"{'SLUG':<{width}}  {'SCHEDULE':<22} {'TIMEZONE':<16} MONITORED", file=out)
    for report in reports:
        print(
            f"{report.name:<{width}}  {report.schedule:<22} {report.timezone:<16} {'yes' if report.monitored else 'NO'}",
            file=out,
        )
        for reason, fix in zip(report.reasons, report.fixes, strict=True):
            print(f"{'':<{width}}    - {reason}. Fix: {fix}", file=out)
    missing = sum(not r.monitored for r in reports)
    print(f"{len(reports) - missing} of {len(reports)} beat entries will be monitored", file=out)
    return EXIT_INVALID if missing else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sentry-guard", description="Validate and inspect the Sentry configuration of this environment."
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check", help="validate SENTRY_* variables like configure() and print the effective settings"
    )
    release = commands.add_parser("release", help="print the release configure() would use")
    release_commands = release.add_subparsers(dest="release_command", metavar="SUBCOMMAND")
    validate = release_commands.add_parser("validate", help="check one release name against Sentry's rules")
    validate.add_argument("name")
    demo = commands.add_parser(
        "demo", help="raise an error full of planted secrets and show what reached the wire"
    )
    demo.add_argument("--wire", action="store_true", help="also print the event exactly as it arrived")
    demo.add_argument(
        "--send",
        action="store_true",
        help="also send the scrubbed event to the project of SENTRY_DSN and say whether it arrived",
    )
    scrub = commands.add_parser(
        "scrub", help="run the configured chain over an event JSON (or envelope) and print it"
    )
    scrub.add_argument(
        "source", nargs="?", default="-", metavar="FILE|-", help="the event; - reads standard input"
    )
    scrub.add_argument("--diff", action="store_true", help="print only what changed, path by path")
    scrub.add_argument(
        "--explain",
        action="store_true",
        help="print what changed, path by path, and the rule that changed it",
    )
    scrub.add_argument(
        "--scrubbers", default="", help="more scrubbers, as import paths pkg.mod:func (comma-separated)"
    )
    detectors = commands.add_parser(
        "detectors", help="list the catalogue: what scrubbing finds by content, and how to select it"
    )
    detectors.add_argument(
        "selection", nargs="*", default=["all"], help="names or kinds, as SENTRY_SCRUB_DETECTORS takes them"
    )
    detectors.add_argument("--json", action="store_true", help="print the rows as JSON")
    api_cli.add_commands(commands)
    celery = commands.add_parser("celery", help="Celery: which beat entries Sentry will monitor")
    celery_commands = celery.add_subparsers(dest="celery_command", required=True, metavar="SUBCOMMAND")
    monitors = celery_commands.add_parser(
        "monitors", help="audit the beat schedule: slug, schedule, monitored or why not"
    )
    monitors.add_argument("--app", required=True, help="the Celery app, as pkg.module:app")
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
    if args.command == "check":
        return _check(out, err)
    if args.command == "demo":
        return run_demo(out, show_wire=args.wire, send=args.send, err=err)
    if args.command == "celery":
        return _celery_monitors(args.app, out, err)
    if args.command in ("events", "issues", "audit"):
        return api_cli.run(args, out, err, stdin)
    if args.command == "detectors":
        return _detectors(args.selection, args.json, out, err)
    if args.command == "scrub":
        paths = [p.strip() for p in args.scrubbers.split(",") if p.strip()]
        return scrub_cli.run(args.source, args.diff, paths, out, err, stdin, explained=args.explain)
    if args.release_command == "validate":
        return _release_validate(args.name, out, err)
    return _release(out, err)


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
    sys.exit(main())
