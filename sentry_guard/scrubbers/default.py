"""The built-in scrubber: key rules, structure inside strings and value detectors in one walk."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import Any, Optional

from .detectors import Blob, Mode, PairKeys, Redactor, parse_detectors, splice, uses_compiled_scanner
from .keys import KeyMatcher
from .structure import find_pair_values, locate_pairs, parse_structured
from .walk import FILTERED, Walker

__all__ = ["USER_IDENTITY", "DefaultScrubber"]

#: top-level event parts that hold no user data (package lists, SDK metadata)
_SKIPPED_PARTS = frozenset({"modules", "sdk", "debug_meta"})
#: the `user` fields a team keeps with SENTRY_SEND_DEFAULT_PII=true
USER_IDENTITY = ("id", "username", "email", "ip_address")
#: JSON text and reprs hold a bracket
_BRACKETS = (b"{", b"[")
#: the clean-strings cache: how many strings, and how many bytes of them, at most
_CLEAN_ENTRIES = 16384
_CLEAN_BYTES = 8 << 20
#: filtered values also removed where they reappear in text (a password echoed in a message)
_ECHO_MIN = 6
_ECHO_MAX_VALUES = 64
_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>\Z")


#: one change to a string: start, end, replacement, and the keys under which it does not hold
Edit = tuple[int, int, str, Optional[Callable[[Optional[str]], bool]]]


def _apply(text: str, edits: list[Edit], context: Optional[str]) -> str:
    """`text` with the edits that hold under its key `context` (a version is not an IP)."""
    spans = [(start, end, new) for start, end, new, skip in edits if skip is None or not skip(context)]
    return splice(text, spans) if spans else text


def _specific(value: str) -> bool:
    """Worth looking for elsewhere: long, not a short number, not an object's default repr."""
    if len(value) < _ECHO_MIN or value.strip() != value or FILTERED in value:
        return False
    if value.isdigit() and len(value) < 8:
        return False
    return not _OBJECT_REPR.match(value)


def _echo_rule(found: list[str]) -> Optional[Callable[[str, Optional[str]], str]]:
    """A string rule that filters the values found by key wherever else they appear."""
    values = sorted({v for v in found if _specific(v)}, key=len, reverse=True)[:_ECHO_MAX_VALUES]
    if not values:
        return None
    pattern = re.compile("|".join(map(re.escape, values)))

    def scrub(text: str, context: Optional[str]) -> str:
        return pattern.sub(FILTERED, text) if pattern.search(text) else text

    return scrub


#: ``%s``, ``%(name)s``, ``{}``, ``{0}``, ``{name}``, with the word before it
_PLACEHOLDER = re.compile(
    r"([\w.-]+)?[\s:=]*(?:%\((\w+)\)[sdrifx]|%[sdrifx]|\{(\w*)(?:![rsa])?(?::[^}]*)?\})"
)


def _attribute_value(value: Any) -> Any:
    """Log attributes are plain values, or ``{"type": ..., "value": ...}`` once serialised."""
    return value.get("value") if isinstance(value, dict) and "value" in value else value


def _sensitive_placeholders(template: Any, is_sensitive: Callable[[str], bool]) -> list[Any]:
    """Which placeholders of a log template hold sensitive values: by name, else by the word
    before them. Positional ones are numbered from 0 in order; named ones by their name."""
    if not isinstance(template, str) or ("%" not in template and "{" not in template):
        return []
    sensitive: list[Any] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        word, percent_name, brace_name = match.groups()
        name = percent_name or brace_name or None
        key: Any = name if name is not None and not name.isdigit() else (int(name) if name else position)
        if name is None or name.isdigit():
            position += 1
        label = name if name and not name.isdigit() else word
        if label and is_sensitive(label):
            sensitive.append(key)
    return sensitive


class DefaultScrubber:
    """What `configure()` runs first: every sensitive key's value, and every detected value.

    One walk over the payload: a dict key the `KeyMatcher` flags loses its whole value; every
    string is parsed for structure (JSON text, ``repr`` of dicts, ``key=value`` and
    ``key: value`` phrases) so the key rule applies inside it too; then the detectors
    (emails, cards, IBANs, IPs, JWTs, tokens, ...) replace only what they match. A value
    filtered by key that reappears elsewhere in the payload (a password echoed in a message)
    is filtered there too. With `send_default_pii` off every `user` field is filtered; with it
    on, the user identity fields and ``REMOTE_ADDR`` stay where they are, and only there.
    """

    name = "default"

    def __init__(
        self,
        extra_keys: Iterable[str] = (),
        safe_keys: Iterable[str] = (),
        *,
        detectors: Optional[Iterable[str]] = None,
        modes: Iterable[tuple[str, Mode]] = (),
        hash_key: Optional[bytes] = None,
        send_default_pii: bool = False,
    ) -> None:
        self.matcher = KeyMatcher(extra_keys, safe_keys)
        names = parse_detectors(("default",) if detectors is None else tuple(detectors))
        self.redactor = Redactor(names, modes, hash_key)
        self.send_default_pii = send_default_pii
        #: strings known to need no change: the walker skips them without a call
        self.clean: set[str] = set()
        self._clean_size = 0
        #: pair-rule decisions by key (see `locate_pairs`)
        self._pair_keys: PairKeys = (set(), set())
        #: whether this scrubber uses the compiled scanner (decided once, like its walkers)
        self._compiled = uses_compiled_scanner()
        self.walker = Walker(self.matcher, self.scrub_text, clean=self.clean)

    def scrub_text(self, text: str, context: Optional[str] = None) -> str:
        """One string: structure (so keys apply inside it), then the detectors."""
        edits = self.scrub_many([text]).get(text)
        return text if edits is None else _apply(text, edits, context)

    def scrub_many(self, texts: list[str]) -> dict[str, list[Edit]]:
        """What to change in each of many strings, by string; clean strings are left out.

        The strings are joined into one `Blob`: structure, the pair rule and each detector
        find their few candidate strings in a handful of C-speed passes over all of them,
        and run on those alone. JSON text and reprs are walked like the payload and written
        back whole. An edit may hold only under some keys (see `Detector.skip`): `_apply`
        decides, where the key is known. Strings with no edit are remembered as clean.
        """
        if len(self._pair_keys[0]) > _CLEAN_ENTRIES:
            self._pair_keys = (set(), set())
        blob = Blob(texts, self._pair_keys, compiled=self._compiled)
        edits: dict[int, list[Edit]] = {}
        structured: set[int] = set()
        brackets = blob.containing(_BRACKETS) if blob.features is None else blob.features["bracket"]
        for index in brackets:
            parsed = parse_structured(texts[index])
            if parsed is not None:
                structured.add(index)
                value, dump = parsed
                new = self.walker(value)
                if new is not value:
                    edits[index] = [(0, len(texts[index]), dump(new), None)]
        for index in locate_pairs(blob, self.matcher, self._pair_keys) - structured:
            spans: list[Edit] = [
                (start, end, FILTERED, None) for start, end in find_pair_values(texts[index], self.matcher)
            ]
            if spans:
                edits[index] = spans
        for detector, index, start, end in self.redactor.scan(blob):
            if index not in structured:
                replacement = self.redactor.replacement(detector, texts[index][start:end])
                edits.setdefault(index, []).append((start, end, replacement, detector.skip))
        self._remember_all(texts, edits.keys(), len(blob.data))
        return {texts[index]: found for index, found in edits.items()}

    def _remember_all(self, texts: list[str], except_at: Collection[int], size: int) -> None:
        """Note every text but those at `except_at` as clean (bounded in count and size)."""
        clean = self.clean
        if len(clean) + len(texts) > _CLEAN_ENTRIES or self._clean_size + size > _CLEAN_BYTES:
            clean.clear()
            self._clean_size = 0
        if size > _CLEAN_BYTES:
            return
        self._clean_size += size
        # one update with only clean strings: another thread reading the cache meanwhile
        # must never see a string that still needs scrubbing
        clean.update([t for i, t in enumerate(texts) if i not in except_at] if except_at else texts)

    def __call__(self, event: dict[str, Any], hint: dict[str, Any], /) -> dict[str, Any]:
        kept = self._set_aside(event) if self.send_default_pii else None
        skipped = {k: event[k] for k in _SKIPPED_PARTS if k in event}
        if skipped:
            event = {k: v for k, v in event.items() if k not in skipped}
        # 1. keys, and the strings to look at
        found: list[str] = []
        pending: list[str] = []
        event = self._template_parameters(event, found)
        result: dict[str, Any] = self.walker(event, found, pending)
        # 2. every pending string at once; 3. put the changes in, where their key allows
        # (the clean strings are now in `self.clean`: the walk passes them without a call)
        if pending:
            changed = self.scrub_many(pending)
            if changed:

                def rewrite(text: str, context: Optional[str]) -> str:
                    edits = changed.get(text)
                    return text if edits is None else _apply(text, edits, context)

                result = Walker(self.matcher, rewrite, clean=self.clean)(result)
        echo = _echo_rule(found)
        if echo is not None:
            result = Walker(self.matcher, echo)(result)
        if skipped or kept:
            result = {**result, **skipped}
        if kept:
            self._put_back(result, kept)
        elif not self.send_default_pii and isinstance(result.get("user"), dict):
            result = {**result, "user": {k: FILTERED for k in result["user"]}}
        return result

    def _template_parameters(self, event: dict[str, Any], found: list[str]) -> dict[str, Any]:
        """Parameters of a log template are named by the text before them (``password %s``):
        a sensitive one is filtered, and the echo pass removes it from the formatted message."""
        logentry = event.get("logentry")
        if isinstance(logentry, dict) and isinstance(logentry.get("params"), list):
            sensitive = _sensitive_placeholders(logentry.get("message"), self.matcher)
            if sensitive:
                params = list(logentry["params"])
                for index in sensitive:
                    if isinstance(index, int) and index < len(params):
                        found.append(str(params[index]))
                        params[index] = FILTERED
                event = {**event, "logentry": {**logentry, "params": params}}
        attributes = event.get("attributes")
        if isinstance(attributes, dict) and "sentry.message.template" in attributes:
            sensitive = _sensitive_placeholders(
                _attribute_value(attributes["sentry.message.template"]), self.matcher
            )
            if sensitive:
                attributes = dict(attributes)
                for key in sensitive:
                    name = f"sentry.message.parameter.{key}"
                    if name in attributes:
                        found.append(str(_attribute_value(attributes[name])))
                        attributes[name] = FILTERED
                event = {**event, "attributes": attributes}
        return event

    @staticmethod
    def _set_aside(event: dict[str, Any]) -> dict[tuple[str, ...], Any]:
        """The identity values the team opted into, by path (restored after the walk)."""
        kept: dict[tuple[str, ...], Any] = {}
        user = event.get("user")
        if isinstance(user, dict):
            kept.update({("user", f): user[f] for f in USER_IDENTITY if f in user})
        env = event.get("request", {}).get("env") if isinstance(event.get("request"), dict) else None
        if isinstance(env, dict) and "REMOTE_ADDR" in env:
            kept[("request", "env", "REMOTE_ADDR")] = env["REMOTE_ADDR"]
        return kept

    @staticmethod
    def _put_back(result: dict[str, Any], kept: dict[tuple[str, ...], Any]) -> None:
        for path, value in kept.items():
            node = result
            for part in path[:-1]:
                node[part] = node = dict(node[part])
            node[path[-1]] = value

    def __repr__(self) -> str:
        detectors = ",".join(d.name for d in self.redactor.detectors)
        return f"DefaultScrubber({self.matcher!r}, detectors={detectors}, send_default_pii={self.send_default_pii})"
