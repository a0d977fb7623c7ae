"""Misspelt variables: every ``SENTRY_*`` name in the environment (or the .env file) that no
setting reads, with the closest known name, so ``SENTRY_TRACE_SAMPLE_RATE=0.2`` is not
silently ignored."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values

from ._options import closest
from ._settings import PREFIX, Settings, env_name

__all__ = ["OTHER_TOOLS", "known_variables", "unknown_variables", "unknown_variables_text"]

#: read by other Sentry tools (sentry-cli, sentry-sdk itself), not by sentry_guard's settings
OTHER_TOOLS = frozenset(
    {
        "SENTRY_AUTH_TOKEN",
        "SENTRY_TOKEN",
        "SENTRY_API_KEY",
        "SENTRY_ORG",
        "SENTRY_PROJECT",
        "SENTRY_URL",
        "SENTRY_LOG_LEVEL",
        "SENTRY_PROPERTIES",
        "SENTRY_LOAD_DOTENV",
        "SENTRY_DOTENV_PATH",
        "SENTRY_NO_PROGRESS_BAR",
        "SENTRY_DISABLE_UPDATE_CHECK",
        "SENTRY_HTTP_MAX_RETRIES",
        "SENTRY_VCS_REMOTE",
        "SENTRY_PIPELINE",
        "SENTRY_ALLOW_FAILURE",
        "SENTRY_HEADER",
        "SENTRY_SPOTLIGHT",
    }
)


def known_variables() -> frozenset[str]:
    """Every ``SENTRY_*`` name sentry_guard reads, plus those other Sentry tools read."""
    return frozenset(env_name(name) for name in Settings.model_fields) | OTHER_TOOLS


def _env_file_names(env_file: Path | None) -> list[str]:
    if env_file is None:
        return []
    try:
        return [name for name, value in dotenv_values(env_file).items() if value]
    except Exception:  # an unreadable file is reported by the settings, not here
        return []


def _likely(upper: str, known: frozenset[str]) -> str | None:
    """The known name `upper` most likely means: compared without the shared ``SENTRY_``, a
    known name it abbreviates first (``SENTRY_ENV`` -> ``SENTRY_ENVIRONMENT``)."""
    rest = upper[len(PREFIX) :]
    stems = {name[len(PREFIX) :]: name for name in known}
    starts = sorted((stem for stem in stems if rest and stem.startswith(rest)), key=len)
    if starts:
        return stems[starts[0]]
    guess = closest(rest, stems)
    return stems[guess] if guess else None


def unknown_variables(
    environ: Mapping[str, str] | None = None, env_file: Path | None = None
) -> list[tuple[str, str | None]]:
    """(name, closest known name or None) for every non-empty ``SENTRY_*`` variable nothing reads."""
    environ = os.environ if environ is None else environ
    names = [name for name, value in environ.items() if value] + _env_file_names(env_file)
    known = known_variables()
    found: dict[str, str | None] = {}
    for name in names:
        upper = name.upper()
        if upper.startswith(PREFIX) and upper not in known and name not in found:
            found[name] = _likely(upper, known)
    return sorted(found.items())


def unknown_variables_text(unknown: list[tuple[str, str | None]]) -> str:
    """One line: each name and its likely meaning."""
    parts = [name + (f" (did you mean {guess}?)" if guess else "") for name, guess in unknown]
    return (
        f"{'this variable is' if len(parts) == 1 else 'these variables are'} not read by sentry_guard or "
        f"other Sentry tools and {'is' if len(parts) == 1 else 'are'} ignored: {', '.join(parts)}"
    )
