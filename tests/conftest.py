"""Shared fixtures: a clean environment, a loopback Sentry endpoint, a reset SDK."""

from __future__ import annotations

import logging
import os
import types
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._scrubbers import compiled
from sentry_guard._settings import COMMIT_SHA_VARIABLES
from sentry_guard.testing import reset

pytest_plugins = ["pytester"]

# Property tests check behaviour, not speed: no per-example deadline (a loaded CI machine
# must not turn a slow example into a failure).
hypothesis_settings.register_profile(
    "sentry_guard",
    deadline=None,
    # the `implementation` fixture switches the scanner for the whole test, all examples alike
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
hypothesis_settings.load_profile("sentry_guard")

#: a DSN whose key and secret must never appear in any output
SECRET_KEY = "f00dfacecafe4b1d9e7a0c2b5d8e3f71"
SECRET_SECRET = "5ecre7c0ffee"
SECRET_DSN = f"https://{SECRET_KEY}:{SECRET_SECRET}@o1.ingest.example.com/42"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the developer's or CI's SENTRY_* / commit variables or /run/secrets.

    SENTRY_GUARD_PURE_PYTHON stays (``tox -e pure``): it chose the scanner at import, and
    the subprocesses a test starts must run the same one."""
    for name in list(os.environ):
        if name == "SENTRY_GUARD_PURE_PYTHON":
            continue
        if name.upper().startswith("SENTRY_") or name in COMMIT_SHA_VARIABLES:
            monkeypatch.delenv(name)
    monkeypatch.setenv("SENTRY_GUARD_SECRETS_DIR", str(tmp_path_factory.mktemp("no-secrets")))


@pytest.fixture(autouse=True)
def reset_sentry() -> Iterator[None]:
    """Each test starts with no Sentry client, no remembered configuration and empty scopes
    (a breadcrumb one test recorded would reach the next test's events)."""
    yield
    reset()


@pytest.fixture
def endpoint() -> Iterator[EnvelopeServer]:
    """A loopback HTTP endpoint recording the envelopes sentry-sdk really sends."""
    with EnvelopeServer() as server:
        yield server


@pytest.fixture
def guard_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="sentry_guard")
    return caplog


@pytest.fixture(params=["compiled", "python"])
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the compiled scanner and walker, then with the pure-Python fallback.

    Both must pass the same tests. Without the compiled module (no C compiler at install
    time) its half is skipped on a developer's machine and fails in CI."""
    from sentry_guard._scrubbers import compiled, scan, walk

    if request.param == "python":
        monkeypatch.setattr(compiled, "SPEEDUPS", None)
    elif not (scan.uses_compiled_scanner() and walk.uses_compiled_walker()):
        compiled_is_off()
    return str(request.param)


def compiled_is_off() -> None:
    """Skip the calling test on a machine without the compiled module; fail it in CI."""
    message = "the compiled scanner is off: not built (no C compiler) or SENTRY_GUARD_PURE_PYTHON set"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


#: the compiled module as installed, taken before the `implementation` fixture can switch it off
_INSTALLED = compiled.SPEEDUPS


@pytest.fixture
def installed_speedups() -> types.ModuleType:
    """The compiled module, in the pure-Python run too; skipped without it (failed in CI)."""
    if _INSTALLED is None:
        compiled_is_off()
    assert _INSTALLED is not None
    return _INSTALLED
