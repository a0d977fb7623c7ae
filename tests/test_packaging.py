"""The built sdist and wheel, not the source tree: every module is in them and they work
installed alone.

An editable install (what the tests run on) maps the whole source folder, so a package
missing from the wheel would pass every other test and break every real install. The wheel
is built from the sdist, so the sdist is proven complete too.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_USE = """
import json, sentry_guard
from sentry_guard import DefaultScrubber
from sentry_guard._scrubbers import scan
out = DefaultScrubber()({"extra": {"note": "mail jane@example.com", "password": "x"}}, {})
print(json.dumps([sentry_guard.__file__, scan.uses_compiled_scanner(), out]))
"""


def _pip(command: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", command, "--no-deps", "-q", *args],
        check=True,
        capture_output=True,
        timeout=600,
    )


def test_the_sdist_and_wheel_hold_every_module_and_work_installed_alone(tmp_path: Path) -> None:
    # built from a clean copy: the checkout gets no build/ folder, and a stale egg-info of the
    # editable install (its SOURCES.txt) cannot make up for a package the wheel leaves out
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "build", "*.egg-info", "*.so", "__pycache__", ".*_cache"
        ),
    )
    sdists = tmp_path / "sdists"
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "-o", str(sdists), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (sdist,) = sdists.glob("sentry_guard-*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    # the license travels; the tests do not (they need the whole repository: a git clone)
    assert {"LICENSE", "README.md", "pyproject.toml", "setup.py", "sentry_guard/_speedups.c"} <= members
    assert not [name for name in members if name.startswith(("tests/", "benchmarks/", "examples/"))]
    wheels = tmp_path / "wheels"
    _pip("wheel", "-w", str(wheels), str(sdist))
    (wheel,) = wheels.glob("sentry_guard-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(name.endswith("/licenses/LICENSE") for name in names)
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "sentry_guard").rglob("*.py")}
    assert modules - names == set()
    assert {"sentry_guard/py.typed", "sentry_guard/_speedups.pyi"} <= names

    target = tmp_path / "installed"
    _pip("install", "--target", str(target), str(wheel))
    # -S: no .pth files, so the editable install's finder cannot answer for sentry_guard;
    # and not from the checkout, whose folder would come first on the path
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), *site.getsitepackages()])}
    result = subprocess.run(
        [sys.executable, "-S", "-c", _USE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
        cwd=tmp_path,
    )
    where, compiled, out = json.loads(result.stdout)
    assert Path(where).is_relative_to(target)
    assert out == {
        "extra": {"note": "mail [email]", "password": "[Filtered]"},
        "contexts": {"sentry_guard": {"filtered": {"email": 1, "key:password": 1}}},
    }
    if os.environ.get("CI") == "true":  # a C compiler is always there in CI
        assert compiled
