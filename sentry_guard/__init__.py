"""Sentry, safe and boring: validated settings from the environment, scrubbing, Celery wiring."""

from __future__ import annotations

from importlib import metadata as _metadata

from ._configure import Configuration, configure
from ._crons import monitor, monitor_config
from ._dsn import Dsn, validate_dsn
from ._exceptions import (
    ApiConnectionError,
    ApiError,
    ApiTimeout,
    AuthenticationFailed,
    BadAnswer,
    ConfigError,
    InvalidDist,
    InvalidDsn,
    InvalidEnvironment,
    InvalidName,
    InvalidRelease,
    InvalidResponse,
    InvalidSetting,
    InvalidSlug,
    NoAnswer,
    NotFound,
    PermissionDenied,
    Problem,
    RateLimited,
    Redirected,
    ScrubberError,
    SentryGuardError,
    ServerError,
    UnknownOption,
    UsageError,
)
from ._hooks import default_chain
from ._leaks import Finding, find_leaks
from ._loading import load_settings
from ._names import (
    ParsedRelease,
    Version,
    parse_release,
    validate_dist,
    validate_environment,
    validate_release,
    validate_slug,
)
from ._scrubbers import FILTERED, Chain, DefaultScrubber, Scrubber
from ._settings import Settings

try:
    __version__ = _metadata.version("sentry-guard")
except _metadata.PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "FILTERED",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeout",
    "AuthenticationFailed",
    "BadAnswer",
    "Chain",
    "ConfigError",
    "Configuration",
    "DefaultScrubber",
    "Dsn",
    "Finding",
    "InvalidDist",
    "InvalidDsn",
    "InvalidEnvironment",
    "InvalidName",
    "InvalidRelease",
    "InvalidResponse",
    "InvalidSetting",
    "InvalidSlug",
    "NoAnswer",
    "NotFound",
    "ParsedRelease",
    "PermissionDenied",
    "Problem",
    "RateLimited",
    "Redirected",
    "Scrubber",
    "ScrubberError",
    "SentryGuardError",
    "ServerError",
    "Settings",
    "UnknownOption",
    "UsageError",
    "Version",
    "__version__",
    "configure",
    "default_chain",
    "find_leaks",
    "load_settings",
    "monitor",
    "monitor_config",
    "parse_release",
    "validate_dist",
    "validate_dsn",
    "validate_environment",
    "validate_release",
    "validate_slug",
]
