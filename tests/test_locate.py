"""The blob scan: every detector's `locate` flags every string its `find` matches in, at the
right index, whatever else the strings hold (non-ASCII, NUL, lone surrogates, long digit runs)."""

from __future__ import annotations

import json
import string
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard._scrubbers import default as default_module
from sentry_guard._scrubbers import scan as scan_module
from sentry_guard._scrubbers._format import Format
from sentry_guard._scrubbers.catalogue import CATALOGUE
from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.detectors import Redactor
from sentry_guard._scrubbers.keys import KeyMatcher
from sentry_guard._scrubbers.scan import PairKeys, Scanner
from sentry_guard._scrubbers.structure import find_pair_values, locate_pairs

from .strategies import benign, filler, secrets

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")

EVERY = Redactor([fmt.name for fmt in CATALOGUE])
#: every well-known token format, generated from the pattern the detector confirms it with
tokens = st.one_of(
    *(
        st.from_regex(fmt.pattern, fullmatch=True)
        for fmt in CATALOGUE
        if fmt.find is None and fmt.validate is None and fmt.group == 0
    )
)
#: characters the locators' views treat specially, and some that make the text non-ASCII
nasty = st.text(alphabet=string.digits + " -.:=@_'\"\t\nAIzaSGKyJ\x00\x01é€😀\ud800", max_size=40)
snippets = st.sampled_from(
    [
        "Bearer ",
        "bAsIc ",
        "TOKEN\t",
        "api-key ",
        "password=",
        "'secret': ",
        "-----BEGIN EC PRIVATE KEY-----\n",
        "0.",
        "::",
        "https://u:",
        "@db.internal",
        ":= ",
        " ?= ",
        "<password>",
        '("DB_PASSWORD", "',
        "--password ",
        "'token' => '",
        "00:1a:2b:3c:4d:5e",
        "+49 (30) 1234-5678",
    ]
)
pieces = st.one_of(secrets, tokens, benign, filler, nasty, snippets)
texts = st.lists(st.lists(pieces, max_size=6).map("".join), max_size=8)


@given(texts)
def test_locate_flags_every_string_a_detector_matches_in(strings: list[str]) -> None:
    """By text: a string repeated is scanned once, where it first stands."""
    blob = EVERY.blob(strings)
    candidates = EVERY.scanner.candidates(blob)
    for fmt in EVERY.formats:
        matched = {text for text in strings if list(fmt.finditer(text))}
        flagged = {blob.texts[i] for i in candidates.get(fmt, ())}
        assert matched <= flagged, fmt.name  # the compiled scan, or the pure one


@given(texts)
def test_locate_pairs_flags_every_string_with_a_sensitive_pair(strings: list[str]) -> None:
    matcher = KeyMatcher()
    matched = {text for text in strings if list(find_pair_values(text, matcher))}
    memo: PairKeys = (set(), set())
    blob = EVERY.blob(strings, memo)
    assert matched <= {blob.texts[i] for i in locate_pairs(blob, matcher, memo)}


@given(st.lists(st.text(), max_size=6), secrets, st.integers(0, 6))
def test_a_secret_is_found_at_its_index_among_any_strings(others: list[str], secret: str, at: int) -> None:
    """NUL, surrogates and non-ASCII in the other strings never shift or hide the index."""
    strings = [*others]
    strings.insert(min(at, len(strings)), f"value {secret} end")
    changed = DefaultScrubber().scrub_many(strings)
    assert f"value {secret} end" in changed


def test_strings_with_nul_scan_like_any_other() -> None:
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\x00pAIB\n-----END RSA PRIVATE KEY-----"
    event = {"extra": {"blob": "a\x00b\x00c", "key": key, "note": "mail jane@example.com"}}
    out = DefaultScrubber()(event, {})
    assert out["extra"] == {"blob": "a\x00b\x00c", "key": "[privatekey]", "note": "mail [email]"}


def test_decimal_numbers_are_not_cards() -> None:
    """A float's digits can pass Luhn; a card written after an amount is still a card."""
    scrub = DefaultScrubber().scrub_text
    for number in ("0.4111111111111111", "4111111111111111.5", "-0.5555555555554444", "12.4111111111111111"):
        assert scrub(number) == number
        assert scrub(f"ratio={number}") == f"ratio={number}"
    assert scrub("charged 12.50 4111 1111 1111 1111") == "charged 12.50 [creditcard]"
    assert scrub("card.4111111111111111") == "card.[creditcard]"
    assert scrub("ref 1 .4111111111111111") == "ref 1 .[creditcard]"


def test_a_quoted_value_with_a_nul_is_filtered_whole() -> None:
    assert DefaultScrubber().scrub_text('password="hun\x00ter2" ok') == 'password="[Filtered]" ok'


def test_shared_caches_are_safe_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """No thread ever sees a dirty string as clean or misses a sensitive key. Tiny bounds make
    every call clear or replace the shared caches while other threads read them."""
    monkeypatch.setattr(default_module, "CLEAN_ENTRIES", 8)
    monkeypatch.setattr(scan_module, "CLEAN_ENTRIES", 8)
    scrubber = DefaultScrubber()
    leaks: list[str] = []
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        for i in range(200):
            secret = f"hunter{worker}x{i}"
            card = ["4111 1111 1111 1111", "5555 5555 5555 4444"][i % 2]
            event = {
                "extra": {
                    "query": f"w{worker}k{i}=1&password={secret}&other{i}=2",
                    "note": f"order {i} paid with {card}",
                    "same": "benign text",
                }
            }
            try:
                out = scrubber(event, {})
            except Exception as error:  # a thread's exception would not fail the test by itself
                errors.append(error)
                continue
            leaks.extend(value for value in (secret, card) if value in json.dumps(out))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (leaks, errors) == ([], [])


def test_a_format_is_located_by_its_anchors_alone() -> None:
    """Formats are data: a new one is found through its anchors, with no code of its own."""
    fmt = Format(
        "test-zzq",
        "token",
        anchors=("zzq_", "qq.zz"),
        pattern=r"(?:zzq_|qq\.zz)[a-z]{8}",
        examples=(),
        counterexamples=(),
        source="test",
    )
    scanner = Scanner([fmt])
    strings = ["none here", "x zzq_abcdefgh y", "é qq.zzabcdefgh", "zzq_ short"]
    assert scanner.candidates(scanner.scan(strings, (set(), set()))) == {fmt: {1, 2, 3}}
    assert [list(fmt.finditer(s)) for s in strings] == [[], [(2, 14)], [(2, 15)], []]
