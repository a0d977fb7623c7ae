"""What `import sentry_guard` offers is pinned: a name added to or dropped from the public
facade is a decision, made here (as httpx's test_exported_members does)."""

from __future__ import annotations

import importlib
import pkgutil

import sentry_guard

PUBLIC = {
    # configure and inspect
    "configure",
    "Configuration",
    "Settings",
    "load_settings",
    "default_chain",
    "__version__",
    # scrubbing
    "Chain",
    "DefaultScrubber",
    "FILTERED",
    "Scrubber",
    "find_leaks",
    "Finding",
    # names Sentry would refuse
    "Dsn",
    "ParsedRelease",
    "Version",
    "parse_release",
    "validate_dsn",
    "validate_release",
    "validate_environment",
    "validate_dist",
    "validate_slug",
    # cron monitors
    "monitor",
    "monitor_config",
    # the exception tree (sentry_guard/_exceptions.py)
    "SentryGuardError",
    "ConfigError",
    "Problem",
    "InvalidSetting",
    "InvalidName",
    "InvalidRelease",
    "InvalidEnvironment",
    "InvalidDist",
    "InvalidDsn",
    "InvalidSlug",
    "UsageError",
    "UnknownOption",
    "ScrubberError",
    "ApiError",
    "NoAnswer",
    "ApiTimeout",
    "ApiConnectionError",
    "BadAnswer",
    "AuthenticationFailed",
    "PermissionDenied",
    "NotFound",
    "RateLimited",
    "ServerError",
    "Redirected",
    "InvalidResponse",
}
#: the public modules beside the facade; every other module's name starts with an underscore
PUBLIC_MODULES = {"sentry_guard.api", "sentry_guard.cli", "sentry_guard.testing", "sentry_guard.typing"}


def test_the_exported_names_are_the_public_ones() -> None:
    assert set(sentry_guard.__all__) == PUBLIC
    for name in sentry_guard.__all__:
        assert getattr(sentry_guard, name) is not None


def test_every_exception_derives_from_one_root() -> None:
    for name in PUBLIC:
        value = getattr(sentry_guard, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, sentry_guard.SentryGuardError), name


def test_internal_modules_are_marked_private() -> None:
    found = set()
    for module in pkgutil.walk_packages(sentry_guard.__path__, "sentry_guard."):
        parts = module.name.split(".")[1:]
        if not any(part.startswith("_") for part in parts):
            found.add(module.name)
    assert found == PUBLIC_MODULES
    for name in PUBLIC_MODULES:
        assert importlib.import_module(name).__all__
