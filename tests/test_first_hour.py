"""A team's first hour with the command: check, the demo, imports from the current folder,
--version, missing Celery, missing web API settings. Run as the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import sentry_sdk

import sentry_guard
from sentry_guard import ConfigError
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard.cli._demo import PLANTED

from .conftest import SECRET_KEY

DSN_KEY = "0123456789abcdef0123456789abcdef"


def sentry_guard_command(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The console script, with the test's environment (no SENTRY_*) plus `env`, and no PYTHONPATH."""
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script, "the sentry-guard console script is not installed (pip install -e .)"
    full = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    full.update(env or {})
    return subprocess.run([script, *args], capture_output=True, text=True, env=full, timeout=120, cwd=cwd)


@pytest.fixture
def broken_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An installed distribution whose sentry_guard._scrubbers entry point cannot be imported."""
    (tmp_path / "acme_sentry.py").write_text("import acme_missing_dependency\n")
    dist = tmp_path / "acme_sentry-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-sentry\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sentry_guard.scrubbers]\nacme = acme_sentry:AcmeScrubber\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("acme_sentry", None)


def test_check_fails_where_configure_fails_on_a_broken_plugin(
    broken_plugin: Path, endpoint: EnvelopeServer
) -> None:
    """A broken entry point used to pass `check` and then fail `configure()` at deploy."""
    with pytest.raises(ConfigError) as info:
        sentry_guard.configure(dsn=endpoint.dsn())
    for env in ({}, {"SENTRY_DSN": endpoint.dsn()}):  # at build time, without a DSN, too
        result = sentry_guard_command("check", env={"PYTHONPATH": str(broken_plugin), **env})
        assert result.returncode == 1, result.stdout
        assert str(info.value) in result.stderr and "acme_missing_dependency" in result.stderr


def test_check_prints_the_chain_and_where_the_dsn_came_from(tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "acme_sentry.py").write_text(
        "class AcmeScrubber:\n    name = 'acme'\n\n    def __call__(self, event, hint):\n        return event\n"
    )
    dist = plugin / "acme_sentry-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-sentry\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sentry_guard.scrubbers]\nacme = acme_sentry:AcmeScrubber\n")
    (plugin / "shop_hooks.py").write_text("def drop_health(event, hint):\n    return event\n")
    dsn = f"https://{SECRET_KEY}@o1.ingest.example.com/42"
    (tmp_path / "dsn").write_text(dsn)
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "sentry_dsn").write_text(dsn)
    env_file = tmp_path / ".env"
    env_file.write_text(f"SENTRY_DSN={dsn}\n")
    base = {"PYTHONPATH": str(plugin), "SENTRY_SCRUBBERS": "shop_hooks:drop_health"}
    for env, source in [
        ({"SENTRY_DSN": dsn}, "DSN from the SENTRY_DSN variable"),
        (
            {"SENTRY_DSN_FILE": str(tmp_path / "dsn")},
            f"DSN from the file {tmp_path / 'dsn'} (SENTRY_DSN_FILE)",
        ),
        ({"SENTRY_GUARD_SECRETS_DIR": str(secrets)}, f"DSN from the secret file {secrets / 'sentry_dsn'}"),
        ({"SENTRY_GUARD_ENV_FILE": str(env_file)}, f"DSN from SENTRY_DSN in the .env file {env_file}"),
    ]:
        result = sentry_guard_command("check", env={**base, **env})
        assert result.returncode == 0, result.stderr
        assert "scrubber chain: default -> acme -> shop_hooks.drop_health" in result.stdout
        assert source in result.stdout
        assert SECRET_KEY not in result.stdout + result.stderr


def test_the_command_imports_from_the_folder_it_runs_in(tmp_path: Path) -> None:
    (tmp_path / "myapp").mkdir()
    (tmp_path / "myapp" / "__init__.py").write_text("")
    (tmp_path / "myapp" / "sentry.py").write_text("def drop_health_checks(event, hint):\n    return event\n")
    (tmp_path / "shop_celery.py").write_text(
        "from celery import Celery\napp = Celery('shop', broker='memory://')\n"
        "app.conf.beat_schedule = {'nightly': {'task': 't', 'schedule': 3600.0}}\n"
    )
    env = {"SENTRY_SCRUBBERS": "myapp.sentry:drop_health_checks"}
    result = sentry_guard_command("check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "myapp.sentry.drop_health_checks" in result.stdout
    result = sentry_guard_command("celery", "monitors", "--app", "shop_celery:app", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nightly" in result.stdout


def test_an_import_failure_is_told_once_with_a_fix_that_is_not_the_input(tmp_path: Path) -> None:
    env = {"SENTRY_SCRUBBERS": "myapp.sentry:drop_health_checks,myapp.sentry:ScrubOrderNotes"}
    result = sentry_guard_command("check", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("cannot import 'myapp.sentry'") == 1, result.stderr
    fix = result.stderr.split("Fix: ", 1)[1]
    assert "myapp.sentry:" not in fix and "run from the folder that holds 'myapp'" in fix
    result = sentry_guard_command("celery", "monitors", "--app", "shop.celery:app", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "shop.celery:app" not in result.stderr.split("Fix: ", 1)[1]


def test_version() -> None:
    result = sentry_guard_command("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(
        f"sentry-guard {sentry_guard.__version__} (sentry-sdk {sentry_sdk.VERSION}"
    )


def test_celery_monitors_without_celery_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['celery'] = None\n"
        "from sentry_guard.cli import main\n"
        "sys.exit(main(['celery', 'monitors', '--app', 'shop.celery:app']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert 'pip install "sentry-guard[celery]"' in result.stderr and "No module named" not in result.stderr


def test_web_api_commands_report_every_missing_setting_at_once() -> None:
    result = sentry_guard_command("issues", "list")
    assert result.returncode == 1
    for name in ("SENTRY_AUTH_TOKEN", "SENTRY_ORG", "SENTRY_PROJECT"):
        assert f"- {name}: is not set" in result.stderr
    result = sentry_guard_command("issues", "show", "4711", env={"SENTRY_ORG": "acme"})
    assert "SENTRY_AUTH_TOKEN" in result.stderr and "SENTRY_PROJECT" not in result.stderr


class _Refusing:
    """A loopback 'Sentry' that answers every envelope with 403, as a revoked key gets."""

    def __enter__(self) -> _Refusing:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(403)
                self.end_headers()
                self.wfile.write(b'{"detail":"event submission rejected with_reason: ProjectId"}')

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def dsn(self) -> str:
        return f"http://{DSN_KEY}@127.0.0.1:{self.server.server_address[1]}/42"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_the_demo_never_sends_to_the_configured_dsn_unless_asked(endpoint: EnvelopeServer) -> None:
    """With production settings in a container, the demo posted a fake error to production."""
    result = sentry_guard_command("demo", env={"SENTRY_DSN": endpoint.dsn()})
    assert result.returncode == 0, result.stderr
    assert "events go to a local endpoint on 127.0.0.1:" in result.stdout
    assert "`sentry-guard demo --send` also sends to it" in result.stdout
    assert endpoint.envelopes == []


def test_the_demo_sends_when_asked_and_says_it_arrived(endpoint: EnvelopeServer) -> None:
    result = sentry_guard_command("demo", "--send", env={"SENTRY_DSN": endpoint.dsn()})
    assert result.returncode == 0, result.stdout + result.stderr
    (event,) = endpoint.payloads("event")
    assert f"Sentry accepted event {event['event_id']}" in result.stdout
    wire = "\n".join(e.raw.decode() for e in endpoint.envelopes)
    assert not [name for name, value in PLANTED.items() if value in wire]
    assert event["exception"]["values"][-1]["value"] == "payment declined for [email] (card [creditcard])"
    assert json.loads(endpoint.envelopes[0].raw.split(b"\n")[0])["event_id"] == event["event_id"]


def test_the_demo_says_when_sentry_refused_the_event() -> None:
    with _Refusing() as refusing:
        result = sentry_guard_command("demo", "--send", env={"SENTRY_DSN": refusing.dsn()})
    assert result.returncode == 1
    assert "NOT delivered to http://***@127.0.0.1:" in result.stdout and "answered HTTP 403" in result.stdout
    assert DSN_KEY not in result.stdout + result.stderr


def test_the_demo_send_without_a_dsn_says_so() -> None:
    result = sentry_guard_command("demo", "--send")
    assert result.returncode == 1 and "SENTRY_DSN is not set" in result.stderr
