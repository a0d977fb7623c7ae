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
