"""Reading the settings: overrides, environment, .env and secret files into `Settings` or problems."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ._exceptions import ConfigError, InvalidSetting, Problem
from ._files import UnsafeFile, read_small_file
from ._options import check_setting_names
from ._safe_text import EXCERPT_CHARS, excerpt
from ._settings import Settings, env_name
from ._user_scrubbers import PATH_CHARS

__all__ = ["is_strict", "load_settings", "try_load_settings"]

_BOOL: TypeAdapter[bool] = TypeAdapter(bool)
#: a .env file larger than this is not one
ENV_FILE_LIMIT = 1024 * 1024


def check_override_names(overrides: Mapping[str, Any]) -> None:
    """Reject keyword overrides that are not settings, like a misspelt function argument
    (`UnknownOption`, a `TypeError`, naming the closest setting)."""

    check_setting_names(overrides, "load_settings()")


def _raw(field: str, overrides: Mapping[str, Any]) -> Any:
    return overrides[field] if field in overrides else os.environ.get(env_name(field)) or None


def is_strict(overrides: Mapping[str, Any]) -> bool:
    """Whether invalid settings raise: read on its own, so it works when the rest is broken.

    An unreadable value counts as strict (the model reports it with the other problems).
    """
    raw = _raw("guard_strict", overrides)
    if raw is None:
        return True
    try:
        return _BOOL.validate_python(raw)
    except ValidationError:
        return True


def _origin(field: str, overrides: Mapping[str, Any], env_file: Path | None = None) -> str:
    """Name the place a value came from, always including its environment variable."""
    name = env_name(field)
    if field in overrides:
        return f"{name} (given to configure())"
    if name in os.environ or name.lower() in {k.lower() for k in os.environ}:
        return name
    if env_file is not None:
        return f"{name} (in {env_file})"
    if field == "dsn":
        return f"{name} (from a secret file)"
    return name  # pragma: no cover - only the DSN has a source besides these (its file)


def _unechoed(rule: str, value: Any, limit: int) -> str:
    """`rule` without the value in it: a long value (or list item) becomes a short excerpt.

    The validators already echo at most an excerpt; this keeps it so for any message."""
    values = value if isinstance(value, (list, tuple)) else (value,)
    for item in values:
        if isinstance(item, str):
            for text in {item, item.strip()}:
                if len(text) > limit and text in rule:  # pragma: no cover - validators quote excerpts only
                    rule = rule.replace(text, excerpt(text, limit))
    return rule


def _problems(exc: ValidationError, overrides: Mapping[str, Any], env_file: Path | None) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False, include_input=True):
        field = str(error["loc"][0]) if error["loc"] else "release"
        cause = error.get("ctx", {}).get("error")
        extra = Settings.model_fields[field].json_schema_extra if field in Settings.model_fields else None
        default_fix = str(extra.get("fix", "")) if isinstance(extra, dict) else ""
        limit = PATH_CHARS if field in ("scrubbers", "before_send") else EXCERPT_CHARS
        if isinstance(cause, InvalidSetting):
            variable = cause.variable or _origin(field, overrides, env_file)
            problems.append(Problem(variable, _unechoed(cause.rule, error.get("input"), limit), cause.fix))
            continue
        rule = _unechoed(str(error["msg"]).removeprefix("Value error, "), error.get("input"), limit)
        problems.append(Problem(_origin(field, overrides, env_file), rule, default_fix))
    return problems


def try_load_settings(
    overrides: Mapping[str, Any] | None = None,
) -> tuple[Settings | None, list[Problem]]:
    """Load settings; return them, or None and every problem found (never raises ConfigError)."""
    overrides = dict(overrides or {})
    check_override_names(overrides)
    problems: list[Problem] = []
    env_file_raw = _raw("guard_env_file", overrides)
    env_file = Path(env_file_raw) if env_file_raw else None
    if env_file is not None:
        try:
            # read now: python-dotenv raises a bare UnicodeDecodeError on a file not in UTF-8
            read_small_file(env_file, ENV_FILE_LIMIT).decode("utf-8")
        except (OSError, ValueError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                where = f"byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"
                rule = f"the .env file {excerpt(env_file)} is not UTF-8 text ({where})"
            elif isinstance(exc, UnsafeFile):
                rule = f"the .env file {excerpt(env_file)} cannot be read: {exc.reason}"
            elif isinstance(exc, FileNotFoundError):
                rule = f"the .env file {excerpt(env_file)} does not exist"
            else:
                reason = getattr(exc, "strerror", None) or type(exc).__name__  # e.g. Not a directory
                rule = f"the .env file {excerpt(env_file)} cannot be read ({reason})"
            problems.append(
                Problem(
                    _origin("guard_env_file", overrides),
                    rule,
                    "point it at a regular .env file in UTF-8 of at most 1 MiB, or unset the variable",
                )
            )
            env_file = None
    try:
        settings = Settings(_env_file=env_file, **overrides)
    except ValidationError as exc:
        problems.extend(_problems(exc, overrides, env_file))
        return None, problems
    return (None, problems) if problems else (settings, [])


def load_settings(**overrides: Any) -> Settings:
    """Load and validate settings; raise `ConfigError` listing every bad variable."""
    settings, problems = try_load_settings(overrides)
    if settings is None:
        raise ConfigError(problems)
    return settings
