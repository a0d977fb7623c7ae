"""`sentry-guard events` / `issues` through the console script, against the fake Sentry API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .fake_sentry import TOKEN, FakeSentry


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as server:
        yield server


def run(sentry: FakeSentry, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script, "the sentry-guard console script is not installed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(SENTRY_URL=sentry.url, SENTRY_AUTH_TOKEN=TOKEN, SENTRY_ORG="acme", SENTRY_PROJECT="shop")
    return subprocess.run([script, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


def test_events_list_table_and_limit(sentry: FakeSentry) -> None:
    result = run(sentry, "events", "list", "--limit", "3", "--since", "24h")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["EVENT", "DATE", "TITLE"]
    assert len(lines) == 4 and "ValueError: boom 0" in lines[1]
    assert "statsPeriod=24h" in sentry.requests[0][1]


def test_events_list_all_pages_as_json(sentry: FakeSentry) -> None:
    result = run(sentry, "events", "list", "--limit", "0", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 250


def test_issues_list_show_events(sentry: FakeSentry) -> None:
    listed = run(sentry, "issues", "list", "--query", "is:unresolved")
    assert listed.returncode == 0 and "SHOP-2" in listed.stdout and "STATUS" in listed.stdout
    shown = run(sentry, "issues", "show", "2")
    assert "shortId:     SHOP-2" in shown.stdout and "permalink:" in shown.stdout
    events = run(sentry, "issues", "events", "2", "--limit", "0", "--json", "--since", "1h")
    assert len(json.loads(events.stdout)) == 150
    assert all("start=" in request[1] for request in sentry.requests[-2:])  # filters kept on every page


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["resolve", "1"], "status", "resolved"),
        (["ignore", "1"], "status", "ignored"),
        (["unresolve", "1"], "status", "unresolved"),
        (["assign", "1", "user:42"], "assignedTo", "user:42"),
        (["bookmark", "1"], "isBookmarked", True),
        (["bookmark", "1", "--remove"], "isBookmarked", False),
    ],
)
def test_triage(sentry: FakeSentry, args: list[str], field: str, value: object) -> None:
    result = run(sentry, "issues", *args)
    assert result.returncode == 0, result.stderr
    assert sentry.issues["1"][field] == value
    method, _, _, body = sentry.requests[-1]
    assert method == "PUT" and json.loads(body) == {field: value}


def test_delete_asks_first(sentry: FakeSentry) -> None:
    refused = run(sentry, "issues", "delete", "1", stdin="n\n")
    assert refused.returncode == 1 and "1" in sentry.issues and "not deleted" in refused.stderr
    no_stdin = run(sentry, "issues", "delete", "1")
    assert no_stdin.returncode == 1 and "1" in sentry.issues
    confirmed = run(sentry, "issues", "delete", "1", stdin="y\n")
    assert confirmed.returncode == 0 and "1" not in sentry.issues
    forced = run(sentry, "issues", "delete", "2", "--yes")
    assert forced.returncode == 0 and "2" not in sentry.issues


def test_errors_are_one_clear_line_without_the_token(sentry: FakeSentry) -> None:
    sentry.script.append((403, {}, {"detail": "You do not have permission to perform this action."}))
    result = run(sentry, "issues", "delete", "1", "--yes")
    assert result.returncode == 1
    assert "event:admin" in result.stderr and TOKEN not in result.stderr + result.stdout
    missing = run(sentry, "issues", "show", "999")
    assert missing.returncode == 1 and "not found" in missing.stderr


def test_bad_since_and_missing_token(sentry: FakeSentry) -> None:
    assert "use a number and a unit" in run(sentry, "events", "list", "--since", "yesterday").stderr
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(SENTRY_URL=sentry.url, SENTRY_ORG="acme", SENTRY_PROJECT="shop")
    result = subprocess.run([script, "issues", "list"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "SENTRY_AUTH_TOKEN" in result.stderr
