"""`sentry-guard check` and `sentry-guard release` in this process: the warnings check adds
(an older sentry-sdk, a release Sentry cannot sort), where a release comes from when no
variable of ours names it, invalid settings, and .env files that change after loading."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sentry_guard import _sdk as sdk_module
from sentry_guard._loading import load_settings
from sentry_guard._provenance import dsn_source
from sentry_guard._sdk import accepted_options, sdk_version
from sentry_guard._variables import unknown_variables
from sentry_guard.cli import main

from .conftest import SECRET_DSN


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_check_warns_about_settings_an_older_sentry_sdk_cannot_honour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sentry-sdk < 2.35 has no ``enable_logs`` (the tox env ``oldest`` runs 2.0)."""
    older = accepted_options() - {"enable_logs", "before_send_log"}
    monkeypatch.setattr(sdk_module, "accepted_options", lambda: older)
    monkeypatch.setenv("SENTRY_ENABLE_LOGS", "true")
    code, out, err = cli("check")
    assert code == 0 and "OK: the Sentry configuration is valid" in out
    assert (
        f"warning: sentry-sdk {sdk_version()} does not support SENTRY_ENABLE_LOGS: "
        "configure() will warn and leave them out; upgrade sentry-sdk or unset them"
    ) in err.splitlines()


def test_check_warns_about_a_release_sentry_cannot_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "nightly-42")
    code, out, err = cli("check")
    assert code == 0 and "OK" in out
    assert "warning: release 'nightly-42' is not in the recommended form 'package@version'" in err


def test_release_with_invalid_settings_prints_nothing_on_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    code, out, err = cli("release")
    assert (code, out) == (1, "")
    assert err.startswith("invalid Sentry configuration") and "SENTRY_RELEASE: 'latest'" in err


def test_release_from_a_ci_commit_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SHA", "3f2a9c1d0b7e")
    code, out, err = cli("release")
    assert (code, out, err) == (0, "3f2a9c1d0b7e\n", "(from the commit in GITHUB_SHA)\n")


def test_release_sentry_sdk_guesses_from_a_variable_of_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Outside a git checkout sentry-sdk reads K_REVISION (Cloud Run), which is none of ours."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("K_REVISION", "shop-00042-xyz")
    code, out, err = cli("release")
    assert (code, out, err) == (0, "shop-00042-xyz\n", "(from sentry-sdk's own guess, from K_REVISION)\n")


def test_a_env_file_unreadable_since_loading_is_no_source_and_no_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The settings refuse an unreadable .env file when they load; one rewritten since (here
    in Latin-1) is neither where the DSN came from nor a source of unknown variables."""
    env_file = tmp_path / ".env"
    env_file.write_text(f"SENTRY_DSN={SECRET_DSN}\nSENTRY_ENVIROMENT=prod\n")
    monkeypatch.setenv("SENTRY_GUARD_ENV_FILE", str(env_file))
    settings = load_settings()
    assert dsn_source(settings) is not None and "in the .env file" in str(dsn_source(settings))
    assert unknown_variables({}, env_file) == [("SENTRY_ENVIROMENT", "SENTRY_ENVIRONMENT")]
    env_file.write_bytes(b"SENTRY_DSN=" + SECRET_DSN.encode() + b"\nSENTRY_ENVIROMENT=gr\xfc\xdf\n")
    assert "the .env file" not in str(dsn_source(settings))
    assert unknown_variables({}, env_file) == []
