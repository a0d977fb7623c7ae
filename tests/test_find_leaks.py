"""`find_leaks` and the scrubber agree: every finding is a change the scrubber made, every change
has a finding, and the scrub summary counts exactly the findings; `scrub --explain` shows why."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import sentry_guard
from sentry_guard import DefaultScrubber, Finding, find_leaks
from sentry_guard._hooks import default_chain
from sentry_guard._scrubbers.findings import SUMMARY, format_path
from sentry_guard._scrubbers.walk import FILTERED, is_plain
from sentry_guard._settings import Settings
from tests.strategies import events, secrets, texts

REPORT = DefaultScrubber(summary=False)
SUMMING = DefaultScrubber()


def leaf_changes(
    before: Any, after: Any, path: tuple[Any, ...] = (), keys: dict[str, tuple[str, str]] | None = None
) -> dict[str, tuple[Any, Any]]:
    """Paths (as `format_path` writes them) whose value differs, with (before, after); written
    apart from the engine's own comparison on purpose. Dict keys given a new text (in place:
    the order is kept) go to `keys` by their new path, with (old text, new text)."""
    if after is before:
        return {}
    if isinstance(before, str):
        text = str.__str__(before)
        return {} if after == text else {format_path(path): (text, after)}
    if type(before) is dict and type(after) is dict and before.keys() == after.keys():
        out: dict[str, tuple[Any, Any]] = {}
        for key in before:
            out.update(leaf_changes(before[key], after[key], (*path, key), keys))
        return out
    if type(before) is dict and type(after) is dict and len(before) == len(after) and keys is not None:
        out = {}
        for (key, value), (new_key, new_value) in zip(before.items(), after.items(), strict=True):
            if isinstance(key, str) and str.__str__(key) != new_key:
                assert type(new_key) is str
                keys[format_path((*path, new_key))] = (str.__str__(key), new_key)
            out.update(leaf_changes(value, new_value, (*path, new_key), keys))
        return out
    if type(before) in (list, tuple) and type(after) in (list, tuple) and len(before) == len(after):
        out = {}
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            out.update(leaf_changes(old, new, (*path, index), keys))
        return out
    if type(before) is int and type(after) is str:
        return {format_path(path): (str(before), after)}
    return {} if before == after else {format_path(path): (before, after)}


IN_THE_KEY = " (in the key)"
#: what keeps a scrubbed key apart from another key of its dict
SUFFIX = re.compile(r" \([0-9]+\)\Z")


def check_spans(before: str, after: str, found: list[Finding]) -> None:
    """Inside a string: exactly the spans changed; the text between them is kept as it was."""
    assert all(f.span is not None for f in found), found
    spans = merged([f.span for f in found if f.span is not None])
    pattern, last = "", 0
    for start, end in spans:
        pattern += re.escape(before[last:start]) + "(.*?)"
        last = end
    match = re.fullmatch(pattern + re.escape(before[last:]), after, re.S)
    assert match is not None, (before, after, spans)
    for (start, end), replacement in zip(spans, match.groups(), strict=True):
        assert replacement != before[start:end]


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def assert_agree(event: dict[str, Any]) -> list[Finding]:
    result, findings = REPORT.explain(event)
    assert result == REPORT(event, {})  # the report is of this very scrub
    renamed: dict[str, tuple[str, str]] = {}
    changed = leaf_changes(event, result, keys=renamed)
    by_path: dict[str, list[Finding]] = {}
    by_key: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule.endswith(IN_THE_KEY) and "<parsed>" not in finding.path:
            by_key.setdefault(finding.path, []).append(finding)
        else:
            by_path.setdefault(finding.path.split("<parsed>", 1)[0], []).append(finding)
    # every change has a finding, and every finding is a change (of a key: at its new path)
    assert set(by_path) == set(changed), (sorted(by_path), sorted(changed))
    assert set(by_key) == set(renamed), (sorted(by_key), sorted(renamed))
    for path, found in by_key.items():
        before, after = renamed[path]
        suffix = SUFFIX.search(after)
        try:
            check_spans(before, after, found)
        except AssertionError:
            if suffix is None:
                raise
            check_spans(before, after[: suffix.start()], found)  # apart from another key
        for finding in found:  # neither the path nor the excerpt shows what was removed
            assert finding.span is not None
            removed = before[finding.span[0] : finding.span[1]]
            assert len(removed) < 4 or (removed not in finding.path and removed not in finding.excerpt)
    for path, found in by_path.items():
        before, after = changed[path]
        if any("<parsed>" in f.path for f in found) or not isinstance(after, str) or after == FILTERED:
            assert all(f.span is None or "<parsed>" in f.path for f in found), found
            continue
        check_spans(before, after, found)
    for finding in findings:  # the excerpt never shows what was removed
        if finding.span is not None and not finding.rule.endswith(IN_THE_KEY):
            removed = (
                changed[finding.path][0][finding.span[0] : finding.span[1]]
                if "<parsed>" not in finding.path
                else ""
            )
            assert len(removed) < 4 or removed not in finding.excerpt
    return findings


@settings(max_examples=300, deadline=None)
@given(event=events)
def test_find_leaks_and_the_scrubber_agree(event: dict[str, Any]) -> None:
    assert_agree(event)


@settings(max_examples=200, deadline=None)
@given(event=events)
def test_the_summary_counts_the_findings(event: dict[str, Any]) -> None:
    findings = REPORT.explain(event)[1]
    out = SUMMING(event, {})
    contexts = out.get("contexts")
    if not findings:
        # nothing removed: no summary, and the event is handed back as it came (or, when
        # reading it could run its own code, a ``str`` subclass as a key, as its pure-data copy)
        assert out is event or (not is_plain(event) and out == event and is_plain(out))
        return
    if type(event.get("contexts", {})) is not dict:
        assert not isinstance(contexts, dict) or SUMMARY not in contexts
        return
    assert contexts is not None
    assert contexts[SUMMARY] == {"filtered": dict(sorted(Counter(f.kind for f in findings).items()))}
    # the summary holds kinds and counts only: no value, no path
    text = json.dumps(contexts[SUMMARY])
    assert "$" not in text and "[" not in text


@settings(max_examples=100, deadline=None)
@given(secret=secrets, text=texts())
def test_a_secret_in_a_message_is_one_finding_at_its_span(secret: str, text: str) -> None:
    message = f"{text} {secret} end"
    findings = assert_agree({"message": message})
    start = len(text) + 1
    assert any(
        f.span is not None and f.span[0] <= start and start + len(secret) <= f.span[1] for f in findings
    )


def test_a_second_scrub_keeps_the_summary_and_adds_its_own() -> None:
    once = SUMMING({"extra": {"password": "hunter2-x", "note": "mail a.b@example.org"}}, {})
    assert once["contexts"][SUMMARY] == {"filtered": {"email": 1, "key:password": 1}}
    assert SUMMING(once, {}) is once  # its own summary is not scrubbed as data
    more = SUMMING({**once, "message": "card 4111 1111 1111 1111"}, {})
    assert more["contexts"][SUMMARY] == {"filtered": {"creditcard": 1, "email": 1, "key:password": 1}}


def test_a_planted_summary_is_scrubbed_like_any_context() -> None:
    planted = {"contexts": {SUMMARY: {"filtered": {"note": "mail jane.doe@example.org", "email": 1}}}}
    out = SUMMING(planted, {})
    assert "jane.doe@example.org" not in json.dumps(out)
    assert out["contexts"][SUMMARY] == {"filtered": {"email": 1, "key:email": 1}}
    # a kind the scrubber would not write (free text after key:) is not taken for a summary
    forged = {
        "contexts": {SUMMARY: {"filtered": {"key:password hunter2": 1}}},
        "extra": {"token": "t0k-123456"},
    }
    out = SUMMING(forged, {})
    assert out["contexts"][SUMMARY] == {"filtered": {"key:password": 1, "key:token": 1}}
    assert "hunter2" not in json.dumps(out)


def _kept(event: dict[str, Any] | None) -> dict[str, Any]:
    """A scrubbed event that was kept (not dropped)."""
    assert event is not None
    return event


def test_summary_off_and_only_on_events() -> None:
    event = {"extra": {"password": "hunter2-x"}}
    assert "contexts" not in DefaultScrubber(summary=False)(event, {})
    assert "contexts" not in SUMMING(event, {"sentry_guard.kind": "breadcrumb"})
    assert SUMMARY in _kept(SUMMING(event, {"sentry_guard.kind": "transaction"}))["contexts"]
    assert SUMMARY in _kept(default_chain(Settings())(event, {}))["contexts"]
    assert "contexts" not in _kept(default_chain(Settings(scrub_summary=False))(event, {}))


def test_find_leaks_runs_the_chain_configure_installs(monkeypatch: Any) -> None:
    monkeypatch.setenv("SENTRY_SCRUB_KEYS", "order_notes")
    event = {"extra": {"customer_order_notes": "leave at the back door", "db_password": "x-Hunt3r2"}}
    found = {(f.path, f.kind, f.rule) for f in find_leaks(event)}
    assert found == {
        (
            "$.extra.customer_order_notes",
            "key:order_notes",
            "key rule: 'customer_order_notes' matches 'order_notes'",
        ),
        ("$.extra.db_password", "key:password", "key rule: 'db_password' matches 'password'"),
    }
    assert event == {"extra": {"customer_order_notes": "leave at the back door", "db_password": "x-Hunt3r2"}}


def test_other_scrubbers_findings_are_read_from_their_output() -> None:
    def drop_orders(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        extra = event.get("extra", {})
        extra["order"] = "[removed]"  # edits its input in place: the report still sees it
        return event

    chain = default_chain(Settings(), [drop_orders])
    found = find_leaks({"extra": {"order": "ord_1 for Jane", "ok": 1}}, chain=chain)
    assert [(f.path, f.kind, f.span) for f in found] == [
        (
            "$.extra.order",
            "scrubber:tests.test_find_leaks.test_other_scrubbers_findings_are_read_from_their_output.<locals>.drop_orders",
            (0, 14),
        )
    ]


def test_explain_reads_echoes_and_structure() -> None:
    found = find_leaks(
        {
            "extra": {
                "password": "'Tr0ub4dor&3'",
                "body": '{"api_key": "k-123456789", "to": "a.b@example.org"}',
            },
            "message": "login failed with Tr0ub4dor&3",
        },
        chain=REPORT,
    )
    rules = {(f.path, f.rule) for f in found}
    assert ("$.message", "echo of a value filtered at $.extra.password") in rules
    assert ("$.extra.body<parsed>.api_key", "key rule: 'api_key' matches 'api_key'") in rules
    assert ("$.extra.body<parsed>.to", "detector: email") in rules


def test_find_leaks_is_public() -> None:
    assert {"find_leaks", "Finding"} <= set(sentry_guard.__all__)


def test_scrub_explain_prints_each_change_with_its_rule(tmp_path: Any) -> None:
    source = tmp_path / "event.json"
    source.write_text(
        json.dumps({"extra": {"db_password": "hunter2-S3cret", "note": "card 4111 1111 1111 1111"}})
    )
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "scrub", "--explain", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        '$.extra.db_password: "hunter2-S3cret" -> "[Filtered]"',
        "    key:password: key rule: 'db_password' matches 'password'",
        '$.extra.note: "card 4111 1111 1111 1111" -> "card [creditcard]"',
        "    [5:24] creditcard: detector: creditcard",
    ]


@settings(max_examples=50, deadline=None)
@given(value=st.text(min_size=8, max_size=40).filter(lambda v: v.strip() == v and "[" not in v))
def test_a_key_rule_finding_never_shows_the_value(value: str) -> None:
    (finding,) = find_leaks({"extra": {"password": value}}, chain=REPORT)
    assert finding.path == "$.extra.password" and finding.span is None
    assert value not in finding.excerpt


def test_what_of_the_summary_survives_sentrys_own_scrubbing() -> None:
    """Relay's default data scrubbing (on for every project) nulls the values under names
    holding password, secret, token, auth: the kinds still show, those counts do not."""
    import sentry_relay

    config = sentry_relay.convert_datascrubbing_config(
        {
            "scrubData": True,
            "scrubDefaults": True,
            "scrubIpAddresses": True,
            "sensitiveFields": [],
            "excludeFields": [],
        }
    )
    event = {"extra": {"password": "hunter2-x"}, "message": "mail a.b@example.org, card 4111 1111 1111 1111"}
    sent = SUMMING(event, {})
    stored = sentry_relay.pii_strip_event(config, sent)["contexts"][SUMMARY]["filtered"]
    assert stored == {"creditcard": 1, "email": 1, "key:password": None}


def test_a_summary_that_fails_leaves_the_scrubbed_event_without_it(monkeypatch: Any) -> None:
    scrubber = DefaultScrubber()

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("counting failed")

    monkeypatch.setattr(scrubber, "_findings", broken)
    out = scrubber({"extra": {"password": "hunter2-x"}}, {})
    assert out == {"extra": {"password": "[Filtered]"}}
