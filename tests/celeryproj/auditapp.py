"""A Celery app with beat entries Sentry can and cannot monitor (no broker needed)."""

from datetime import timedelta

from celery import Celery
from celery.schedules import crontab, solar

app = Celery("auditapp", broker="memory://")
app.conf.timezone = "Europe/Berlin"
app.conf.beat_schedule = {
    "nightly-report": {"task": "t", "schedule": crontab(minute=0, hour=3)},
    "every-5-minutes": {"task": "t", "schedule": timedelta(minutes=5)},
    "too-fast": {"task": "t", "schedule": 30.0},
    "odd-interval": {"task": "t", "schedule": 90.0},
    "at-sunrise": {"task": "t", "schedule": solar("sunrise", 52.5, 13.4)},
    "Send Weekly Digest": {"task": "t", "schedule": crontab(minute=0, hour=8, day_of_week=1)},
    "cleanup-tmp": {"task": "t", "schedule": timedelta(hours=1)},
}
