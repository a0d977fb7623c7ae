"""`sentry-guard events ...`, `issues ...` and `audit`: the web API from a terminal or CI job."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, TextIO

from pydantic import ValidationError

from .._audit import delete_issues, run_audit
from .._exceptions import ConfigError, SentryGuardError
from .._hooks import default_chain
from .._safe_text import clean, excerpt
from ..api import SentryApi

__all__ = ["add_commands"]

from ._exit import EXIT_INVALID as EXIT_FAILED
from ._exit import EXIT_OK, EXIT_USAGE

_PERIOD = re.compile(r"(\d+)([smhdw])\Z")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def _seconds(value: str) -> float:
    """``--deadline``: a positive number of seconds, at most an hour."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{excerpt(value)}: use a number of seconds from 0 to 3600, e.g. 30")
    return seconds


def _common(parser: argparse.ArgumentParser, *, listing: bool) -> None:
    parser.add_argument("--org", help="organization slug (default: SENTRY_ORG)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--deadline",
        type=_seconds,
        metavar="SECONDS",
        help="give up after this long in all, retries and waits included (default: SENTRY_API_DEADLINE, 30)",
    )
    parser.add_argument(
        "--insecure",
        action="store_true",
        help="allow plain http:// to a host that is not this machine (SENTRY_ALLOW_HTTP=true)",
    )
    if listing:
        parser.add_argument("--project", help="project slug (default: SENTRY_PROJECT)")
        parser.add_argument("--query", help="Sentry search query, e.g. 'is:unresolved level:error'")
        parser.add_argument("--since", help="how far back: 30m, 24h, 14d (Sentry's statsPeriod)")
        parser.add_argument(
            "--limit", type=int, default=50, help="at most this many rows (default 50; 0: all)"
        )


def add_commands(commands: Any) -> None:
    """Register ``events``, ``issues`` and ``audit`` on the main parser's subcommands."""
    events = commands.add_parser("events", help="a project's error events (Sentry web API)")
    events_commands = events.add_subparsers(dest="action", required=True, metavar="ACTION")
    events_list = events_commands.add_parser("list", help="list a project's error events")
    _common(events_list, listing=True)
    events_list.set_defaults(handler=_with_api(_events_list, needs_project=True))

    issues = commands.add_parser("issues", help="a project's issues: list, show, triage (Sentry web API)")
    actions = issues.add_subparsers(dest="action", required=True, metavar="ACTION")
    issues_list = actions.add_parser("list", help="list a project's issues")
    _common(issues_list, listing=True)
    issues_list.set_defaults(handler=_with_api(_issues_list, needs_project=True))
    for name, help_text in [
        ("show", "show one issue"),
        ("events", "list an issue's events"),
        ("resolve", "mark resolved"),
        ("ignore", "ignore (archive)"),
        ("unresolve", "mark unresolved"),
        ("assign", "assign to a user or team"),
        ("bookmark", "bookmark (or --remove the bookmark)"),
        ("delete", "delete the issue and its events"),
    ]:
        action = actions.add_parser(name, help=help_text)
        action.add_argument("issue_id", metavar="ISSUE_ID")
        _common(action, listing=name == "events")
        if name == "assign":
            action.add_argument(
                "assignee", help="'username', 'user:ID', 'team:ID' or an email; '' to unassign"
            )
        if name == "bookmark":
            action.add_argument("--remove", action="store_true")
        if name == "delete":
            action.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        chosen = {"show": _issue_show, "events": _issue_events, "delete": _issue_delete}.get(
            name, _issue_update
        )
        action.set_defaults(handler=_with_api(chosen, needs_project=False))

    audit = commands.add_parser(
        "audit",
        help="find personal data and secrets already stored in a project's events (exit 1 if any)",
        description="Fetch the project's recent events with their bodies and run the scrubbing rules "
        "configure() installs over them in report mode: every finding with its issue, event, path "
        "and kind, and a masked excerpt (never the value). Exit 0: nothing found, 1: findings, 2: error.",
    )
    _common(audit, listing=False)
    audit.add_argument("--project", help="project slug (default: SENTRY_PROJECT)")
    audit.add_argument("--period", default="14d", help="how far back: 24h, 14d, 90d (default 14d)")
    audit.add_argument(
        "--limit", type=int, default=100, help="at most this many events (default 100; 0: all)"
    )
    audit.add_argument(
        "--delete-issues",
        action="store_true",
        help="delete the issues whose events hold findings (only with --yes; without it, show what would go)",
    )
    audit.add_argument("--yes", action="store_true", help="with --delete-issues: really delete")
    audit.set_defaults(handler=lambda args, out, err, stdin: _audit(args, out, err))


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    if not _PERIOD.match(value):
        raise ValueError(f"--since {excerpt(value)}: use a number and a unit, e.g. 30m, 24h, 14d")
    return value


def _start(period: str | None) -> str | None:
    """A ``statsPeriod`` as an ISO start time (for endpoints that take start/end)."""
    if period is None:
        return None
    match = _PERIOD.match(period)
    assert match is not None
    delta = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    return (datetime.now(timezone.utc) - delta).isoformat(timespec="seconds")


def _cell(value: Any, limit: int = 200) -> str:
    """A value from Sentry as table text: one line, no control characters (escape sequences)."""
    return clean(str(value if value is not None and value != "" else ""), limit)


def _table(rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]], out: TextIO) -> int:
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    if not cells:
        print("(none)", file=out)
        return 0
    widths = [max(len(title), *(len(row[i]) for row in cells)) for i, (_, title) in enumerate(columns)]
    widths[-1] = len(columns[-1][1])  # the last column (titles) is not padded
    print("  ".join(title.ljust(w) for (_, title), w in zip(columns, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(), file=out)
    return len(cells)


_EVENT_COLUMNS = [("eventID", "EVENT"), ("dateCreated", "DATE"), ("title", "TITLE")]
_ISSUE_COLUMNS = [
    ("shortId", "ISSUE"),
    ("status", "STATUS"),
    ("count", "EVENTS"),
    ("userCount", "USERS"),
    ("lastSeen", "LAST SEEN"),
    ("title", "TITLE"),
]


def _emit(items: Iterable[Any], columns: list[tuple[str, str]], as_json: bool, out: TextIO) -> None:
    dumped = [item.model_dump() for item in items]
    if as_json:
        print(json.dumps(dumped, indent=2), file=out)
    else:
        _table(dumped, columns, out)


#: what an ``issues`` action changes (each a PUT of these fields)
_UPDATES: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "resolve": lambda args: {"status": "resolved"},
    "ignore": lambda args: {"status": "ignored"},
    "unresolve": lambda args: {"status": "unresolved"},
    "assign": lambda args: {"assignedTo": args.assignee},
    "bookmark": lambda args: {"isBookmarked": not args.remove},
}
_Action = Callable[[SentryApi, argparse.Namespace, TextIO, TextIO, TextIO], int]


def _events_list(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    events = api.project_events(stats_period=_since(args.since), limit=args.limit or None)
    _emit(events, _EVENT_COLUMNS, args.json, out)
    return EXIT_OK


def _issues_list(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    issues = api.project_issues(query=args.query, stats_period=_since(args.since), limit=args.limit or None)
    _emit(issues, _ISSUE_COLUMNS, args.json, out)
    return EXIT_OK


def _issue_events(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    start = _start(_since(args.since))
    events = api.issue_events(args.issue_id, query=args.query, start=start, limit=args.limit or None)
    _emit(events, _EVENT_COLUMNS, args.json, out)
    return EXIT_OK


_SHOWN = (
    "shortId",
    "title",
    "status",
    "level",
    "count",
    "userCount",
    "firstSeen",
    "lastSeen",
    "assignedTo",
    "permalink",
)


def _issue_show(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    issue = api.issue(args.issue_id)
    if args.json:
        print(json.dumps(issue.model_dump(), indent=2), file=out)
    else:
        for key in _SHOWN:
            print(f"{key + ':':<12} {clean(str(getattr(issue, key)), 500)}", file=out)
    return EXIT_OK


def _issue_delete(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    if not args.yes:
        print(f"delete issue {args.issue_id} and all its events? [y/N] ", end="", file=err, flush=True)
        if stdin.readline().strip().lower() not in ("y", "yes"):
            print("not deleted", file=err)
            return EXIT_FAILED
    api.delete_issue(args.issue_id)
    print(f"issue {args.issue_id} deleted", file=out)
    return EXIT_OK


def _issue_update(api: SentryApi, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    fields = _UPDATES[args.action](args)
    updated = api.update_issue(args.issue_id, **fields)
    if args.json:
        print(json.dumps(updated.model_dump(exclude_none=True), indent=2), file=out)
    else:
        print(f"issue {args.issue_id}: {', '.join(f'{k}={v}' for k, v in fields.items())}", file=out)
    return EXIT_OK


def _with_api(action: _Action, needs_project: bool) -> Callable[..., int]:
    """The handler for an ``events``/``issues`` command: builds the client, runs `action`,
    and turns every failure into one line and exit 1."""

    def handler(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
        project = getattr(args, "project", None)
        try:
            api = SentryApi(
                org=args.org,
                project=project,
                deadline=args.deadline,
                allow_http=True if args.insecure else None,
            )
            missing = api.missing_settings(org=args.org, project=project, needs_project=needs_project)
            if missing:
                raise ConfigError(missing)
            return action(api, args, out, err, stdin)
        except ConfigError as exc:
            print(exc, file=err)
            return EXIT_FAILED
        # never shown: its text quotes the values it refused (and it is a ValueError)
        except ValidationError:  # pragma: no cover - SentryApi turns it into InvalidResponse
            print(f"sentry-guard {args.command} {getattr(args, 'action', '')}: unexpected data", file=err)
            return EXIT_FAILED
        except (SentryGuardError, ValueError) as exc:
            print(f"sentry-guard {args.command} {getattr(args, 'action', '')}: {exc}", file=err)
            return EXIT_FAILED

    return handler


_FINDING_COLUMNS = [
    ("issue", "ISSUE"),
    ("event_id", "EVENT"),
    ("path", "PATH"),
    ("kind", "KIND"),
    ("excerpt", "EXCERPT"),
]


def _audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``sentry-guard audit``: 0 when nothing was found, 1 when something was, 2 on errors."""

    try:
        api = SentryApi(
            org=args.org,
            project=args.project,
            deadline=args.deadline,
            allow_http=True if args.insecure else None,
        )
        missing = api.missing_settings(org=args.org, project=args.project, needs_project=True)
        if missing:
            raise ConfigError(missing)
        chain = default_chain()
        report = run_audit(api, chain, period=_since(args.period), limit=args.limit or None)
    except ConfigError as exc:
        print(exc, file=err)
        return EXIT_USAGE
    # never shown: its text quotes the values it refused (and it is a ValueError)
    except ValidationError:  # pragma: no cover - SentryApi turns it into InvalidResponse
        print("sentry-guard audit: unexpected data from the server", file=err)
        return EXIT_USAGE
    except (SentryGuardError, ValueError) as exc:
        print(f"sentry-guard audit: {exc}", file=err)
        return EXIT_USAGE
    rows = [vars(f) for f in report.findings]
    if args.json:
        document = {
            "events_scanned": report.events_scanned,
            "findings": [
                {k: row[k] for k in ("issue_id", "issue", "event_id", "path", "kind", "excerpt")}
                for row in rows
            ],
        }
        print(json.dumps(document, indent=2), file=out)
    else:
        if rows:
            _table(rows, _FINDING_COLUMNS, out)
        issues = report.issues()
        print(
            f"{len(rows)} finding(s) in {len({r['event_id'] for r in rows})} of {report.events_scanned} "
            f"event(s) scanned, {len(issues)} issue(s)",
            file=out,
        )
        if rows:
            print("by kind:  " + ", ".join(f"{k} {n}" for k, n in report.by_kind().items()), file=out)
            print(
                "by issue: " + ", ".join(f"{_cell(k, 40)} {n}" for k, n in report.by_issue().items()),
                file=out,
            )
    code = EXIT_FAILED if rows else EXIT_OK
    if args.delete_issues and rows:
        # the plan and the outcome go to stderr with --json: stdout holds the document only
        shown = err if args.json else out
        issues = report.issues()
        if not args.yes:
            for issue_id, short in issues:
                print(
                    f"would delete issue {_cell(short, 40)} ({_cell(issue_id, 40)}) and all its events",
                    file=shown,
                )
            print("nothing deleted: add --yes to delete these issues", file=shown)
            return code
        for issue_id, short, problem in delete_issues(api, issues):
            if problem is None:
                print(f"deleted issue {_cell(short, 40)} ({_cell(issue_id, 40)})", file=shown)
            else:
                print(
                    f"could not delete issue {_cell(short, 40)} ({_cell(issue_id, 40)}): {clean(problem, 300)}",
                    file=err,
                )
                code = EXIT_USAGE
    elif args.yes and not args.delete_issues:
        print("--yes does nothing without --delete-issues", file=err)
    return code
