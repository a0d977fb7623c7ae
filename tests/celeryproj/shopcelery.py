"""A small Celery app for the end-to-end tests: real worker and beat processes use it."""

import os
from datetime import timedelta

from celery import Celery
from celery.schedules import crontab
from duenow import DueNowScheduler

import sentry_guard

__all__ = ["DueNowScheduler", "app", "failing_task", "ok_task"]

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


@app.task  # type: ignore[untyped-decorator]  # celery has no types
def ok_task() -> str:
    return "ok"


@app.task  # type: ignore[untyped-decorator]  # celery has no types
def failing_task() -> None:
    password = "CeleryPw-7f3a91"  # noqa: F841 - a local Sentry reports
    card = "4111 1111 1111 1111"
    raise ValueError(f"charge failed for card {card} (customer jane.doe@example.com)")


sentry_guard.configure(celery_app=app)
