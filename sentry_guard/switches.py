"""Switches read before any setting is loaded: ``SENTRY_GUARD_PURE_PYTHON`` chooses the scanner
when sentry_guard is imported, so it is parsed here like every other boolean setting."""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["PURE_PYTHON", "pure_python_requested"]

PURE_PYTHON = "SENTRY_GUARD_PURE_PYTHON"
#: what the settings model reads as false (an empty variable counts as unset)
_FALSE = frozenset({"", "0", "false", "f", "no", "n", "off"})


def pure_python_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``SENTRY_GUARD_PURE_PYTHON`` asks for pure Python: `false`, `0`, `no`, `off` and
    unset do not; `true`, `1`, ... do, and so does an unreadable value (on the safe side, as
    before; `check` and `configure()` report it as invalid)."""
    raw = (os.environ if environ is None else environ).get(PURE_PYTHON)
    return raw is not None and raw.strip().lower() not in _FALSE


def honour_pure_python_switch() -> None:
    """Undo the compiled module's own reading, which took any non-empty value (``0``,
    ``false``) as "pure Python": turn the compiled scanner back on where it is installed."""
    from .scrubbers import compiled

    if compiled.SPEEDUPS is not None or PURE_PYTHON not in os.environ or pure_python_requested():
        return
    try:
        from . import _speedups
    except ImportError:
        return
    compiled.SPEEDUPS = _speedups
