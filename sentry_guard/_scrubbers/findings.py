"""What a scrub removed and why, without the values: `Finding`, masked excerpts, and the
comparison of a payload with its scrubbed form that finds them.

The scrubber is the only judge: a finding is a change the scrubber made, read back from its
result (and, for the built-in scrubber, from the edits it recorded on the way), so report
mode and scrubbing can never disagree about what is sensitive.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any

from .catalogue import by_name
from .walk import CYCLE, FILTERED, plain

__all__ = ["PARSED", "SUMMARY", "Finding", "add_summary", "changes", "format_path", "mask", "own_summary"]


class _Parsed:
    """A path step into JSON text or a ``repr`` held by a string (``$.extra.body<parsed>.password``)."""

    def __repr__(self) -> str:
        return "<parsed>"


#: the path step from a string into the structure it holds
PARSED = _Parsed()


@dataclass(frozen=True)
class Finding:
    """One thing a scrub removed: where, what kind, which rule, and a masked excerpt.

    `path` is a JSON path into the payload (``$.request.headers[0][1]``; ``<parsed>`` steps
    into JSON text or a ``repr`` inside a string); `span` is the (start, end) removed from
    the string at `path`, None when the whole value went (a key rule, a dict, a number).
    `kind` is what it was (``email``, ``creditcard``, ``token:github-pat``,
    ``key:password``, ``user``, ``echo``), `rule` the reason in words, and `excerpt` a
    masked form that never shows the value (``j***@e***.org``, ``ghp_****``).
    """

    path: str
    kind: str
    rule: str
    span: tuple[int, int] | None
    excerpt: str


_KIND = attrgetter("kind")
_BARE_KEY = re.compile(r"[^\s.\[\]\"'\\<>]+")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _step(key: Any) -> str:
    if key is PARSED:
        return "<parsed>"
    if isinstance(key, int):
        return f"[{key}]"
    text = key if isinstance(key, str) else repr(key)
    if text.isprintable() and _BARE_KEY.fullmatch(text):
        return f".{text}"
    escaped = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text))
    return f"[{escaped}]"


def format_path(path: Sequence[Any]) -> str:
    """``("request", "headers", 0, 1)`` as ``$.request.headers[0][1]`` (odd keys quoted as JSON)."""
    return "$" + "".join(_step(key) for key in path)


# -- masking ------------------------------------------------------------------------------------

_PREFIX = re.compile(r"[A-Za-z]{1,12}[_-](?:[A-Za-z]{1,8}[_-])?")
_EMAIL = re.compile(r"([^@\s]+)@([^@\s.]+)((?:\.[^@\s.]+)*)\Z")


def mask(kind: str, value: Any) -> str:
    """A short excerpt of `value` found as `kind` that never shows it: the shape, and no more
    than a format's public prefix or a card's first and last four digits."""
    if not isinstance(value, str):
        if isinstance(value, Mapping):
            return f"{{...}} ({len(value)} keys)"
        if isinstance(value, (list, tuple)):
            return f"[...] ({len(value)} items)"
        return f"({type(value).__name__})"
    text = str.__str__(value)
    size = len(text)
    family = kind.partition(":")[0]
    if family in ("email", "user", "key", "echo"):  # an address is masked as one, whatever found it
        match = _EMAIL.match(text.strip())
        if match:
            local, domain, rest = match.groups()
            tld = rest.rsplit(".", 1)[-1] if rest else ""
            return f"{local[:1]}***@{domain[:1]}***" + (f".{tld[:6]}" if tld else "")
    if family in ("creditcard", "iban"):
        digits = [i for i, c in enumerate(text) if c.isalnum()]
        if len(digits) >= 12:
            keep = set(digits[:4] + digits[-4:])
            return "".join(c if i in keep or not c.isalnum() else "*" for i, c in enumerate(text))[:40]
    if family in ("token", "jwt") and size >= 16:
        prefix = _PREFIX.match(text)
        head = prefix.group() if prefix and prefix.end() * 3 <= size else text[:3] if family == "jwt" else ""
        return f"{head}****"
    return f"**** ({size} chars)"


# -- reading a scrub back -----------------------------------------------------------------------

#: (kind, rule) of a whole value the scrubber replaced: from its path, its container, the
#: key above it and the value itself
WholeReason = Callable[[tuple[Any, ...], Any, str | None, Any], tuple[str, str]]
#: the findings inside one changed string, or None when that string's change is not known
StringReason = Callable[[tuple[Any, ...], str, str, str | None], list[Finding] | None]


def _key_text(key: Any) -> str | None:
    return str.__str__(key) if isinstance(key, str) else None


def _is_pair(node: Any) -> bool:
    return type(node) in (list, tuple) and len(node) == 2 and isinstance(node[0], str)


def changes(
    before: Any,
    after: Any,
    whole: WholeReason,
    string: StringReason,
    fallback: str,
    prefix: tuple[Any, ...] = (),
    detail: bool = True,
    key_string: StringReason | None = None,
    speedups: Any = None,
) -> list[Finding]:
    """Every change from `before` to `after`, in document order, as findings.

    Containers the scrubber did not touch are the same objects in both (copy-on-write), so
    only the changed paths are read. `whole` explains a value replaced whole; `string` the
    changes inside a string (None when it cannot: then the changed stretch is one finding
    of kind `fallback`). Paths start with `prefix`. Iterative: any depth. Without `detail`
    the findings carry kinds and rules only (no path text, no excerpt): enough to count.
    A dict key given a new text is read by `key_string` (`string` unless given). With
    `speedups` (the compiled module), the plain containers on the changed paths are gone
    through in C (see ``_speedups.descend``), the same way.
    """
    found: list[Finding] = []
    # (before, after, path, parent before, key above) last first
    todo: list[tuple[Any, Any, tuple[Any, ...], Any, str | None]] = [(before, after, prefix, None, None)]
    descend = getattr(speedups, "descend", None)
    while todo:
        old, new, path, parent, context = todo.pop()
        if new is old:
            continue
        if parent is _KEY:
            found += _key_findings(path, old, new, context, key_string or string, fallback, detail)
            continue
        kind = type(old)
        if descend is not None and (kind is dict or kind is list or kind is tuple):
            reached = descend(old, new, path, context)
            if reached is not None:
                todo += reversed(reached)
                continue
        form = old if kind in (str, dict, list, tuple) else plain(old)
        if type(new) is str and new in (FILTERED, CYCLE):
            if not (type(form) is str and form == new):
                rule_kind, rule = (
                    whole(path, parent, context, form) if new == FILTERED else ("cycle", "a reference cycle")
                )
                found.append(
                    Finding(format_path(path), rule_kind, rule, None, mask(rule_kind, form))
                    if detail
                    else Finding("", rule_kind, rule, None, "")
                )
            continue
        if type(form) is str and type(new) is str:
            if form == new:
                continue
            inner = string(path, form, new, context)
            if inner is None:
                inner = [_stretch(path, form, new, fallback, detail)]
            found += inner
            continue
        if type(form) is dict and type(new) is dict and len(form) == len(new):
            steps: list[tuple[Any, Any, tuple[Any, ...], Any, str | None]] = []
            missing = object()
            for key, value in form.items():
                # the scrubber copies dicts (the same keys, maybe in another order)
                new_value = new.get(key, missing)
                if new_value is missing:
                    break
                if new_value is not value:
                    name = key if type(key) is str else _key_text(key)
                    steps.append((value, new_value, (*path, key), form, context if name is None else name))
            else:
                todo += reversed(steps)
                continue
            renamed = _renamed(form, new)
            if renamed is not None:
                steps = []
                # a key scrubbed for content: its findings, then its value's, under the new key
                for key, new_key, value, new_value in renamed:
                    name = _key_text(key)
                    if new_key is not key and name is not None:
                        steps.append((name, new_key, (*path, new_key), _KEY, context))
                        # the value was read under the key as it reads now (its text, without
                        # the `` (2)`` that told it from another key)
                        name = _SUFFIX.sub("", new_key) if new_key != name else name
                    if new_value is not value:
                        inner_context = context if name is None else name
                        steps.append((value, new_value, (*path, new_key), form, inner_context))
                todo += reversed(steps)
                continue
        elif type(form) in (list, tuple) and type(new) in (list, tuple) and len(form) == len(new):
            # a pair's value was read under its key as the key reads now
            inner_context = (_key_text(new[0]) or _key_text(form[0])) if _is_pair(form) else context
            todo += reversed(
                [
                    (value, new_value, (*path, index), form, inner_context if index else context)
                    for index, (value, new_value) in enumerate(zip(form, new, strict=True))
                    if new_value is not value
                ]
            )
            continue
        # another shape (no value's own __eq__ is called: it could be anything)
        rule = f"changed by {fallback}"
        found.append(
            Finding(format_path(path), fallback, rule, None, mask(fallback, form))
            if detail
            else Finding("", fallback, rule, None, "")
        )
    return found


#: the parent of a key's own text in `changes`' work list
_KEY = object()
#: what `rename_keys` adds to a key's new text that another key of the dict has: `` (2)``
_SUFFIX = re.compile(r" \([0-9]+\)\Z")


def _renamed(before: dict[Any, Any], after: dict[Any, Any]) -> list[tuple[Any, Any, Any, Any]] | None:
    """(key, new key, value, new value) of each item, when `after` is `before` with some text
    keys given new texts in place (the order kept; see `rename_keys`); else None."""
    steps = []
    for (key, value), (new_key, new_value) in zip(before.items(), after.items(), strict=True):
        if new_key is not key:
            if not (isinstance(key, str) and type(new_key) is str):
                return None
            if str.__str__(key) != new_key:
                if new_key in before or key in after:  # moved, not renamed
                    return None
            elif type(key) is not str:  # the same text: not a rename
                return None
        steps.append((key, new_key, value, new_value))
    return steps


def _key_findings(
    path: tuple[Any, ...],
    before: str,
    after: str,
    context: str | None,
    string: StringReason,
    fallback: str,
    detail: bool,
) -> list[Finding]:
    """The findings in a dict key's text, scrubbed to `after` (maybe with a suffix that keeps
    it apart from another key: then the changes are read without it). `path` ends with the
    new key: a path never shows what was removed."""
    if before == after:
        return []
    inner = string(path, before, after, context)
    if inner is None:
        suffix = _SUFFIX.search(after)
        if suffix is not None:
            inner = string(path, before, after[: suffix.start()], context)
    if inner is None:
        inner = [_stretch(path, before, after, fallback, detail)]
    return [replace(finding, rule=f"{finding.rule} (in the key)") for finding in inner]


def _stretch(path: tuple[Any, ...], before: str, after: str, kind: str, detail: bool = True) -> Finding:
    """The one stretch of `before` that differs from `after` (same head and tail cut off)."""
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    span = (head, len(before) - tail)
    if not detail:
        return Finding("", kind, f"changed by {kind}", span, "")
    return Finding(format_path(path), kind, f"changed by {kind}", span, mask(kind, before[span[0] : span[1]]))


# -- the scrub summary --------------------------------------------------------------------------

#: the context the built-in scrubber writes its summary to: ``{"filtered": {kind: count}}``
SUMMARY = "sentry_guard"
_FIXED_KINDS = frozenset({"user", "echo", "structure", "changed", "cycle", "key"})
_MAX_KINDS = 512


def _known_kind(kind: str, reason: Callable[[str], str | None]) -> bool:
    """A kind the scrubber itself could have written: only its own words, no user text."""

    family, sep, name = kind.partition(":")
    if family == "key":
        return not sep or reason(name) == name
    formats = by_name()
    if not sep:
        return family in _FIXED_KINDS or family in formats
    return name in formats and formats[name].kind == family


def own_summary(event: Mapping[str, Any], reason: Callable[[str], str | None]) -> dict[str, Any] | None:
    """The event's ``contexts["sentry_guard"]`` when it is a summary the scrubber wrote (kinds
    it knows, counts): kept as it is by a second scrub. Anything else there is scrubbed
    like any other context, then replaced by the new summary."""
    contexts = event.get("contexts")
    if type(contexts) is not dict or SUMMARY not in contexts:
        return None
    summary = contexts[SUMMARY]
    if type(summary) is not dict or list(summary) != ["filtered"] or type(summary["filtered"]) is not dict:
        return None
    counts = summary["filtered"]
    if len(counts) > _MAX_KINDS:
        return None
    for kind, count in counts.items():
        if type(kind) is not str or len(kind) > 80 or type(count) is not int or not 0 < count < 10**9:
            return None
        if not _known_kind(kind, reason):
            return None
    return summary


def add_summary(
    event: dict[str, Any], findings: Sequence[Finding], reason: Callable[[str], str | None]
) -> dict[str, Any]:
    """`event` with ``contexts["sentry_guard"] = {"filtered": {kind: count}}`` counting
    `findings` (added to the counts of a summary already there): no values, no paths.
    Without findings, or when ``contexts`` is not a dict, `event` is returned as it is."""
    if not findings:
        return event
    contexts = event.get("contexts", {})
    if type(contexts) is not dict:
        return event
    before = own_summary(event, reason)
    counts = Counter(before["filtered"] if before is not None else {})
    counts.update(map(_KIND, findings))
    summary = {"filtered": dict(sorted(counts.items()))}
    return {**event, "contexts": {**contexts, SUMMARY: summary}}
