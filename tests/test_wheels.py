"""Release wheels never ship without the compiled scanner by accident.

The extension is optional for a source install (no compiler: pure Python, same results), but
the wheel build (cibuildwheel, ``[tool.cibuildwheel]`` in pyproject.toml) sets
``SENTRY_GUARD_REQUIRE_COMPILED=1``: there a compiler that fails must fail the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "build", "*.egg-info", "*.so", "__pycache__", ".*_cache", "tests"
        ),
    )
    return subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "w"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )


def test_a_failed_compile_fails_the_wheel_build_when_required(tmp_path: Path) -> None:
    result = _build(tmp_path, CC="false", SENTRY_GUARD_REQUIRE_COMPILED="1")
    assert result.returncode != 0
    assert not list((tmp_path / "w").glob("*.whl"))


def test_without_the_requirement_a_failed_compile_still_installs(tmp_path: Path) -> None:
    result = _build(tmp_path, CC="false")
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "w").glob("sentry_guard-*.whl"))
