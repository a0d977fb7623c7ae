"""The optional compiled scanner and walker (``sentry_guard/_speedups.c``), when installed.

Built at install time where a C compiler is found; without one, or with
``SENTRY_GUARD_PURE_PYTHON=1`` (at install time or at run time), sentry_guard runs the
pure-Python scanner and walker, which pass the same tests.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Optional

__all__ = ["SPEEDUPS"]


def _load() -> Optional[ModuleType]:
    if os.environ.get("SENTRY_GUARD_PURE_PYTHON"):
        return None
    try:
        from .. import _speedups
    except ImportError:
        return None
    return _speedups


#: the compiled module, or None; read when a `Walker` or a `Scanner` is built (tests and the
#: benchmark set it to None to build pure-Python ones)
SPEEDUPS = _load()
