"""Custom scrubbers from import paths (``SENTRY_SCRUBBERS``) and the entry-point group."""

from __future__ import annotations

import importlib
import inspect
import sys
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from ..errors import ConfigError, Problem
from .chain import Scrubber

__all__ = ["ENTRY_POINT_GROUP", "load_entry_points", "resolve"]

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


def resolve(path: str) -> Scrubber:
    """Import ``package.module:attribute`` (a function, a callable, or a class to instantiate)."""
    module_name, sep, attribute = path.partition(":")
    if not sep or not module_name or not attribute:
        raise ValueError(f"{path!r} is not of the form 'package.module:function'")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise ValueError(f"cannot import {module_name!r} ({type(exc).__name__}: {exc})") from None
    target: Any = module
    for part in attribute.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise ValueError(f"module {module_name!r} has no {attribute!r}") from None
    return _usable(target, path)


def _group(name: str) -> list[EntryPoint]:
    if sys.version_info >= (3, 10):
        return list(entry_points(group=name))
    return list(entry_points().get(name, ()))  # pragma: no cover - Python 3.9


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
