"""The project's Celery app, as Celery's Django guide sets it up: configuration and the beat
schedule come from Django's settings (``CELERY_*``), tasks from each app's ``tasks.py``.

No Sentry line here: ``sentry_guard.configure()`` in ``settings.py`` runs in every process
that loads the settings (web, worker, beat) and wires the worker and beat signals itself.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
