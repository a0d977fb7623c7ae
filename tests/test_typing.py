"""The public types: `configure()`'s keywords match the settings, and a scrubber type-checks."""

from __future__ import annotations

import typing

from sentry_guard._settings import Settings
from sentry_guard.typing import ConfigureKeywords, Event, Hint, Scrubber


def test_configure_keywords_hold_every_setting() -> None:
    keys = set(typing.get_type_hints(ConfigureKeywords))
    # ``scrubbers`` is configure()'s own keyword (callables); SENTRY_SCRUBBERS holds import paths
    assert set(Settings.model_fields) - {"scrubbers"} <= keys
    assert "scrubbers" not in keys


def test_a_function_is_a_scrubber() -> None:
    def drop_health_checks(event: Event, hint: Hint) -> Event | None:
        return None if event.get("transaction") == "/health" else event

    scrubber: Scrubber = drop_health_checks
    assert isinstance(scrubber, Scrubber)
    assert scrubber({"transaction": "/health"}, {}) is None
