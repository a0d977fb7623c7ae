"""The `sentry-guard` command, run as users run it: the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sentry_guard import ConfigError, load_settings
from sentry_guard._scrubbers.scan import uses_compiled_scanner

from .conftest import SECRET_DSN, SECRET_KEY, SECRET_SECRET


def run(
    *args: str, env: dict[str, str] | None = None, module: bool = False, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console script (or `python -m sentry_guard`) with the test's environment plus `env`."""
    full_env = {**os.environ, **(env or {})}
    if module:
        command = [sys.executable, "-m", "sentry_guard", *args]
    else:
        script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent)) or shutil.which(
            "sentry-guard"
        )
        assert script, "the sentry-guard console script is not installed (pip install -e .)"
        command = [script, *args]
    return subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=60, cwd=cwd)


def test_check_valid_prints_masked_settings() -> None:
    result = run(
        "check", env={"SENTRY_DSN": SECRET_DSN, "SENTRY_RELEASE": "shop@1.2.3", "SENTRY_SAMPLE_RATE": "0.5"}
    )
    assert result.returncode == 0, result.stderr
    assert "SENTRY_RELEASE" in result.stdout and "shop@1.2.3" in result.stdout
    assert "https://***:***@o1.ingest.example.com/42" in result.stdout
    assert "OK" in result.stdout
    assert SECRET_KEY not in result.stdout + result.stderr
    assert SECRET_SECRET not in result.stdout + result.stderr


def test_check_says_which_scanner_runs() -> None:
    """In a Docker build step, ``sentry-guard check`` shows whether the image got the compiled part."""
    assert "scrubbing runs in pure Python" in run("check", env={"SENTRY_GUARD_PURE_PYTHON": "1"}).stdout
    installed = "the compiled scanner" if uses_compiled_scanner() else "in pure Python"
    assert f"scrubbing runs {installed}" in run("check").stdout


def test_check_invalid_exits_nonzero_with_the_configure_message(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = {"SENTRY_DSN": SECRET_DSN + "/", "SENTRY_RELEASE": "latest", "SENTRY_ENVIRONMENT": "none"}
    result = run("check", env=bad)
    assert result.returncode == 1
    for name, value in bad.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value) in result.stderr
    assert SECRET_KEY not in result.stdout + result.stderr


def test_check_lenient_still_fails_the_build_step() -> None:
    result = run("check", env={"SENTRY_RELEASE": "a/b", "SENTRY_GUARD_STRICT": "false"})
    assert result.returncode == 1
    assert "Sentry off" in result.stderr


def test_check_without_dsn_is_valid_and_says_sentry_is_off() -> None:
    result = run("check", module=True)
    assert result.returncode == 0
    assert "Sentry would be off" in result.stdout


def test_release_prints_what_configure_would_use() -> None:
    result = run("release", env={"SENTRY_RELEASE_PACKAGE": "shop", "CI_COMMIT_SHA": "3f2a9c1d0b7e"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "shop@3f2a9c1d0b7e\n"


def test_release_without_one_fails(tmp_path: Path) -> None:
    result = run("release", cwd=tmp_path)  # not a git checkout: sentry-sdk has nothing to guess from
    assert result.returncode == 1
    assert "SENTRY_RELEASE" in result.stderr
    assert result.stdout == ""


def _git_checkout(folder: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    git("init", "-q")
    (folder / "app.py").write_text("print('shop')\n")
    git("add", "app.py")
    git("commit", "-qm", "first")
    return git("rev-parse", "HEAD")


def test_release_in_a_git_checkout_is_the_commit_sentry_sdk_will_use(tmp_path: Path) -> None:
    """It used to say "no release" while sentry-sdk reported the commit SHA."""
    sha = _git_checkout(tmp_path)
    result = run("release", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{sha}\n"
    assert "sentry-sdk's own guess, from `git rev-parse HEAD`" in result.stderr
    from sentry_sdk.utils import get_default_release

    assert get_default_release() is not None  # (this suite runs in a checkout too)


@pytest.mark.parametrize(
    ("env", "source"),
    [
        ({"SENTRY_RELEASE": "shop@1.2.3"}, "(from SENTRY_RELEASE)"),
        (
            {"SENTRY_RELEASE_PACKAGE": "shop", "SENTRY_RELEASE_VERSION": "1.2.3"},
            "(from SENTRY_RELEASE_PACKAGE + SENTRY_RELEASE_VERSION)",
        ),
        (
            {"SENTRY_RELEASE_PACKAGE": "shop", "GITHUB_SHA": "3f2a9c1d0b7e"},
            "SENTRY_RELEASE_PACKAGE + the commit in GITHUB_SHA",
        ),
    ],
)
def test_release_says_where_it_comes_from(env: dict[str, str], source: str, tmp_path: Path) -> None:
    result = run("release", env=env, cwd=tmp_path)
    assert result.returncode == 0 and source in result.stderr, result.stderr


def test_release_package_without_a_version_or_commit_is_warned_about(tmp_path: Path) -> None:
    sha = _git_checkout(tmp_path)
    for command in ("check", "release"):
        result = run(command, env={"SENTRY_RELEASE_PACKAGE": "shop"}, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert (
            "SENTRY_RELEASE_PACKAGE is set, but neither SENTRY_RELEASE_VERSION nor a CI commit"
            in result.stderr
        )
        assert f"sentry-sdk will use '{sha}'" in result.stderr


@pytest.mark.parametrize(
    ("name", "code", "needle"),
    [
        ("shop@1.2.3+abc", 0, "1.2.3 (abc)"),
        ("shop@deadbeefcafe", 0, "build hash: deadbeefcafe"),
        ("latest", 1, "reserves"),
        ("feature/x", 1, "'/'"),
        ("x" * 201, 1, "201 bytes"),
    ],
)
def test_release_validate(name: str, code: int, needle: str) -> None:
    result = run("release", "validate", name)
    assert result.returncode == code
    assert needle in result.stdout + result.stderr


def test_release_validate_warns_about_unrecommended_form() -> None:
    result = run("release", "validate", "nightly")
    assert result.returncode == 0
    assert "package@version" in result.stderr


def test_usage_error_exits_2() -> None:
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2


def test_help_exits_0() -> None:
    result = run("--help", module=True)
    assert result.returncode == 0 and "check" in result.stdout


def test_check_masks_a_password_in_sentry_url() -> None:
    result = run("check", env={"SENTRY_URL": "https://admin:pw-5ecret@sentry.example.com/"})
    assert result.returncode == 0, result.stderr
    assert "pw-5ecret" not in result.stdout + result.stderr
    assert "https://***:***@sentry.example.com/" in result.stdout


def test_check_does_not_print_a_secret_set_in_the_wrong_variable() -> None:
    token = "sntryu_" + "5f3a9c1d0b7e" * 5
    result = run(
        "check", env={"SENTRY_SERVER_NAME": token, "SENTRY_DIST": "f00dfacecafe4b1d9e7a0c2b5d8e3f71"}
    )
    assert result.returncode == 0, result.stderr
    assert token not in result.stdout and "f00dfacecafe" not in result.stdout
    assert "looks like a secret, not shown" in result.stdout


def test_check_shows_a_release_with_a_commit_sha() -> None:
    sha = "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b"
    result = run("check", env={"SENTRY_RELEASE_PACKAGE": "shop", "GITHUB_SHA": sha})
    assert result.returncode == 0 and f"shop@{sha}" in result.stdout
    assert f"shop@{sha}" in run("check", env={"SENTRY_RELEASE": f"shop@{sha}"}).stdout


def test_check_warns_about_plain_http_to_another_machine() -> None:
    remote = run("check", env={"SENTRY_URL": "http://sentry.example.com"})
    assert remote.returncode == 0 and "SENTRY_ALLOW_HTTP=true" in remote.stderr
    local = run("check", env={"SENTRY_URL": "http://127.0.0.1:9000"})
    assert local.returncode == 0 and "SENTRY_ALLOW_HTTP" not in local.stderr


def test_check_refuses_a_dsn_sentry_sdk_cannot_read() -> None:
    """A 5000-digit project id passed check, then sentry_sdk.init raised BadDsn."""
    result = run("check", env={"SENTRY_DSN": f"https://{SECRET_KEY}@o1.ingest.example.com/{'4' * 5000}"})
    assert result.returncode == 1 and "more than sentry-sdk can read" in result.stderr
    assert SECRET_KEY not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "source", [f"raise RuntimeError('no route to {SECRET_DSN}\\x1b[2J')", "import sys; sys.exit(3)"]
)
def test_celery_monitors_with_an_app_module_that_fails_to_import(source: str, tmp_path: Path) -> None:
    (tmp_path / "broken_celery_app.py").write_text(source + "\n")
    result = run("celery", "monitors", "--app", "broken_celery_app:app", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 2 and "cannot load 'broken_celery_app:app'" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr
    assert SECRET_KEY not in result.stderr and SECRET_SECRET not in result.stderr


def test_a_reader_that_stops_early_is_no_error() -> None:
    """``sentry-guard detectors | head`` printed a BrokenPipeError traceback."""
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script
    result = subprocess.run(
        f"'{script}' detectors | head -1", shell=True, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.startswith("NAME")
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_a_reader_gone_before_the_first_write_is_no_error() -> None:
    """The same, deterministically: the pipe's reading end is closed before the command writes
    (``| head`` may or may not have left by then), so the first flush meets EPIPE."""
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [script, "detectors"], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120
        )
    finally:
        os.close(write_end)
    assert result.returncode == 0
    assert result.stderr == ""
