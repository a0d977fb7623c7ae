"""Turning `Settings` into `sentry_sdk.init` keywords the installed sentry-sdk accepts.

Newer sentry-sdk releases rename or deprecate options; this module is the one place
that knows, so `configure()` never triggers a DeprecationWarning and never passes an
option the installed SDK would reject with ``TypeError: Unknown option``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import sentry_sdk
from sentry_sdk.consts import DEFAULT_OPTIONS
from sentry_sdk.scope import Scope

from ._settings import Settings, env_name

__all__ = ["accepted_options", "detach_client", "global_client", "sdk_options", "sdk_version"]

#: the headers/cookies sentry-sdk's `send_default_pii=False` mapping filters out
_NON_PII_TERMS = ["forwarded", "-ip", "remote-", "via", "-user"]


def accepted_options() -> frozenset[str]:
    """The `sentry_sdk.init` keywords the installed sentry-sdk knows."""
    return frozenset(DEFAULT_OPTIONS)


def _data_collection(pii: bool, local_variables: bool) -> dict[str, Any]:
    """The ``data_collection`` equivalent of ``send_default_pii`` (sentry-sdk >= 2.75)."""
    terms: list[str] = [] if pii else list(_NON_PII_TERMS)
    return {
        "user_info": pii,
        "cookies": {"mode": "denylist", "terms": terms},
        "http_headers": {"request": {"mode": "denylist", "terms": terms}},
        "url_query_params": {"mode": "denylist", "terms": terms},
        "graphql": {"document": pii, "variables": pii},
        "gen_ai": {"inputs": pii, "outputs": pii},
        "database_query_data": pii,
        "queues": pii,
        "stack_frame_variables": local_variables,
    }


def sdk_options(
    settings: Settings,
    hooks: Mapping[str, Callable[..., Any]],
    accepted: frozenset[str] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Build the `sentry_sdk.init` keywords: (options, variables the installed SDK cannot honour)."""
    accepted = accepted_options() if accepted is None else accepted
    options: dict[str, Any] = {
        # (None only for `sentry-guard check`, which builds the options without initialising)
        "dsn": settings.dsn.reveal() if settings.dsn is not None else None,
        "environment": settings.environment,
        "release": settings.release,
        "dist": settings.dist,
        "server_name": settings.server_name,
        "debug": settings.debug,
        "sample_rate": settings.sample_rate,
        "traces_sample_rate": settings.traces_sample_rate,
        "max_breadcrumbs": settings.max_breadcrumbs,
        "include_local_variables": settings.include_local_variables,
        "max_request_body_size": settings.max_request_body_size,
        "ignore_errors": list(settings.ignore_errors),
        "in_app_include": list(settings.in_app_include),
    }
    # What the SDK may lack, keyed by the variable that asked for it.
    wanted: dict[str, dict[str, Any]] = {}
    if "data_collection" in accepted:
        options["data_collection"] = _data_collection(
            settings.send_default_pii, settings.include_local_variables
        )
    else:
        options["send_default_pii"] = settings.send_default_pii
    if settings.profiles_sample_rate is not None:
        if "profile_session_sample_rate" in accepted:
            # Transaction-based profiling is deprecated: use continuous profiling tied to traces.
            wanted["profiles_sample_rate"] = {
                "profile_session_sample_rate": settings.profiles_sample_rate,
                "profile_lifecycle": "trace",
            }
        else:
            wanted["profiles_sample_rate"] = {"profiles_sample_rate": settings.profiles_sample_rate}
    if settings.enable_logs:
        wanted["enable_logs"] = {"enable_logs": True}
    unsupported = []
    for variable, group in wanted.items():
        if set(group) <= accepted:
            options.update(group)
        else:
            unsupported.append(env_name(variable))
    # hooks the installed SDK lacks (before_send_log on old versions) have nothing to scrub
    options.update({name: hook for name, hook in hooks.items() if name in accepted})
    return options, unsupported


def global_client() -> Any:
    """The client `sentry_sdk.init` installed (scopes may shadow it in `get_client()`)."""
    return Scope.get_global_scope().client


def detach_client() -> None:
    """Close the current client and leave none behind (works on every sentry-sdk 2.x)."""
    client = sentry_sdk.get_client()
    if client.is_active():
        client.close()
    Scope.get_global_scope().set_client(None)


def sdk_version() -> str:
    """The installed sentry-sdk version, for log lines."""
    return str(getattr(sentry_sdk, "VERSION", "unknown"))
