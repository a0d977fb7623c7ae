"""A value in the wrong variable is never printed back: errors echo at most a short excerpt,
and nothing of a value that looks like a secret."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import ConfigError, load_settings

from .conftest import SECRET_KEY, SECRET_SECRET
from .samples import SECRETS, TABLE

#: the variables whose errors echoed the value in full
ECHOING = [
    "SENTRY_SCRUB_DETECTORS",
    "SENTRY_SCRUB_MODE",
    "SENTRY_CELERY_TIMEZONE",
    "SENTRY_GUARD_ENV_FILE",
    "SENTRY_DSN_FILE",
    "SENTRY_SCRUBBERS",
    "SENTRY_BEFORE_SEND",
]


def problem_text(variable: str, value: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The error `load_settings` gives for `variable=value` ('' when the value is valid)."""
    monkeypatch.setenv(variable, value)
    try:
        load_settings()
    except ConfigError as exc:
        return str(exc)
    finally:
        monkeypatch.delenv(variable)
    return ""


@pytest.mark.parametrize("variable", ECHOING)
@pytest.mark.parametrize("secret", SECRETS)
def test_a_secret_in_the_wrong_variable_is_not_echoed(
    variable: str, secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for value in (secret, f"default,{secret}", f"{secret}=mask", f"email={secret}", f"{secret}:scrub"):
        message = problem_text(variable, value, monkeypatch)
        assert message, f"{variable}={value!r} was accepted"
        assert secret not in message and SECRET_KEY not in message and SECRET_SECRET not in message
        assert variable in message


@pytest.mark.parametrize("variable", sorted(TABLE))
@pytest.mark.parametrize("secret", SECRETS[:4])
def test_no_variable_echoes_a_secret(variable: str, secret: str, monkeypatch: pytest.MonkeyPatch) -> None:
    message = problem_text(variable, secret, monkeypatch)
    assert SECRET_KEY not in message and SECRET_SECRET not in message and secret not in message


_characters = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")


@settings(max_examples=25)
@given(variable=st.sampled_from(ECHOING), value=st.text(_characters, min_size=25))
def test_a_long_value_is_never_echoed_whole(variable: str, value: str) -> None:
    """At most 24 characters of a value; of an import path (SENTRY_SCRUBBERS, ...) at most 60."""
    if variable in ("SENTRY_SCRUBBERS", "SENTRY_BEFORE_SEND"):
        value = value * 3
    with pytest.MonkeyPatch.context() as monkeypatch:
        message = problem_text(variable, value, monkeypatch)
    assert value.strip() not in message or not value.strip()


@pytest.mark.parametrize(
    ("variable", "value", "shown"),
    [
        ("SENTRY_SCRUB_DETECTORS", "default,telepathy", "'telepathy'"),
        ("SENTRY_SCRUB_MODE", "creditcard=blur", "'blur'"),
        ("SENTRY_SCRUB_MODE", "telepathy=mask", "'telepathy'"),
        ("SENTRY_CELERY_TIMEZONE", "Mars/Olympus", "'Mars/Olympus'"),
        ("SENTRY_GUARD_ENV_FILE", "/nonexistent/.env", "'/nonexistent/.env'"),
        ("SENTRY_SCRUBBERS", "no_such_module_xyz:scrub", "'no_such_module_xyz'"),
    ],
)
def test_an_ordinary_mistake_is_still_named(
    variable: str, value: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shown in problem_text(variable, value, monkeypatch)
