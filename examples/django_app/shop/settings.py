"""A minimal Django project: the only Sentry line is `sentry_guard.configure()` at the end."""

import sentry_guard

SECRET_KEY = "django-insecure-example-only"  # noqa: S105 - an example project
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "shop.urls"
INSTALLED_APPS = ["django.contrib.contenttypes"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# SENTRY_DSN, SENTRY_RELEASE, SENTRY_ENVIRONMENT... come from the environment (Dockerfile,
# deployment); invalid values stop the process here, with the variable, the rule and the fix.
sentry_guard.configure()
