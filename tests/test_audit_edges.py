"""The audit's less travelled paths: stored events in shapes the web API rarely gives (tags
that are not {"key", "value"}, entries of no known type, both ``context`` and ``extra``), and
an issue that cannot be read while its events can."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sentry_guard._audit import findings_in, run_audit
from sentry_guard._hooks import default_chain
from sentry_guard._settings import Settings
from sentry_guard.api import SentryApi

from .audit_events import EMAIL, PASSWORD, leaky_event
from .fake_sentry import TOKEN, FakeSentry, Reply


def _found(event: dict[str, Any]) -> set[tuple[str, str]]:
    return {(path, kind) for path, kind, _ in findings_in(event, default_chain(Settings()))}


def test_a_tag_that_is_no_key_value_object_is_read_where_it_is() -> None:
    """A [key, value] pair or a bare string in ``tags`` keeps its own path: the `.key`/`.value`
    steps are for {"key": ..., "value": ...} tags only (a pair's value is at [1], not .value)."""
    found = _found(
        {"tags": [["api_key", "plain-looking-value"], EMAIL, {"key": "password", "value": PASSWORD}]}
    )
    assert found == {
        ("$.tags[0][1]", "key:api_key"),
        ("$.tags[1]", "email"),
        ("$.tags[2].value", "key:password"),
    }


def test_an_entry_of_no_known_type_or_a_second_of_one_type_is_scanned_in_place() -> None:
    event = {
        "entries": [
            {"type": "message", "data": {"formatted": "mail " + EMAIL}},
            {"type": "message", "data": {"formatted": "again " + EMAIL}},  # the part is taken
            {"type": "custom", "data": {"email": EMAIL}},
            {"type": "request"},  # no data: left as it is
        ]
    }
    assert _found(event) == {
        ("$.entries[0].data.formatted", "email"),
        ("$.entries[1].data.formatted", "email"),
        ("$.entries[2].data.email", "key:email"),
    }


@pytest.mark.parametrize("first", ["context", "extra"])
def test_context_and_extra_both_present_are_both_scanned(first: str) -> None:
    """``context`` reads as ``extra``, unless the event has an ``extra`` of its own: then
    neither hides the other."""
    second = "extra" if first == "context" else "context"
    event = {first: {"password": PASSWORD}, second: {"password": PASSWORD + "2"}}
    assert _found(event) == {("$.context.password", "key:password"), ("$.extra.password", "key:password")}


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry(events=0) as server:
        server.events = [{**leaky_event(), "id": "a" * 32, "eventID": "a" * 32, "groupID": "1"}]
        yield server


def test_an_issue_that_cannot_be_read_is_named_by_its_id(sentry: FakeSentry) -> None:
    def no_issue(method: str, path: str) -> Reply | None:
        if path.startswith("/api/0/organizations/acme/issues/1/"):
            return Reply(404, {}, {"detail": "The requested resource does not exist"})
        return None

    sentry.always = no_issue  # type: ignore[assignment]
    api = SentryApi(sentry.url, TOKEN, "acme", "shop", timeout=2, retries=0)
    audit = run_audit(api, default_chain(Settings()))
    assert audit.events_scanned == 1 and audit.findings
    assert {(f.issue_id, f.issue) for f in audit.findings} == {("1", "1")}
    assert audit.issues() == [("1", "1")]
