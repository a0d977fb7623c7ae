"""`sentry-guard audit` against a loopback fake of Sentry's web API serving stored events with
leaks planted in every part: every leak found with its kind and path, no value shown, nothing
deleted without --yes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from sentry_guard._audit import findings_in, ingest_form
from sentry_guard._hooks import default_chain
from sentry_guard._settings import Settings

from .audit_events import EXPECTED, PLANTED, benign_event, leaky_event
from .console import run
from .fake_sentry import FakeSentry, Reply


def _with_issue(event: dict[str, Any], event_id: str, issue: str) -> dict[str, Any]:
    return {**event, "id": event_id, "eventID": event_id, "groupID": issue}


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry(events=0) as server:
        # issue 1 and 3 hold leaks, issue 2 only look-alikes
        server.events = [
            _with_issue(leaky_event(), "a" * 32, "1"),
            _with_issue(benign_event(), "b" * 32, "2"),
            _with_issue(leaky_event(), "c" * 32, "3"),
        ]
        yield server


def _no_value_shown(*outputs: str) -> None:
    for output in outputs:
        for value in PLANTED:
            assert value not in output, f"{value[:6]}... shown"
            assert json.dumps(value)[1:-1] not in output


def test_every_planted_leak_is_found_with_its_kind_and_path(sentry: FakeSentry) -> None:
    result = run(sentry, "audit", "--json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)  # stdout holds the document and nothing else
    assert set(document) == {"events_scanned", "findings"}
    assert document["events_scanned"] == 3
    findings = document["findings"]
    for event_id, issue in (("a" * 32, "SHOP-1"), ("c" * 32, "SHOP-3")):
        mine = [f for f in findings if f["event_id"] == event_id]
        assert {(f["path"], f["kind"]) for f in mine} == EXPECTED
        assert {f["issue"] for f in mine} == {issue} and {f["issue_id"] for f in mine} == {issue[-1]}
    # the look-alikes (versions, UUIDs, hashes, a user agent, SQL, token_type) give nothing
    assert not [f for f in findings if f["event_id"] == "b" * 32]
    assert all(set(f) == {"issue_id", "issue", "event_id", "path", "kind", "excerpt"} for f in findings)
    _no_value_shown(result.stdout, result.stderr)
    excerpts = {f["kind"]: f["excerpt"] for f in findings}
    assert excerpts["creditcard"] == "4111 **** **** 1111"
    assert excerpts["email"] == "j***@e***.org"
    assert excerpts["token:github-pat"] == "ghp_****"


def test_the_text_report_has_a_summary_and_shows_no_value(sentry: FakeSentry) -> None:
    result = run(sentry, "audit", "--period", "30d")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ISSUE", "EVENT", "PATH", "KIND", "EXCERPT"]
    assert f"{2 * len(EXPECTED)} finding(s) in 2 of 3 event(s) scanned, 2 issue(s)" in result.stdout
    by_kind = next(line for line in lines if line.startswith("by kind:"))
    assert "user 8" in by_kind and "key:password 4" in by_kind
    by_issue = next(line for line in lines if line.startswith("by issue:"))
    assert f"SHOP-1 {len(EXPECTED)}" in by_issue and f"SHOP-3 {len(EXPECTED)}" in by_issue
    _no_value_shown(result.stdout, result.stderr)
    asked = [path for method, path, _, _ in sentry.requests if "/events/" in path]
    assert asked and all("full=true" in path and "statsPeriod=30d" in path for path in asked)


def test_nothing_found_exits_0(sentry: FakeSentry) -> None:
    sentry.events = [_with_issue(benign_event(), "b" * 32, "2")]
    result = run(sentry, "audit")
    assert result.returncode == 0, result.stderr
    assert "0 finding(s) in 0 of 1 event(s) scanned, 0 issue(s)" in result.stdout
    json_result = run(sentry, "audit", "--json")
    assert json_result.returncode == 0
    assert json.loads(json_result.stdout) == {"events_scanned": 1, "findings": []}


def test_errors_exit_2_with_one_line(sentry: FakeSentry) -> None:
    sentry.script = [Reply(500, {}, {"detail": "boom"})] * 10
    result = run(sentry, "audit", "--deadline", "2")
    assert result.returncode == 2
    assert result.stderr.startswith("sentry-guard audit:") and len(result.stderr.splitlines()) == 1
    assert run(sentry, "audit", "--period", "fortnight").returncode == 2


def test_nothing_is_deleted_without_yes(sentry: FakeSentry) -> None:
    result = run(sentry, "audit", "--delete-issues")
    assert result.returncode == 1
    assert (
        "would delete issue SHOP-1 (1)" in result.stdout and "would delete issue SHOP-3 (3)" in result.stdout
    )
    assert "SHOP-2" not in result.stdout.split("by kind:")[-1]
    assert "nothing deleted: add --yes" in result.stdout
    assert not [r for r in sentry.requests if r[0] == "DELETE"]
    assert set(sentry.issues) == {"1", "2", "3"}


def test_yes_deletes_exactly_the_issues_with_findings(sentry: FakeSentry) -> None:
    result = run(sentry, "audit", "--delete-issues", "--yes", "--json")
    assert result.returncode == 1, result.stderr
    json.loads(result.stdout)  # the plan and the outcome went to stderr
    deleted = sorted(path for method, path, _, _ in sentry.requests if method == "DELETE")
    assert deleted == ["/api/0/organizations/acme/issues/1/", "/api/0/organizations/acme/issues/3/"]
    assert set(sentry.issues) == {"2"}
    assert "deleted issue SHOP-1 (1)" in result.stderr and "deleted issue SHOP-3 (3)" in result.stderr


def test_a_failed_deletion_is_reported_and_the_rest_go_on(sentry: FakeSentry) -> None:
    def refuse_the_first(method: str, path: str) -> Reply | None:
        if method == "DELETE" and path.endswith("/issues/1/"):
            return Reply(403, {}, {"detail": "You do not have permission to perform this action."})
        return None

    sentry.always = refuse_the_first  # type: ignore[assignment]
    result = run(sentry, "audit", "--delete-issues", "--yes")
    assert result.returncode == 2
    assert "could not delete issue SHOP-1 (1)" in result.stderr
    assert "deleted issue SHOP-3 (3)" in result.stdout
    assert set(sentry.issues) == {"1", "2"}


def test_api_paths_map_back_from_the_ingest_form() -> None:
    ingest, back = ingest_form(leaky_event())
    assert ingest["exception"]["values"][0]["type"] == "ValueError"
    assert ingest["tags"][1] == ["api_key", ingest["tags"][1][1]]
    assert back("$.exception.values[0].value") == "$.entries[0].data.values[0].value"
    assert back("$.logentry.formatted") == "$.entries[3].data.formatted"
    assert back("$.tags[1][1]") == "$.tags[1].value"
    assert back("$.tags[1][0]") == "$.tags[1].key"
    assert back('$["\\u0000tags"][2].query') == "$.tags[2].query"
    assert back("$.extra.secret") == "$.context.secret"
    assert back("$.extraneous") == "$.extraneous"


def test_a_tag_and_a_header_pair_fall_under_the_key_rule() -> None:
    event = {
        "tags": [{"key": "api_key", "value": "plain-looking-value"}],
        "entries": [{"type": "request", "data": {"headers": [["X-Api-Key", "plain-looking-value-2"]]}}],
    }
    found = findings_in(event, default_chain(Settings()))
    assert ("$.tags[0].value", "key:api_key") in {(p, k) for p, k, _ in found}
    assert ("$.entries[0].data.headers[0][1]", "key:api_key") in {(p, k) for p, k, _ in found}
