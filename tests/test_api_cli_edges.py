"""`sentry-guard events` / `issues` / `audit` in this process against the fake Sentry API: an
empty listing, an issue's events without --since, an update as JSON, audit without a project,
and --yes alone."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from sentry_guard.cli import main

from .fake_sentry import TOKEN, FakeSentry


@pytest.fixture
def sentry(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSentry]:
    with FakeSentry(events=0) as server:
        for name, value in {
            "SENTRY_URL": server.url,
            "SENTRY_AUTH_TOKEN": TOKEN,
            "SENTRY_ORG": "acme",
            "SENTRY_PROJECT": "shop",
        }.items():
            monkeypatch.setenv(name, value)
        yield server


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_an_empty_listing_says_none(sentry: FakeSentry) -> None:
    assert cli("events", "list") == (0, "(none)\n", "")


def test_an_issues_events_without_since_ask_for_no_start(sentry: FakeSentry) -> None:
    sentry.events = [{"id": "a" * 32, "eventID": "a" * 32, "title": "boom", "groupID": "2"}]
    code, out, _ = cli("issues", "events", "2")
    assert code == 0 and out.splitlines()[1].startswith("a" * 32)
    (request,) = [path for method, path, _, _ in sentry.requests if "/events/" in path]
    assert "start=" not in request and "end=" not in request


def test_an_update_as_json_is_what_the_server_answered(sentry: FakeSentry) -> None:
    code, out, err = cli("issues", "resolve", "2", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"id": "2", "status": "resolved"}  # no null fields
    assert sentry.issues["2"]["status"] == "resolved"


def test_audit_without_a_project_says_which_setting_is_missing(
    sentry: FakeSentry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SENTRY_PROJECT")
    code, out, err = cli("audit")
    assert (code, out) == (2, "")
    assert "SENTRY_PROJECT" in err and err.startswith("invalid Sentry configuration")
    assert not sentry.requests


def test_audit_yes_without_delete_issues_says_it_does_nothing(sentry: FakeSentry) -> None:
    code, out, err = cli("audit", "--yes")
    assert code == 0 and "0 finding(s)" in out
    assert err == "--yes does nothing without --delete-issues\n"
    assert not [r for r in sentry.requests if r[0] == "DELETE"]
