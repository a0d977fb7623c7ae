"""Rules that overlap: a key rule's value that holds a detector's match, two detectors side by
side, a detector's match inside structure inside a string. Whatever rule wins, no part of
any secret may survive."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.default import DefaultScrubber
from tests.strategies import aws_keys, cards, emails, github_tokens, ibans, ipv4s, jwts, secrets, ssns

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
GHP = "ghp_R3aLt0kenAbCdEfGhIjKlMnOpQrStUvWx1234"
AWS = "AKIAQ4EXAMPLE7JX2Z9Q"
PEM_BODY = "MIIEpAIBAAKCAQEA7bq98Yx2QkVbGm3uTzYQqL0wG5mJ8n2Xk4pR1sTt6uVv9wYyZ"
PEM = f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n{PEM_BODY[::-1]}\n-----END RSA PRIVATE KEY-----"
CARD = "4111 1111 1111 1111"
IBAN = "DE89370400440532013000"
IBAN_GROUPED = "DE89 3704 0044 0532 0130 00"
EMAIL = "alice.smith@example.org"

#: (text, the secrets none of which may survive, even in part)
CASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "password then card": ("password=Summer67 4111 1111 1111 1111", ("Summer67", CARD, "4111")),
    "password then card, colon": ("password: Summer67 4111 1111 1111 1111", ("Summer67", "4111")),
    "secret glued to a PEM block": (f"secret=x{PEM}", (PEM_BODY, PEM_BODY[::-1])),
    "secret then a PEM block": (f"secret= {PEM}", (PEM_BODY, PEM_BODY[::-1])),
    "PEM block with a password inside": (
        f"-----BEGIN ENCRYPTED PRIVATE KEY-----\npassword={PEM_BODY}\n-----END ENCRYPTED PRIVATE KEY-----",
        (PEM_BODY,),
    ),
    "JWT in a URL query under a sensitive key": (
        f"https://api.example.com/callback?access_token={JWT}&state=xyz",
        (JWT, JWT.split(".")[2]),
    ),
    "JWT in a URL query under a benign key": (
        f"https://api.example.com/callback?next={JWT}&state=xyz",
        (JWT.split(".")[1], JWT.split(".")[2]),
    ),
    "JWT in a URL fragment": (f"https://app.example.com/#id_token={JWT}", (JWT.split(".")[2],)),
    "email as userinfo of a URL with a password": (
        "postgres://alice.smith%40example.org:Hunter2Pass99@db.example.com:5432/app",
        ("Hunter2Pass99",),
    ),
    "email inside a URL with credentials": (
        f"https://user:Hunter2Pass99@example.com/profile?email={EMAIL}",
        ("Hunter2Pass99", EMAIL),
    ),
    "email as the user of a URL": (f"ftp://{EMAIL}:Hunter2Pass99@files.example.com/", ("Hunter2Pass99",)),
    "token in a quoted JSON value in a repr": (
        repr({"body": json.dumps({"access_token": GHP, "user": "bob"})}),
        (GHP,),
    ),
    "token in JSON in a repr under a benign key": (
        repr({"body": json.dumps({"note": f"use {GHP} now"})}),
        (GHP,),
    ),
    "card in a JSON string in JSON": (
        json.dumps({"payload": json.dumps({"comment": f"card {CARD}"})}),
        ("4111 1111",),
    ),
    "IBAN next to a card": (f"{IBAN} {CARD.replace(' ', '')}", (IBAN, "4111111111111111")),
    "IBAN grouped next to a card grouped": (f"{IBAN_GROUPED} {CARD}", ("3704 0044", "4111 1111")),
    "card then IBAN, comma": (f"{CARD.replace(' ', '')},{IBAN}", ("4111111111111111", IBAN)),
    "email then IP": (f"{EMAIL} 81.2.69.160", (EMAIL, "81.2.69.160")),
    "email in a pair": (f"email={EMAIL};ip=81.2.69.160", (EMAIL, "81.2.69.160")),
    "AWS key after Bearer": (f"Authorization: Bearer {AWS}", (AWS,)),
    "AWS key and secret on one line": (
        f"aws_access_key_id={AWS} aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        (AWS, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ),
    "flags on a command line": (f"deploy --password Hunt3r2pw --token {GHP}", ("Hunt3r2pw", GHP)),
    "XML element then a token": (f"<password>Hunt3r2pw</password>{GHP}", ("Hunt3r2pw", GHP)),
    "call with a key then a card": (
        f'os.environ.setdefault("DB_PASSWORD", "Hunt3r2pw") # {CARD}',
        ("Hunt3r2pw", "4111"),
    ),
    "walrus with an email": (f'password := "Hunt3r2pw" + "{EMAIL}"', ("Hunt3r2pw", EMAIL)),
    "php arrow": (f"'password' => 'Hunt3r2pw', 'card' => '{CARD}'", ("Hunt3r2pw", "4111")),
    "SSN next to a card": (f"ssn 078-05-1120 card {CARD}", ("078-05-1120", "4111")),
    "basic auth header then email": (
        f"Authorization: Basic YWxpY2U6SHVudGVyMlBhc3M5OQ== from {EMAIL}",
        ("YWxpY2U6SHVudGVyMlBhc3M5OQ==", EMAIL),
    ),
    "cookie header": (
        f"Cookie: sessionid=Sess10n-77aa; csrftoken=Csrf-91bb; email={EMAIL}",
        ("Sess10n-77aa", "Csrf-91bb", EMAIL),
    ),
    "password with a tab before =": ("password\t=Hunt3r2pw", ("Hunt3r2pw",)),
    "password with a tab before :": ("password\t: Hunt3r2pw", ("Hunt3r2pw",)),
    "call with blanks before the comma": ('setenv("PASSWORD"          , "Hunt3r2pw")', ("Hunt3r2pw",)),
    "SSN after a card, joined by a colon": (
        "4111111111111111:078-05-1120",
        ("4111111111111111", "078-05-1120"),
    ),
    "13-digit card after a number": ("qty 1 4222222222222", ("4222222222222",)),
    "13-digit card before a number": ("4000000000006 12", ("4000000000006",)),
    "13-digit card after a token": (f"{GHP[:-4]}0001 4000000000006", ("4000000000006",)),
    "IP after a token that ends in V": (f"{AWS[:-1]}V 81.2.69.160", (AWS[:-1] + "V", "81.2.69.160")),
}

_SCRUBBERS: dict[str, DefaultScrubber] = {}


def scrubber(implementation: str) -> DefaultScrubber:
    if implementation not in _SCRUBBERS:
        assert (compiled.SPEEDUPS is None) == (implementation == "python")
        _SCRUBBERS[implementation] = DefaultScrubber()
    return _SCRUBBERS[implementation]


def _survivors(output: Any, needles: tuple[str, ...]) -> list[str]:
    text = json.dumps(output, ensure_ascii=False) if not isinstance(output, str) else output
    escaped = json.dumps(output) if not isinstance(output, str) else output
    return [n for n in needles if n in text or n in escaped or json.dumps(n)[1:-1] in escaped]


def _check(implementation: str, text: str, needles: tuple[str, ...]) -> None:
    s = scrubber(implementation)
    assert _survivors(s.scrub_text(text), needles) == [], s.scrub_text(text)
    event = {"message": text, "extra": {"note": text}, "breadcrumbs": {"values": [{"message": text}]}}
    assert _survivors(s(event, {}), needles) == []


@pytest.mark.parametrize(
    "case",
    [pytest.param(name, id=name) for name in CASES],
)
def test_overlapping_rules(case: str, implementation: str) -> None:
    _check(implementation, *CASES[case])


# -- generated: 2 or 3 secrets, random separators, a sensitive key before them or not ----------

SEPARATORS = st.sampled_from([" ", "  ", "=", ":", ": ", '"', "'", ", ", ";", "\n", "\t", " | ", "&", "/"])
KEYS = st.sampled_from(
    ["", "password=", "token: ", 'api_key="', "secret := ", "Authorization: Bearer ", "--password ", "note: "]
)
#: a secret that ends or starts in a letter or digit is glued to its neighbour with no
#: separator: a detector then cannot tell where it ends (``4111...1111ghp_...``), so glued
#: pairs are drawn only where the junction is punctuation on one side
SECRET = st.one_of(
    cards(),
    ibans(),
    emails,
    jwts,
    aws_keys,
    github_tokens,
    ipv4s,
    ssns,
).filter(lambda v: v[-1] not in "vV")


def _glue_ok(left: str, right: str) -> bool:
    return not (left[-1].isalnum() and right[0].isalnum())


def _joins_numbers(left: str, sep: str, right: str) -> bool:
    """``4111...1111:078-05-1120``: digits joined by ``:`` or ``/`` read as one number (a time,
    a date, a ratio); the detectors refuse such a number on purpose (pinned below)."""
    return sep in (":", "/") and left[-1].isdigit() and right[0].isdigit()


@st.composite
def secret_runs(draw: st.DrawFn) -> tuple[str, list[str]]:
    values = draw(st.lists(SECRET, min_size=2, max_size=3))
    text = draw(KEYS)
    for i, value in enumerate(values):
        if i:
            sep = draw(st.one_of(SEPARATORS, st.just("")))
            if (sep == "" and not _glue_ok(values[i - 1], value)) or _joins_numbers(
                values[i - 1], sep, value
            ):
                sep = " "
            text += sep
        text += value
    return text, values


def _pieces(secret: str) -> tuple[str, ...]:
    """The secret, and its parts a reader could still use (a grouped number's groups joined)."""
    return (secret,)


@settings(max_examples=300)
@given(run=secret_runs())
def test_no_secret_of_a_run_survives(implementation: str, run: tuple[str, list[str]]) -> None:
    text, values = run
    s = scrubber(implementation)
    out = s.scrub_text(text)
    assert [v for v in values if v in out] == [], (text, out)
    event = {"message": text, "extra": {"note": text, "nested": {"list": [text]}}}
    scrubbed = json.dumps(s(event, {}), ensure_ascii=False)
    assert [v for v in values if v in scrubbed or json.dumps(v)[1:-1] in scrubbed] == [], (text, scrubbed)


@settings(max_examples=60)
@given(secret=secrets, sep=SEPARATORS, key=KEYS)
def test_a_secret_in_structure_in_a_string(implementation: str, secret: str, sep: str, key: str) -> None:
    """The same runs inside JSON text and a repr (values the structure rule rewrites whole)."""
    text = f"{key}{secret}"
    s = scrubber(implementation)
    for wrapped in (json.dumps({"a": text, "b": [text]}), repr({"a": text, "password": "x" + sep})):
        out = s.scrub_text(wrapped)
        assert secret not in out and json.dumps(secret)[1:-1] not in out, (wrapped, out)
