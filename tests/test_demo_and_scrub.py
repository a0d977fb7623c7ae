"""`sentry-guard demo` and `sentry-guard scrub`, run as the console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sentry_guard.cli._demo import PLANTED

FIXTURES = Path(__file__).parent / "fixtures"
SECRETS = [
    "hunter2-Secret!",
    "4111 1111 1111 1111",
    "jane.doe@example.com",
    "sess-9f8e7d6c5b4a3",
    "abc123def456ghi789",
]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    return subprocess.run(
        [sys.executable, "-m", "sentry_guard", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_demo_exits_0_and_nothing_planted_reaches_the_wire() -> None:
    result = run("demo", "--wire")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"none of the {len(PLANTED)} planted secrets reached the wire" in result.stdout
    wire = result.stdout.split("--- the event as it arrived ---")[1].split("--- end ---")[0]
    event = json.loads(wire)
    assert event["exception"]["values"][-1]["type"] == "ValueError"
    for name, value in PLANTED.items():
        assert value not in wire, f"{name} reached the wire"
    # the side-by-side table shows what the app had, and the replacement
    assert "[creditcard]" in result.stdout and "4111 1111 1111 1111" in result.stdout.split("---")[0]
    assert "hunter2" not in result.stderr


def test_scrub_prints_the_scrubbed_event() -> None:
    result = run("scrub", str(FIXTURES / "event.json"))
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout)
    for secret in SECRETS:
        assert secret not in result.stdout
    assert event["exception"]["values"][0]["stacktrace"]["frames"][0]["lineno"] == 42
    assert event["tags"] == {"region": "eu-west-1"}


def test_scrub_diff_lists_what_changed_path_by_path() -> None:
    result = run("scrub", "--diff", str(FIXTURES / "event.json"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        '$.exception.values[0].stacktrace.frames[0].vars.password: "hunter2-Secret!" -> "[Filtered]"' in lines
    )
    assert '$.request.headers[0][1]: "Bearer abc123def456ghi789" -> "[Filtered]"' in lines
    assert not any("region" in line for line in lines)
    assert "value(s) changed" in result.stderr


def test_scrub_reads_stdin_and_envelopes() -> None:
    envelope = (FIXTURES / "envelope.bin").read_text()
    result = run("scrub", "-", stdin=envelope)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["request"]["url"].endswith("token=[Filtered]&step=2")


def test_scrub_with_extra_scrubbers() -> None:
    result = run("scrub", "--scrubbers", "json:loads", str(FIXTURES / "event.json"))
    assert result.returncode == 2  # json.loads is no scrubber: bad input, named before anything runs
    assert result.stderr == (
        "sentry-guard scrub: --scrubbers: 'json:loads' takes (s, *, cls, object_hook, parse_float,"
        " parse_int, parse_constant, object_pairs_hook, **kw), so it cannot be called with"
        " (event, hint). Fix: write a function def scrub(event, hint) returning the event or None\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        ("not json at all", "not JSON and not a Sentry envelope"),
        ("[1, 2]", "not an event"),
        ("42", "not an event"),
        ('{"event_id": "x"}\n{"type": "attachment", "length": 3}\nabc\n', "no event"),
    ],
)
def test_scrub_bad_input_exits_2(stdin: str, needle: str) -> None:
    result = run("scrub", "-", stdin=stdin)
    assert result.returncode == 2
    assert needle in result.stderr


def test_scrub_missing_file_exits_2() -> None:
    result = run("scrub", "/nonexistent/event.json")
    assert result.returncode == 2 and "No such file" in result.stderr
