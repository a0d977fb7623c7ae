"""The beat-schedule audit and `sentry-guard celery monitors` on the paths the demo project
does not take: interval schedules, monitoring switched off, a module with no app, bad settings."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from celery import Celery
from celery.schedules import schedule

import sentry_guard
from sentry_guard._integrations import celery as celery_support
from sentry_guard.cli import main


def _app() -> Celery:
    app = Celery("edges", broker="memory://", set_as_current=False)  # the demo project's stays current
    app.conf.beat_schedule = {
        "every-ten-minutes": {"task": "t", "schedule": schedule(timedelta(minutes=10))},
        "every-twenty-seconds": {"task": "t", "schedule": schedule(timedelta(seconds=20))},
    }
    return app


def test_an_interval_schedule_is_read_as_its_seconds() -> None:
    reports = {r.name: r for r in celery_support.audit_beat_schedule(_app(), sentry_guard.load_settings())}
    assert reports["every-ten-minutes"].schedule == "every 600s" and reports["every-ten-minutes"].monitored
    assert reports["every-twenty-seconds"].schedule == "every 20s"
    assert reports["every-twenty-seconds"].reasons == [
        "interval of 20s: Sentry monitors intervals of a minute or more"
    ]


def test_monitoring_switched_off_is_the_reason_for_every_entry() -> None:
    settings = sentry_guard.load_settings(celery_monitor_beat_tasks=False)
    reports = celery_support.audit_beat_schedule(_app(), settings)
    assert [r.monitored for r in reports] == [False, False]
    for report in reports:
        assert report.reasons[0] == "SENTRY_CELERY_MONITOR_BEAT_TASKS is off"
        assert report.fixes[0] == "set SENTRY_CELERY_MONITOR_BEAT_TASKS=true"


def _monitors(app: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["celery", "monitors", "--app", app], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", ["json", "json:app"])
def test_a_module_without_an_app_says_how_to_name_it(path: str) -> None:
    code, out, err = _monitors(path)
    assert code == 2 and out == ""
    assert f"cannot load {path!r}: ValueError: {path!r}: no Celery app there (expected pkg.module:app)" in err
    assert err.rstrip().endswith(
        "Fix: name the app as pkg.module:app, e.g. the module that calls Celery(...)"
    )


def test_invalid_settings_are_told_before_the_app_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    code, out, err = _monitors("no_such_module_xyz:app")
    assert code == 1 and out == ""
    assert err.startswith("invalid Sentry configuration") and "SENTRY_RELEASE" in err
    assert "no_such_module_xyz" not in err
