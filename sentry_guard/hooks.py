"""The chain `configure()` installs, and the sentry-sdk callbacks that run it fail-closed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Optional

from .scrubbers.chain import Chain, Kind, Scrubber, fail_closed
from .scrubbers.default import DefaultScrubber
from .scrubbers.detectors import parse_modes
from .scrubbers.plugins import load_entry_points, resolve
from .settings import Settings

__all__ = ["default_chain", "sdk_hooks"]

#: sentry-sdk option -> what it scrubs (options the installed SDK lacks are skipped)
_HOOKS: dict[str, Kind] = {
    "before_send": "event",
    "before_send_transaction": "transaction",
    "before_send_log": "log",
    "before_send_metric": "metric",
    "before_breadcrumb": "breadcrumb",
}


def _user_before_send(hook: Any) -> Scrubber:
    """A user's `before_send(event, hint)` is a scrubber already; an import path is resolved."""
    return resolve(hook) if isinstance(hook, str) else hook


def default_chain(settings: Optional[Settings] = None, scrubbers: Sequence[Scrubber] = ()) -> Chain:
    """The chain `configure()` installs, in this order.

    1. the built-in `DefaultScrubber` (keys, structure, detectors); 2. plugins from the ``sentry_guard.scrubbers`` entry points
    (by name); 3. ``SENTRY_SCRUBBERS`` (as listed); 4. `scrubbers` given to `configure()`;
    5. your ``before_send``. `settings` defaults to the environment's.
    """
    if settings is None:
        from .loading import load_settings

        settings = load_settings()
    hash_key = settings.scrub_hash_key.get_secret_value().encode() if settings.scrub_hash_key else None
    chain: list[Scrubber] = [
        DefaultScrubber(
            settings.scrub_keys,
            settings.scrub_safe_keys,
            detectors=settings.scrub_detectors,
            modes=parse_modes(settings.scrub_mode),
            hash_key=hash_key,
            send_default_pii=settings.send_default_pii,
        )
    ]
    chain += load_entry_points()
    chain += [resolve(path) for path in settings.scrubbers]
    chain += scrubbers
    if settings.before_send is not None:
        chain.append(_user_before_send(settings.before_send))
    return Chain(*chain)


def _pass_check_ins(guarded: Callable[[Any, Any], Any], settings: Settings) -> Callable[[Any, Any], Any]:
    """Cron check-ins reach `before_send` too: they carry no user data and are not scrubbed;
    their monitor config gets the ``SENTRY_CELERY_*`` defaults it does not set itself."""
    defaults = {
        key: value
        for key, value in (
            ("checkin_margin", settings.celery_checkin_margin),
            ("max_runtime", settings.celery_max_runtime),
            ("timezone", settings.celery_timezone),
        )
        if value is not None
    }

    def before_send(event: Any, hint: Any) -> Any:
        if type(event) is dict and event.get("type") == "check_in":
            config = event.get("monitor_config")
            if defaults and isinstance(config, dict) and not defaults.keys() <= config.keys():
                event = {**event, "monitor_config": {**defaults, **config}}
            return event
        return guarded(event, hint)

    return before_send


def sdk_hooks(settings: Settings, chain: Chain) -> dict[str, Callable[..., Any]]:
    """The callbacks to install, by `sentry_sdk.init` option name: `chain`, fail-closed."""
    hooks = {option: fail_closed(chain, kind, settings.scrub_on_error) for option, kind in _HOOKS.items()}
    hooks["before_send"] = _pass_check_ins(hooks["before_send"], settings)
    return hooks
