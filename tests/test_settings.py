"""Every variable of the settings table is read and validated; lists, booleans, files, releases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard import ConfigError, Settings, load_settings
from sentry_guard._settings import env_name

from .conftest import SECRET_DSN, SECRET_KEY, SECRET_SECRET
from .samples import TABLE


def test_table_covers_every_setting() -> None:
    assert set(TABLE) == {env_name(n) for n in Settings.model_fields}


@pytest.mark.parametrize("variable", sorted(TABLE))
def test_variable_is_read(variable: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    valid, expected, _ = TABLE[variable]
    if valid.startswith("{tmp}"):  # the file-valued variables point at real files
        valid = valid.format(tmp=tmp_path)
        expected = Path(valid)
        Path(valid).write_text(SECRET_DSN)
    if variable == "SENTRY_RELEASE_VERSION":
        monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv(variable, valid)
    settings = load_settings()
    value = getattr(settings, variable.removeprefix("SENTRY_").lower())
    if variable == "SENTRY_DSN":
        value = value.masked
    if variable in ("SENTRY_SCRUB_HASH_KEY", "SENTRY_AUTH_TOKEN"):
        assert value.get_secret_value() == valid
        value = str(value)
    assert value == expected


@pytest.mark.parametrize("variable", sorted(v for v, (_, _, bad) in TABLE.items() if bad is not None))
def test_invalid_variable_is_named_with_a_fix(variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = TABLE[variable][2]
    assert bad is not None
    monkeypatch.setenv(variable, bad)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert len(info.value.problems) == 1, info.value
    problem = info.value.problems[0]
    assert problem.variable.startswith(variable)
    assert problem.rule and problem.fix
    assert f"{variable}" in str(info.value)
    # the fix says what to do instead: its example is never the very value that was refused
    assert bad.strip().lower() not in [e.lower() for e in re.findall(r"'([^']*)'", problem.fix)]


def test_hash_mode_without_a_key_says_to_set_the_key() -> None:
    """It used to suggest 'creditcard=mask,email=hash', the input itself, as the fix."""
    with pytest.raises(ConfigError) as info:
        load_settings(scrub_mode="creditcard=mask,email=hash")
    (problem,) = info.value.problems
    assert problem.variable.startswith("SENTRY_SCRUB_MODE") and "SENTRY_SCRUB_HASH_KEY" in problem.rule
    assert "set SENTRY_SCRUB_HASH_KEY" in problem.fix and "email=hash" not in problem.fix


def test_every_bad_variable_is_listed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, (_, _, bad) in TABLE.items():
        if bad is not None and variable not in {"SENTRY_GUARD_STRICT", "SENTRY_RELEASE_VERSION"}:
            monkeypatch.setenv(variable, bad)
    with pytest.raises(ConfigError) as info:
        load_settings()
    named = {p.variable.split()[0] for p in info.value.problems}
    expected = {v for v, (_, _, bad) in TABLE.items() if bad is not None} - {
        "SENTRY_GUARD_STRICT",
        "SENTRY_RELEASE_VERSION",
        "SENTRY_DSN_FILE",  # the DSN comes from SENTRY_DSN, which wins over the file
    }
    assert named == expected, info.value


def test_secret_never_in_errors_repr_or_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN)
    settings = load_settings()
    for text in (repr(settings), str(settings), str(settings.model_dump()), settings.model_dump_json()):
        assert SECRET_KEY not in text and SECRET_SECRET not in text
    assert settings.dsn is not None and settings.dsn.reveal() == SECRET_DSN
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN + "/")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert SECRET_KEY not in str(info.value) and SECRET_SECRET not in str(info.value)
    assert SECRET_KEY not in repr(info.value.problems)


def test_a_password_in_sentry_url_is_masked_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_URL", "https://admin:pw-5ecret@sentry.example.com")
    settings = load_settings()
    assert "pw-5ecret" not in repr(settings) and "https://***:***@sentry.example.com" in repr(settings)
    assert settings.url == "https://admin:pw-5ecret@sentry.example.com"  # the client still has it


@pytest.mark.parametrize("spelling", ["true", "TRUE", "1", "yes", "Y", "on", "t"])
def test_true_spellings(spelling: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_DEBUG", spelling)
    assert load_settings().debug is True


@pytest.mark.parametrize("spelling", ["false", "False", "0", "no", "N", "off", "f"])
def test_false_spellings(spelling: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_INCLUDE_LOCAL_VARIABLES", spelling)
    assert load_settings().include_local_variables is False


_item = st.text(
    alphabet=st.characters(blacklist_characters=',[]"\\', blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() == s and s)


@given(st.lists(_item, max_size=6))
def test_lists_comma_or_json_agree(items: list[str]) -> None:
    import json

    comma = load_settings(in_app_include=",".join(items)).in_app_include
    as_json = load_settings(in_app_include=json.dumps(items)).in_app_include
    assert comma == as_json == tuple(items)


def test_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "")
    monkeypatch.setenv("SENTRY_DSN", "")
    settings = load_settings()
    assert settings.release is None and settings.dsn is None


def test_overrides_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_ENVIRONMENT", "staging")
    assert load_settings(environment="canary").environment == "canary"


def test_bad_override_is_named_as_such() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(environment="none")
    assert info.value.problems[0].variable == "SENTRY_ENVIRONMENT (given to configure())"


def test_unknown_override_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="enviroment"):
        load_settings(enviroment="x")


# -- release from build -------------------------------------------------------


def test_release_from_package_and_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv("SENTRY_RELEASE_VERSION", "2.0.1")
    monkeypatch.setenv("GITHUB_SHA", "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b")
    assert load_settings().release == "shop@2.0.1"


@pytest.mark.parametrize(
    "variable",
    ["GIT_SHA", "GITHUB_SHA", "CI_COMMIT_SHA", "SOURCE_VERSION", "HEROKU_SLUG_COMMIT", "CIRCLE_SHA1"],
)
def test_release_from_package_and_ci_sha(variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv(variable, "3f2a9c1d0b7e")
    assert load_settings().release == "shop@3f2a9c1d0b7e"


def test_explicit_release_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "shop@9.9.9")
    monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv("SENTRY_RELEASE_VERSION", "1.0")
    assert load_settings().release == "shop@9.9.9"


def test_sha_alone_is_the_release_like_sentry_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI_COMMIT_SHA", "3f2a9c1d0b7e")
    assert load_settings().release == "3f2a9c1d0b7e"


def test_no_release_anywhere() -> None:
    assert load_settings().release is None


def test_version_without_package_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE_VERSION", "1.0")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.problems[0].variable == "SENTRY_RELEASE_PACKAGE"


def test_composed_release_breaking_rules_blames_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE_PACKAGE", "shop")
    monkeypatch.setenv("SENTRY_RELEASE_VERSION", "feature/login")
    with pytest.raises(ConfigError) as info:
        load_settings()
    problem = info.value.problems[0]
    assert problem.variable == "SENTRY_RELEASE_PACKAGE + SENTRY_RELEASE_VERSION"
    assert "'/'" in problem.rule


# -- files ---------------------------------------------------------------------


def test_dsn_from_secrets_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sentry_dsn").write_text(SECRET_DSN + "\n")
    monkeypatch.setenv("SENTRY_GUARD_SECRETS_DIR", str(tmp_path))
    settings = load_settings()
    assert settings.dsn is not None and settings.dsn.reveal() == SECRET_DSN


def test_dsn_file_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dsn.txt"
    path.write_text(SECRET_DSN)
    monkeypatch.setenv("SENTRY_DSN_FILE", str(path))
    settings = load_settings()
    assert settings.dsn is not None and settings.dsn.reveal() == SECRET_DSN


def test_environment_dsn_wins_over_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sentry_dsn").write_text("https://other@h.example.com/1")
    monkeypatch.setenv("SENTRY_GUARD_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("SENTRY_DSN", SECRET_DSN)
    settings = load_settings()
    assert settings.dsn is not None and settings.dsn.reveal() == SECRET_DSN


def test_bad_dsn_in_file_is_reported_without_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sentry_dsn").write_text(SECRET_DSN + "/")
    monkeypatch.setenv("SENTRY_GUARD_SECRETS_DIR", str(tmp_path))
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.problems[0].variable.startswith("SENTRY_DSN")
    assert SECRET_KEY not in str(info.value)


def test_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("SENTRY_ENVIRONMENT=qa\nSENTRY_SAMPLE_RATE=0.5\nSENTRY_RELEASE=shop@1.0\nOTHER=1\n")
    monkeypatch.setenv("SENTRY_GUARD_ENV_FILE", str(env_file))
    monkeypatch.setenv("SENTRY_RELEASE", "shop@2.0")
    settings = load_settings()
    assert (settings.environment, settings.sample_rate, settings.release) == ("qa", 0.5, "shop@2.0")


def test_bad_value_in_dotenv_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("SENTRY_SAMPLE_RATE=7\n")
    with pytest.raises(ConfigError) as info:
        load_settings(guard_env_file=str(env_file))
    assert re.match(r"SENTRY_SAMPLE_RATE \(in .*\.env\)", info.value.problems[0].variable)
