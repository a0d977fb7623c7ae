"""`python -m sentry_guard`: the same as the `sentry-guard` command."""

from .cli import run

run()
