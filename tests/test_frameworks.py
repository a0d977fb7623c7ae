"""The README's snippets for sentry-sdk users run as printed: Django, Flask, FastAPI, other
sentry-sdk options, and keeping Sentry off in tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sentry_sdk

from sentry_guard._endpoint import EnvelopeServer

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## For sentry-sdk users") : README.index("## Configure")]
PASSWORD, TOKEN, EMAIL = "hunter2-Secret!", "abc123def456ghi789", "jane.doe@example.com"


def _snippet(first_line: str) -> str:
    blocks: list[str] = re.findall(r"```python\n(.*?)```", SECTION, re.S)
    (block,) = [b for b in blocks if b.startswith(first_line)]
    return block


CLIENTS = {
    "app.py": textwrap.dedent(
        f"""
        import sentry_sdk
        from app import app

        client = app.test_client()
        response = client.post(
            "/checkout",
            data={{"email": {EMAIL!r}, "password": {PASSWORD!r}}},
            headers={{"Authorization": "Bearer {TOKEN}"}},
        )
        assert response.status_code == 500, response.status_code
        sentry_sdk.flush()
        """
    ),
    "main.py": textwrap.dedent(
        f"""
        import sentry_sdk
        from fastapi.testclient import TestClient
        from main import app

        client = TestClient(app, raise_server_exceptions=False)
        response = client.post(
            "/checkout",
            json={{"email": {EMAIL!r}, "password": {PASSWORD!r}}},
            headers={{"Authorization": "Bearer {TOKEN}"}},
        )
        assert response.status_code == 500, response.status_code
        sentry_sdk.flush()
        """
    ),
}


@pytest.mark.parametrize(("module", "integration"), [("app.py", "flask"), ("main.py", "fastapi")])
def test_the_framework_snippet_reports_a_scrubbed_error(
    module: str, integration: str, tmp_path: Path
) -> None:
    (tmp_path / module).write_text(_snippet(f"# {module}"))
    with EnvelopeServer() as endpoint:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
        env.update(SENTRY_DSN=endpoint.dsn(), SENTRY_RELEASE="shop@4.12.0", PYTHONPATH=str(tmp_path))
        result = subprocess.run(
            [sys.executable, "-c", CLIENTS[module]],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        endpoint.wait_for(1)
        wire = "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)
        events = endpoint.payloads("event")
    (event,) = events
    assert event["exception"]["values"][-1]["value"] == "payment declined for [email]"
    assert event["release"] == "shop@4.12.0"
    assert integration in {i.split(".")[0] for i in event["sdk"]["integrations"]}, event["sdk"][
        "integrations"
    ]
    for secret in (PASSWORD, TOKEN, EMAIL):
        assert secret not in wire


def test_the_django_snippet_is_what_the_example_runs() -> None:
    """The example (tests/test_django_example.py, test_django_celery_e2e.py) has these lines."""
    settings = (ROOT / "examples" / "django_app" / "shop" / "settings.py").read_text()
    lines = [line.split("#")[0].strip() for line in _snippet("# settings.py").splitlines()]
    assert all(line in settings for line in lines if line)


def test_the_options_snippet_passes_through(
    endpoint: EnvelopeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SENTRY_DSN", endpoint.dsn())
    namespace: dict[str, object] = {}
    exec(_snippet("import logging"), namespace)
    options = sentry_sdk.get_client().options
    assert options["in_app_exclude"] == ["vendored"] and options["traces_sample_rate"] == 0.2
    from sentry_sdk.integrations.logging import LoggingIntegration

    assert sentry_sdk.get_client().get_integration(LoggingIntegration) is not None
    with sentry_sdk.start_transaction(name="/health", sampled=True):
        pass
    with sentry_sdk.start_transaction(name="/checkout", sampled=True):
        pass
    sentry_sdk.flush()
    endpoint.wait_for(1)
    assert [t["transaction"] for t in endpoint.payloads("transaction")] == ["/checkout"]


def test_the_conftest_snippet_keeps_sentry_off(pytester: pytest.Pytester, endpoint: EnvelopeServer) -> None:
    pytester.makeconftest(_snippet("# conftest.py"))
    pytester.makepyfile(
        test_app="""
        import sentry_guard, sentry_sdk

        def test_off():
            assert not sentry_guard.configure().enabled
            assert not sentry_sdk.get_client().is_active()
        """
    )
    os.environ["SENTRY_DSN"] = endpoint.dsn()  # as a developer's shell might have it
    try:
        pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    finally:
        del os.environ["SENTRY_DSN"]
    assert endpoint.envelopes == []
