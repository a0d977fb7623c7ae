"""Which keys name sensitive data: names split into words, matched as words and phrases.

``db_password``, ``userPassword``, ``X-Api-Key`` and ``aws_secret_access_key`` match;
``author``, ``token_count``, ``session_length``, ``secretary_name`` and ``cache_key`` do
not. Relay and sentry-sdk match substrings or whole keys; words catch more and hit less.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .walk import FILTERED, Walker

__all__ = ["USER_IDENTITY", "KeyMatcher", "KeyScrubber", "split_words"]

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

#: words that make a key sensitive wherever they stand
_WORDS = frozenset(
    {
        # secrets (Relay's password rule, sentry-sdk's denylist, common cookie names)
        "password",
        "passwd",
        "pwd",
        "passphrase",
        "passcode",
        "secret",
        "secrets",
        "auth",
        "oauth",
        "authorization",
        "credential",
        "credentials",
        "creds",
        "cookie",
        "cookies",
        "csrf",
        "xsrf",
        "csrftoken",
        "xsrftoken",
        "csrfmiddlewaretoken",
        "sessionid",
        "phpsessid",
        "jsessionid",
        "sid",
        "symfony",
        "jwt",
        "bearer",
        "otp",
        "totp",
        "dsn",
        "signature",
        "sig",
        "apikey",
        "privatekey",
        "secretkey",
        "accesskey",
        "accesstoken",
        "refreshtoken",
        "authtoken",
        "cvv",
        "cvc",
        "cvn",
        "cvv2",
        "ssn",
        "iban",
        "cardnumber",
        "ccnumber",
        "ccnum",
        "creditcard",
        # personal data (user fields, network identity)
        "email",
        "emails",
        "phone",
        "telephone",
        "ip",
        "forwarded",
        "username",
        "surname",
        "birthdate",
        "birthday",
        "dob",
        "passport",
    }
)
#: stems that make a key sensitive even inside one lowercase word (``dbpassword``)
_STEMS = (
    "password",
    "passwd",
    "passphrase",
    "apikey",
    "privatekey",
    "accesstoken",
    "csrftoken",
    "xsrftoken",
    "sessionid",
    "authtoken",
    "refreshtoken",
    "clientsecret",
    "secretkey",
)
#: ``token`` is a secret, unless a measure follows it: ``token_count``, ``token_limit``
_TOKEN_MEASURES = frozenset(
    {
        "count",
        "counts",
        "length",
        "len",
        "limit",
        "limits",
        "usage",
        "type",
        "budget",
        "size",
        "total",
        "estimate",
        "index",
        "id",
    }
)
#: ``tokens`` (plural) usually counts things (``max_tokens``), unless these own them
_TOKEN_OWNERS = frozenset({"access", "refresh", "auth", "api", "bearer", "session", "id", "oauth"})
#: ``session`` is a secret when last or followed by these: ``session_id``, not ``session_length``
_SESSION_NEXT = frozenset({"id", "key", "token", "cookie", "secret", "data", "state"})
#: ``key`` is a secret after these: ``api_key``, ``secret_access_key``; not ``cache_key``
_KEY_QUALIFIERS = frozenset(
    {
        "api",
        "access",
        "secret",
        "private",
        "signing",
        "encryption",
        "master",
        "client",
        "app",
        "application",
        "auth",
        "ssh",
        "gpg",
        "pgp",
        "license",
        "session",
        "consumer",
        "service",
        "account",
        "storage",
        "shared",
        "webhook",
        "hmac",
        "jwt",
        "sentry",
        "stripe",
        "aws",
        "decryption",
        "crypto",
        "root",
    }
)
#: ``number`` is sensitive after these: ``card_number``, ``phone_number``
_NUMBER_QUALIFIERS = frozenset(
    {
        "card",
        "cc",
        "account",
        "phone",
        "mobile",
        "passport",
        "security",
        "tax",
        "routing",
        "iban",
        "ssn",
        "credit",
    }
)
_NAME_QUALIFIERS = frozenset(
    {"first", "last", "full", "given", "family", "middle", "maiden", "user", "legal"}
)
_ADDRESS_QUALIFIERS = frozenset(
    {
        "street",
        "billing",
        "shipping",
        "home",
        "postal",
        "mailing",
        "email",
        "mail",
        "ip",
        "remote",
        "physical",
        "residential",
        "delivery",
    }
)


#: every word `_builtin` reacts to, as a substring: a key containing none of them is benign
#: without splitting it (most keys; one C-level search instead of a split and a loop)
_TRIGGERS = (
    _WORDS
    | set(_STEMS)
    | {
        "token",
        "session",
        "key",
        "number",
        "no",
        "num",
        "card",
        "name",
        "address",
        "addr",
        "mail",
        "birth",
        "factor",
    }
)


def _trigger_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)))


def split_words(key: str) -> tuple[str, ...]:
    """Split a key into lowercase words: snake, kebab, camelCase, dots, spaces and digits."""
    return tuple(w.lower() for w in _WORD.findall(key))


def _builtin(words: tuple[str, ...]) -> bool:
    last = len(words) - 1
    for i, word in enumerate(words):
        if word in _WORDS:
            return True
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i < last else ""
        if word == "token":
            if nxt not in _TOKEN_MEASURES:
                return True
        elif word == "tokens":
            if prev in _TOKEN_OWNERS:
                return True
        elif word == "session":
            if not nxt or nxt in _SESSION_NEXT:
                return True
        elif word in ("key", "keys"):
            if prev in _KEY_QUALIFIERS:
                return True
        elif word in ("number", "no", "num"):
            if prev in _NUMBER_QUALIFIERS:
                return True
        elif word == "card":
            if prev in ("credit", "debit") or nxt in ("number", "no", "num", "cvc", "cvv", "pan"):
                return True
        elif word == "name":
            if prev in _NAME_QUALIFIERS:
                return True
        elif word in ("address", "addr"):
            if last == 0 or prev in _ADDRESS_QUALIFIERS:
                return True
        elif word == "mail":
            if prev == "e":
                return True
        elif word == "birth":
            if prev in ("of", "date") or nxt == "date":
                return True
        elif word == "factor":
            if prev == "two":
                return True
        elif any(stem in word for stem in _STEMS):
            return True
    return False


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


class KeyMatcher:
    """Decides whether a key names sensitive data; decisions are cached per key string.

    `extra` adds names (matched as phrases: ``order_notes`` also hits ``customerOrderNotes``);
    `safe` exempts exact names (after word splitting: ``token_type`` exempts ``tokenType``).
    """

    _MAX_CACHE = 65536

    def __init__(self, extra: Iterable[str] = (), safe: Iterable[str] = ()) -> None:
        self.extra = tuple(p for p in (split_words(e) for e in extra) if p)
        self.safe = frozenset(p for p in (split_words(s) for s in safe) if p)
        self._may_match = _trigger_pattern(_TRIGGERS.union(*self.extra)).search
        #: key -> decision; the walker reads it directly to skip a call per key
        self.decisions: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        """True when the value under `key` must be filtered."""
        decision = self.decisions.get(key)
        if decision is None:
            decision = self._decide(key)
            if len(self.decisions) >= self._MAX_CACHE:
                self.decisions.clear()
            self.decisions[key] = decision
        return decision

    def _decide(self, key: str) -> bool:
        if not self._may_match(key.lower()):
            return False
        words = split_words(key)
        if not words or words in self.safe:
            return False
        return _builtin(words) or any(_contains(words, phrase) for phrase in self.extra)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeyMatcher) and (self.extra, self.safe) == (other.extra, other.safe)

    def __hash__(self) -> int:
        return hash((self.extra, self.safe))

    def __repr__(self) -> str:
        return f"KeyMatcher(extra={[' '.join(p) for p in self.extra]}, safe={sorted(' '.join(p) for p in self.safe)})"


#: ``key=value`` inside text (query strings, form bodies, cookie headers, log lines): an ``=``
#: right after a key character. The key is the run of key characters before it (at most 128),
#: found with ``rstrip`` rather than a regex, which keeps a scan linear and cheap.
_EQUALS = re.compile(r"=(?<=[\w.\-\]]=)")
_KEY_CHARS = (
    "".join(map(chr, range(48, 58)))
    + "".join(map(chr, range(65, 91)))
    + "".join(map(chr, range(97, 123)))
    + "_.-[]"
)
_VALUE = re.compile(r"[^&;#\s\"'<>]*")
_MAX_KEY = 128
#: the clean-strings cache: how many, and how long a string may be to be remembered
_CLEAN_ENTRIES = 16384
_CLEAN_LENGTH = 2048


#: filtered values also removed where they reappear in text (a password echoed in a message)
_ECHO_MIN = 6
_ECHO_MAX_VALUES = 64


_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>\Z")


def _specific(value: str) -> bool:
    """Worth looking for elsewhere: long, not a short number, not an object's default repr."""
    if len(value) < _ECHO_MIN or value.strip() != value or FILTERED in value:
        return False
    if value.isdigit() and len(value) < 8:
        return False
    return not _OBJECT_REPR.match(value)


def _echoes(found: list[str]) -> re.Pattern[str] | None:
    """A pattern for the filtered values worth looking for elsewhere: long enough to be specific."""
    values = {v for v in found if _specific(v)}
    if not values:
        return None
    ordered = sorted(values, key=len, reverse=True)[:_ECHO_MAX_VALUES]
    return re.compile("|".join(map(re.escape, ordered)))


def _echo_rule(pattern: re.Pattern[str]) -> Callable[[str, str | None], str]:
    search, sub = pattern.search, pattern.sub

    def scrub(text: str, context: str | None) -> str:
        return sub(FILTERED, text) if search(text) else text

    return scrub


def _remember(clean: set[str], text: str) -> str:
    """Note `text` as clean (bounded: the cache is dropped when full) and return it."""
    if len(text) <= _CLEAN_LENGTH:
        if len(clean) >= _CLEAN_ENTRIES:
            clean.clear()
        clean.add(text)
    return text


#: top-level event parts that hold no user data (package lists, SDK metadata)
_SKIPPED_PARTS = frozenset({"modules", "sdk", "debug_meta"})
#: the `user` fields a team keeps with SENTRY_SEND_DEFAULT_PII=true
USER_IDENTITY = ("id", "username", "email", "ip_address")


class KeyScrubber:
    """Filters the value of every sensitive key, at any depth, and of ``key=value`` in text.

    A filtered value that reappears inside another string of the same payload (a password
    echoed in an exception message, a log body formatted from a sensitive parameter) is
    filtered there too, when it is at least 6 characters long.

    With `send_default_pii` off (the default) every `user` field is filtered too; with it on,
    the user identity fields and ``REMOTE_ADDR`` are kept where they are, and only there.
    """

    name = "keys"

    def __init__(
        self, extra: Iterable[str] = (), safe: Iterable[str] = (), *, send_default_pii: bool = False
    ) -> None:
        self.matcher = KeyMatcher(extra, safe)
        self.send_default_pii = send_default_pii
        #: strings known to hold no sensitive ``key=value``: skipped by the walker
        self.clean: set[str] = set()
        self.walker = Walker(self.matcher, self.scrub_text, clean=self.clean)

    def scrub_text(self, text: str, context: str | None = None) -> str:
        """Filter the values of sensitive ``key=value`` pairs in `text`."""
        if "=" not in text:
            return _remember(self.clean, text)
        matcher = self.matcher
        known = matcher.decisions.get
        cuts: list[tuple[int, int]] = []
        for match in _EQUALS.finditer(text):
            at = match.start()
            head = text[max(0, at - _MAX_KEY) : at]
            key = head[len(head.rstrip(_KEY_CHARS)) :]
            hit = known(key)
            if hit is None:
                hit = matcher(key)
            if hit:
                end = _VALUE.match(text, at + 1).end()  # type: ignore[union-attr]  # `*` always matches
                if end > at + 1 and text[at + 1 : end] != FILTERED:
                    cuts.append((at + 1, end))
        if not cuts:  # the common case: no sensitive key, no allocation
            return _remember(self.clean, text)
        pieces: list[str] = []
        last = 0
        for start, end in cuts:
            pieces += (text[last:start], FILTERED)
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    def __call__(self, event: dict[str, Any], hint: dict[str, Any], /) -> dict[str, Any]:
        kept = self._set_aside(event) if self.send_default_pii else None
        skipped = {k: event[k] for k in _SKIPPED_PARTS if k in event}
        if skipped:
            event = {k: v for k, v in event.items() if k not in skipped}
        found: list[str] = []
        result: dict[str, Any] = self.walker(event, found)
        echoes = _echoes(found)
        if echoes is not None:
            result = Walker(self.matcher, _echo_rule(echoes))(result)
        if skipped or kept:
            result = {**result, **skipped}
        if kept:
            self._put_back(result, kept)
        elif not self.send_default_pii and isinstance(result.get("user"), dict):
            result = {**result, "user": {k: FILTERED for k in result["user"]}}
        return result

    @staticmethod
    def _set_aside(event: dict[str, Any]) -> dict[tuple[str, ...], Any]:
        """Take out (of copies) the identity values the team opted into; walk the rest."""
        kept: dict[tuple[str, ...], Any] = {}
        user = event.get("user")
        if isinstance(user, dict):
            kept.update({("user", f): user[f] for f in USER_IDENTITY if f in user})
        env = event.get("request", {}).get("env") if isinstance(event.get("request"), dict) else None
        if isinstance(env, dict) and "REMOTE_ADDR" in env:
            kept[("request", "env", "REMOTE_ADDR")] = env["REMOTE_ADDR"]
        return kept

    def _put_back(self, result: dict[str, Any], kept: dict[tuple[str, ...], Any]) -> None:
        for path, value in kept.items():
            node = result
            for part in path[:-1]:
                node[part] = node = dict(node[part])
            node[path[-1]] = value

    def __repr__(self) -> str:
        return f"KeyScrubber({self.matcher!r}, send_default_pii={self.send_default_pii})"
