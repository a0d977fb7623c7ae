"""WSGI entry point for gunicorn (``gunicorn shop.wsgi``): loading the settings configures Sentry."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
application = get_wsgi_application()
