"""The findings' less travelled paths: the ``<parsed>`` step, keys that keep their text, the
changed stretch of a string, and a summary the scrubber could not have written."""

from __future__ import annotations

from typing import Any

from sentry_guard import DefaultScrubber
from sentry_guard._leaks import _changes_by
from sentry_guard._scrubbers.findings import _MAX_KINDS, PARSED, SUMMARY, format_path, own_summary
from sentry_guard._scrubbers.keys import KeyMatcher

REASON = KeyMatcher().reason


def test_the_parsed_step_reads_as_such() -> None:
    assert repr(PARSED) == "<parsed>"
    assert format_path(("extra", "body", PARSED, "password")) == "$.extra.body<parsed>.password"


def test_a_changed_string_is_one_finding_for_the_stretch_that_changed() -> None:
    """What a scrubber that does not explain itself changed: the same head and tail are cut off."""
    (finding,) = _changes_by("mine", {"m": "call 555-0100 now"}, {"m": "call *** now"})
    assert (finding.path, finding.kind, finding.span) == ("$.m", "scrubber:mine", (5, 13))
    assert "555" not in finding.excerpt


def test_a_key_given_an_equal_text_is_no_finding() -> None:
    """A scrubber that rebuilds a dict may give a key a new object with the same text: only
    the key it renamed is a finding."""
    same = "".join(["or", "der"])
    before: dict[str, Any] = {"order": 1, "pw": "x"}
    after: dict[str, Any] = {same: 1, "[Filtered]": "x"}
    (finding,) = _changes_by("mine", before, after)
    assert finding.path == '$["[Filtered]"]' and finding.rule.endswith("(in the key)")


class _Key(str):
    """A str subclass as a dict key."""


def test_a_str_subclass_key_turned_plain_is_no_rename() -> None:
    """A key that keeps its text but loses its type is not a rename: the dict, changed in a
    way no rename explains, is one finding."""
    before: dict[Any, Any] = {_Key("order"): 1, "pw": "x"}
    after: dict[Any, Any] = {"order": 1, "[Filtered]": "x"}
    (finding,) = _changes_by("mine", before, after)
    assert (finding.path, finding.kind, finding.span) == ("$", "scrubber:mine", None)


def test_a_summary_the_scrubber_could_not_have_written_is_not_kept() -> None:
    def event(summary: Any) -> dict[str, Any]:
        return {"contexts": {SUMMARY: summary}}

    assert own_summary(event({"filtered": {"email": 2}}), REASON) == {"filtered": {"email": 2}}
    assert own_summary(event({"filtered": {"email": 2}, "note": "x"}), REASON) is None
    assert own_summary(event({"filtered": ["email"]}), REASON) is None
    assert own_summary(event(["filtered"]), REASON) is None
    too_many = {f"key:password{n}": 1 for n in range(_MAX_KINDS + 1)}
    assert own_summary(event({"filtered": too_many}), REASON) is None
    assert (
        own_summary(event({"filtered": dict(list(too_many.items())[:1])}), REASON) is None
    )  # not a rule's word


def test_a_key_made_another_type_or_moved_is_no_rename() -> None:
    """A scrubber that gives a key another type, or moves a value under another key of the
    dict, renamed nothing: the dict is one finding (a rename would say which key became which)."""
    before = {"extra": {"a": "one", "b": "two"}}
    retyped = _changes_by("mine", before, {"extra": {1: "one", "b": "two"}})
    moved = _changes_by("mine", before, {"extra": {"b": "one", "c": "two"}})
    for found in (retyped, moved):
        assert [(f.path, f.kind, f.span) for f in found] == [("$.extra", "scrubber:mine", None)]


def test_a_sensitive_key_told_apart_by_a_suffix_is_shown_scrubbed() -> None:
    """Two sensitive keys that scrub to one text: the second is ``... (2)``; its rule shows it
    as scrubbed, never as it was."""
    event = {
        "extra": {"password for jane@example.org": "hunter2-x", "password for john@example.org": "hunter3-y"}
    }
    findings = DefaultScrubber(summary=False).explain(event)[1]
    rules = [f.rule for f in findings if f.kind == "key:password"]
    assert rules == [
        "key rule: 'password for [email]' matches 'password'",
        "key rule: 'password for [email] (2)' (scrubbed) matches 'password'",
    ]
    assert "jane" not in repr(findings) and "john" not in repr(findings)


def test_the_reprs_name_the_rules_not_the_values() -> None:
    scrubber = DefaultScrubber(extra_keys=["order_ref"])
    assert repr(scrubber.matcher) == "KeyMatcher(extra=['order ref'], safe=[])"
    assert repr(scrubber).startswith("DefaultScrubber(KeyMatcher(extra=['order ref'], safe=[]), detectors=")
    assert repr(scrubber).endswith(", send_default_pii=False)")
