"""Report mode with scrubbers that do not explain themselves: one that drops the event, one
that replaces a value that is no string, and payloads too deep to copy or holding lists."""

from __future__ import annotations

import sys
from typing import Any

from sentry_guard import find_leaks
from sentry_guard._hooks import default_chain
from sentry_guard._scrubbers.walk import FILTERED
from sentry_guard._settings import Settings


def drop_everything(event: dict[str, Any], hint: dict[str, Any]) -> None:
    return None


def hide_the_basket(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    event["extra"]["basket"] = FILTERED  # a list replaced whole, in place
    event["extra"]["items"][0] = FILTERED
    return event


def mark_it(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    return {**event, "order": FILTERED}


def _name(function: Any) -> str:
    return f"scrubber:{__name__}.{function.__qualname__}"


def test_a_scrubber_that_drops_the_event_is_one_finding_and_ends_the_chain() -> None:
    chain = default_chain(Settings(), [drop_everything, mark_it])
    found = find_leaks({"extra": {"password": "hunter2-hunter2"}}, chain=chain)
    # the built-in scrubber's finding, then the drop; mark_it never ran
    assert [(f.path, f.kind) for f in found] == [
        ("$.extra.password", "key:password"),
        ("$", _name(drop_everything)),
    ]
    assert found[-1].rule == f"scrubber {_name(drop_everything)[len('scrubber:') :]} dropped the event"


def test_values_in_lists_and_values_that_are_no_string_are_read_back() -> None:
    """The input is copied, lists too, before a scrubber edits it in place: its changes are
    still seen, a list replaced whole as one finding."""
    event = {"extra": {"basket": [1, 2], "items": ["ord_1", "ord_2"]}}
    found = find_leaks(event, chain=hide_the_basket)
    name = _name(hide_the_basket)
    assert {(f.path, f.kind, f.rule) for f in found} == {
        ("$.extra.basket", name, f"scrubber {name[len('scrubber:') :]} replaced it"),
        ("$.extra.items[0]", name, f"scrubber {name[len('scrubber:') :]} replaced it"),
    }
    assert event == {"extra": {"basket": [1, 2], "items": ["ord_1", "ord_2"]}}  # the caller's is intact


def test_a_payload_deeper_than_python_can_copy_is_given_as_it_is() -> None:
    deep: dict[str, Any] = {}
    inner = deep
    for _ in range(sys.getrecursionlimit() + 100):
        inner["next"] = {}
        inner = inner["next"]
    found = find_leaks({"order": "ord_1", "extra": deep}, chain=mark_it)
    assert [(f.path, f.kind) for f in found] == [("$.order", _name(mark_it))]
