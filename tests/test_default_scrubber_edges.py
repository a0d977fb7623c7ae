"""DefaultScrubber's less travelled paths: identities that need no change or whose place was
filtered whole, log templates with fewer parameters than placeholders, JSON text that cannot
be written back, echoes inside rewritten JSON, and the bounded reason cache."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from sentry_guard import FILTERED, DefaultScrubber
from sentry_guard._scrubbers import default as default_module
from sentry_guard._scrubbers.default import _sensitive_placeholders
from sentry_guard._scrubbers.keys import KeyMatcher
from sentry_guard._scrubbers.structure import parse_structured

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


def test_an_identity_with_nothing_to_hide_leaves_the_event_as_it_is() -> None:
    """``user.id`` is None: no identity is hidden, so no container is copied."""
    event: dict[str, Any] = {"user": {"id": None}, "message": "checkout done"}
    assert DefaultScrubber()(event, {}) is event


def test_an_identity_filtered_in_place_is_explained_by_its_path_and_counted_as_user() -> None:
    """The reason names the path only where it is shown (``explain``); the summary counts the
    kind alone, so the path is not written out for it."""
    event: dict[str, Any] = {
        "user": {"email": "jane@shop.test"},
        "exception": {
            "values": [{"stacktrace": {"frames": [{"vars": {"x": 1, "kw": {"username": "jdoe42"}}}]}}]
        },
    }
    _, findings = DefaultScrubber().explain(event)
    rules = {f.path: f.rule for f in findings if f.kind == "user"}
    assert rules == {
        "$.user.email": "who the event is about (user.email); SENTRY_SEND_DEFAULT_PII is off",
        "$.exception.values[0].stacktrace.frames[0].vars.kw.username": (
            "who the event is about (exception.values[0].stacktrace.frames[0].vars.kw.username);"
            " SENTRY_SEND_DEFAULT_PII is off"
        ),
    }
    out = DefaultScrubber()(event, {})
    assert out["contexts"]["sentry_guard"] == {"filtered": {"user": 2}}


def test_an_identity_under_a_key_filtered_whole_stays_filtered_with_send_default_pii() -> None:
    """With SENTRY_SEND_DEFAULT_PII on, identities are put back in place, but not into a
    container a sensitive key filtered whole: ``password`` stays ``[Filtered]`` (it once came
    back as the list of the characters of ``[Filtered]``)."""
    frame_vars = {"password": {"user_id": "u-42", "pin": 1234}, "user_id": "u-43"}
    event: dict[str, Any] = {"exception": {"values": [{"stacktrace": {"frames": [{"vars": frame_vars}]}}]}}
    out = DefaultScrubber(send_default_pii=True, summary=False)(event, {})
    assert out["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"] == {
        "password": FILTERED,
        "user_id": "u-43",
    }


def test_only_placeholders_whose_parameter_is_there_are_judged() -> None:
    template = "user %s logged in with password %s"
    assert _sensitive_placeholders(template, KeyMatcher(), range(2)) == [(1, "password")]
    # the event carries one parameter: the second placeholder has nothing to filter
    assert _sensitive_placeholders(template, KeyMatcher(), range(1)) == []
    event = {"logentry": {"message": template, "params": ["bob"]}}
    assert DefaultScrubber(summary=False)(event, {})["logentry"]["params"] == ["bob"]


def test_json_text_that_cannot_be_written_back_is_filtered_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dump that fails (a recursion limit reached deep in the caller's stack) fails closed:
    the whole string goes, and the finding says why."""

    def unwritable(text: str) -> tuple[Any, Callable[[Any], str]] | None:
        parsed = parse_structured(text)
        if parsed is None:
            return None

        def dump(value: Any) -> str:
            raise RecursionError("maximum recursion depth exceeded")

        return parsed[0], dump

    monkeypatch.setattr(default_module, "parse_structured", unwritable)
    blob = json.dumps({"password": "hunter2-xyz", "order": 7})
    event = {"extra": {"blob": blob, "other": "nothing here"}}
    scrubber = DefaultScrubber(summary=False)
    out, findings = scrubber.explain(event)
    assert out["extra"] == {"blob": FILTERED, "other": "nothing here"}
    assert [(f.path, f.kind, f.rule) for f in findings] == [
        ("$.extra.blob", "structure", "JSON text or a repr that could not be written back")
    ]


def test_an_echo_inside_rewritten_json_text_goes_too() -> None:
    """A value filtered by key elsewhere is removed from JSON text rewritten for its own
    sensitive key, under a key that says nothing."""
    event = {
        "extra": {
            "password": "hunter2xyz",
            "blob": json.dumps({"password": "hunter2xyz", "note": "typed hunter2xyz"}),
        }
    }
    out = DefaultScrubber(summary=False)(event, {})
    assert json.loads(out["extra"]["blob"]) == {"password": FILTERED, "note": f"typed {FILTERED}"}


def test_an_echo_that_breaks_the_json_text_is_reported_as_one_stretch() -> None:
    """An echo in a JSON number leaves text that is no JSON any more: the findings cannot
    read it as a structure, so the changed stretch is one finding (no value shown)."""
    event = {"extra": {"password": "73914852", "blob": json.dumps({"n": 73914852, "password": "73914852"})}}
    out, findings = DefaultScrubber(summary=False).explain(event)
    assert "73914852" not in json.dumps(out)
    assert out["extra"]["blob"] == f'{{"n": {FILTERED}, "password": "{FILTERED}"}}'
    assert [(f.path, f.kind) for f in findings] == [
        ("$.extra.password", "key:password"),
        ("$.extra.blob", "changed"),
    ]
    assert findings[1].span == (6, 37) and "73914852" not in findings[1].excerpt
    # the summary counts it the same way
    summed = DefaultScrubber()(event, {})
    assert summed["contexts"]["sentry_guard"] == {"filtered": {"changed": 1, "key:password": 1}}


def test_the_reason_cache_is_bounded() -> None:
    """Findings remember a reason per key, at most 4096 of them: past that the cache starts over."""
    scrubber = DefaultScrubber(summary=False)
    event = {"extra": {f"password_{n}": "x" for n in range(4100)}}
    _, findings = scrubber.explain(event)
    assert len(findings) == 4100
    assert {(f.kind, f.rule) for f in findings[-3:]} == {
        ("key:password", f"key rule: 'password_{n}' matches 'password'") for n in (4097, 4098, 4099)
    }
    assert len(scrubber._reasons) == 4100 - 4096


def test_an_echo_that_was_a_whole_value_inside_json_text_is_reported_as_an_echo() -> None:
    event = {
        "extra": {
            "password": "hunter2xyz",
            "blob": json.dumps({"password": "hunter2xyz", "note": "hunter2xyz"}),
        }
    }
    _, findings = DefaultScrubber(summary=False).explain(event)
    assert [(f.path, f.kind) for f in findings] == [
        ("$.extra.password", "key:password"),
        ("$.extra.blob<parsed>.password", "key:password"),
        ("$.extra.blob<parsed>.note", "echo"),
    ]


def test_echo_values_come_longest_first_then_in_order_and_keep_the_longest() -> None:
    """The echo pass removes a longer value before a value inside it, and past its cap it
    keeps the longest (which say the most); the parts of a composite value that can start a
    number are still judged (``0.5e12345`` is a decimal, not a secret)."""
    values = default_module.echo_values(
        ["zzzzzz-1", "aaaaaa-1", "bbbbbbbb-22", "sessionid=abc123def456; ratio=0.5e12345 x"]
    )
    assert values == [
        "sessionid=abc123def456; ratio=0.5e12345 x",
        "abc123def456",
        "bbbbbbbb-22",
        "aaaaaa-1",
        "zzzzzz-1",
    ]
    many = [f"value-{i:03d}-" + "x" * (i % 7) for i in range(100)]
    kept = default_module.echo_values(many)
    assert len(kept) == 64
    assert [len(v) for v in kept] == sorted((len(v) for v in kept), reverse=True)
    assert min(map(len, kept)) >= max(len(v) for v in many if v not in kept)


def test_a_formats_finding_names_the_format_and_its_kind_and_is_counted_by_both() -> None:
    """A format whose kind is not its name (a GitHub token) is explained and counted as
    ``kind:name``; one whose kind is its name (email) by the name alone. (The words are kept
    per format after the first finding: the second event reads them from there.)"""
    from sentry_guard._scrubbers.catalogue import by_name

    token = by_name()["github-pat"].examples[0]
    scrubber = DefaultScrubber()
    for _ in range(2):
        _, findings = scrubber.explain({"message": f"deploy with {token} for jane@shop.test"})
        assert [(f.kind, f.rule) for f in findings] == [
            ("token:github-pat", "detector: github-pat (token)"),
            ("email", "detector: email"),
        ]
        out = scrubber({"message": f"deploy with {token} for jane@shop.test"}, {})
        assert out["contexts"]["sentry_guard"] == {"filtered": {"email": 1, "token:github-pat": 1}}
