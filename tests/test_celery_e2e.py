"""Real `celery worker` and `celery beat` processes on a real Redis, sending real envelopes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentry_guard._endpoint import EnvelopeServer

from .celery_processes import Processes, redis_url, wait_for

__all__ = ["redis_url"]  # a fixture: imported so that pytest finds it in this module

PROJECT = Path(__file__).parent / "celeryproj"
SECRETS = ["CeleryPw-7f3a91", "4111 1111 1111 1111", "jane.doe@example.com"]


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
    wait_for(lambda: _done(endpoint), processes, endpoint)
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
    wait_for(lambda: _done(endpoint), processes, endpoint)
    _assert_monitored(endpoint)
