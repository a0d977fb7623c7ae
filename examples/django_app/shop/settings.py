"""A minimal Django project with Celery: the only Sentry line is `sentry_guard.configure()` at the end."""

import os
from datetime import timedelta

from celery.schedules import crontab

import sentry_guard

SECRET_KEY = "django-insecure-example-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# Celery reads every CELERY_* setting here (shop/celery.py: namespace="CELERY").
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # each entry becomes a Sentry cron monitor named after it (SENTRY_CELERY_MONITOR_BEAT_TASKS)
    "sync-inventory": {"task": "shop.tasks.sync_inventory", "schedule": timedelta(minutes=1)},
    "nightly-report": {"task": "shop.tasks.nightly_report", "schedule": crontab(minute=0, hour=3)},
    "charge-subscriptions": {"task": "shop.tasks.charge_subscriptions", "schedule": timedelta(minutes=5)},
}

# SENTRY_DSN, SENTRY_RELEASE, SENTRY_ENVIRONMENT... come from the environment (Dockerfile,
# compose file, deployment); invalid values stop the process here, with the variable, the rule
# and the fix. Web, worker and beat all load these settings, so this one call covers them all.
sentry_guard.configure()
