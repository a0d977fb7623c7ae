"""Custom scrubbers from the ``sentry_guard._scrubbers`` entry-point group (import paths in
``SENTRY_SCRUBBERS`` are resolved by ``sentry_guard._user_scrubbers``)."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from .._exceptions import ConfigError, InvalidSetting, Problem
from .._user_scrubbers import usable_scrubber
from ..typing import Scrubber

__all__ = ["ENTRY_POINT_GROUP", "load_entry_points"]

ENTRY_POINT_GROUP = "sentry_guard.scrubbers"


def _group(name: str) -> list[EntryPoint]:
    return list(entry_points(group=name))


def load_entry_points() -> list[Scrubber]:
    """Every scrubber plugin, in entry-point name order; `ConfigError` names each broken one."""
    scrubbers, problems = [], []
    for point in sorted(_group(ENTRY_POINT_GROUP), key=lambda p: p.name):
        dist = getattr(point, "dist", None)
        where = f"entry point {point.name!r} ({point.value}" + (f", from {dist.name}" if dist else "") + ")"
        try:
            # the signature is checked where the chain is built, in its own words
            scrubbers.append(usable_scrubber(point.load(), where, signature=False))
        except InvalidSetting as exc:
            problems.append(Problem(where, exc.rule, f"{exc.fix}, or uninstall the plugin package"))
        except Exception as exc:
            problems.append(
                Problem(
                    where,
                    f"cannot be loaded ({type(exc).__name__}: {exc})",
                    "fix or uninstall the plugin package",
                )
            )
    if problems:
        raise ConfigError(problems)
    return scrubbers
