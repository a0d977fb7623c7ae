"""Hypothesis strategies for secrets that really validate (Luhn, mod 97, JWT) and for benign look-alikes."""

from __future__ import annotations

import base64
import json
import re
import string
from typing import Any

from hypothesis import strategies as st

from sentry_guard._scrubbers.payments import luhn_valid


def _luhn_complete(prefix_and_body: str) -> str:
    for digit in "0123456789":
        if luhn_valid(prefix_and_body + digit):
            return prefix_and_body + digit
    raise AssertionError("unreachable")


@st.composite
def cards(draw: st.DrawFn) -> str:
    """Valid card numbers of the major brands, plain or grouped by 4 with spaces or dashes."""
    prefix, length = draw(
        st.sampled_from(
            [
                ("4", 16),
                ("51", 16),
                ("55", 16),
                ("2221", 16),
                ("2720", 16),
                ("34", 15),
                ("37", 15),
                ("6011", 16),
                ("65", 16),
                ("3528", 16),
                ("3589", 16),
                ("62", 16),
                ("4", 13),
            ]
        )
    )
    body = draw(
        st.text(alphabet=string.digits, min_size=length - len(prefix) - 1, max_size=length - len(prefix) - 1)
    )
    number = _luhn_complete(prefix + body)
    separator = draw(st.sampled_from(["", " ", "-"]))
    if separator and length == 16:
        number = separator.join(number[i : i + 4] for i in range(0, 16, 4))
    return number


_IBAN_FORMATS = {"DE": 18, "GB": None, "FR": 23, "NL": None, "ES": 20, "IT": None, "CH": 17}


@st.composite
def ibans(draw: st.DrawFn) -> str:
    """Valid IBANs (check digits computed), compact or in groups of four."""
    country = draw(st.sampled_from(["DE", "FR", "ES", "CH", "AT", "BE", "PL"]))
    bban_length = {"DE": 18, "FR": 23, "ES": 20, "CH": 17, "AT": 16, "BE": 12, "PL": 24}[country]
    bban = draw(st.text(alphabet=string.digits, min_size=bban_length, max_size=bban_length))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    iban = f"{country}{check:02d}{bban}"
    if draw(st.booleans()):
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


emails = st.builds(
    lambda user, domain, tld: f"{user}@{domain}.{tld}",
    st.text(alphabet=string.ascii_lowercase + string.digits + "._+-", min_size=1, max_size=20).filter(
        lambda u: u[0].isalnum() and u[-1].isalnum() and ".." not in u
    ),
    st.text(alphabet=string.ascii_lowercase + string.digits, min_size=2, max_size=12),
    st.sampled_from(["com", "org", "io", "de", "co.uk", "example"]),
)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


jwts = st.builds(
    lambda alg, sub, sig: ".".join(
        [
            _b64(json.dumps({"alg": alg, "typ": "JWT"}).encode()),
            _b64(json.dumps({"sub": sub}).encode()),
            _b64(sig),
        ]
    ),
    st.sampled_from(["HS256", "RS256", "ES256", "none"]),
    st.text(min_size=1, max_size=20),
    st.binary(min_size=16, max_size=64),
)

aws_keys = st.builds(
    lambda p, b: p + b,
    st.sampled_from(["AKIA", "ASIA"]),
    st.text(alphabet=string.ascii_uppercase + string.digits, min_size=16, max_size=16).filter(
        lambda b: len(set(b)) > 1
    ),
)
#: (a body of one character repeated is a template's placeholder, not a token: left alone)
github_tokens = st.builds(
    lambda p, b: p + b,
    st.sampled_from(["ghp_", "gho_", "ghs_"]),
    st.text(alphabet=string.ascii_letters + string.digits, min_size=36, max_size=36).filter(
        lambda b: len(set(b)) > 1
    ),
)
#: addresses that may be a person's: the machine's own (loopback, unspecified, link-local) are
#: not, nor is a network's x.y.0.0 (which is also how a version reads: 4.0.0.0)
ipv4s = (
    st.ip_addresses(v=4)
    .filter(lambda ip: not (ip.is_loopback or ip.is_unspecified or ip.is_link_local))
    .map(str)
    .filter(lambda ip: not ip.endswith(".0.0"))
)
ssns = st.builds(
    lambda a, g, s: f"{a:03d}-{g:02d}-{s:04d}",
    st.integers(1, 899).filter(lambda a: a != 666),
    st.integers(1, 99),
    st.integers(1, 9999),
)

secrets = st.one_of(cards(), ibans(), emails, jwts, aws_keys, github_tokens, ipv4s, ssns)

uuids = st.uuids().map(str)
shas = st.binary(min_size=20, max_size=20).map(lambda b: b.hex())
timestamps = st.datetimes().map(lambda d: d.isoformat() + "Z")
versions = st.tuples(st.integers(0, 40), st.integers(0, 99), st.integers(0, 300)).map(
    lambda t: "{}.{}.{}".format(*t)
)
benign = st.one_of(uuids, shas, timestamps, versions)

#: filler text around planted values: words and punctuation, no digits
filler = st.text(alphabet=string.ascii_letters + " ,;()/'\"", max_size=30)


# -- random events: secrets and look-alikes in text, under sensitive and benign keys ---------------

SENSITIVE_KEYS = [
    "password",
    "api_key",
    "X-Api-Key",
    "sessionid",
    "token",
    "db_password",
    "email",
    "Authorization",
]
BENIGN_KEYS = [
    "name",
    "status",
    "url",
    "data",
    "message",
    "value",
    "items",
    "headers",
    "token_count",
    "author",
]


class Text(str):
    """A ``str`` subclass (Django's SafeString, StrEnum values and lazy strings are such)."""


keys = st.sampled_from(SENSITIVE_KEYS + BENIGN_KEYS)
pieces = st.one_of(
    secrets, benign, filler, st.sampled_from(["=", ": ", "&", " ", "\n", '"', "'", "--", "{", "}"])
)


@st.composite
def texts(draw: st.DrawFn) -> Any:
    parts = [p for p in draw(st.lists(pieces, max_size=5)) if p]
    if draw(st.booleans()):
        parts.insert(0, draw(keys) + draw(st.sampled_from(["=", ": ", " := ", '="', "--", " => ", ">"])))
    text = ""
    for part in parts:
        # two values glued letter to letter cannot be told apart (pinned below for the
        # idempotence they break): a blank between them
        text += (" " if text and text[-1].isalnum() and part[0].isalnum() else "") + part
    return Text(text) if draw(st.integers(0, 5)) == 0 else text


#: dict keys: names, and text that holds a secret (``users_by_email``, an order count by card
#: number), exact or a ``str`` subclass; two secret keys of a dict may scrub to one text
@st.composite
def _dict_keys(draw: st.DrawFn) -> Any:
    return draw(st.one_of(keys, keys, keys, secrets, secrets.map(Text), texts()))


dict_keys = _dict_keys()
scalars = st.one_of(texts(), st.integers(), st.sampled_from([4111111111111111, None, True, 1.5]))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(dict_keys, children, max_size=4),
        st.tuples(keys, children).map(list),  # a [key, value] pair (headers)
    ),
    max_leaves=20,
)
#: without lists of two items whose first is a value a detector replaces: the marker left in
#: its place reads as a sensitive key on a second pass (pinned below)
trees_no_pairs = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4).filter(lambda items: len(items) != 2),
        st.dictionaries(dict_keys, children, max_size=4),
        st.tuples(keys, children).map(list),
    ),
    max_leaves=20,
)
events = st.dictionaries(
    st.sampled_from(["extra", "contexts", "request", "tags", "message", "breadcrumbs"]), trees
)


#: the token patterns detected before the catalogue (the catalogue must keep finding them)
OLD_TOKEN_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        r"AKIA[A-Z0-9]{16}",
        r"ASIA[A-Z0-9]{16}",
        r"gh[pousr]_[A-Za-z0-9]{36,255}",
        r"github_pat_[A-Za-z0-9_]{22,255}",
        r"glpat-[A-Za-z0-9_-]{20,}",
        r"xox[abposr]-[A-Za-z0-9-]{10,}",
        r"sk_(?:live|test)_[A-Za-z0-9]{10,}",
        r"rk_(?:live|test)_[A-Za-z0-9]{10,}",
        r"whsec_[A-Za-z0-9]{20,}",
        r"AIza[0-9A-Za-z_-]{35}",
        r"sk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{32,}",
        r"npm_[A-Za-z0-9]{36}",
        r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}",
        r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
        r"sntry[su]_[A-Za-z0-9+/=_]{40,}",
        r"dop_v1_[a-f0-9]{64}",
        r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",
        r"https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_-]{20,}",
    )
)
