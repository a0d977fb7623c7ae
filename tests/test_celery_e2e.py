"""Real `celery worker` and `celery beat` processes on a real Redis, sending real envelopes."""

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

PROJECT = Path(__file__).parent / "celeryproj"
SECRETS = ["CeleryPw-7f3a91", "4111 1111 1111 1111", "jane.doe@example.com"]


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


@pytest.fixture
def celery(redis_url: str, tmp_path: Path) -> Iterator[tuple[Processes, EnvelopeServer]]:
    with EnvelopeServer() as endpoint:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
        env.update(
            SENTRY_DSN=endpoint.dsn(),
            SENTRY_RELEASE="shop@4.12.0",
            SENTRY_CELERY_CHECKIN_MARGIN="5",
            CELERY_BROKER_URL=redis_url,
            PYTHONPATH=os.pathsep.join([str(PROJECT), env.get("PYTHONPATH", "")]),
        )
        processes = Processes(env, tmp_path)
        try:
            yield processes, endpoint
        finally:
            processes.stop()


def _check_ins(endpoint: EnvelopeServer, slug: str) -> list[dict[str, Any]]:
    return [c for c in endpoint.payloads("check_in") if c.get("monitor_slug") == slug]


def _wait_for(condition: Any, processes: Processes, endpoint: EnvelopeServer, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            arrived = [(c.get("monitor_slug"), c.get("status")) for c in endpoint.payloads("check_in")]
            pytest.fail(
                f"timed out; arrived: {arrived}, {len(endpoint.payloads('event'))} events; logs:\n{processes.logs()}"
            )
        time.sleep(0.25)


def _done(endpoint: EnvelopeServer) -> bool:
    wanted = {"every-minute": "ok", "every-minute-crontab": "ok", "failing-job": "error"}
    finished = all(
        any(c["status"] == status for c in _check_ins(endpoint, slug)) for slug, status in wanted.items()
    )
    return finished and bool(endpoint.payloads("event"))


def _assert_monitored(endpoint: EnvelopeServer) -> None:
    for slug, status, schedule in [
        ("every-minute", "ok", {"type": "interval", "value": 1, "unit": "minute"}),
        ("every-minute-crontab", "ok", {"type": "crontab", "value": "* * * * *"}),
        ("failing-job", "error", {"type": "interval", "value": 2, "unit": "minute"}),
    ]:
        check_ins = _check_ins(endpoint, slug)
        started = [c for c in check_ins if c["status"] == "in_progress"]
        finished = [c for c in check_ins if c["status"] == status]
        assert started and finished, check_ins
        # every run that finished was announced by beat under the same check_in_id
        # (an entry may run twice: at start, and at its first real due time)
        assert {c["check_in_id"] for c in finished} <= {c["check_in_id"] for c in started}
        assert started[0]["monitor_config"]["schedule"] == schedule
        assert started[0]["monitor_config"]["checkin_margin"] == 5  # SENTRY_CELERY_CHECKIN_MARGIN
    assert _check_ins(endpoint, "too-fast") == []  # 30 s: Sentry cannot monitor it
    wire = "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)
    (event,) = [e for e in endpoint.payloads("event") if e["exception"]["values"][-1]["type"] == "ValueError"]
    assert "charge failed for card [creditcard]" in event["exception"]["values"][-1]["value"]
    for secret in SECRETS:
        assert secret not in wire


@pytest.mark.parametrize("pool", ["solo", "threads"])
def test_separate_worker_and_beat(celery: tuple[Processes, EnvelopeServer], pool: str) -> None:
    processes, endpoint = celery
    processes.start("worker", f"--pool={pool}", "--without-mingle", "--without-gossip", "-l", "warning")
    processes.start("beat", "-S", "shopcelery:DueNowScheduler", "-l", "warning")
    _wait_for(lambda: _done(endpoint), processes, endpoint)
    _assert_monitored(endpoint)


def test_worker_with_embedded_beat(celery: tuple[Processes, EnvelopeServer], tmp_path: Path) -> None:
    processes, endpoint = celery
    processes.start(
        # (a worker's -S is --statedb, not the scheduler); prefork: tasks run in forked children
        "worker",
        "-B",
        "--scheduler",
        "shopcelery:DueNowScheduler",
        "--pool=prefork",
        "--concurrency=2",
        "--without-mingle",
        "--without-gossip",
        "-s",
        str(tmp_path / "beat-schedule"),
        "-l",
        "warning",
    )
    _wait_for(lambda: _done(endpoint), processes, endpoint)
    _assert_monitored(endpoint)
