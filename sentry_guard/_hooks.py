"""The chain `configure()` installs, and the sentry-sdk callbacks that run it fail-closed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._exceptions import ConfigError, InvalidSetting, Problem
from ._loading import load_settings
from ._safe_text import safe_message
from ._scrubbers.chain import Chain, fail_closed
from ._scrubbers.default import DefaultScrubber
from ._scrubbers.detectors import parse_modes
from ._scrubbers.plugins import load_entry_points
from ._settings import Settings
from ._user_scrubbers import check_signature, resolve_scrubber, scrubber_label
from .typing import Kind, Scrubber

__all__ = ["default_chain", "sdk_hooks"]

#: sentry-sdk option -> what it scrubs (options the installed SDK lacks are skipped)
_HOOKS: dict[str, Kind] = {
    "before_send": "event",
    "before_send_transaction": "transaction",
    "before_send_log": "log",
    "before_send_metric": "metric",
    "before_breadcrumb": "breadcrumb",
}


def _resolved(variable: str, path: str, problems: list[Problem]) -> Scrubber | None:
    """The scrubber at an import path, or None with the problem noted (every bad one is told)."""
    try:
        return resolve_scrubber(path)  # type: ignore[no-any-return]
    except InvalidSetting as exc:
        problems.append(Problem(variable, exc.rule, exc.fix))
        return None


def _callable(variable: str, scrubber: Any, where: str, fix: str, problems: list[Problem]) -> Scrubber | None:
    """A scrubber given as an object, or None with the problem noted when it cannot take (event, hint)."""
    try:
        check_signature(scrubber, where)
    except InvalidSetting as exc:
        problems.append(Problem(variable, exc.rule, fix))
        return None
    return scrubber  # type: ignore[no-any-return]


def _plugins(problems: list[Problem]) -> list[Scrubber | None]:
    """The entry-point plugins; a broken one's error is told cleaned and scrubbed of secrets."""
    try:
        plugins = load_entry_points()
    except ConfigError as exc:
        problems += [Problem(safe_message(p.variable), safe_message(p.rule), p.fix) for p in exc.problems]
        return []
    fix = "fix or uninstall the plugin package"
    return [
        _callable("a plugin", p, f"the plugin scrubber {scrubber_label(p)}", fix, problems) for p in plugins
    ]


def default_chain(settings: Settings | None = None, scrubbers: Sequence[Scrubber] = ()) -> Chain:
    """The chain `configure()` installs, in this order.

    1. the built-in `DefaultScrubber` (keys, structure, detectors); 2. plugins from the ``sentry_guard._scrubbers`` entry points
    (by name); 3. ``SENTRY_SCRUBBERS`` (as listed); 4. `scrubbers` given to `configure()`;
    5. your ``before_send``. `settings` defaults to the environment's.
    """
    if settings is None:
        settings = load_settings()
    hash_key = settings.scrub_hash_key.get_secret_value().encode() if settings.scrub_hash_key else None
    chain: list[Scrubber | None] = [
        DefaultScrubber(
            settings.scrub_keys,
            settings.scrub_safe_keys,
            detectors=settings.scrub_detectors,
            modes=parse_modes(settings.scrub_mode),
            hash_key=hash_key,
            send_default_pii=settings.send_default_pii,
            summary=settings.scrub_summary,
        )
    ]
    problems: list[Problem] = []
    chain += _plugins(problems)
    chain += [_resolved("SENTRY_SCRUBBERS", path, problems) for path in settings.scrubbers]
    for given in scrubbers:
        where = f"the scrubber {scrubber_label(given)}"
        chain.append(
            _callable("configure(scrubbers=...)", given, where, "pass callables (event, hint)", problems)
        )
    hook = settings.before_send
    fix = "give an importable callable (event, hint), e.g. 'myapp.sentry:before_send'"
    if isinstance(hook, str):
        chain.append(_resolved("SENTRY_BEFORE_SEND", hook, problems))
    elif hook is not None:
        where = "the before_send given to configure()"
        chain.append(_callable("SENTRY_BEFORE_SEND", hook, where, fix, problems))
    if problems:
        raise ConfigError(problems)
    return Chain(*[s for s in chain if s is not None])


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


def sdk_hooks(
    settings: Settings, chain: Chain, after: Mapping[str, Callable[..., Any]] | None = None
) -> dict[str, Callable[..., Any]]:
    """The callbacks to install, by `sentry_sdk.init` option name: `chain`, fail-closed.

    `after` holds the user's own hooks given to `configure()` (``before_send_transaction=``,
    ``before_breadcrumb=``, ...): each runs after the chain, inside the same fail-closed guard."""
    after = after or {}
    hooks = {
        option: fail_closed(
            Chain(*chain, after[option]) if option in after else chain, kind, settings.scrub_on_error
        )
        for option, kind in _HOOKS.items()
    }
    hooks["before_send"] = _pass_check_ins(hooks["before_send"], settings)
    return hooks
