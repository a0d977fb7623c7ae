"""Celery: the integration with sentry_guard's settings, worker and beat signals, the beat audit.

Sentry must be initialised in every process that runs tasks or schedules them: in
``celeryd_init`` for workers and ``beat_init`` for beat (either with ``worker -B``). Beat
entries Sentry cannot monitor are dropped silently by sentry-sdk; the audit names them.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from .._exceptions import InvalidSlug
from .._names import suggest_slug, validate_slug
from .._settings import Settings

__all__ = [
    "MonitorReport",
    "audit_beat_schedule",
    "celery_integration",
    "connect_signals",
    "load_app",
    "merge_integrations",
]

logger = logging.getLogger("sentry_guard")
DISPATCH_UID = "sentry_guard.celery.configure"


def celery_integration(settings: Settings, given: Any = None) -> Any:
    """`CeleryIntegration` with the settings' options (imports celery).

    `given` is one the user passed to `configure(integrations=...)`: it replaces ours, and
    where it left an option at sentry-sdk's default the settings fill it in. A new instance
    is built either way, since the integration sets up beat monitoring when constructed."""

    from sentry_sdk.integrations.celery import CeleryIntegration  # here: it imports Celery, an extra

    ours: dict[str, Any] = {
        "propagate_traces": settings.celery_propagate_traces,
        "monitor_beat_tasks": settings.celery_monitor_beat_tasks,
        "exclude_beat_tasks": list(settings.celery_exclude_beat_tasks) or None,
    }
    if given is not None:
        parameters = inspect.signature(CeleryIntegration.__init__).parameters
        for name in ours:
            default = parameters[name].default if name in parameters else None
            theirs = getattr(given, name, default)
            if theirs != default:
                ours[name] = theirs
    return CeleryIntegration(**ours)


def merge_integrations(given: Any, settings: Settings) -> list[Any]:
    """The user's integrations with ours: a `CeleryIntegration` of theirs replaces ours (with
    our settings where they left defaults); the rest are kept in their order."""
    from sentry_sdk.integrations.celery import CeleryIntegration  # here: it imports Celery, an extra

    merged = list(given or ())
    for index, integration in enumerate(merged):
        if isinstance(integration, CeleryIntegration):
            merged[index] = celery_integration(settings, integration)
            return merged
    return [*merged, celery_integration(settings)]


#: what the receivers re-run in worker and beat processes: the last configure() call
_receiver_call: dict[str, Any] = {}


def connect_signals(reconfigure: Callable[[], Any]) -> None:
    """Run `reconfigure` in ``celeryd_init``, ``beat_init`` and ``beat_embedded_init``: strong
    references, fixed ``dispatch_uid``, so configuring twice connects once."""
    from celery import signals  # here: Celery is an optional extra

    _receiver_call["run"] = reconfigure

    def on_init(**kwargs: Any) -> None:
        _receiver_call["run"]()

    # `worker -B` runs beat in a forked child that sends beat_embedded_init, not beat_init;
    # the client inherited through fork must not be reused there (its transport is the
    # parent's), so that child gets its own configure() too.
    for signal in (signals.celeryd_init, signals.beat_init, signals.beat_embedded_init):
        signal.connect(on_init, weak=False, dispatch_uid=DISPATCH_UID)


def load_app(path: str) -> Any:
    """A Celery app from ``pkg.module:app`` (or ``pkg.module``, whose ``app`` / ``celery`` is used)."""

    module_name, _, attribute = path.partition(":")
    module = importlib.import_module(module_name)
    for name in [attribute] if attribute else ["app", "celery"]:
        if hasattr(module, name):
            return getattr(module, name)
    raise ValueError(f"{path!r}: no Celery app there (expected pkg.module:app)")


@dataclass
class MonitorReport:
    """One beat entry: its slug, schedule, timezone, and whether Sentry will monitor it."""

    name: str
    schedule: str
    timezone: str
    monitored: bool
    reasons: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)


def _describe(schedule: Any) -> tuple[str, float | None, bool]:
    """(text, interval seconds or None, is a crontab) for a beat schedule."""
    from celery.schedules import crontab  # here: Celery is an optional extra
    from celery.schedules import schedule as interval

    if isinstance(schedule, (int, float)):
        return f"every {schedule:g}s", float(schedule), False
    if isinstance(schedule, timedelta):
        return f"every {schedule.total_seconds():g}s", schedule.total_seconds(), False
    if isinstance(schedule, crontab):
        text = "{0._orig_minute} {0._orig_hour} {0._orig_day_of_month} {0._orig_month_of_year} {0._orig_day_of_week}"
        return text.format(schedule), None, True
    if isinstance(schedule, interval):
        return f"every {schedule.seconds:g}s", schedule.seconds, False
    return type(schedule).__name__, None, False


def audit_beat_schedule(app: Any, settings: Settings) -> list[MonitorReport]:
    """Every beat entry, and for each that Sentry will not monitor, why and how to fix it."""
    reports = []
    timezone = str(getattr(app.conf, "timezone", None) or "UTC")
    for name, entry in (app.conf.beat_schedule or {}).items():
        schedule = entry.get("schedule") if isinstance(entry, dict) else getattr(entry, "schedule", None)
        text, seconds, is_crontab = _describe(schedule)
        zone = str(getattr(schedule, "tz", None) or timezone)
        report = MonitorReport(name, text, zone, True)
        if not settings.celery_monitor_beat_tasks:
            report.reasons.append("SENTRY_CELERY_MONITOR_BEAT_TASKS is off")
            report.fixes.append("set SENTRY_CELERY_MONITOR_BEAT_TASKS=true")
        if any(
            re.search(pattern + ("" if pattern.endswith("$") else "$"), name)
            for pattern in settings.celery_exclude_beat_tasks
        ):
            report.reasons.append("excluded by SENTRY_CELERY_EXCLUDE_BEAT_TASKS")
            report.fixes.append("remove the pattern that matches it, if you want it monitored")
        if seconds is not None:
            if seconds < 60:
                report.reasons.append(
                    f"interval of {seconds:g}s: Sentry monitors intervals of a minute or more"
                )
                report.fixes.append("run it every minute or more, or exclude it")
            elif seconds % 60:
                report.reasons.append(f"interval of {seconds:g}s is not whole minutes")
                report.fixes.append(f"use {int(seconds // 60) or 1} or {int(seconds // 60) + 1} minutes")
        elif not is_crontab:
            report.reasons.append(f"{text} schedules (solar or custom) are not supported by Sentry Crons")
            report.fixes.append("use a crontab or an interval schedule")
        try:
            validate_slug(name)
        except InvalidSlug as exc:
            report.reasons.append(f"the name is not a valid monitor slug: {exc.rule}")
            report.fixes.append(f"rename the beat entry to {suggest_slug(name)!r}")
        report.monitored = not report.reasons
        reports.append(report)
    return reports


def warn_unmonitored(app: Any, settings: Settings) -> list[MonitorReport]:
    """Log one WARNING naming every beat entry Sentry will not monitor."""
    reports = audit_beat_schedule(app, settings)
    missing = [r for r in reports if not r.monitored]
    if missing:
        logger.warning(
            "Sentry will not monitor %d beat entr%s: %s",
            len(missing),
            "y" if len(missing) == 1 else "ies",
            "; ".join(f"{r.name!r} ({', '.join(r.reasons)}; fix: {', '.join(r.fixes)})" for r in missing),
        )
    return reports
