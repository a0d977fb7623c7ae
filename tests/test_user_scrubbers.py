"""Scrubbers from import paths, code and plugins: only callables (event, hint) are taken, and
what a failing import says is shown scrubbed: no DSN, no token, no escape sequence."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sentry_guard
from sentry_guard import ConfigError, load_settings
from sentry_guard._user_scrubbers import PATH_CHARS, check_signature, resolve_scrubber

from .conftest import SECRET_DSN, SECRET_KEY, SECRET_SECRET
from .modules import importable

TOKEN = "sntryu_" + "5f3a9c1d0b7e" * 5

MODULES = {
    "bad_dsn_import": f"raise RuntimeError('cannot reach {SECRET_DSN} with {TOKEN}')",
    "bad_escape_import": "raise ImportError('\\x1b[2J\\x1b[31mfake prompt$ \\x07')",
    "exits_on_import": "import sys\nsys.exit(0)",
    "scrubbers_ok": textwrap.dedent(
        """
        import functools

        def scrub(event, hint):
            return event

        def loose(*args):
            return args[0]

        class Callable:
            def __call__(self, event, hint, extra=None):
                return event

        class NeedsArguments:
            def __init__(self, token):
                raise AssertionError("never")

        class BadInit:
            def __init__(self):
                raise ValueError("key %s" % TOKEN)

        def one_argument(event):
            return event

        def keyword_only(event, *, hint):
            return event

        def three(event, hint, more):
            return event

        partial = functools.partial(three, more=1)
        """
    ).replace("TOKEN", repr(TOKEN)),
}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with importable(MODULES, tmp_path, monkeypatch) as where:
        yield where


def no_secret(text: str) -> bool:
    return SECRET_KEY not in text and SECRET_SECRET not in text and TOKEN not in text


def no_controls(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf") for c in text.replace("\n", ""))


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("os:system", "'os:system' takes (command), so it cannot be called with (event, hint)"),
        ("json:loads", "takes (s, *, cls"),  # only keywords after the first
        ("scrubbers_ok:one_argument", "takes (event)"),
        ("scrubbers_ok:keyword_only", "takes (event, *, hint)"),
        ("scrubbers_ok:three", "takes (event, hint, more)"),
        ("scrubbers_ok:NeedsArguments", "could not be created without arguments"),
    ],
)
def test_a_callable_that_cannot_take_event_and_hint_is_refused(
    modules: Path, monkeypatch: pytest.MonkeyPatch, path: str, needle: str
) -> None:
    for variable in ("SENTRY_SCRUBBERS", "SENTRY_BEFORE_SEND"):
        monkeypatch.setenv(variable, path)
        with pytest.raises(ConfigError) as info:
            load_settings()
        assert info.value.problems[0].variable == variable and needle in str(info.value)
        monkeypatch.delenv(variable)


@pytest.mark.parametrize(
    "path", ["scrubbers_ok:scrub", "scrubbers_ok:loose", "scrubbers_ok:Callable", "scrubbers_ok:partial"]
)
def test_a_callable_that_takes_event_and_hint_is_accepted(
    modules: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", path)
    assert load_settings().scrubbers == (path,)
    assert callable(resolve_scrubber(path))


@pytest.mark.parametrize("module", ["bad_dsn_import", "scrubbers_ok:BadInit"])
def test_an_import_error_is_shown_without_the_secret_in_it(
    modules: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    path = module if ":" in module else f"{module}:scrub"
    monkeypatch.setenv("SENTRY_SCRUBBERS", path)
    with pytest.raises(ConfigError) as info:
        load_settings()
    message = str(info.value)
    assert no_secret(message), message
    assert "RuntimeError: cannot reach" in message or "ValueError: key" in message


def test_an_import_error_is_shown_without_escape_sequences(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", "bad_escape_import:scrub")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert no_controls(str(info.value)) and "fake prompt$" in str(info.value)


def test_a_module_that_exits_on_import_is_an_error_not_an_exit(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_SCRUBBERS", "exits_on_import:scrub")
    with pytest.raises(ConfigError, match=r"it called sys\.exit\(\) on import"):
        load_settings()


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("bad_dsn_import:scrub", "RuntimeError: cannot reach"),
        ("exits_on_import:scrub", "sys.exit()"),
        ("os:system", "takes (command)"),
    ],
)
def test_check_refuses_them_in_one_clear_message(modules: Path, path: str, needle: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(SENTRY_SCRUBBERS=path, PYTHONPATH=str(modules))
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and needle in result.stderr, result.stderr
    assert no_secret(result.stdout + result.stderr) and "Traceback" not in result.stderr


def test_callables_given_to_configure_are_checked_too(endpoint: Any) -> None:
    def one(event: Any) -> Any:
        return event

    with pytest.raises(ConfigError) as info:
        # a one-argument callable on purpose: configure must reject it
        sentry_guard.configure(dsn=endpoint.dsn(), scrubbers=[one])  # type: ignore[list-item]
    assert info.value.problems[0].variable == "configure(scrubbers=...)" and "takes (event)" in str(
        info.value
    )
    with pytest.raises(ConfigError) as info:
        # a one-argument callable on purpose: mypy sees the wrong shape too
        sentry_guard.configure(dsn=endpoint.dsn(), before_send=one)  # type: ignore[arg-type]
    assert "SENTRY_BEFORE_SEND" in str(info.value) and "takes (event)" in str(info.value)
    assert sentry_guard.configure(dsn=endpoint.dsn(), scrubbers=[functools.partial(lambda e, h, x: e, x=1)])


@pytest.fixture(params=["leaky_import", "narrow"])
def plugin(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An installed distribution with a scrubber entry point that fails to import with the DSN in
    its message, or that takes only (event)."""
    (tmp_path / "leaky_import.py").write_text(f"raise RuntimeError('no route to {SECRET_DSN}')\n")
    (tmp_path / "narrow.py").write_text("def scrub(event):\n    return event\n")
    dist = tmp_path / "leaky-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: leaky\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[sentry_guard.scrubbers]\nacme = {request.param}:scrub\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield str(request.param)
    for name in ("leaky_import", "narrow"):
        sys.modules.pop(name, None)


def test_a_plugin_is_checked_and_its_error_scrubbed(plugin: str, endpoint: Any) -> None:
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(dsn=endpoint.dsn())
    message = str(info.value)
    if plugin == "leaky_import":
        assert "entry point 'acme'" in message and "RuntimeError: no route to" in message
    else:
        assert "the plugin scrubber 'narrow.scrub' takes (event)" in message
    assert no_secret(message), message


_junk_characters = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
_junk = st.text(_junk_characters, max_size=60)


@given(module=_junk, attribute=_junk)
def test_any_import_path_is_a_callable_or_one_short_clean_value_error(module: str, attribute: str) -> None:
    """Module names that cannot exist (the prefix), so nothing real is imported."""
    path = f"zz_no_such_{module}:{attribute}"
    with pytest.raises(ValueError) as info:
        resolve_scrubber(path)
    message = str(info.value)
    assert no_controls(message) and len(message) < 400
    if len(path) > PATH_CHARS:
        assert path not in message


def test_check_signature_reads_what_it_can() -> None:
    check_signature(lambda event, hint: event, "x")
    check_signature(lambda *args, **kwargs: None, "x")
    with pytest.raises(ValueError, match=r"takes \(\)"):
        check_signature(lambda: None, "x")


def test_a_plugin_that_is_no_callable_is_named_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry point that loads something other than a scrubber: the rule says what it is,
    the fix says to correct or uninstall the plugin package."""
    from sentry_guard._scrubbers.plugins import load_entry_points

    (tmp_path / "not_a_scrubber.py").write_text("scrub = 42\n")
    dist = tmp_path / "notone-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: notone\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sentry_guard.scrubbers]\nforty-two = not_a_scrubber:scrub\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(ConfigError) as info:
            load_entry_points()
    finally:
        sys.modules.pop("not_a_scrubber", None)
    (problem,) = info.value.problems
    assert problem.variable == "entry point 'forty-two' (not_a_scrubber:scrub, from notone)"
    assert problem.rule.endswith("is a int, not a callable (event, hint) -> event | None")
    assert problem.fix.endswith(", or uninstall the plugin package")
