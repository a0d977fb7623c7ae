"""Misspelt SENTRY_* variables are named, with the one meant, instead of silently ignored."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sentry_guard
from sentry_guard._variables import OTHER_TOOLS, known_variables, unknown_variables


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "not read by" in r.getMessage()
    ]


def test_configure_warns_once_with_the_closest_names(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="sentry_guard")
    monkeypatch.setenv("SENTRY_TRACE_SAMPLE_RATE", "0.2")
    monkeypatch.setenv("SENTRY_ENV", "staging")
    monkeypatch.setenv("SENTRY_LOG_LEVEL", "debug")  # sentry-cli's
    monkeypatch.setenv("SENTRY_AUTH_TOKEN", "sntryu_x")
    sentry_guard.configure()
    sentry_guard.configure()
    (line,) = _warnings(caplog)
    assert "SENTRY_ENV (did you mean SENTRY_ENVIRONMENT?)" in line
    assert "SENTRY_TRACE_SAMPLE_RATE (did you mean SENTRY_TRACES_SAMPLE_RATE?)" in line
    assert "SENTRY_LOG_LEVEL" not in line and "SENTRY_AUTH_TOKEN" not in line and "sntryu" not in line


def test_no_warning_when_every_name_is_known(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("SENTRY_ENVIRONMENT", "SENTRY_ORG", "SENTRY_PROJECT", "SENTRY_URL", "SENTRY_GUARD_STRICT"):
        monkeypatch.setenv(name, "x" if name != "SENTRY_GUARD_STRICT" else "true")
    monkeypatch.setenv("SENTRY_ENVIRONMENT", "staging")
    monkeypatch.setenv("SENTRY_URL", "https://sentry.example.com")
    caplog.set_level(logging.INFO, logger="sentry_guard")
    sentry_guard.configure()
    assert _warnings(caplog) == []


def test_names_in_the_env_file_count(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("SENTRY_DSNN=https://k@o1.ingest.example.com/1\nSENTRY_ENVIRONMENT=staging\n")
    assert unknown_variables({}, env_file) == [("SENTRY_DSNN", "SENTRY_DSN")]


@given(st.sampled_from(sorted(known_variables())), st.sampled_from([str.upper, str.lower]))
def test_a_known_name_is_never_reported(name: str, case: object) -> None:
    assert unknown_variables({case(name): "1"}) == []  # type: ignore[operator]


@given(st.from_regex(r"SENTRY_[A-Z][A-Z_]{0,20}", fullmatch=True))
def test_any_other_name_is_reported(name: str) -> None:
    found = unknown_variables({name: "1", "PATH": "/bin"})
    assert [n for n, _ in found] == ([] if name in known_variables() else [name])


def test_other_tools_variables_are_sentry_cli_and_sdk_ones() -> None:
    assert {
        "SENTRY_AUTH_TOKEN",
        "SENTRY_ORG",
        "SENTRY_PROJECT",
        "SENTRY_URL",
        "SENTRY_LOG_LEVEL",
    } <= OTHER_TOOLS


def test_check_warns_and_still_passes() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(SENTRY_TRACE_SAMPLE_RATE="0.2", SENTRY_ENV="staging")
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "SENTRY_TRACE_SAMPLE_RATE (did you mean SENTRY_TRACES_SAMPLE_RATE?)" in result.stderr
    assert "SENTRY_ENV (did you mean SENTRY_ENVIRONMENT?)" in result.stderr
