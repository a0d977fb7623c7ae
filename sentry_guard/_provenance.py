"""Where a value came from: the DSN (variable, .env file, secret file) and the release (a
variable, the package and a CI commit, or sentry-sdk's own guess), for `check` and `release`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values
from sentry_sdk.utils import get_default_release

from ._safe_text import clean
from ._settings import COMMIT_SHA_VARIABLES, Settings, commit_sha, dsn_file_path

__all__ = ["dsn_source", "release_source", "release_warning"]


def _in_environment(name: str, environ: Mapping[str, str]) -> bool:
    return any(key.upper() == name and value for key, value in environ.items())


def _in_env_file(name: str, env_file: Path | None) -> bool:
    if env_file is None:
        return False
    try:
        return any(key.upper() == name and value for key, value in dotenv_values(env_file).items())
    except Exception:
        return False


def dsn_source(settings: Settings) -> str | None:
    """Where the DSN came from, in words (None without a DSN)."""
    if settings.dsn is None:
        return None
    if _in_environment("SENTRY_DSN", os.environ):
        return "the SENTRY_DSN variable"
    if _in_env_file("SENTRY_DSN", settings.guard_env_file):
        return (
            f"SENTRY_DSN in the .env file {clean(str(settings.guard_env_file), 200)} (SENTRY_GUARD_ENV_FILE)"
        )
    path = dsn_file_path({"dsn_file": settings.dsn_file, "guard_secrets_dir": settings.guard_secrets_dir})
    if settings.dsn_file is not None:
        return f"the file {clean(str(path), 200)} (SENTRY_DSN_FILE)"
    return f"the secret file {clean(str(path), 200)} (SENTRY_GUARD_SECRETS_DIR)"


def _sdk_guess() -> tuple[str | None, str]:
    """The release sentry-sdk picks itself when none is given, and from where."""

    release = get_default_release()
    if not release:
        return None, ""
    for name in ("SENTRY_RELEASE", *COMMIT_SHA_VARIABLES, "GAE_DEPLOYMENT_ID", "K_REVISION"):
        if os.environ.get(name) == release:
            return release, f"sentry-sdk's own guess, from {name}"
    return release, f"sentry-sdk's own guess, from `git rev-parse HEAD` in {clean(os.getcwd(), 200)}"


def release_source(settings: Settings) -> tuple[str | None, str]:
    """(the release that will be used, where it comes from); (None, "") when there is none."""
    if settings.release:
        if "release" in settings.model_fields_set:
            return settings.release, "SENTRY_RELEASE"
        if settings.release_version is not None:
            return settings.release, "SENTRY_RELEASE_PACKAGE + SENTRY_RELEASE_VERSION"
        variable, _ = commit_sha(os.environ)
        if settings.release_package:
            return settings.release, f"SENTRY_RELEASE_PACKAGE + the commit in {variable}"
        return settings.release, f"the commit in {variable}"
    return _sdk_guess()


def release_warning(settings: Settings) -> str | None:
    """When ``SENTRY_RELEASE_PACKAGE`` is set but nothing makes a ``package@version`` of it."""
    if not settings.release_package or settings.release:
        return None
    guess, source = _sdk_guess()
    then = f"sentry-sdk will use {guess!r} ({source})" if guess else "the events will have no release"
    return (
        "SENTRY_RELEASE_PACKAGE is set, but neither SENTRY_RELEASE_VERSION nor a CI commit variable "
        f"({', '.join(COMMIT_SHA_VARIABLES[:4])}, ...) is, so no package@version release is made: {then}. "
        "Fix: set SENTRY_RELEASE_VERSION, or pass the commit (e.g. GIT_SHA=$(git rev-parse HEAD))"
    )
