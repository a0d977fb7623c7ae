"""Hostile settings files: a FIFO, a device, a directory, a huge file. Each is one clear
`ConfigError` naming the variable, at once: nothing hangs, nothing is read whole."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sentry_guard import ConfigError, configure, load_settings

from .conftest import SECRET_DSN, SECRET_KEY

#: generous: each case answers at once; this only keeps a regression from hanging the suite
HANG_GUARD = 60


def finishes(call: Callable[[], Any]) -> Any:
    """`call()` in a thread; fails (instead of hanging) if it has not returned in HANG_GUARD s."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert not thread.is_alive(), f"still reading after {HANG_GUARD} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def hostile(kind: str, tmp_path: Path) -> Path:
    """A path that is not a small regular file."""
    if kind == "fifo":
        path = tmp_path / "dsn.fifo"
        os.mkfifo(path)
        return path
    if kind == "device":
        return Path("/dev/zero")
    if kind == "device-link":
        path = tmp_path / "dsn.link"
        path.symlink_to("/dev/zero")
        return path
    if kind == "directory":
        return tmp_path
    if kind == "huge":
        path = tmp_path / "dsn.huge"
        with path.open("wb") as f:  # sparse: 2 GB on paper, nothing on disk
            f.truncate(2 * 1024**3)
        return path
    if kind == "big":
        path = tmp_path / "dsn.big"
        path.write_text(SECRET_DSN + "\n" + "#" * 10_000)
        return path
    if kind == "socket":
        path = tmp_path / "dsn.sock"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))  # the socket file stays after the socket is closed
        return path
    raise AssertionError(kind)


KINDS = ["fifo", "device", "device-link", "directory", "huge", "big", "socket"]
REASONS = {
    "fifo": "a FIFO (named pipe), not a regular file",
    "device": "a character device, not a regular file",
    "device-link": "a character device, not a regular file",
    "directory": "a directory, not a regular file",
    "huge": "larger than 4096 bytes",
    "big": "larger than 4096 bytes",
    "socket": "a socket, not a regular file",
}


@pytest.mark.parametrize("kind", KINDS)
def test_dsn_file_that_is_not_a_small_regular_file(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_DSN_FILE", str(hostile(kind, tmp_path)))
    with pytest.raises(ConfigError) as info:
        finishes(load_settings)
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_DSN_FILE"
    assert REASONS[kind] in problem.rule and "cannot read the DSN file" in problem.rule
    assert SECRET_KEY not in str(info.value)


@pytest.mark.parametrize("kind", ["fifo", "device-link", "directory", "huge"])
def test_secrets_dir_entry_that_is_not_a_small_regular_file(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    made = hostile(kind, tmp_path)
    (secrets / "sentry_dsn").symlink_to(made)
    monkeypatch.setenv("SENTRY_GUARD_SECRETS_DIR", str(secrets))
    with pytest.raises(ConfigError, match=re.escape(REASONS[kind])) as info:
        finishes(load_settings)
    assert info.value.problems[0].variable == "SENTRY_GUARD_SECRETS_DIR"


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "huge"])
def test_configure_and_lenient_configure_do_not_hang(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_DSN_FILE", str(hostile(kind, tmp_path)))
    with pytest.raises(ConfigError):
        finishes(configure)
    monkeypatch.setenv("SENTRY_GUARD_STRICT", "false")
    result = finishes(configure)
    assert not result.enabled and "SENTRY_DSN_FILE" in str(result.problems[0])


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "huge"])
def test_env_file_that_is_not_a_small_regular_file(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_GUARD_ENV_FILE", str(hostile(kind, tmp_path)))
    with pytest.raises(ConfigError) as info:
        finishes(load_settings)
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_GUARD_ENV_FILE"
    expected = REASONS[kind].replace("4096 bytes", "1048576 bytes")
    assert expected in problem.rule


def test_a_missing_env_file_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_GUARD_ENV_FILE", "/nonexistent/.env")
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()


def test_dsn_file_with_a_nul_in_its_name(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the DSN file"):
        load_settings(dsn_file=f"{tmp_path}/a\x00b")


def test_a_small_regular_dsn_file_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dsn"
    path.write_text(f"  {SECRET_DSN}\n")
    link = tmp_path / "link"  # Kubernetes mounts secrets as symbolic links
    link.symlink_to(path)
    monkeypatch.setenv("SENTRY_DSN_FILE", str(link))
    settings = load_settings()
    assert settings.dsn is not None and settings.dsn.reveal() == SECRET_DSN


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_check_reports_it_at_once(kind: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env["SENTRY_DSN_FILE"] = str(hostile(kind, tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert result.returncode == 1 and "SENTRY_DSN_FILE: cannot read the DSN file" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_env_file_not_in_utf8_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-dotenv raised a bare UnicodeDecodeError from configure() and `check` (a traceback,
    and lenient mode did not catch it)."""
    env_file = tmp_path / ".env"
    env_file.write_bytes(b"SENTRY_ENVIRONMENT=prod\nGREETING=gr\xfc\xdfe\n")  # Latin-1
    monkeypatch.setenv("SENTRY_GUARD_ENV_FILE", str(env_file))
    with pytest.raises(ConfigError) as info:
        load_settings()
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_GUARD_ENV_FILE"
    assert problem.rule.endswith(" is not UTF-8 text (byte 0xfc at offset 35)")
    assert "UTF-8" in problem.fix
    monkeypatch.setenv("SENTRY_GUARD_STRICT", "false")
    result = configure()
    assert not result.enabled and result.problems == (problem,)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("a-file/.env", "cannot be read (Not a directory)"),
        ("a\x00b", "cannot be read: the path contains a NUL character"),
    ],
)
def test_an_env_file_path_that_cannot_be_looked_at_says_why(name: str, reason: str, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    with pytest.raises(ConfigError) as info:
        load_settings(guard_env_file=str(tmp_path / name))
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_GUARD_ENV_FILE (given to configure())"
    assert problem.rule.endswith(reason)


def test_a_dsn_file_not_in_utf8_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dsn"
    path.write_bytes(SECRET_DSN.encode() + b"\xff\n")
    monkeypatch.setenv("SENTRY_DSN_FILE", str(path))
    with pytest.raises(ConfigError) as info:
        load_settings()
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_DSN_FILE"
    assert "it is not UTF-8 text" in problem.rule and "cannot read the DSN file" in problem.rule
    assert SECRET_KEY not in str(info.value)
