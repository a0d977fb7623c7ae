"""Cron monitors: a validated `monitor` helper for jobs outside Celery beat."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sentry_sdk

from ._exceptions import ConfigError, InvalidSlug, Problem
from ._names import validate_slug

__all__ = ["INTERVAL_UNITS", "monitor", "monitor_config"]

#: the interval units Sentry Crons accepts
INTERVAL_UNITS = ("minute", "hour", "day", "week", "month", "year")
_F = TypeVar("_F", bound=Callable[..., Any])


def _timezone_problem(timezone: str) -> str | None:
    try:
        ZoneInfo(timezone)
    except Exception:
        return f"timezone {timezone!r} is not an IANA zone name"
    return None


def monitor_config(
    schedule: str | tuple[int, str],
    *,
    checkin_margin: int | None = None,
    max_runtime: int | None = None,
    timezone: str | None = None,
    failure_issue_threshold: int | None = None,
    recovery_threshold: int | None = None,
) -> dict[str, Any]:
    """Sentry's monitor config from a crontab string (``"*/5 * * * *"``) or ``(10, "minute")``.

    Raises `ConfigError` naming each bad part and how to fix it.
    """
    schedule_config, problems = _schedule(schedule)
    config: dict[str, Any] = {"schedule": schedule_config} if schedule_config else {}
    numbers = {
        "checkin_margin": checkin_margin,
        "max_runtime": max_runtime,
        "failure_issue_threshold": failure_issue_threshold,
        "recovery_threshold": recovery_threshold,
    }
    for name, number in numbers.items():
        if number is not None:
            if not _positive(number):
                problems.append(
                    Problem(
                        name, f"{number!r} is not a positive whole number", "use minutes (or a count), e.g. 5"
                    )
                )
            config[name] = number
    if timezone is not None:
        problem = _timezone_problem(timezone)
        if problem:
            problems.append(Problem("timezone", problem, "use e.g. 'Europe/Berlin' or 'UTC'"))
        config["timezone"] = timezone
    if problems:
        raise ConfigError(problems)
    return config


def _positive(value: Any) -> bool:
    """A whole number of at least 1 (``True`` is no number here)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _schedule(schedule: Any) -> tuple[dict[str, Any], list[Problem]]:
    """Sentry's ``schedule`` for a crontab string or ``(value, unit)``, and what is wrong with it."""
    if isinstance(schedule, str):
        rules = [
            (
                len(schedule.split()) == 5,
                f"{schedule!r} is not a crontab with five fields",
                "use e.g. '*/5 * * * *' (minute hour day month weekday)",
            )
        ]
        config = {"type": "crontab", "value": schedule}
    elif isinstance(schedule, tuple) and len(schedule) == 2:
        value, unit = schedule
        rules = [
            (
                _positive(value),
                f"interval {value!r} is not a positive whole number",
                "use e.g. (10, 'minute')",
            ),
            (
                unit in INTERVAL_UNITS,
                f"unit {unit!r} is not one Sentry supports",
                f"use one of {', '.join(INTERVAL_UNITS)}",
            ),
        ]
        config = {"type": "interval", "value": value, "unit": unit}
    else:
        rules = [
            (
                False,
                f"{schedule!r} is neither a crontab string nor (value, unit)",
                "use '*/5 * * * *' or (10, 'minute')",
            )
        ]
        config = {}
    return config, [Problem("schedule", rule, fix) for holds, rule, fix in rules if not holds]


def monitor(slug: str, schedule: str | tuple[int, str], **config: Any) -> Any:
    """`sentry_sdk.monitor` with the slug and config checked now, not silently by Sentry later.

    Works as a decorator and as a context manager::

        @sentry_guard.monitor("nightly-report", "0 3 * * *", max_runtime=30)
        def nightly_report(): ...
    """

    try:
        validate_slug(slug)
    except InvalidSlug as exc:
        raise ConfigError([Problem("monitor slug", exc.rule, exc.fix)]) from None
    return sentry_sdk.monitor(monitor_slug=slug, monitor_config=monitor_config(schedule, **config))  # type: ignore[arg-type]
