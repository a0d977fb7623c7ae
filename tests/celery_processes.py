"""Real Celery processes on a real Redis server, for the Celery end-to-end tests."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentry_guard._endpoint import EnvelopeServer


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A real Redis server on a free loopback port, stopped at the end whatever happens."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed: .ci/run must install it")
        pytest.skip("redis-server is not installed (skipped outside CI only; in CI it fails)")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


class Processes:
    """Celery processes started for one test; all ended at teardown, even on failure."""

    def __init__(
        self, env: dict[str, str], workdir: Path, app: str = "shopcelery", cwd: Path | None = None
    ) -> None:
        self.env = env
        self.workdir = workdir
        self.app = app
        self.cwd = cwd or workdir
        self.started: list[subprocess.Popen[bytes]] = []
        self._logs: list[Any] = []

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{args[0]}-{len(self.started)}.log", "wb")  # noqa: SIM115 - closed in stop()
        self._logs.append(log)
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", self.app, *args],
            env=self.env,
            cwd=self.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.started.append(process)
        return process

    def stop(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        for log in self._logs:
            log.close()

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.workdir.glob("*.log")))


def wait_for(condition: Any, processes: Processes, endpoint: EnvelopeServer, timeout: float = 90) -> None:
    """Poll `condition` until it holds; on timeout fail with what arrived and the logs."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            arrived = [(c.get("monitor_slug"), c.get("status")) for c in endpoint.payloads("check_in")]
            pytest.fail(
                f"timed out; arrived: {arrived}, {len(endpoint.payloads('event'))} events; logs:\n{processes.logs()}"
            )
        time.sleep(0.25)
