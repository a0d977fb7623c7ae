"""The compiled scanner and walker: built in CI, switched off by SENTRY_GUARD_PURE_PYTHON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sentry_guard.scrubbers import scan, walk

_PROBE = """
import json
from sentry_guard import DefaultScrubber
from sentry_guard.scrubbers import scan, walk
event = {"extra": {"note": "card 4111 1111 1111 1111", "password": "hunter2", "a": ["--token", "t0k"]}}
print(json.dumps([scan.uses_compiled_scanner(), walk.uses_compiled_walker(), DefaultScrubber()(event, {})]))
"""


def _probe(**env: str) -> list[object]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env={**os.environ, **env}, check=True
    )
    return list(json.loads(result.stdout))


def test_the_compiled_module_is_built_where_ci_runs() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("checked in CI, where a C compiler is always present")
    assert scan.uses_compiled_scanner() and walk.uses_compiled_walker()


def test_pure_python_at_run_time_gives_the_same_event() -> None:
    pure = _probe(SENTRY_GUARD_PURE_PYTHON="1")
    assert pure[:2] == [False, False]
    expected = {
        "extra": {"note": "card [creditcard]", "password": "[Filtered]", "a": ["--token", "[Filtered]"]}
    }
    assert pure[2] == expected
    assert _probe()[2] == expected
