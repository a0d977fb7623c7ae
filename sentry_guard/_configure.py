"""`configure()`: the one call at start-up that validates settings and initialises Sentry."""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import sentry_sdk
from sentry_sdk.integrations.logging import ignore_logger
from sentry_sdk.utils import BadDsn

from ._exceptions import ConfigError, InvalidSetting, Problem
from ._hooks import default_chain, sdk_hooks
from ._integrations import celery as celery_support
from ._loading import is_strict, try_load_settings
from ._names import release_advice
from ._options import HOOK_OPTIONS, split_keywords
from ._safe_text import safe_error_text
from ._scrubbers.chain import Chain
from ._sdk import detach_client, global_client, sdk_options, sdk_version
from ._settings import Settings, env_name
from ._user_scrubbers import check_signature, scrubber_label
from ._variables import unknown_variables, unknown_variables_text
from .typing import ConfigureKeywords, Scrubber

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing.Unpack is 3.11+

__all__ = ["Configuration", "Plan", "configure", "plan"]

logger = logging.getLogger("sentry_guard")


@dataclass(frozen=True)
class Configuration:
    """What `configure()` did: whether Sentry is on, why not, and with which settings."""

    enabled: bool
    #: why Sentry is off (None when it is on)
    reason: str | None
    #: the validated settings (None when they were invalid)
    settings: Settings | None
    #: every problem found (only non-empty with ``SENTRY_GUARD_STRICT=false``)
    problems: tuple[Problem, ...] = ()
    #: variables the installed sentry-sdk cannot honour (logged as a warning)
    unsupported: tuple[str, ...] = ()
    #: the scrubber chain installed (None when Sentry is off)
    chain: Chain | None = None
    #: the sentry-sdk hooks installed, by option name
    hooks: Mapping[str, Callable[..., Any]] = field(default_factory=dict, repr=False)


@dataclass
class _State:
    """What the last `configure()` call installed, to make repeated calls no-ops."""

    key: Any = None
    result: Configuration | None = None
    client: Any = None
    #: the process that initialised `client`: a forked child (embedded beat, prefork pool)
    #: must initialise its own, which is why Celery's init signals call configure() again
    pid: int = 0
    #: the misspelt variables last warned about (warned again only when they change)
    unknown: Any = None


_lock = threading.RLock()
_state = _State()


def _shutdown_ours() -> None:
    """Turn off a client this module started (configure() again without a usable DSN)."""
    if _state.client is not None and global_client() is _state.client:
        detach_client()
    _state.client = None


def _disabled(reason: str, settings: Settings | None, problems: tuple[Problem, ...] = ()) -> Configuration:
    _shutdown_ours()
    result = Configuration(False, reason, settings, problems)
    _state.key, _state.result = None, result
    return result


def _init_problem(exc: Exception, settings: Settings) -> Problem:
    """What `sentry_sdk.init` raised, as a problem: without the DSN's key or secret."""
    assert settings.dsn is not None
    url = settings.dsn.reveal()
    parts = urlsplit(url)
    hidden = tuple(p for p in (url, parts.password, parts.username) if p and len(p) >= 4)
    bad_dsn = isinstance(exc, BadDsn)
    return Problem(
        "SENTRY_DSN" if bad_dsn else "sentry_sdk.init",
        f"sentry-sdk refused the configuration ({safe_error_text(exc, replace=hidden)})",
        "copy the DSN from Sentry (Project Settings > Client Keys)"
        if bad_dsn
        else "check the settings with `sentry-guard check`; if they are right, this is a bug to report",
    )


def _celery_installed() -> bool:
    """Whether Celery can be imported (checked without importing it)."""
    return importlib.util.find_spec("celery") is not None


@dataclass
class Plan:
    """Everything `configure()` builds before ``sentry_sdk.init``: `sentry-guard check` runs
    exactly this, so a broken plugin or hook fails the check, not the deploy."""

    #: the validated settings (None when they or the chain were invalid)
    settings: Settings | None
    #: every problem found
    problems: list[Problem] = field(default_factory=list)
    #: the scrubber chain, plugins included (None when the settings or the chain were invalid)
    chain: Chain | None = None
    #: the sentry-sdk hooks, by option name
    hooks: dict[str, Callable[..., Any]] = field(default_factory=dict, repr=False)
    #: the ``sentry_sdk.init`` keywords (the DSN in clear: never print them)
    options: dict[str, Any] = field(default_factory=dict, repr=False)
    #: variables the installed sentry-sdk cannot honour
    unsupported: list[str] = field(default_factory=list)


def _user_hooks(extras: dict[str, Any], problems: list[Problem]) -> dict[str, Callable[..., Any]]:
    """The sentry-sdk hooks given to `configure()` (they run after the chain), checked now."""
    hooks = {}
    for option in HOOK_OPTIONS:
        hook = extras.pop(option, None)
        if hook is None:
            continue
        try:
            check_signature(hook, f"the {option} given to configure() ({scrubber_label(hook)})")
        except InvalidSetting as exc:
            problems.append(
                Problem(f"configure({option}=...)", exc.rule, f"pass a function {option}(event, hint)")
            )
            continue
        hooks[option] = hook
    return hooks


def plan(
    scrubbers: Sequence[Scrubber] = (),
    overrides: Mapping[str, Any] | None = None,
    sdk_extras: Mapping[str, Any] | None = None,
    *,
    transport: Any = None,
    settings: Settings | None = None,
) -> Plan:
    """Load the settings (unless given, from `overrides`) and build the chain, hooks and
    ``sentry_sdk.init`` keywords, short of calling it: with a DSN or without (`check`)."""
    problems: list[Problem] = []
    if settings is None:
        settings, problems = try_load_settings(overrides or {})
        if settings is None:
            return Plan(None, problems)
    extras = dict(sdk_extras or {})
    try:
        chain = default_chain(settings, scrubbers)
    except ConfigError as exc:
        problems = list(exc.problems)
        chain = None
    after = _user_hooks(extras, problems)
    if chain is None or problems:
        return Plan(None, problems)
    hooks = sdk_hooks(settings, chain, after)
    options, unsupported = sdk_options(settings, hooks)
    given_integrations = extras.pop("integrations", None)
    options.update(extras)  # the user's own sentry-sdk options win over the ones built here
    if _celery_installed():
        options["integrations"] = celery_support.merge_integrations(given_integrations, settings)
    elif given_integrations is not None:
        options["integrations"] = list(given_integrations)
    if transport is not None:
        options["transport"] = transport
    return Plan(settings, [], chain, hooks, options, unsupported)


def _warn_unknown_variables(settings: Settings | None) -> None:
    """One WARNING naming every misspelt ``SENTRY_*`` variable, when the set changes."""
    env_file = settings.guard_env_file if settings is not None else None
    unknown = tuple(unknown_variables(env_file=env_file))
    if unknown and unknown != _state.unknown:
        logger.warning("%s", unknown_variables_text(list(unknown)))
    _state.unknown = unknown


def reset() -> None:
    """Forget the last configuration (tests): the next `configure()` initialises afresh."""
    global _state
    with _lock:
        _state = _State()


def configure(
    *,
    scrubbers: Sequence[Scrubber] = (),
    celery_app: Any = None,
    transport: Any = None,
    **keywords: Unpack[ConfigureKeywords],
) -> Configuration:
    """Validate the ``SENTRY_*`` settings and initialise sentry-sdk with them.

    Keyword arguments are settings (``release=``, ``environment=``, ...) and win over the
    environment, or any other keyword ``sentry_sdk.init`` accepts on the installed version
    (``integrations=``, ``traces_sampler=``, ``before_send_transaction=``, ...), passed
    through: integrations are merged with the one built here (a `CeleryIntegration` of yours
    replaces it, with the ``SENTRY_CELERY_*`` settings where you left defaults), and your
    hooks run after the scrubber chain. Anything else is `UnknownOption` (a `TypeError`).
    `scrubbers` run after the built-in ones and those from ``SENTRY_SCRUBBERS``;
    `celery_app` gets its beat schedule audited (entries Sentry will not monitor are logged);
    with Celery installed, the same configuration runs again in ``celeryd_init`` and
    ``beat_init``. `transport` replaces sentry-sdk's HTTP transport (tests: see
    `sentry_guard.testing`).
    No DSN: Sentry stays off. Invalid settings: `ConfigError` listing every problem, or, with
    ``SENTRY_GUARD_STRICT=false``, one ERROR log line and Sentry off. Calling it again with
    the same inputs does nothing; with other inputs it re-initialises. Misspelt ``SENTRY_*``
    variables are named in one WARNING line.
    """
    overrides, extras = split_keywords(keywords)
    scrubbers = tuple(scrubbers)
    with _lock:
        strict = is_strict(overrides)
        settings, problems = try_load_settings(overrides)
        _warn_unknown_variables(settings)
        if settings is None:
            return _refuse(problems, strict)
        if settings.dsn is None:
            return _off_without_dsn(settings)
        key = (settings, scrubbers, celery_app, transport, sorted(extras.items()))
        if _already_installed(key):
            assert _state.result is not None
            return _state.result
        built = plan(scrubbers, overrides, extras, transport=transport, settings=settings)
        if built.settings is None or built.chain is None:
            return _refuse(built.problems, strict)

        def again() -> Configuration:
            return configure(scrubbers=scrubbers, celery_app=celery_app, transport=transport, **keywords)

        return _install(built, key, strict, celery_app, again)


def _refuse(problems: Sequence[Problem], strict: bool) -> Configuration:
    """Invalid settings: `ConfigError`, or with ``SENTRY_GUARD_STRICT=false`` one ERROR line
    and Sentry off."""
    if strict:
        raise ConfigError(problems)
    logger.error("Sentry is off: %s (SENTRY_GUARD_STRICT=false)", "; ".join(str(p) for p in problems))
    return _disabled("invalid configuration", None, tuple(problems))


def _off_without_dsn(settings: Settings) -> Configuration:
    """No DSN: Sentry off (said once, not at every call)."""
    if _state.result is None or _state.result.enabled or _state.result.settings != settings:
        logger.info("Sentry is off: SENTRY_DSN is not set")
    return _disabled("SENTRY_DSN is not set", settings)


def _already_installed(key: Any) -> bool:
    """The same inputs as last time, and the client installed then is still the one in use
    in this very process (a forked child must start its own)."""
    return (
        _state.key == key
        and _state.result is not None
        and global_client() is _state.client
        and _state.pid == os.getpid()
    )


def _install(
    built: Plan, key: Any, strict: bool, celery_app: Any, again: Callable[[], Configuration]
) -> Configuration:
    """Start sentry-sdk with the built options, then say what changed and warn about what
    will not work (unmonitored beat entries, a release Sentry will not group)."""
    settings, chain = built.settings, built.chain
    assert settings is not None and chain is not None
    previous = _state.result.settings if _state.result is not None and _state.result.enabled else None
    same_process = _state.pid == os.getpid()
    celery = _celery_installed()
    if celery:
        celery_support.connect_signals(again)
    _warn_unsupported(built.unsupported)
    try:
        sentry_sdk.init(**built.options)
    except Exception as exc:  # whatever sentry-sdk refuses takes the invalid-settings path
        problem = _init_problem(exc, settings)
        if strict:
            raise ConfigError([problem]) from None
        logger.error("Sentry is off: %s (SENTRY_GUARD_STRICT=false)", problem)
        return _disabled("invalid configuration", None, (problem,))
    # Our own log lines (a scrubber failed, ...) must not become Sentry events: the
    # minimal event already carries the failure as a tag, and logging from inside
    # before_send would re-enter the chain.
    ignore_logger(logger.name)
    _state.client, _state.pid = global_client(), os.getpid()
    _log_started(previous, settings, chain, same_process)
    if celery_app is not None and celery:
        celery_support.warn_unmonitored(celery_app, settings)
    if settings.release:
        advice = release_advice(settings.release)
        if advice:
            logger.warning("%s", advice)
    installed = {name: hook for name, hook in built.hooks.items() if name in built.options}
    result = Configuration(True, None, settings, (), tuple(built.unsupported), chain, installed)
    _state.key, _state.result = key, result
    return result


def _warn_unsupported(unsupported: Sequence[str]) -> None:
    """One WARNING for settings the installed sentry-sdk cannot honour."""
    if unsupported:
        logger.warning(
            "sentry-sdk %s does not support %s; upgrade sentry-sdk or unset %s",
            sdk_version(),
            ", ".join(unsupported),
            "them" if len(unsupported) > 1 else "it",
        )


def _log_started(previous: Settings | None, settings: Settings, chain: Chain, same_process: bool) -> None:
    """One INFO line that Sentry is on (and, before it, why it was initialised again)."""
    if previous is not None:
        if not same_process:
            why = "in a new process (forked from the one that configured it)"
        else:
            changed = [
                env_name(n) for n in Settings.model_fields if getattr(previous, n) != getattr(settings, n)
            ]
            why = (
                ", ".join(changed) or "scrubbers, sentry-sdk options, Celery app or transport"
            ) + " changed"
        logger.info("Sentry re-initialised: %s", why)
    logger.info(
        "Sentry is on: dsn=%s environment=%s release=%s scrubbers=%s",
        settings.dsn,
        settings.environment,
        settings.release or "(none: sentry-sdk will guess)",
        ",".join(chain.names),
    )
