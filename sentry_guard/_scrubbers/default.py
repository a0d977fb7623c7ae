"""The built-in scrubber: key rules, structure inside strings and value detectors in one walk."""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import accumulate, compress
from operator import is_
from typing import Any

from . import compiled
from .catalogue import parse_detectors
from .chain import KIND_HINT
from .detectors import Mode, Redactor, splice
from .findings import PARSED, SUMMARY, Finding, add_summary, changes, format_path, mask, own_summary
from .keys import KeyMatcher
from .literal import unquote
from .pii import _nobody
from .scan import CLEAN_ENTRIES, CLEAN_LENGTH, PairKeys
from .structure import find_pair_values, locate_pairs, parse_structured
from .walk import FILTERED, Walker, nothing_to_hide, plain

__all__ = ["USER_IDENTITY", "DefaultScrubber", "echo_spans", "echo_values"]

logger = logging.getLogger("sentry_guard")

#: top-level event parts that hold no user data (package lists, SDK metadata)
_SKIPPED_PARTS = frozenset({"modules", "sdk", "debug_meta"})
#: the `user` fields a team keeps with SENTRY_SEND_DEFAULT_PII=true (filtered otherwise; the
#: others, ``data`` and ``segment``, go through the rules like any part of the event)
USER_IDENTITY = ("id", "username", "email", "ip_address", "name", "geo")
#: filtered values also removed where they reappear in text (a password echoed in a message)
_ECHO_MIN = 6
_ECHO_MAX_VALUES = 64
#: JSON text inside JSON text (inside ...) is parsed this many levels deep; deeper is text
_STRUCTURE_LEVELS = 4
#: how many filtered values (nested ones included) are read for echoes, at most
_ECHO_MAX_ITEMS = 4096
_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>\Z")


#: events that get a scrub summary (logs, metrics and breadcrumbs have no contexts)
_SUMMARISED = frozenset({"event", "transaction"})
#: what a pair rule's edit says made it, before the key: ``pair:db_password``
PAIR = "pair:"
#: a key that is a program's identifier (``screen_width_pixels``, ``userId``)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z").match
#: formats that do not hold in an identifier key (see `DefaultScrubber.key_edits`)
_NOT_IN_IDENTIFIERS = frozenset({"device-owner"})


#: one change to a string: start, end, replacement, what made it, and the keys under which it
#: does not hold (see `Detector.skip`)
Edit = tuple[int, int, str, str, Callable[[str | None], bool] | None]


def _apply(text: str, edits: list[Edit], context: str | None) -> str:
    """`text` with the edits that hold under its key `context` (a version is not an IP)."""
    spans = [(start, end, new) for start, end, new, _, skip in edits if skip is None or not skip(context)]
    return splice(text, spans) if spans else text


#: values filtered by key that are not worth looking for elsewhere: words any text may hold
_COMMON = frozenset(
    [
        "example",
        "default",
        "unknown",
        "undefined",
        "anonymous",
        "localhost",
        "production",
        "staging",
        "development",
        "testing",
        "guest",
        "nobody",
        "public",
        "private",
        "enabled",
        "disabled",
        "changeme",
        "password",
        "secret",
    ]
)
_MARKER = re.compile(r"\[[A-Za-z]+(?::[0-9a-f]+)?\]")
#: a value made of parts: a separator next to a run of 8 other characters
_COMPOSITE = re.compile(r"[^\s;,&=]{8}[\s;,&=]|[\s;,&=][^\s;,&=]{8}").search
#: a separator at all (one cheap pass first: most filtered values are one token, where the
#: search above would try eight characters at every position)
_SEPARATOR = re.compile(r"[\s;,&=]").search


def _specific(value: str) -> bool:
    """Worth looking for elsewhere: long, not a short number, not a common word, not an
    object's default repr, not a marker, not the machine's own address (``::1`` as a
    ``REMOTE_ADDR`` is filtered there, not in ``LOCAL_ADDR``)."""
    if len(value) < _ECHO_MIN or value.strip() != value or FILTERED in value:
        return False
    first = value[0]
    if first in _NUMERIC_START or not first.isascii():  # what can start digits or an address
        if value.isdigit():
            return len(value) >= 8
        if _DECIMAL.fullmatch(value) or (len(value) <= 45 and _ADDRESS_LIKE(value) and _nobody(value)):
            return False
    elif first in "<[":
        return not (_OBJECT_REPR.match(value) or _MARKER.fullmatch(value))
    return value.lower() not in _COMMON


#: how ASCII digits, a decimal (`_DECIMAL`) or one of the machine's addresses (`_ADDRESS_LIKE`) start
_NUMERIC_START = frozenset("-:0123456789abcdefABCDEF")
#: a decimal number's text (a float local, a ratio): not worth looking for
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+(?:e-?[0-9]+)?")
#: how the machine's own addresses start (``127.``, ``0.``, ``169.254.``, any IPv6): only
#: these are worth an ``ipaddress`` parse
_ADDRESS_LIKE = re.compile(r"(?:127\.|0\.|169\.254\.|[0-9a-fA-F]{0,4}:)[0-9a-fA-F:.%]*\Z").match
#: how a string's ``repr`` may start (``'x'``, ``"x"``, ``b'x'``, ``r'x'``)
_QUOTES = frozenset("'\"bBrRuU")
#: a repr that wraps a quoted string in a class name: the quoted string is read as one
_WRAPPED_REPR = re.compile(r"[A-Za-z_][\w.]{0,64}\(((?:'|\").{0,4096})\)\Z", re.S).match
#: the generated-looking parts of a composite value: 8+ token characters with a digit and a
#: letter in them (``sessionid`` and ``Bearer`` are words, not secrets; ``0x7f00aa`` an address)
_SECRET_PART = re.compile(
    r"(?<![A-Za-z0-9_~+/.-])(?=[A-Za-z_~+/.-]*[0-9])(?=[0-9_~+/.-]*[A-Za-z])(?!0x)[A-Za-z0-9_~+/.-]{8,}"
)


def echo_values(found: list[Any]) -> list[str]:
    """The texts to look for elsewhere, from the values filtered by key (any type, nested
    containers too): each as it was and, for a ``repr`` (how sentry-sdk sends locals:
    ``"'hunter2'"``), the string it stands for; and the generated-looking parts of
    composite values (``Bearer x``, a cookie header). Longest first, at most
    `_ECHO_MAX_VALUES`."""
    values: set[str] = set()
    stack = list(found)
    budget = _ECHO_MAX_ITEMS
    while stack and budget:
        budget -= 1
        value = stack.pop()
        kind = type(value)
        if kind is not str:
            if kind is dict:
                stack += value.values()
            elif kind is list or kind is tuple:
                stack += value
            else:
                form = str(value) if kind is int else plain(value)
                if form is not None:
                    stack.append(form)
            continue
        if len(value) < _ECHO_MIN:
            continue
        if value[0] in _QUOTES:
            inner = unquote(value)
            if inner is not None:
                stack.append(inner)
        elif value[-1] == ")":  # a str subclass's repr wraps the text: ``Password('hunter2')``
            wrapped = _WRAPPED_REPR(value)
            if wrapped is not None:
                stack.append(wrapped.group(1))
        if _specific(value):
            values.add(value)
        if len(value) > 16 and _SEPARATOR(value) and _COMPOSITE(value) and not _OBJECT_REPR.match(value):
            # (a part is token characters with a digit: specific unless it can start a number)
            values.update(
                part
                for part in _SECRET_PART.findall(value)
                if part != value and (part[0] not in _NUMERIC_START or _specific(part))
            )
    ordered = sorted(values)
    ordered.sort(key=len, reverse=True)  # longest first, then in order (the sort is stable)
    return ordered[:_ECHO_MAX_VALUES]


def _holding(texts: list[str], values: list[str], speedups: Any) -> Iterable[str]:
    """The texts any of `values` stands in (as a substring), in order. Compiled: one pass over
    the texts for all values (see ``_speedups.holding``). Else, or when that pass would
    compare too much (text that repeats the values' first characters), each value is looked
    for with ``str.find`` over the texts joined by NUL: a hit is told to its text by where
    the texts start, and one that runs past its text's end (a NUL in a text or a value) is
    no hit; after a hit, the search goes on from the next text."""
    hits = speedups.holding(texts, values) if speedups is not None else None
    if hits is None:
        joined = "\x00".join(texts)
        starts = list(accumulate([len(text) + 1 for text in texts[:-1]], initial=0))
        holding: set[int] = set()
        for value in filter(None, values):  # (an empty value marks nothing)
            at = joined.find(value)
            while at != -1:
                index = bisect_right(starts, at) - 1
                end = starts[index] + len(texts[index])
                if at + len(value) <= end:
                    holding.add(index)
                    at = joined.find(value, end + 1)
                else:
                    at = joined.find(value, at + 1)
        hits = sorted(holding)
    return dict.fromkeys(texts[index] for index in hits)


def _token_edge(text: str, at: int, inside: str) -> bool:
    """Whether a match may end (or start) at `at`, `inside` being its character there: a
    letter or digit of the match must not be glued to one outside it."""
    return not (inside.isalnum() and at < len(text) and at >= 0 and text[at].isalnum())


def _inside(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span lies inside what `spans` cover together: their union is sorted once,
    then each question is a binary search (many echoes among many spans stay n log n)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def inside(start: int, end: int) -> bool:
        at = bisect_right(starts, start) - 1
        return at >= 0 and end <= merged[at][1]

    return inside


def echo_spans(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Where any of `values` stands in `text` as a whole token (``Example`` is not found
    in ``SwiftTVOSExample`` or ``Examples``)."""
    spans = []
    for value in values:
        at = text.find(value)
        while at != -1:
            end = at + len(value)
            if _token_edge(text, at - 1, value[0]) and _token_edge(text, end, value[-1]):
                spans.append((at, end))
            at = text.find(value, at + 1)
    return spans


#: frame locals that hold who a request is for: treated like the `user` fields
_IDENTITY_VARS = frozenset(
    {"user", "username", "user_name", "login", "userid", "user_id", "uid", "email", "user_email"}
)
#: tags that repeat the `user` fields (``sentry:user`` is ``id:4292``, ``email:...``)
_IDENTITY_TAGS = ("user", "sentry:user")
Path = tuple[Any, ...]
#: the reason of a value filtered where the event says who it is about (`_identities`): its
#: words name the path, written out only when the findings are read for `explain`
_WHO = ("user", "")
#: whether a type is exactly dict (to pick dicts among values in C: ``map(type, ...)``)
_IS_DICT = partial(is_, dict)


def _identities(event: dict[str, Any]) -> list[tuple[Path, Any]]:
    """Where the event says who it is about, with the values: the `user` identity fields,
    the user tags, ``REMOTE_ADDR``, and identity-like frame locals."""
    found: list[tuple[Path, Any]] = []
    user = event.get("user")
    if isinstance(user, dict):
        found += [(("user", f), user[f]) for f in USER_IDENTITY if f in user]
    tags = event.get("tags")
    if isinstance(tags, dict):
        found += [(("tags", t), tags[t]) for t in _IDENTITY_TAGS if t in tags]
    request = event.get("request")
    env = request.get("env") if isinstance(request, dict) else None
    if isinstance(env, dict) and "REMOTE_ADDR" in env:
        found.append((("request", "env", "REMOTE_ADDR"), env["REMOTE_ADDR"]))
    stacktraces: list[tuple[Path, Any]] = [(("stacktrace",), event.get("stacktrace"))]
    for part in ("exception", "threads"):
        values = event.get(part)
        values = values.get("values") if isinstance(values, dict) else None
        for i, value in enumerate(values if isinstance(values, list) else ()):
            if isinstance(value, dict):
                stacktraces.append(((part, "values", i, "stacktrace"), value.get("stacktrace")))
    frames_vars: list[tuple[Path, dict[Any, Any], list[tuple[Any, dict[Any, Any]]]]] = []
    names: list[Any] = []  # every frame's names, and one level down
    for path, stacktrace in stacktraces:
        frames = stacktrace.get("frames") if isinstance(stacktrace, dict) else None
        for j, frame in enumerate(frames if isinstance(frames, list) else ()):
            local = frame.get("vars") if isinstance(frame, dict) else None
            if isinstance(local, dict):
                names += local
                nested = []
                if dict in set(map(type, local.values())):  # (a C-level look: most frames hold no dict)
                    nested = list(compress(local.items(), map(_IS_DICT, map(type, local.values()))))
                    for _, value in nested:
                        names += value
                frames_vars.append(((*path, "frames", j, "vars"), local, nested))
    # one look finds every identity-like name of every frame (most events have none)
    named = set(_identity_names(names)) if names else None
    if named:
        for path, local, nested in frames_vars:
            found += _identity_vars(local, nested, path, named)
    return found


def _identity_vars(
    local: dict[Any, Any], nested: list[tuple[Any, dict[Any, Any]]], path: Path, named: set[Any]
) -> list[tuple[Path, Any]]:
    """Identity-like names among frame locals (old SDKs send them as reprs: ``'user'``), and
    one level down (``kwargs``: the `nested` dicts). `named` holds every such name of the
    event's frames: a dict with none of them has none (a C-level look)."""
    names = [] if named.isdisjoint(local) else _identity_names(local)
    found = [((*path, name), local[name]) for name in names]
    for name, value in nested:
        if value and name not in names and not named.isdisjoint(value):
            found += [((*path, name, inner), value[inner]) for inner in _identity_names(value)]
    return found


def _identity_names(local: Collection[Any]) -> list[Any]:
    """The keys of `local` that say they hold who the request is for. One look answers a
    whole frame (most hold none): its text keys joined by NULs, lower-cased, quotes dropped,
    against the names; then each name is checked on its own."""
    every = True
    try:
        joined = "\x00".join(local)  # (the usual case: every key is text)
    except TypeError:
        every = False
        joined = "\x00".join([name for name in local if isinstance(name, str)])
    lowered = joined.lower()
    quoted = "'" in lowered or '"' in lowered
    if quoted:
        lowered = lowered.replace("'", "").replace('"', "")
    parts = lowered.split("\x00")
    hits = _IDENTITY_VARS.intersection(parts)
    if not hits:
        return []
    if every and not quoted and len(parts) == len(local):  # each part is its name, lower-cased
        # where the few hits stand, found by C-level searches (a frame may hold many names)
        at = []
        for hit in hits:
            index = parts.index(hit)
            while True:
                at.append(index)
                try:
                    index = parts.index(hit, index + 1)
                except ValueError:
                    break
        names = list(local)
        return [names[index] for index in sorted(at)]
    return [name for name in local if _is_identity_name(name)]


def _is_identity_name(name: Any) -> bool:
    # str's own strip and lower: a subclass's overrides are not trusted
    return isinstance(name, str) and str.lower(str.strip(name, "'\"")) in _IDENTITY_VARS


def _set_paths(tree: dict[str, Any], edits: list[tuple[Path, Any]]) -> dict[str, Any]:
    """`tree` with each path set to its value, copying only the containers on those paths.
    A path that no longer leads anywhere (its parent was filtered whole) is left out."""
    if not edits:
        return tree
    root = dict(tree)
    copies: dict[int, Any] = {id(tree): root}
    for path, value in edits:
        node: Any = root
        original: Any = tree
        try:
            for key in path[:-1]:
                original = original[key]
                copy = copies.get(id(original))
                if copy is None:
                    kind = type(original)
                    if kind is not dict and kind is not list:  # filtered whole: `[Filtered]`
                        raise TypeError(kind)
                    copy = copies[id(original)] = dict(original) if kind is dict else list(original)
                node[key] = copy
                node = copy
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return root


#: ``%s``, ``%(name)s``, ``{}``, ``{0}``, ``{name}``; a format spec is short (``{:>10}``)
_PLACEHOLDER = re.compile(r"%\((\w{1,64})\)[sdrifx]|%[sdrifx]|\{(\w{0,64})(?:![rsa])?(?::[^{}]{0,32})?\}")
#: the word right before a placeholder (``password=%s``), read from the end of a short slice
#: before it: found from the placeholder back, each word is read once (no backtracking over
#: a long run of word characters at every start, which made a long template quadratic)
_WORD_BEFORE = re.compile(r"([\w.-]{1,64})[\s:=]{0,8}\Z")


def _attribute_value(value: Any) -> Any:
    """Log attributes are plain values, or ``{"type": ..., "value": ...}`` once serialised."""
    return value.get("value") if isinstance(value, dict) and "value" in value else value


def _sensitive_placeholders(
    template: Any, is_sensitive: Callable[[str], bool], present: Container[Any]
) -> list[tuple[Any, str]]:
    """Which placeholders of a log template hold sensitive values: by name, else by the word
    before them. Positional ones are numbered from 0 in order; named ones by their name.
    Only those in `present` (the parameters the event carries) are looked at. Each comes
    with the name or word that makes it sensitive."""
    if not isinstance(template, str) or ("%" not in template and "{" not in template):
        return []
    sensitive: list[tuple[Any, str]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        percent_name, brace_name = match.groups()
        name = percent_name or brace_name or None
        key: Any = name if name is not None and not name.isdecimal() else (int(name) if name else position)
        if name is None or name.isdecimal():
            position += 1
        if key not in present:
            continue
        if name and not name.isdecimal():
            label: str | None = name
        else:
            before = _WORD_BEFORE.search(template, max(0, match.start() - 72), match.start())
            label = before.group(1) if before else None
        if label and is_sensitive(label):
            sensitive.append((key, label))
    return sensitive


def _parameter_key(name: str) -> Any:
    """``sentry.message.parameter.0`` is the first positional one, ``...parameter.user`` a named one."""
    return int(name) if name.isdecimal() and len(name) < 20 else name


@dataclass
class _Trace:
    """What one scrub did, to read it back as findings: the event and the result, the
    edits of every string (by string), and the reasons for values replaced before the walk."""

    event: dict[str, Any]
    #: the event as walked and what the walk made of it, in the same order (the parts no
    #: rule reads, and a summary of an earlier scrub, left out of both: they never change)
    walked: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)
    found: list[Any] = field(default_factory=list)
    #: where who the event is about stands: (path, value)
    origins: list[tuple[Path, Any]] = field(default_factory=list)
    reasons: dict[Path, tuple[str, str]] = field(default_factory=dict)
    edits: dict[str, list[Edit]] = field(default_factory=dict)
    #: the values the scrub looked for as echoes (see `echo_values`)
    echoes: list[str] = field(default_factory=list)


class DefaultScrubber:
    """What `configure()` runs first: every sensitive key's value, and every detected value.

    One walk over the payload: a dict key the `KeyMatcher` flags loses its whole value; every
    string is parsed for structure (JSON text, ``repr`` of dicts, ``key=value`` and
    ``key: value`` phrases) so the key rule applies inside it too; then the detectors
    (emails, cards, IBANs, IPs, JWTs, tokens, ...) replace only what they match. A value
    filtered by key that reappears elsewhere in the payload (a password echoed in a message)
    is filtered there too. Who the event is about (the `user` identity fields, the user
    tags, ``REMOTE_ADDR``, identity-like frame locals) is filtered in place with
    `send_default_pii` off and kept there with it on; either way it is removed wherever else
    it stands.
    """

    name = "default"

    def __init__(
        self,
        extra_keys: Iterable[str] = (),
        safe_keys: Iterable[str] = (),
        *,
        detectors: Iterable[str] | None = None,
        modes: Iterable[tuple[str, Mode]] = (),
        hash_key: bytes | None = None,
        send_default_pii: bool = False,
        summary: bool = True,
    ) -> None:
        self.matcher = KeyMatcher(extra_keys, safe_keys)
        names = parse_detectors(("default",) if detectors is None else tuple(detectors))
        self.redactor = Redactor(names, modes, hash_key)
        self._formats = {fmt.name: fmt for fmt in self.redactor.formats}
        #: (kind, rule) by key, for findings (bounded like the key rule's own cache)
        self._reasons: dict[tuple[str, str], tuple[str, str]] = {}
        #: (kind, rule) by the name of the format that made an edit (see `_detector_reason`)
        self._detectors: dict[str, tuple[str, str]] = {}
        self.send_default_pii = send_default_pii
        #: add ``contexts["sentry_guard"]``, the counts of what was removed by kind
        self.summary = summary
        #: strings known to need no change: the walker skips them without a call
        self.clean: set[str] = set()
        #: pair-rule decisions by key (see `locate_pairs`)
        self._pair_keys: PairKeys = (set(), set())
        speedups = compiled.SPEEDUPS
        #: the key rule's trigger words, for the compiled scanner to judge most pair keys
        self._key_triggers = None if speedups is None else self.matcher.trigger_table(speedups)
        self.walker = Walker(self.matcher, self.scrub_text, clean=self.clean, key_strings=self.scrub_key)
        self._local = threading.local()
        self._speedups = compiled.SPEEDUPS
        self._rewriters = (
            Walker(self.matcher, self._rewrite_text, clean=self.clean, key_strings=self._rewrite_key),
            Walker(self.matcher, self._rewrite_text, key_strings=self._rewrite_key),
        )

    def scrub_text(self, text: str, context: str | None = None) -> str:
        """One string: structure (so keys apply inside it), then the detectors."""
        edits = self.scrub_many([text]).get(text)
        return text if edits is None else _apply(text, edits, context)

    def scrub_key(self, text: str, context: str | None = None) -> str:
        """A dict key's text (see `key_edits`)."""
        edits = self.scrub_many([text]).get(text)
        return text if edits is None else _apply(text, self.key_edits(text, edits), context)

    def key_edits(self, key: str, edits: list[Edit]) -> list[Edit]:
        """The edits of a string that hold where it is a dict key: a key names a field, so the
        pair rule (``session:duration`` is no session id) holds only in a key the key rule
        flags itself (``password=hunter2``), and a device owner's name is not looked for in
        an identifier (``screen_width_pixels`` is no one's Pixel)."""
        if self.matcher(key):
            return edits
        identifier = _IDENTIFIER(key) is not None
        # (an echo of a pair's value is dropped with the pair: the same span)
        pairs = {(edit[0], edit[1]) for edit in edits if edit[3].startswith(PAIR)}
        return [
            edit
            for edit in edits
            if (edit[0], edit[1]) not in pairs and not (identifier and edit[3] in _NOT_IN_IDENTIFIERS)
        ]

    def scrub_many(
        self,
        texts: list[str],
        found: list[Any] | None = None,
        record: dict[str, list[Edit]] | None = None,
        echoed: list[str] | None = None,
    ) -> dict[str, list[Edit]]:
        """What to change in each of many strings, by string; unchanged strings are left out.

        The strings not known to be clean are scanned at once (see `Scanner.scan`): the pair
        rule and each format find their few candidate strings in one pass, and run on those
        alone. JSON text and reprs are walked like the payload and written back whole. An
        edit may hold only under some keys (see `Format.skip`): `_apply` decides, where the
        key is known. Then every value filtered by key (in `found`, or by the pair rule in
        these strings) is removed wherever else it stands as a whole token, in all `texts`.
        Strings with no edit are remembered as clean. Every edit, those inside JSON text and
        reprs too, is also put in `record` when given (how a scrub is read back as findings),
        and the values looked for as echoes in `echoed` (so the read-back need not find them again).
        """
        found = [] if found is None else found
        if len(self._pair_keys[0]) > CLEAN_ENTRIES:
            self._pair_keys = (set(), set())
        edits = self._scan(texts, found, record=record)
        echoes = echo_values(found) if found else None
        if echoes:
            self._echo(texts, echoes, edits)
            if echoed is not None:
                echoed += echoes
        if record is not None:
            record.update(edits)
        return edits

    def _scan(
        self,
        strings: list[str],
        found: list[Any],
        level: int = 0,
        record: dict[str, list[Edit]] | None = None,
    ) -> dict[str, list[Edit]]:
        """The edits of `texts`. JSON text and reprs are parsed and walked like the payload;
        the strings inside them are scanned together, one level of nesting per scan (so a
        blob of JSON strings costs one more scan, not one per string)."""
        blob = self.redactor.blob(strings, self._pair_keys, self._key_triggers, self.clean)
        edits: dict[str, list[Edit]] = {}
        if not blob.flagged:  # every string is known clean, or was found clean by the scan
            return edits
        texts = blob.texts
        structured: dict[int, tuple[Any, Any, Callable[[Any], str]]] = {}
        inner: list[str] = []
        pairs = locate_pairs(blob, self.matcher, self._pair_keys)
        if level < _STRUCTURE_LEVELS and pairs:
            # JSON text or a repr with a sensitive key in it (else it is text like any other)
            for index in pairs.intersection(self.redactor.scanner.shape(blob, "bracket")):
                parsed = parse_structured(texts[index])
                if parsed is not None:
                    value, dump = parsed
                    structured[index] = (value, self.walker(value, found, inner), dump)
        for index in pairs - structured.keys():
            text = texts[index]
            spans: list[Edit] = []
            for start, end, key in find_pair_values(text, self.matcher):
                spans.append((start, end, FILTERED, PAIR + key, None))
                found.append(text[start:end])
            if spans:
                edits[text] = spans
        for fmt, index, start, end in self.redactor.scan(blob):
            if index not in structured:
                text = texts[index]
                replacement = self.redactor.replacement(fmt, text[start:end])
                edits.setdefault(text, []).append((start, end, replacement, fmt.name, fmt.skip))
        if structured:
            inner_edits = self._scan(inner, found, level + 1, record) if inner else {}
            for index, (value, new, dump) in structured.items():
                if inner_edits:
                    new = self._rewrite(new, inner_edits)
                if new is not value:
                    text = texts[index]
                    try:
                        replacement = dump(new)
                    except (RecursionError, ValueError):  # cannot be written back: fail closed
                        replacement = FILTERED
                    edits[text] = [(0, len(text), replacement, "structure", None)]
        self._remember(texts, blob.flagged, edits)
        if record is not None:
            record.update(edits)
        return edits

    def _remember(self, texts: Sequence[str], flagged: Iterable[int], edits: dict[str, list[Edit]]) -> None:
        """Note the `flagged` texts with no edit as clean (bounded like the scanner's cache)."""
        clean = self.clean
        # one update with only clean strings: another thread reading the cache meanwhile
        # must never see a string that still needs scrubbing
        add = set(map(texts.__getitem__, flagged)).difference(edits)
        if add and max(map(len, add)) > CLEAN_LENGTH:  # (rare: most flagged strings are short)
            add = {text for text in add if len(text) <= CLEAN_LENGTH}
        if len(clean) + len(add) > CLEAN_ENTRIES:
            clean.clear()
        clean.update(add)

    def _rewrite(self, tree: Any, changed: dict[str, list[Edit]]) -> Any:
        """`tree` with the `changed` strings edited, where their key allows. (The walkers are
        built once; the edits reach their string rule through a thread-local.)"""
        local = self._local
        outer = getattr(local, "changed", None)
        local.changed = changed
        try:
            # an echo may stand in a string known to be clean on its own: then none is skipped
            # (`tree` is the walk's result: pure data, nothing to freeze)
            return self._rewriters[0 if self.clean.isdisjoint(changed) else 1].walk(tree)
        finally:
            local.changed = outer

    def _rewrite_text(self, text: str, context: str | None) -> str:
        edits = self._local.changed.get(text)
        return text if edits is None else _apply(text, edits, context)

    def _rewrite_key(self, text: str, context: str | None) -> str:
        edits = self._local.changed.get(text)
        return text if edits is None else _apply(text, self.key_edits(text, edits), context)

    def _echo(self, texts: list[str], values: list[str], edits: dict[str, list[Edit]]) -> None:
        """Add the edits that remove every whole-token occurrence of `values` in `texts` (a
        text rewritten whole, JSON or a repr, is searched in its new form)."""
        for text in _holding(texts, values, self._speedups):
            spans = echo_spans(text, values)
            if not spans:
                continue
            current = edits.get(text)
            if current and current[0][3] == "structure":
                start, end, replacement, kind, skip = current[0]
                inner = echo_spans(replacement, values)
                if inner:
                    replacement = splice(replacement, [(a, b, FILTERED) for a, b in inner])
                    current[0] = (start, end, replacement, kind, skip)
                continue
            edits.setdefault(text, []).extend((a, b, FILTERED, "echo", None) for a, b in spans)

    def __call__(self, event: dict[str, Any], hint: dict[str, Any], /) -> dict[str, Any]:
        result, trace = self._scrub(event)
        if self.summary and result is not event and hint.get(KIND_HINT, "event") in _SUMMARISED:
            try:
                result = add_summary(result, self._findings(trace, explain=False), self.matcher.reason)
            except Exception:  # the event is scrubbed already: a summary that fails is left out
                logger.warning("the scrub summary could not be counted; the event goes without it")
        return result

    def explain(self, event: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
        """Scrub `event` and say what was removed, where and why (`Finding`s, no values).
        The findings are read from this very scrub: they are exactly what it changed."""
        result, trace = self._scrub(event)
        return result, self._findings(trace, explain=True)

    def _scrub(self, event: dict[str, Any]) -> tuple[dict[str, Any], _Trace]:
        """The scrubbed event (`event` itself when nothing changed), and what the scrub did.

        An event whose reading could run code of its own (a dict subclass, a ``Mapping``, a
        ``str`` subclass as a key) is frozen first (see `Walker.frozen`): everything below,
        the findings too, reads pure data that no code can change, and such an event comes
        back as its frozen copy even when nothing changed."""
        event = self.walker.frozen(event)
        trace = _Trace(event)
        found = trace.found
        skipped = {k: event[k] for k in _SKIPPED_PARTS if k in event}
        summary = own_summary(event, self.matcher.reason)
        if skipped or summary is not None:
            event = dict(event)  # (the others keep their order: the read-back goes down it in C)
            for k in skipped:
                del event[k]
            if summary is not None:
                event["contexts"] = {k: v for k, v in event["contexts"].items() if k != SUMMARY}
        stripped = trace.walked = event
        # 0. who the event is about: kept in place with SENTRY_SEND_DEFAULT_PII=true, filtered
        # there otherwise, and removed wherever else it stands either way
        identities = _identities(event)
        if identities:
            found += [value for _, value in identities]
            trace.origins += identities
            if not self.send_default_pii:
                hidden = [(path, FILTERED) for path, value in identities if not nothing_to_hide(value)]
                trace.reasons.update(dict.fromkeys([path for path, _ in hidden], _WHO))
                event = _set_paths(event, hidden)
        # 1. keys, and every string
        texts: list[str] = []
        event = self._template_parameters(event, found, trace.reasons)
        result: dict[str, Any] = self.walker.walk(event, found, texts)  # frozen above
        # 2. every string at once, and the echoes of what was filtered; 3. put the changes
        # in, where their key allows (clean strings are in `self.clean`: passed without a call)
        changed = self.scrub_many(texts, found, trace.edits, trace.echoes)
        if changed:
            result = self._rewrite(result, changed)
        if identities and self.send_default_pii:
            result = _set_paths(result, identities)
        trace.result = result
        if result is stripped:
            result = trace.event  # nothing changed
        elif skipped or summary is not None:
            result = {**result, **skipped}
            if summary is not None:
                result["contexts"] = {**result["contexts"], SUMMARY: summary}
        return result, trace

    def _template_parameters(
        self, event: dict[str, Any], found: list[Any], reasons: dict[Path, tuple[str, str]]
    ) -> dict[str, Any]:
        """Parameters of a log template are named by the text before them (``password %s``):
        a sensitive one is filtered, and the echo pass removes it from the formatted message."""
        logentry = event.get("logentry")
        if isinstance(logentry, dict) and isinstance(logentry.get("params"), list):
            params = list(logentry["params"])
            sensitive = _sensitive_placeholders(logentry.get("message"), self.matcher, range(len(params)))
            if sensitive:
                for index, label in sensitive:
                    if isinstance(index, int) and index < len(params):
                        found.append(str(params[index]))
                        params[index] = FILTERED
                        reasons[("logentry", "params", index)] = self._key_reason(label, "the log template's")
                event = {**event, "logentry": {**logentry, "params": params}}
        attributes = event.get("attributes")
        if isinstance(attributes, dict) and "sentry.message.template" in attributes:
            prefix = "sentry.message.parameter."
            present = {
                _parameter_key(k[len(prefix) :])
                for k in attributes
                if isinstance(k, str) and k.startswith(prefix)
            }
            sensitive = _sensitive_placeholders(
                _attribute_value(attributes["sentry.message.template"]), self.matcher, present
            )
            if sensitive:
                attributes = dict(attributes)
                for key, label in sensitive:
                    name = f"sentry.message.parameter.{key}"
                    if name in attributes:
                        found.append(str(_attribute_value(attributes[name])))
                        attributes[name] = FILTERED
                        reasons[("attributes", name)] = self._key_reason(label, "the log template's")
                event = {**event, "attributes": attributes}
        return event

    def _key_reason(self, key: str, where: str = "") -> tuple[str, str]:
        """(kind, rule) of a value filtered because of `key`."""
        known = self._reasons.get((key, where))
        if known is not None:
            return known
        word = self.matcher.reason(key)
        if word is None:  # pragma: no cover - every caller passes a key the matcher flags
            reason = "key", f"{where} key {key!r}".strip()
        else:
            reason = f"key:{word}", f"key rule: {where} {key!r} matches {word!r}".replace(":  ", ": ")
        if len(key) <= KeyMatcher.MAX_CACHED_KEY:
            if len(self._reasons) >= 4096:
                self._reasons.clear()
            self._reasons[(key, where)] = reason
        return reason

    def _detector_reason(self, name: str) -> tuple[str, str]:
        """(kind, rule) of an edit made by the format `name` (kept: one entry per format)."""
        known = self._detectors.get(name)
        if known is None:
            fmt = self._formats.get(name)
            if fmt is None or fmt.kind == name:
                known = name, f"detector: {name}"
            else:
                known = f"{fmt.kind}:{name}", f"detector: {name} ({fmt.kind})"
            if len(self._detectors) < 4096:  # (a format's name, or a word of the scrubber's own)
                self._detectors[name] = known
        return known

    def _findings(self, trace: _Trace, explain: bool) -> list[Finding]:
        """What the scrub in `trace` removed, read from its result and its recorded edits;
        with `explain`, also where each echo's value was filtered."""
        speedups = self._speedups
        echoed: dict[int, str] = {}
        filtered: list[tuple[str, Any]] = []
        echoes = trace.echoes
        key_reasons = self._reasons

        def whole(path: Path, parent: Any, context: str | None, value: Any) -> tuple[str, str]:
            if explain:
                filtered.append((format_path(path), value))
            reason = trace.reasons.get(path) if trace.reasons else None
            if reason is _WHO:  # (the path is written out only where it is shown)
                where = format_path(path)[2:] if explain else "the user fields, a user tag or a local"
                return "user", f"who the event is about ({where}); SENTRY_SEND_DEFAULT_PII is off"
            if reason is not None:
                return reason
            if type(parent) is dict and type(context) is str and path and path[-1] is context:
                # (the usual case: a text key of a dict, judged before; see `_key_reason`)
                known = key_reasons.get((context, ""))
                if known is not None:
                    return known
            key: Any = context
            if type(parent) in (list, tuple) and path and isinstance(path[-1], int):
                index = path[-1]
                key = parent[0] if index == 1 and len(parent) == 2 else parent[index - 1] if index else None
            key = str.__str__(key) if isinstance(key, str) else None
            if key is not None and self.matcher(key):
                shown = path[-1] if path and type(parent) is dict else key
                if type(shown) is str and shown != key:  # a key scrubbed for content: never shown as it was
                    kind = self._key_reason(key)[0]
                    word = self.matcher.reason(key)
                    return (
                        kind,
                        f"key rule: {shown!r} (scrubbed) matches {word!r}" if word else f"key {shown!r}",
                    )
                return self._key_reason(key)
            edits = trace.edits.get(value) if isinstance(value, str) else None
            if edits and edits[0][3] == "structure":
                return "structure", "JSON text or a repr that could not be written back"
            if isinstance(value, str) and value in echoes:  # a whole echo (inside JSON text)
                return "echo", "echo of a value filtered by key"
            return "key", "filtered by key"

        def key_string(path: Path, before: str, after: str, context: str | None) -> list[Finding] | None:
            return string(path, before, after, context, for_key=True)

        def string(
            path: Path, before: str, after: str, context: str | None, for_key: bool = False
        ) -> list[Finding] | None:
            # a string that stands twice in the scan may carry its edits twice: each counts once
            held = {e[:4]: e for e in trace.edits.get(before, ()) if e[4] is None or not e[4](context)}
            edits = list(held.values())
            if for_key:
                edits = self.key_edits(before, edits)
            if len(edits) == 1 and edits[0][3] == "structure":
                old, new = parse_structured(before), parse_structured(after)
                if old is None or new is None:
                    return None
                return changes(
                    old[0], new[0], whole, string, "structure", (*path, PARSED), explain, key_string, speedups
                )
            if splice(before, [(a, b, r) for a, b, r, _, _ in edits]) != after:
                edits += [(a, b, FILTERED, "echo", None) for a, b in echo_spans(before, echoes)]
                if splice(before, [(a, b, r) for a, b, r, _, _ in edits]) != after:
                    return None
            where = format_path(path) if explain else ""
            out = []
            # an echo inside what another rule removed there says nothing more
            taken = [(a, b) for a, b, _, what, _ in edits if what != "echo"]
            inside_taken = _inside(taken) if len(taken) < len(edits) else None
            for start, end, _, what, _ in edits:
                if inside_taken is not None and what == "echo" and inside_taken(start, end):
                    continue
                text = before[start:end] if explain else ""
                if what.startswith(PAIR):
                    kind, rule = self._key_reason(what[len(PAIR) :], "the text's")
                    if explain:
                        filtered.append((where, text))
                elif what == "echo":
                    kind, rule = "echo", "echo of a value filtered by key"
                else:
                    kind, rule = self._detector_reason(what)
                out.append(Finding(where, kind, rule, (start, end), mask(kind, text) if explain else ""))
                if explain and what == "echo":
                    echoed[id(out[-1])] = text
            if len(out) > 1:
                out.sort(key=lambda finding: finding.span or (0, 0))
            return out

        findings = changes(
            trace.walked,
            trace.result,
            whole,
            string,
            "changed",
            detail=explain,
            key_string=key_string,
            speedups=speedups,
        )
        if echoed:
            origins: dict[str, str] = {}
            for where, value in [(format_path(p), v) for p, v in trace.origins] + filtered:
                for text in echo_values([value]):
                    origins.setdefault(text, where)
            for index, finding in enumerate(findings):
                origin = origins.get(echoed.get(id(finding), ""))
                if origin is not None:
                    findings[index] = replace(finding, rule=f"echo of a value filtered at {origin}")
        return findings

    def __repr__(self) -> str:
        detectors = ",".join(f.name for f in self.redactor.formats)
        return f"DefaultScrubber({self.matcher!r}, detectors={detectors}, send_default_pii={self.send_default_pii})"
