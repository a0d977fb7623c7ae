"""Celery wiring in one process: the audit, the signals, the monitor helper, check-in defaults."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sentry_sdk
from celery import signals

import sentry_guard
from sentry_guard import ConfigError
from sentry_guard._integrations import celery as celery_support
from sentry_guard.testing import Captured, memory_transport

sys.path.insert(0, str(Path(__file__).parent / "celeryproj"))
from auditapp import app as audit_app

DSN = "https://0123456789abcdef0123456789abcdef@o0.ingest.sentry.invalid/1"
NOWHERE = memory_transport(Captured())


def test_audit_reports_every_entry_and_why() -> None:
    reports = {
        r.name: r
        for r in celery_support.audit_beat_schedule(
            audit_app, sentry_guard.load_settings(celery_exclude_beat_tasks="cleanup-.*")
        )
    }
    assert reports["nightly-report"].monitored and reports["nightly-report"].schedule == "0 3 * * *"
    assert reports["nightly-report"].timezone == "Europe/Berlin"
    assert reports["every-5-minutes"].monitored
    assert "interval of 30s" in reports["too-fast"].reasons[0]
    assert "not whole minutes" in reports["odd-interval"].reasons[0]
    assert "not supported by Sentry Crons" in reports["at-sunrise"].reasons[0]
    assert "rename the beat entry to 'send-weekly-digest'" in reports["Send Weekly Digest"].fixes
    assert "excluded by SENTRY_CELERY_EXCLUDE_BEAT_TASKS" in reports["cleanup-tmp"].reasons
    assert not any(
        r.monitored for name, r in reports.items() if name not in ("nightly-report", "every-5-minutes")
    )


def test_configure_warns_once_naming_unmonitored_entries(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="sentry_guard")
    result = sentry_guard.configure(dsn=DSN, celery_app=audit_app, transport=memory_transport(Captured()))
    assert result.enabled
    warnings = [r.getMessage() for r in caplog.records if "will not monitor" in r.getMessage()]
    assert len(warnings) == 1
    assert "'too-fast' (interval of 30s" in warnings[0] and "'at-sunrise'" in warnings[0]


def test_integration_gets_the_settings() -> None:
    sentry_guard.configure(
        dsn=DSN, celery_exclude_beat_tasks="cleanup-.*", celery_propagate_traces=False, transport=NOWHERE
    )
    from sentry_sdk.integrations.celery import CeleryIntegration

    integration = sentry_sdk.get_client().get_integration(CeleryIntegration)
    assert integration is not None
    assert (integration.monitor_beat_tasks, integration.propagate_traces, integration.exclude_beat_tasks) == (
        True,
        False,
        ["cleanup-.*"],
    )


def test_configure_twice_connects_the_receivers_once(monkeypatch: pytest.MonkeyPatch) -> None:
    sentry_guard.configure(dsn=DSN, transport=NOWHERE)
    sentry_guard.configure(dsn=DSN, transport=NOWHERE, release="shop@2.0.0")
    runs: list[int] = []
    real = celery_support._receiver_call["run"]

    def counted() -> Any:
        runs.append(1)
        return real()

    monkeypatch.setitem(celery_support._receiver_call, "run", counted)
    for signal in (signals.celeryd_init, signals.beat_init, signals.beat_embedded_init):
        ours = [r for r in signal.receivers if r[0][0] == celery_support.DISPATCH_UID]
        assert len(ours) == 1
    signals.celeryd_init.send(sender="worker@test", instance=None, conf=None, options={})
    assert runs == [1]
    assert sentry_sdk.get_client().options["release"] == "shop@2.0.0"  # the latest configuration


def test_cli_audit(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env["PYTHONPATH"] = str(Path(__file__).parent / "celeryproj")
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "celery", "monitors", "--app", "auditapp:app"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1  # some entries will not be monitored
    assert (
        "too-fast" in result.stdout
        and "NO" in result.stdout
        and "3 of 7 beat entries will be monitored" in result.stdout
    )
    assert "Fix: run it every minute or more" in result.stdout


# -- the monitor helper ---------------------------------------------------------------------------


def test_monitor_sends_checkins(sentry_capture: Captured) -> None:
    # monitor() returns Any: it is a decorator and a context manager, as sentry_sdk.monitor
    @sentry_guard.monitor(  # type: ignore[untyped-decorator]
        "nightly-report", "0 3 * * *", max_runtime=30, timezone="Europe/Berlin"
    )
    def job() -> str:
        return "done"

    assert job() == "done"
    check_ins = sentry_capture.payloads("check_in")
    assert [c["status"] for c in check_ins] == ["in_progress", "ok"]
    assert check_ins[0]["monitor_config"] == {
        "schedule": {"type": "crontab", "value": "0 3 * * *"},
        "max_runtime": 30,
        "timezone": "Europe/Berlin",
    }
    with pytest.raises(ValueError), sentry_guard.monitor("hourly-sync", (1, "hour")):
        raise ValueError("sync failed")
    assert sentry_capture.payloads("check_in")[-1]["status"] == "error"


@pytest.mark.parametrize(
    ("args", "kwargs", "needle"),
    [
        (("Nightly Report", "0 3 * * *"), {}, "'nightly-report'"),
        (("x" * 51, "0 3 * * *"), {}, "truncates"),
        (("nightly", "0 3 * *"), {}, "five fields"),
        (("nightly", (0, "minute")), {}, "positive whole number"),
        (("nightly", (5, "fortnight")), {}, "minute, hour, day, week, month, year"),
        (("nightly", "0 3 * * *"), {"checkin_margin": -1}, "checkin_margin"),
        (("nightly", "0 3 * * *"), {"timezone": "Mars/Olympus"}, "IANA"),
    ],
)
def test_monitor_refuses_bad_config_at_decoration_time(
    args: tuple[Any, ...], kwargs: dict[str, Any], needle: str
) -> None:
    with pytest.raises(ConfigError) as info:
        sentry_guard.monitor(*args, **kwargs)
    assert needle in str(info.value) and "Fix:" in str(info.value)


@pytest.mark.sentry_guard(celery_checkin_margin=5, celery_max_runtime=20)
def test_checkins_get_the_configured_defaults(sentry_capture: Captured) -> None:
    from sentry_sdk.crons import capture_checkin

    capture_checkin(
        monitor_slug="a",
        status="ok",
        monitor_config={"schedule": {"type": "crontab", "value": "* * * * *"}, "max_runtime": 7},
    )
    (check_in,) = sentry_capture.payloads("check_in")
    assert check_in["monitor_config"]["checkin_margin"] == 5
    assert check_in["monitor_config"]["max_runtime"] == 7  # the entry's own value wins
