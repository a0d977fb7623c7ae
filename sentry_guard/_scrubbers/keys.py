"""Which keys name sensitive data: names split into words, matched as words and phrases.

``db_password``, ``userPassword``, ``X-Api-Key`` and ``aws_secret_access_key`` match;
``author``, ``token_count``, ``session_length``, ``secretary_name`` and ``cache_key`` do
not. Relay and sentry-sdk match substrings or whole keys; words catch more and hit less.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .catalogue import CATALOGUE

__all__ = ["KeyMatcher", "split_words"]

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
_STEM = re.compile("|".join(_STEMS)).search
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
        "for",
    }
)


def _trigger_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)))


def split_words(key: str) -> tuple[str, ...]:
    """Split a key into lowercase words: snake, kebab, camelCase, dots, spaces and digits."""
    return tuple(w.lower() for w in _WORD.findall(key))


#: ``public_key``, ``PublicKeyToken`` (.NET assembly names), ``publishable_key``: public by name
_PUBLIC = frozenset({"public", "publishable", "pub"})


def _builtin(words: tuple[str, ...]) -> str | None:
    """The rule's own words that make `words` a sensitive key (``password``, ``api_key``),
    or None: only vocabulary, never the key's text, so it can be shown and counted."""
    last = len(words) - 1
    public = False  # the words since "public" name a public key
    for i, word in enumerate(words):
        if word in _PUBLIC:
            public = True
            continue
        if public and word in ("key", "keys", "token"):
            continue
        public = False
        if word in _WORDS:
            return word
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i < last else ""
        if word == "token":
            if nxt not in _TOKEN_MEASURES:
                return word
        elif word == "tokens":
            if prev in _TOKEN_OWNERS:
                return f"{prev}_{word}"
        elif word == "session":
            if not nxt or nxt in _SESSION_NEXT:
                return f"{word}_{nxt}" if nxt else word
        elif word in ("key", "keys"):
            if prev in _KEY_QUALIFIERS:
                return f"{prev}_{word}"
        elif word in ("number", "no", "num"):
            if prev in _NUMBER_QUALIFIERS:
                return f"{prev}_{word}"
        elif word == "card":
            if prev in ("credit", "debit"):
                return f"{prev}_{word}"
            if nxt in ("number", "no", "num", "cvc", "cvv", "pan"):
                return f"{word}_{nxt}"
        elif word == "name":
            if prev in _NAME_QUALIFIERS:
                return f"{prev}_{word}"
        elif word in ("address", "addr"):
            if last == 0:
                return word
            if prev in _ADDRESS_QUALIFIERS:
                return f"{prev}_{word}"
        elif word == "mail":
            if prev == "e":
                return "e_mail"
        elif word == "birth":
            if prev in ("of", "date"):
                return f"{prev}_{word}"
            if nxt == "date":
                return f"{word}_{nxt}"
        elif word == "factor":
            if prev == "two":
                return "two_factor"
        elif word == "for":  # X-Forwarded-For, X-Original-For: the end user's address
            if prev in ("forwarded", "original"):
                return f"{prev}_{word}"
        else:
            stem = _STEM(word)
            if stem is not None:
                return stem.group()
    return None


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


#: what a detector leaves in place of a value: ``[email]``, ``[creditcard:3f9a0c12be77]``
#: (not glued to a name before it: ``user[email]`` and ``data[user][email]`` are form fields)
_MARKER_IN = re.compile(r"(?<![\w\]])\[([a-z]+)(?::[0-9a-f]{12})?\]")
#: the kinds a detector's marker may name
_MARKER_KINDS = frozenset(fmt.kind for fmt in CATALOGUE)


def _unmarked(key: str) -> list[str]:
    """The parts of `key` between detectors' markers, each read on its own: a key scrubbed
    for content (``contact [email]``, ``[email] (2)``) is judged by the words it kept, never
    by a marker's word, nor by words the marker stood between (``api [email] key`` is not
    ``api_key``); else a second scrub would filter what the first one kept."""
    if "[" not in key:
        return [key]
    parts: list[str] = []
    last = 0
    for match in _MARKER_IN.finditer(key):
        if match.group(1) in _MARKER_KINDS:
            parts.append(key[last : match.start()])
            last = match.end()
    parts.append(key[last:])
    return parts


class KeyMatcher:
    """Decides whether a key names sensitive data; decisions are cached per key string.

    `extra` adds names (matched as phrases: ``order_notes`` also hits ``customerOrderNotes``);
    `safe` exempts exact names (after word splitting: ``token_type`` exempts ``tokenType``).
    A key that holds none of the `triggers` (as a substring, in any case) is benign without
    more ado; the compiled walker uses them to judge most new keys without a call.
    """

    #: decisions kept: at most this many keys, each at most this long (bounded in bytes)
    MAX_CACHED = 32768
    MAX_CACHED_KEY = 128

    def __init__(self, extra: Iterable[str] = (), safe: Iterable[str] = ()) -> None:
        self.extra = tuple(p for p in (split_words(e) for e in extra) if p)
        self.safe = frozenset(p for p in (split_words(s) for s in safe) if p)
        #: the words every sensitive key holds one of (lower case, ASCII)
        self.triggers = frozenset(_TRIGGERS.union(*self.extra))
        self._may_match = _trigger_pattern(self.triggers).search
        #: key -> decision; the walker reads it directly to skip a call per key
        self.decisions: dict[str, bool] = {}
        #: key -> the rule's word, for the sensitive keys decided here (bounded like `decisions`)
        self._words: dict[str, str] = {}
        self._tables: dict[int, Any] = {}
        #: a word the compiled split does not read (longer than 64, or a number: ``1234`` in
        #: `extra`; it skips digit runs) leaves the compiled walker no shortcut
        self._no_shortcut = any(len(t) > 64 or t.isdigit() for t in self.triggers)

    def trigger_table(self, speedups: Any) -> Any:
        """The `triggers` and stems compiled for the compiled walker and scanner (built once)."""
        if self._no_shortcut:
            return None
        table = self._tables.get(id(speedups))
        if table is None:
            words = sorted(t.encode("ascii") for t in self.triggers)
            table = speedups.compile_key_words(words, [stem.encode("ascii") for stem in _STEMS])
            self._tables = {id(speedups): table}
        return table

    def __call__(self, key: str) -> bool:
        """True when the value under `key` must be filtered."""
        decision = self.decisions.get(key)
        if decision is None:
            word = self._why(key)
            decision = word is not None
            if len(key) <= self.MAX_CACHED_KEY:
                if len(self.decisions) >= self.MAX_CACHED:
                    self.decisions.clear()
                self.decisions[key] = decision
                if word is not None:
                    if len(self._words) >= self.MAX_CACHED:
                        self._words.clear()
                    self._words[key] = word
        return decision

    def _why(self, key: str) -> str | None:
        """The rule's word that makes `key` sensitive (see `reason`), or None: the key rule
        itself, uncached."""
        if not self._may_match(key.lower()):
            return None
        parts = _unmarked(key)
        if len(parts) > 1:
            return next((word for word in map(self._why, parts) if word is not None), None)
        words = split_words(key)
        if not words or words in self.safe:
            return None
        found = _builtin(words)
        if found is None:
            found = next(("_".join(p) for p in self.extra if _contains(words, p)), None)
        return found

    def reason(self, key: str) -> str | None:
        """Why the value under `key` is filtered: the rule's word or phrase it holds
        (``password``, ``api_key``, a phrase from `extra`), or None when it is not. Only
        the rule's own words come back, never the key's text. (Kept from the decision when
        the key was judged here: a scrub's summary asks for the keys its walk filtered.)"""
        word = self._words.get(key)
        if word is not None or not self(key):
            return word
        return self._words.get(key) or self._why(key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeyMatcher) and (self.extra, self.safe) == (other.extra, other.safe)

    def __hash__(self) -> int:
        return hash((self.extra, self.safe))

    def __repr__(self) -> str:
        return f"KeyMatcher(extra={[' '.join(p) for p in self.extra]}, safe={sorted(' '.join(p) for p in self.safe)})"
