"""The optional compiled scanner and walker (``sentry_guard/_speedups.c``), when installed.

Built at install time where a C compiler is found; without one, or with
``SENTRY_GUARD_PURE_PYTHON=1`` (at install time or at run time), sentry_guard runs the
pure-Python scanner and walker, which pass the same tests.
"""

from __future__ import annotations

from types import ModuleType

from .._switches import pure_python_requested

__all__ = ["SPEEDUPS"]


def _load() -> ModuleType | None:
    """The compiled module, unless ``SENTRY_GUARD_PURE_PYTHON`` asks for pure Python (read as
    the settings read booleans: ``0`` and ``false`` do not)."""
    if pure_python_requested():
        return None
    try:
        from .. import _speedups  # here: it is optional (not built without a C compiler)
    except ImportError:
        return None
    return _speedups


#: the compiled module, or None; read when a `Walker` or a `Scanner` is built (tests and the
#: benchmark set it to None to build pure-Python ones)
SPEEDUPS = _load()
