"""`configure()`'s keywords: settings (validated by the model) or `sentry_sdk.init` options.

Any keyword ``sentry_sdk.init`` accepts on the installed version passes through, so a team
keeps its ``integrations=``, ``traces_sampler=``, ``in_app_exclude=``...; anything else is an
`UnknownOption` naming the keyword and the closest known one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from ._exceptions import UnknownOption
from ._safe_text import excerpt
from ._sdk import accepted_options, sdk_version
from ._settings import Settings

__all__ = ["HOOK_OPTIONS", "closest", "split_keywords"]

#: sentry-sdk hooks a user may pass; they run after sentry_guard's chain (``before_send`` is a
#: setting: it runs last inside the chain)
HOOK_OPTIONS = ("before_send_transaction", "before_send_log", "before_send_metric", "before_breadcrumb")


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `name` (a misspelling's likely meaning), or None."""
    found = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def split_keywords(
    keywords: Mapping[str, Any], where: str = "configure()"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(settings overrides, sentry-sdk options); `UnknownOption` for a keyword that is neither."""
    settings = set(Settings.model_fields)
    accepted = accepted_options()
    unknown = [name for name in keywords if name not in settings and name not in accepted]
    if unknown:
        raise _unknown(unknown, where, settings | accepted, sdk=True)
    return (
        {k: v for k, v in keywords.items() if k in settings},
        {k: v for k, v in keywords.items() if k not in settings},
    )


def check_setting_names(keywords: Mapping[str, Any], where: str) -> None:
    """`UnknownOption` unless every keyword is a setting (`load_settings()` takes no sdk options)."""
    unknown = [name for name in keywords if name not in Settings.model_fields]
    if unknown:
        raise _unknown(unknown, where, set(Settings.model_fields), sdk=False)


def _unknown(names: list[str], where: str, known: set[str], *, sdk: bool) -> UnknownOption:
    parts = []
    for name in names:
        shown = excerpt(name, 40)
        guess = closest(name, known)
        if not sdk and name in accepted_options():
            parts.append(f"{shown} is a sentry-sdk option, not a setting (pass it to configure())")
        else:
            parts.append(f"{shown}" + (f" (did you mean {guess!r}?)" if guess else ""))
    what = (
        f"neither a sentry_guard setting nor an option sentry-sdk {sdk_version()} accepts"
        if sdk
        else "not a sentry_guard setting"
    )
    fix = (
        "use a setting (the README's variable table, lower case without SENTRY_) or a keyword of sentry_sdk.init"
        if sdk
        else "use a setting (the README's variable table, lower case without SENTRY_)"
    )
    message = f"{where} got unknown keyword(s) {'; '.join(parts)}: {what}. Fix: {fix}"
    return UnknownOption(names, message)
