"""The precision harness: what the default chain changes in published events, and whether each
change was meant.

``events/*.json`` are published Sentry events (see ``SOURCES.md``); ``labels.json`` lists, per
event file, every change the scrubber is known to make (``changes``: path, removed substrings,
``sensitive`` or ``benign``, a cause class and a one-line why) and the sensitive values a good
scrubber must remove (``must_remove``). `run` scrubs every event with the chain ``configure()``
installs in a clean environment (no ``SENTRY_*`` variable) and compares; ``python -m
tests.precision.harness`` prints the result, ``--stubs`` the unlabelled changes as label entries
to fill in. No network.

What counts (`EventReport`):

* a *value* is a string leaf of the event, or any other value the scrubber replaced (a ``null``,
  a number, a list or object that became a marker);
* a value *holds a sensitive value* when it contains one of the event's ``must_remove`` values
  or one of its changes is labelled sensitive;
* the **benign-altered fraction** is the number of values holding nothing sensitive that were
  changed, over the number of values holding nothing sensitive.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EVENTS = HERE / "events"
LABELS = HERE / "labels.json"

#: top-level parts the default scrubber leaves alone by design (package lists, SDK metadata)
SKIPPED_PARTS = ("modules", "sdk", "debug_meta")

#: past this many markers in one string the alignment falls back to a character diff (the regex
#: alignment backtracks more with every marker)
_MAX_MARKERS = 16
#: what the scrubber writes in place of what it removes: ``[Filtered]``, a detector's marker
#: (``[email]``, ``[ip]``, ...) or a hashed one (``[email:0123456789ab]``)
_MARKER = re.compile(r"\[(?:Filtered|[a-z]+(?::[0-9a-f]{12})?)\]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


@dataclass
class Change:
    """One value the scrubber altered or removed.

    `before` and `after` are the strings (other values as compact JSON; ``None`` where the key
    or item is missing on that side); `removed` the substrings of `before` that are gone, a
    whole value replaced counting as one substring equal to `before`.
    """

    path: str
    before: str | None
    after: str | None
    removed: list[str]


def _dump(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _child(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}"
    escaped = key.replace("\\", "\\\\").replace("'", "\\'")
    return f"{path}['{escaped}']"


def removed_parts(before: str, after: str) -> list[str]:
    """The substrings of `before` that `after` no longer has.

    `after` is read as literal text and markers; the literal text is found in `before` in order
    and what lies between it is what each marker replaced (a marker that stands in `before` too,
    like a ``[user]`` already there, counts as literal). Text removed without a marker, or a
    string rewritten otherwise (JSON written back), falls back to a character diff; a string
    that shares nothing with its replacement is one removed part, the whole of it.
    """
    pieces: list[str] = []
    position = 0
    for match in _MARKER.finditer(after):
        literal = re.escape(after[position : match.start()])
        marker = re.escape(match.group())
        pieces.append(literal)
        pieces.append(f"(?:{marker}|(.+?))")
        position = match.end()
    pieces.append(re.escape(after[position:]))
    if 1 < len(pieces) <= 2 * _MAX_MARKERS + 1:
        matched = re.fullmatch("".join(pieces), before, re.DOTALL)
        if matched is not None:
            parts = [g for g in matched.groups() if g]
            if parts:
                return parts
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    if matcher.ratio() < 0.5:
        return [before]
    parts = []
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("replace", "delete") and i2 > i1:
            parts.append(before[i1:i2])
    return parts or [before]


def changes(event_before: Any, event_after: Any, path: str = "$") -> list[Change]:
    """Every value of `event_before` that is altered or gone in `event_after`, in walk order."""
    found: list[Change] = []
    _diff(event_before, event_after, path, found)
    return found


def _diff(before: Any, after: Any, path: str, found: list[Change]) -> None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key, value in before.items():
            if key in after:
                _diff(value, after[key], _child(path, key), found)
            else:
                dumped = _dump(value)
                found.append(Change(_child(path, key), dumped, None, [dumped]))
        for key in after.keys() - before.keys():
            found.append(Change(_child(path, key), None, _dump(after[key]), []))
        return
    if isinstance(before, list) and isinstance(after, list):
        for index, value in enumerate(before):
            if index < len(after):
                _diff(value, after[index], _child(path, index), found)
            else:
                dumped = _dump(value)
                found.append(Change(_child(path, index), dumped, None, [dumped]))
        for index in range(len(before), len(after)):
            found.append(Change(_child(path, index), None, _dump(after[index]), []))
        return
    if type(before) is type(after) and before == after:
        return
    if isinstance(before, str) and isinstance(after, str):
        found.append(Change(path, before, after, removed_parts(before, after)))
        return
    dumped = _dump(before)
    found.append(Change(path, dumped, _dump(after), [dumped]))


def string_leaves(value: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """(path, string) for every string value, in walk order (keys are not values)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from string_leaves(item, _child(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from string_leaves(item, _child(path, index))
    elif isinstance(value, str):
        yield path, value


def all_text(value: Any) -> Iterator[str]:
    """Every string in `value`, keys included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from all_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_text(item)
    elif isinstance(value, str):
        yield value


@contextmanager
def clean_environment() -> Iterator[None]:
    """No ``SENTRY_*`` variable while inside (``SENTRY_GUARD_PURE_PYTHON`` stays: it chose the
    scanner at import and changes no result); the environment is restored after."""
    saved = {k: v for k, v in os.environ.items() if k.upper().startswith("SENTRY_")}
    for name in saved:
        if name != "SENTRY_GUARD_PURE_PYTHON":
            del os.environ[name]
    try:
        yield
    finally:
        os.environ.update(saved)


def default_chain() -> Any:
    """The chain ``configure()`` installs, built from a clean environment."""
    import sentry_guard

    with clean_environment():
        return sentry_guard.default_chain(sentry_guard.load_settings())


def load_events() -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(EVENTS.glob("*.json"))}


def load_labels(path: Path = LABELS) -> dict[str, Any]:
    if not path.exists():
        return {}
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["events"]
    return labels


@dataclass
class Labelled:
    """One removed substring of one change, with its label (``None`` where it has none)."""

    change: Change
    removed: str
    label: str | None
    cause: str | None
    why: str | None


@dataclass
class EventReport:
    name: str
    strings: int = 0
    values: int = 0
    values_outside_skipped: int = 0
    labelled: list[Labelled] = field(default_factory=list)
    survivors: list[dict[str, Any]] = field(default_factory=list)
    fixed_misses: list[dict[str, Any]] = field(default_factory=list)
    stale_labels: list[dict[str, Any]] = field(default_factory=list)
    sensitive_values: int = 0
    benign_altered: int = 0
    benign_altered_outside_skipped: int = 0
    sensitive_values_outside_skipped: int = 0
    #: benign-altered values by the causes of their changes (a value with two causes counts twice)
    benign_altered_by_cause: Counter[str] = field(default_factory=Counter)

    @property
    def unlabelled(self) -> list[Labelled]:
        return [item for item in self.labelled if item.label is None]

    @property
    def unexpected_survivors(self) -> list[dict[str, Any]]:
        """Survivors not recorded as a known miss of today's scrubber."""
        return [m for m in self.survivors if not m.get("known_miss")]

    @property
    def clean_values(self) -> int:
        return self.values - self.sensitive_values

    @property
    def clean_values_outside_skipped(self) -> int:
        return self.values_outside_skipped - self.sensitive_values_outside_skipped


def _in_skipped_part(path: str) -> bool:
    return any(path == f"$.{part}" or path.startswith((f"$.{part}.", f"$.{part}[")) for part in SKIPPED_PARTS)


def _holds(entry: dict[str, str], path: str, text: str) -> bool:
    """Whether the string `text` at `path` holds the must-remove value `entry`."""
    return entry.get("path", path) == path and entry["value"] in text


def report_event(name: str, before: dict[str, Any], after: Any, labels: dict[str, Any]) -> EventReport:
    """Match the changes from `before` to `after` against the event's labels.

    A label entry names one removed substring at one path; a change removing several substrings
    (a version turned into ``[ip]`` and a key token filtered in one string) needs one entry each.
    A ``must_remove`` entry with a ``path`` is looked for at that path only (a user id ``"3"``
    is not a secret everywhere a ``3`` appears), else in every string and key of the result.
    One marked ``known_miss`` records that today's scrubber lets it through: it is reported as
    a survivor but not as unexpected, and reported as fixed once it is removed.
    """
    report = EventReport(name)
    entries = labels.get("changes", [])
    by_key = {(e["path"], e["removed"]): e for e in entries}
    used: set[tuple[str, str]] = set()
    found = changes(before, after)
    for change in found:
        for removed in dict.fromkeys(change.removed or [""]):
            key = (change.path, removed)
            entry = by_key.get(key)
            if entry is not None:
                used.add(key)
                report.labelled.append(
                    Labelled(change, removed, entry["label"], entry["cause"], entry["why"])
                )
            else:
                report.labelled.append(Labelled(change, removed, None, None, None))
    report.stale_labels = [e for e in entries if (e["path"], e["removed"]) not in used]

    must = labels.get("must_remove", [])
    after_strings = dict(string_leaves(after))
    anywhere = list(all_text(after))
    for entry in must:
        if "path" in entry:
            survived = entry["value"] in after_strings.get(entry["path"], "")
        else:
            survived = any(entry["value"] in text for text in anywhere)
        if survived:
            report.survivors.append(entry)
        elif entry.get("known_miss"):
            report.fixed_misses.append(entry)

    # the values: string leaves, and whatever else a change names
    values: dict[str, str] = dict(string_leaves(before))
    report.strings = len(values)
    for change in found:
        values.setdefault(change.path, change.before or "")
    changed_labels: dict[str, set[str | None]] = {}
    changed_causes: dict[str, set[str]] = {}
    for item in report.labelled:
        changed_labels.setdefault(item.change.path, set()).add(item.label)
        changed_causes.setdefault(item.change.path, set()).add(item.cause or "unlabelled")
    report.values = len(values)
    report.values_outside_skipped = sum(1 for p in values if not _in_skipped_part(p))
    for path, text in values.items():
        labels_here = changed_labels.get(path, set())
        sensitive = "sensitive" in labels_here or any(_holds(m, path, text) for m in must)
        skipped = _in_skipped_part(path)
        if sensitive:
            report.sensitive_values += 1
            report.sensitive_values_outside_skipped += 0 if skipped else 1
        elif labels_here:
            report.benign_altered += 1
            report.benign_altered_outside_skipped += 0 if skipped else 1
            report.benign_altered_by_cause.update(changed_causes[path])
    return report


def without_summary(before: dict[str, Any], after: Any) -> Any:
    """`after` without the scrub summary the chain added (``contexts["sentry_guard"]``, counts
    by kind and no value: SENTRY_SCRUB_SUMMARY): an addition, not a change to the event's data.
    A summary the event came with is its data, and stays."""
    contexts = after.get("contexts") if isinstance(after, dict) else None
    if not isinstance(contexts, dict) or "sentry_guard" not in contexts:
        return after
    own = before.get("contexts")
    if isinstance(own, dict) and "sentry_guard" in own:
        return after
    rest = {key: value for key, value in contexts.items() if key != "sentry_guard"}
    after = {key: value for key, value in after.items() if key != "contexts"}
    if rest or "contexts" in before:
        after["contexts"] = rest
    return after


def run(labels_path: Path = LABELS) -> list[EventReport]:
    """Scrub every event with the default chain and report on each."""
    chain = default_chain()
    labels = load_labels(labels_path)
    reports = []
    for name, event in load_events().items():
        after = without_summary(event, chain(copy.deepcopy(event), {}))
        reports.append(report_event(name, event, after, labels.get(name, {})))
    return reports


@dataclass
class Totals:
    strings: int
    values: int
    clean_values: int
    benign_altered: int
    values_outside_skipped: int
    clean_values_outside_skipped: int
    benign_altered_outside_skipped: int
    by_label: Counter[str]
    by_cause: Counter[tuple[str, str]]
    unlabelled: int
    stale_labels: int
    survivors: Counter[str]
    unexpected_survivors: int
    fixed_misses: int
    benign_altered_by_cause: Counter[str]

    @property
    def benign_fraction(self) -> float:
        return self.benign_altered / self.clean_values if self.clean_values else 0.0

    @property
    def benign_fraction_outside_skipped(self) -> float:
        clean = self.clean_values_outside_skipped
        return self.benign_altered_outside_skipped / clean if clean else 0.0


def totals(reports: list[EventReport]) -> Totals:
    by_label: Counter[str] = Counter()
    by_cause: Counter[tuple[str, str]] = Counter()
    survivors: Counter[str] = Counter()
    for report in reports:
        for item in report.labelled:
            if item.label is not None:
                by_label[item.label] += 1
                by_cause[(item.label, item.cause or "")] += 1
        for missed in report.survivors:
            survivors[missed["cause"]] += 1
    return Totals(
        strings=sum(r.strings for r in reports),
        values=sum(r.values for r in reports),
        clean_values=sum(r.clean_values for r in reports),
        benign_altered=sum(r.benign_altered for r in reports),
        values_outside_skipped=sum(r.values_outside_skipped for r in reports),
        clean_values_outside_skipped=sum(r.clean_values_outside_skipped for r in reports),
        benign_altered_outside_skipped=sum(r.benign_altered_outside_skipped for r in reports),
        by_label=by_label,
        by_cause=by_cause,
        unlabelled=sum(len(r.unlabelled) for r in reports),
        stale_labels=sum(len(r.stale_labels) for r in reports),
        survivors=survivors,
        unexpected_survivors=sum(len(r.unexpected_survivors) for r in reports),
        fixed_misses=sum(len(r.fixed_misses) for r in reports),
        benign_altered_by_cause=sum((r.benign_altered_by_cause for r in reports), Counter()),
    )


def _short(text: str | None, limit: int = 160) -> str:
    if text is None:
        return "(missing)"
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} chars)"


def render(reports: list[EventReport], verbose: bool = True) -> str:
    lines: list[str] = []
    for report in reports:
        labels = Counter(item.label or "unlabelled" for item in report.labelled)
        causes = Counter(f"{item.label}:{item.cause}" for item in report.labelled if item.label)
        fraction = report.benign_altered / report.clean_values if report.clean_values else 0.0
        lines.append(
            f"{report.name}: {report.strings} strings, {report.values} values, removed substrings {dict(sorted(labels.items()))}, "
            f"benign altered {report.benign_altered}/{report.clean_values} = {fraction:.2%}, "
            f"must_remove survivors {len(report.survivors)}"
        )
        if verbose:
            for cause, count in sorted(causes.items()):
                lines.append(f"    {cause}: {count}")
            for missed in report.survivors:
                known = "known miss" if missed.get("known_miss") else "UNEXPECTED"
                where = f" at {missed['path']}" if "path" in missed else ""
                lines.append(f"    SURVIVED ({known}) [{missed['cause']}] {missed['value']!r}{where}")
            for fixed in report.fixed_misses:
                lines.append(
                    f"    FIXED MISS (now removed; drop known_miss) [{fixed['cause']}] {fixed['value']!r}"
                )
            for item in report.unlabelled:
                change = item.change
                lines.append(f"    UNLABELLED {change.path}: removed {item.removed!r}")
                lines.append(f"        {_short(change.before)} -> {_short(change.after)}")
            for entry in report.stale_labels:
                lines.append(
                    f"    STALE LABEL (no such change now) {entry['path']} removed {entry['removed']!r}"
                )
    t = totals(reports)
    lines.append("")
    lines.append(
        f"TOTAL: {len(reports)} events, {t.strings} strings, {t.values} values "
        f"({t.clean_values} holding nothing sensitive)"
    )
    lines.append(
        f"  removed substrings by label: {dict(sorted(t.by_label.items()))}, unlabelled: {t.unlabelled}, "
        f"stale labels: {t.stale_labels}"
    )
    for (label, cause), count in sorted(t.by_cause.items()):
        lines.append(f"    {label}:{cause}: {count}")
    lines.append(
        f"  must_remove survivors: {sum(t.survivors.values())} {dict(sorted(t.survivors.items()))}, "
        f"unexpected: {t.unexpected_survivors}, known misses now fixed: {t.fixed_misses}"
    )
    lines.append(
        f"  benign-altered fraction: {t.benign_altered}/{t.clean_values} = {t.benign_fraction:.3%}"
        f" (outside {', '.join(SKIPPED_PARTS)}: {t.benign_altered_outside_skipped}/"
        f"{t.clean_values_outside_skipped} = {t.benign_fraction_outside_skipped:.3%})"
    )
    for cause, count in sorted(t.benign_altered_by_cause.items()):
        lines.append(f"    benign-altered values by cause, {cause}: {count} ({count / t.clean_values:.3%})")
    return "\n".join(lines)


def stubs(reports: list[EventReport]) -> dict[str, list[dict[str, Any]]]:
    """Label entries to fill in for every unlabelled change, by event file."""
    out: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        for item in report.unlabelled:
            change = item.change
            out.setdefault(report.name, []).append(
                {
                    "path": change.path,
                    "removed": item.removed,
                    "label": "?",
                    "cause": "?",
                    "why": "?",
                    "after": change.after,
                }
            )
    return out


def prune(reports: list[EventReport], path: Path = LABELS) -> tuple[int, int]:
    """Drop from the labels file what no longer describes the scrubber: labels of changes it no
    longer makes, and the ``known_miss`` flag of values it now removes. Adds nothing."""
    data = json.loads(path.read_text(encoding="utf-8"))
    dropped = fixed = 0
    for report in reports:
        entry = data["events"].get(report.name)
        if entry is None:
            continue
        stale = {(e["path"], e["removed"]) for e in report.stale_labels}
        kept = [e for e in entry["changes"] if (e["path"], e["removed"]) not in stale]
        dropped += len(entry["changes"]) - len(kept)
        entry["changes"] = kept
        for miss in entry["must_remove"]:
            if miss.get("known_miss") and any(miss is f or miss == f for f in report.fixed_misses):
                del miss["known_miss"]
                fixed += 1
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return dropped, fixed


def main(argv: list[str]) -> int:
    """``python -m tests.precision.harness [--quiet | --stubs | --prune]``: the report (exit 1 when
    a change is unlabelled, a label is stale, or a must-remove value survives unexpectedly or a
    known miss is now fixed); ``--stubs`` prints label entries to fill in for the unlabelled
    changes; ``--prune`` drops stale labels and fixed ``known_miss`` flags from labels.json."""
    reports = run()
    if "--prune" in argv:
        dropped, fixed = prune(reports)
        print(f"labels.json: dropped {dropped} stale label(s), cleared {fixed} fixed known_miss flag(s)")
        return 0
    if "--stubs" in argv:
        print(json.dumps(stubs(reports), indent=2, ensure_ascii=False))
        return 0
    print(render(reports, verbose="--quiet" not in argv))
    t = totals(reports)
    return 1 if t.unlabelled or t.unexpected_survivors or t.stale_labels or t.fixed_misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
