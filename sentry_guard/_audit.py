"""What already leaked: a project's stored events read through the web API and run through the
scrubbing chain in report mode (`find_leaks`), with paths in the API's own event format.

The web API returns events in another shape than the SDK sends them: ``entries`` by type
(exception, request, breadcrumbs, message), tags as ``[{"key": ..., "value": ...}]``,
``context`` for extra. `ingest_form` turns one into the shape the rules know (so a tag
``api_key`` or a header pair ``["Authorization", ...]`` falls under the key rule) and keeps
the way back for every path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ._exceptions import SentryGuardError
from ._leaks import find_leaks
from .api import SentryApi
from .typing import Scrubber

__all__ = ["Audit", "AuditFinding", "ingest_form", "run_audit"]

#: entry type -> the part of an ingested event it is
_ENTRIES = {
    "exception": "exception",
    "request": "request",
    "breadcrumbs": "breadcrumbs",
    "message": "logentry",
    "threads": "threads",
    "stacktrace": "stacktrace",
}
#: API fields -> ingest fields (``packages`` is the module list: skipped like ``modules``)
_RENAMED = {"context": "extra", "packages": "modules"}
_TAG_STEP = re.compile(r"\$\.tags\[(\d+)\]\[([01])\]")


@dataclass(frozen=True)
class AuditFinding:
    """One finding in one stored event: the issue it belongs to, where, what kind, masked."""

    issue_id: str
    issue: str
    event_id: str
    path: str
    kind: str
    excerpt: str


def ingest_form(event: Mapping[str, Any]) -> tuple[dict[str, Any], Callable[[str], str]]:
    """`event` (web API format) in the ingest format, and the map from a path in that form
    back to the path in `event`."""
    ingest: dict[str, Any] = {}
    prefixes: list[tuple[str, str]] = []
    #: indices of the tags that were {"key": ..., "value": ...} (a [k, v] pair stays as it was)
    keyed_tags: set[int] = set()
    for key, value in event.items():
        if key == "entries" and isinstance(value, list):
            rest: list[Any] = []
            for index, entry in enumerate(value):
                kind = entry.get("type") if isinstance(entry, dict) else None
                part = _ENTRIES.get(kind) if isinstance(kind, str) else None
                if part is not None and part not in ingest and "data" in entry:
                    ingest[part] = entry["data"]
                    prefixes.append((f"$.{part}", f"$.entries[{index}].data"))
                    rest.append(None)
                else:
                    rest.append(entry)
            ingest["entries"] = rest
        elif key == "tags" and isinstance(value, list):
            # [{"key": k, "value": v, ...}] -> [k, v] pairs (the key rule reads pairs), and
            # whatever else a tag holds (``query``) under its own name
            pairs: list[Any] = []
            extras: list[Any] = []
            for index, tag in enumerate(value):
                if isinstance(tag, dict) and "key" in tag and "value" in tag:
                    keyed_tags.add(index)
                    pairs.append([tag["key"], tag["value"]])
                    extras.append({k: v for k, v in tag.items() if k not in ("key", "value")})
                else:
                    pairs.append(tag)
                    extras.append(None)
            ingest["tags"] = pairs
            ingest["\x00tags"] = extras
            prefixes.append(('$["\\u0000tags"]', "$.tags"))
        else:
            name = _RENAMED.get(key, key)
            if name in ingest or (name != key and name in event):
                name = key
            ingest[name] = value
            if name != key:
                prefixes.append((f"$.{name}", f"$.{key}"))

    def back(path: str) -> str:
        tag = _TAG_STEP.match(path)
        if tag is not None and int(tag.group(1)) in keyed_tags:
            return f"$.tags[{tag.group(1)}].{'key' if tag.group(2) == '0' else 'value'}" + path[tag.end() :]
        for ours, theirs in prefixes:
            if path == ours or (path.startswith(ours) and path[len(ours)] in ".[<"):
                return theirs + path[len(ours) :]
        return path

    return ingest, back


def findings_in(event: Mapping[str, Any], chain: Scrubber) -> list[tuple[str, str, str]]:
    """(path in `event`, kind, masked excerpt) of everything `chain` removes from a stored event."""
    ingest, back = ingest_form(event)
    return [(back(f.path), f.kind, f.excerpt) for f in find_leaks(ingest, chain=chain)]


@dataclass
class Audit:
    """What an audit found, over how many events."""

    events_scanned: int
    findings: list[AuditFinding]

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def by_issue(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.issue] = counts.get(finding.issue, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def issues(self) -> list[tuple[str, str]]:
        """(issue id, short id) of the issues with findings, in the order found."""
        return list(dict.fromkeys((f.issue_id, f.issue) for f in self.findings))


def run_audit(
    api: SentryApi,
    chain: Scrubber,
    *,
    period: str | None = None,
    limit: int | None = None,
) -> Audit:
    """Fetch the project's events with their bodies (newest first, within `period`, at most
    `limit`) and run `chain` over each in report mode."""
    findings: list[AuditFinding] = []
    scanned = 0
    short_ids: dict[str, str] = {}
    for event in api.project_events(full=True, stats_period=period, limit=limit):
        scanned += 1
        body = event.model_dump()
        issue_id = str(event.groupID or "")
        found = findings_in(body, chain)
        if found and issue_id and issue_id not in short_ids:
            short_ids[issue_id] = _short_id(api, issue_id)
        for path, kind, masked in found:
            findings.append(
                AuditFinding(issue_id, short_ids.get(issue_id, issue_id), event.id, path, kind, masked)
            )
    return Audit(scanned, findings)


def _short_id(api: SentryApi, issue_id: str) -> str:
    """The issue's short id (``PROJ-1A``); its numeric id when the issue cannot be read."""
    try:
        return api.issue(issue_id).shortId or issue_id
    except SentryGuardError:
        return issue_id


def delete_issues(api: SentryApi, issues: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str | None]]:
    """Delete each issue; (id, short id, None) when it went, or the error's text when it did not."""
    for issue_id, short in issues:
        try:
            api.delete_issue(issue_id)
        except SentryGuardError as exc:
            yield issue_id, short, str(exc)
        else:
            yield issue_id, short, None
