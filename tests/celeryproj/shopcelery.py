"""A small Celery app for the end-to-end tests: real worker and beat processes use it."""

import heapq
import os
from datetime import timedelta

from celery import Celery
from celery.beat import Scheduler
from celery.schedules import crontab, schedstate

import sentry_guard

app = Celery("shopcelery", broker=os.environ["CELERY_BROKER_URL"])
app.conf.update(
    beat_schedule={
        "every-minute": {"task": "shopcelery.ok_task", "schedule": 60.0},
        "every-minute-crontab": {"task": "shopcelery.ok_task", "schedule": crontab()},
        "failing-job": {"task": "shopcelery.failing_task", "schedule": timedelta(minutes=2)},
        "too-fast": {"task": "shopcelery.ok_task", "schedule": 30.0},
    },
    timezone="UTC",
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
)


class DueNowScheduler(Scheduler):
    """Every entry runs once at start, then on its real schedule: the test does not wait a
    minute, and no schedule is shortened below what Sentry monitors."""

    def setup_schedule(self) -> None:
        super().setup_schedule()
        self._started: set[str] = set()

    def populate_heap(self, *args: object, **kwargs: object) -> None:
        # beat orders its heap by each entry's *next* run: put every entry first in line
        super().populate_heap(*args, **kwargs)
        self._heap = [event._replace(time=0, priority=i) for i, event in enumerate(self._heap)]
        heapq.heapify(self._heap)

    def is_due(self, entry):  # type: ignore[no-untyped-def]
        if entry.name not in self._started:
            self._started.add(entry.name)
            return schedstate(is_due=True, next=1.0)
        return super().is_due(entry)


@app.task
def ok_task() -> str:
    return "ok"


@app.task
def failing_task() -> None:
    password = "CeleryPw-7f3a91"  # noqa: F841 - a local Sentry reports
    card = "4111 1111 1111 1111"
    raise ValueError(f"charge failed for card {card} (customer jane.doe@example.com)")


sentry_guard.configure(celery_app=app)
