"""Custom scrubbers from the ``sentry_guard.scrubbers`` entry-point group (import paths in
``SENTRY_SCRUBBERS`` are resolved by ``sentry_guard.user_scrubbers``)."""

from __future__ import annotations

import inspect
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from ..errors import ConfigError, Problem
from .chain import Scrubber

__all__ = ["ENTRY_POINT_GROUP", "load_entry_points"]

ENTRY_POINT_GROUP = "sentry_guard.scrubbers"


def _usable(target: Any, where: str) -> Scrubber:
    """A class is instantiated without arguments; the result must be callable."""
    if inspect.isclass(target):
        try:
            target = target()
        except Exception as exc:
            raise ValueError(
                f"{where}: the class could not be created without arguments ({type(exc).__name__})"
            ) from None
    if not callable(target):
        raise ValueError(
            f"{where} is a {type(target).__name__}, not a callable (event, hint) -> event | None"
        )
    return target  # type: ignore[no-any-return]


def _group(name: str) -> list[EntryPoint]:
    return list(entry_points(group=name))


def load_entry_points() -> list[Scrubber]:
    """Every scrubber plugin, in entry-point name order; `ConfigError` names each broken one."""
    scrubbers, problems = [], []
    for point in sorted(_group(ENTRY_POINT_GROUP), key=lambda p: p.name):
        dist = getattr(point, "dist", None)
        where = f"entry point {point.name!r} ({point.value}" + (f", from {dist.name}" if dist else "") + ")"
        try:
            scrubbers.append(_usable(point.load(), where))
        except ValueError as exc:
            problems.append(Problem(where, str(exc), "fix or uninstall the plugin package"))
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
