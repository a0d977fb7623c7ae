"""The sentry-sdk callbacks `configure()` installs (the seam the scrubber chain plugs into)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .settings import Settings

__all__ = ["sdk_hooks"]


def _pass_through(event: Any, hint: Any) -> Any:
    """Placeholder `before_send`: hands the event on unchanged."""
    return event


def sdk_hooks(settings: Settings) -> dict[str, Callable[..., Any]]:
    """The callbacks to install, by `sentry_sdk.init` option name."""
    return {"before_send": _pass_through}
