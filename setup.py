"""Builds the optional compiled scanner; without a C compiler sentry_guard stays pure Python.

Everything else about the package is in pyproject.toml. ``SENTRY_GUARD_PURE_PYTHON=1`` at
install time skips the extension.
"""

import os

from setuptools import Extension, setup

speedups = Extension("sentry_guard._speedups", ["sentry_guard/_speedups.c"], optional=True)
setup(ext_modules=[] if os.environ.get("SENTRY_GUARD_PURE_PYTHON") else [speedups])
