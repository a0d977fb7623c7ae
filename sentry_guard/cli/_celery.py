"""`sentry-guard celery monitors`: which beat entries Sentry will monitor, and why not."""

from __future__ import annotations

import importlib.util
from typing import Any, TextIO

from .._exceptions import ConfigError
from .._integrations.celery import audit_beat_schedule, load_app
from .._loading import try_load_settings
from .._safe_text import excerpt, safe_error_text
from .._user_scrubbers import PATH_CHARS, import_fix
from ._exit import EXIT_INVALID, EXIT_OK, EXIT_USAGE

__all__ = ["add_commands"]


def add_commands(commands: Any) -> None:
    """Register ``celery monitors --app pkg.mod:app``."""
    celery = commands.add_parser("celery", help="Celery: which beat entries Sentry will monitor")
    celery_commands = celery.add_subparsers(dest="celery_command", required=True, metavar="SUBCOMMAND")
    monitors = celery_commands.add_parser(
        "monitors", help="audit the beat schedule: slug, schedule, monitored or why not"
    )
    monitors.add_argument("--app", required=True, help="the Celery app, as pkg.module:app")
    monitors.set_defaults(handler=lambda args, out, err, stdin: _celery_monitors(args.app, out, err))


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
