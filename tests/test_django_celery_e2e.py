"""The Django example's Celery app, as Celery's Django guide sets it up (settings in Django,
``configure()`` only in settings.py): a real worker and beat on a real Redis send cron
check-ins and a scrubbed task error to a loopback endpoint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sentry_guard._endpoint import EnvelopeServer

from .celery_processes import Processes, redis_url, wait_for

__all__ = ["redis_url"]  # a fixture: imported so that pytest finds it in this module

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "django_app"
CELERYPROJ = Path(__file__).resolve().parent / "celeryproj"
WANTED = {"sync-inventory": "ok", "nightly-report": "ok", "charge-subscriptions": "error"}


@pytest.fixture
def django_celery(redis_url: str, tmp_path: Path) -> Iterator[tuple[Processes, EnvelopeServer]]:
    with EnvelopeServer() as endpoint:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
        env.update(
            SENTRY_DSN=endpoint.dsn(),
            SENTRY_RELEASE="shop@4.12.0",
            DJANGO_SETTINGS_MODULE="shop.settings",
            CELERY_BROKER_URL=redis_url,
            # the example itself comes from the working folder, as `celery -A shop` expects;
            # the test's scheduler (every entry due at once) from the tests' folder
            PYTHONPATH=os.pathsep.join([str(CELERYPROJ), env.get("PYTHONPATH", "")]),
        )
        processes = Processes(env, tmp_path, app="shop", cwd=EXAMPLE)
        try:
            yield processes, endpoint
        finally:
            processes.stop()


def _check_ins(endpoint: EnvelopeServer, slug: str) -> list[dict[str, Any]]:
    return [c for c in endpoint.payloads("check_in") if c.get("monitor_slug") == slug]


def _done(endpoint: EnvelopeServer) -> bool:
    finished = all(
        any(c["status"] == status for c in _check_ins(endpoint, slug)) for slug, status in WANTED.items()
    )
    return finished and bool(endpoint.payloads("event"))


def test_django_worker_and_beat_send_check_ins_and_a_scrubbed_error(
    django_celery: tuple[Processes, EnvelopeServer], tmp_path: Path
) -> None:
    processes, endpoint = django_celery
    processes.start(
        "worker", "--pool=prefork", "--concurrency=1", "--without-mingle", "--without-gossip", "-l", "warning"
    )
    processes.start(
        "beat", "-S", "duenow:DueNowScheduler", "-s", str(tmp_path / "beat-schedule"), "-l", "warning"
    )
    wait_for(lambda: _done(endpoint), processes, endpoint)

    for slug, status in WANTED.items():
        check_ins = _check_ins(endpoint, slug)
        started = [c for c in check_ins if c["status"] == "in_progress"]
        finished = [c for c in check_ins if c["status"] == status]
        assert started and finished, check_ins
        assert {c["check_in_id"] for c in finished} <= {c["check_in_id"] for c in started}
    schedules = {slug: _check_ins(endpoint, slug)[0]["monitor_config"]["schedule"] for slug in WANTED}
    assert schedules == {
        "sync-inventory": {"type": "interval", "value": 1, "unit": "minute"},
        "nightly-report": {"type": "crontab", "value": "0 3 * * *"},
        "charge-subscriptions": {"type": "interval", "value": 5, "unit": "minute"},
    }
    wire = "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)
    (event,) = [e for e in endpoint.payloads("event") if e["exception"]["values"][-1]["type"] == "ValueError"]
    assert event["exception"]["values"][-1]["value"] == "charge failed for [email] (card [creditcard])"
    assert event["release"] == "shop@4.12.0"
    for secret in ("4111 1111 1111 1111", "jane.doe@example.com"):
        assert secret not in wire
    # the beat schedule file went to the temporary folder, nothing into the example
    assert not list(EXAMPLE.glob("celerybeat-schedule*"))
