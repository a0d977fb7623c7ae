"""The compiled scanner and walker: built in CI, switched off by SENTRY_GUARD_PURE_PYTHON."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from sentry_guard._scrubbers import scan, walk

_PROBE = """
import json
from sentry_guard import DefaultScrubber
from sentry_guard._scrubbers import scan, walk
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
        "extra": {"note": "card [creditcard]", "password": "[Filtered]", "a": ["--token", "[Filtered]"]},
        "contexts": {"sentry_guard": {"filtered": {"creditcard": 1, "key:password": 1, "key:token": 1}}},
    }
    assert pure[2] == expected
    assert _probe()[2] == expected


@pytest.mark.parametrize("value", ["0", "false", "no", "off", "False"])
def test_a_false_pure_python_switch_keeps_the_compiled_scanner(value: str) -> None:
    """``SENTRY_GUARD_PURE_PYTHON=0`` used to switch the compiled scanner off like ``1``."""
    # (not this process's own choice: under `tox -e pure` it runs with the switch on)
    built = importlib.util.find_spec("sentry_guard._speedups") is not None
    assert _probe(SENTRY_GUARD_PURE_PYTHON=value)[:2] == [built, built]


@pytest.mark.parametrize("value", ["1", "true", "yes", "on"])
def test_a_true_pure_python_switch_turns_it_off(value: str) -> None:
    assert _probe(SENTRY_GUARD_PURE_PYTHON=value)[:2] == [False, False]


def test_without_the_built_module_the_pure_python_path_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No C compiler at install time: importing the extension fails, and SPEEDUPS is None."""
    import sentry_guard
    from sentry_guard._scrubbers import compiled

    monkeypatch.delenv("SENTRY_GUARD_PURE_PYTHON", raising=False)
    monkeypatch.delattr(sentry_guard, "_speedups", raising=False)
    monkeypatch.setitem(sys.modules, "sentry_guard._speedups", None)  # import raises ImportError
    assert compiled._load() is None
