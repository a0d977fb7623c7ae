"""Builds the optional compiled scanner; without a C compiler sentry_guard stays pure Python.

Everything else about the package is in pyproject.toml. ``SENTRY_GUARD_PURE_PYTHON=1`` at
install time skips the extension; ``SENTRY_GUARD_REQUIRE_COMPILED=1`` (set when wheels are
built, and in CI) makes a failed build an error instead of a quiet pure-Python install.
"""

import os

from setuptools import Extension, setup


def _pure_python() -> bool:
    """``SENTRY_GUARD_PURE_PYTHON`` read like sentry_guard/_switches.py reads it: 0/false/no/off
    (or unset) build the extension."""
    raw = os.environ.get("SENTRY_GUARD_PURE_PYTHON")
    return raw is not None and raw.strip().lower() not in {"", "0", "false", "f", "no", "n", "off"}


required = os.environ.get("SENTRY_GUARD_REQUIRE_COMPILED") == "1"
speedups = Extension("sentry_guard._speedups", ["sentry_guard/_speedups.c"], optional=not required)
setup(ext_modules=[] if _pure_python() else [speedups])
