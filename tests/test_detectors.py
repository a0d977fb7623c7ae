"""Each value detector: what it finds, what it leaves (checksum failures included), modes."""

from __future__ import annotations

import pytest

from sentry_guard._scrubbers.catalogue import CATALOGUE, parse_detectors
from sentry_guard._scrubbers.detectors import Redactor, parse_modes

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


def found(name: str, text: str, context: str | None = None) -> list[str]:
    redactor = Redactor([name])
    return [
        text[a:b]
        for fmt, _, a, b in redactor.scan(redactor.blob((text,)))
        if fmt.skip is None or not fmt.skip(context)
    ]


CASES = {
    "email": (
        ["jane.doe@example.com", "Contact: JANE+news@mail.example.co.uk.", "o'brien@example.ie"],
        ["user@localhost", "@example.com", "not an email: a@b", "git@github", "price @ 5.00"],
    ),
    "creditcard": (
        [
            "4111111111111111",
            "4111 1111 1111 1111",
            "5555-5555-5555-4444",
            "2223003122003222",
            "378282246310005",
            "3530111333300000",
            "6011111111111117",
            "qty 1 4111 1111 1111 1111",
            "30569309025904",
            "6200000000000005",
            "card4111111111111111",  # glued to a word that is not hex
        ],
        [
            "4111111111111112",
            "1234567890123",
            "1732672800000",
            "4111 1111-1111 1111",
            "0000000000000000",
            "41111111111111111111111",
            "12345678901234567890",
            "0000000000000000000000000a67000000000133",  # a SHA whose digits pass Luhn
            "ff67000000000133",
        ],
    ),
    "iban": (
        [
            "DE89370400440532013000",
            "DE89 3704 0044 0532 0130 00",
            "GB82WEST12345698765432",
            "FR1420041010050500013M02606",
            "pay to CH9300762011623852957 now",
        ],
        ["DE89370400440532013001", "GB82WEST1234569876543", "XX89370400440532013000", "ORDER12345678901234"],
    ),
    "ssn": (
        ["123-45-6789", "SSN: 078-05-1120."],
        [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "123-00-4567",
            "123-45-0000",
            "2024-11-27",
            "1123-45-6789",
        ],
    ),
    "ip": (
        [
            "10.0.0.1",
            "client 192.168.1.254, proxy",
            "8.8.8.8.",
            "2001:db8::8a2e:370:7334",
            "::ffff:192.0.2.128",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        ],
        [
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "192.168.001.1",
            "10:30:00",
            "std::vector",
            "version 3.12.3",
            "00:1a:2b:3c:4d:5e",
            # the machine's own addresses, and versions
            "::1",
            "127.0.0.1",
            "0.0.0.0",
            "fe80::1ff:fe23:4567:890a",
            "Version=4.0.0.0",
            "Foo, Version=11.0.0.0, Culture=neutral",
            "v10.0.19041.1",
        ],
    ),
    "jwt": (
        [
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        ],
        ["eyJub3RhbGciOiJ4In0.eyJzdWIiOiIxIn0.sig", "eyJ.abc.def", "header.payload.signature"],
    ),
    "auth": (
        ["Authorization: Bearer abc123def456", "Basic dXNlcjpwYXNzd29yZA==", "token 9f8e7d6c5b4a3f2e"],
        ["Token expired for user", "basic authentication failed", "bearer authentication"],
    ),
    "urlauth": (
        ["postgres://app:s3cr3t@db.internal:5432/shop", "redis://:hunter2@cache:6379/0"],
        ["https://user@example.com/", "https://example.com/a:b@c", "mailto:bob@example.com"],
    ),
    "privatekey": (
        [
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----",
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE",
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----",
            "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
            "-----BEGIN DSA PRIVATE KEY-----\nMIIB\n-----END DSA PRIVATE KEY-----",
        ],
        ["-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----"],
    ),
    "token": (
        [
            "AKIAIOSFODNN7EXAMPLE",
            "ASIAY34FZKBOKMUTVV7A",
            "ghp_" + "a1B2" * 9,
            "github_pat_" + "A1b2C3d4E5" * 3,
            "glpat-" + "x1Y2z3W4v5U6t7S8r9Q0",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
            "rk_live_" + "a1B2c3D4" * 3,
            "AIzaSyA-" + "b1C2d3E4f5G6h7I8j9K0l1M2n3O4p5Q",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "sk-proj-" + "Z9y8X7w6" * 5,
            "Bearer abc123def456ghi789",
        ],
        [
            "AKIA",
            "ghp_short",
            "sk_live_",
            "AKIAIOSFODNN7EXAMPLEEXTRA",
            "my_github_token_name",
            "ghp_" + "x" * 36,
        ],
    ),
    "phone": (
        ["+1 201-555-0123", "tel: 030 1234567", "call +44 20 7946 0958"],
        ["2024-11-27", "v1.2.3", "12 34", "(030) 1234 5678"],
    ),
}


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (pos, _) in CASES.items() for t in pos])
def test_finds(name: str, text: str) -> None:
    assert found(name, text), f"{name} missed {text!r}"


@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_, neg) in CASES.items() for t in neg])
def test_leaves(name: str, text: str) -> None:
    assert found(name, text) == [], f"{name} wrongly found something in {text!r}"


def test_only_the_span_is_replaced() -> None:
    redact = Redactor(parse_detectors(("default",)))
    text = "login by jane@example.com from 10.0.0.1 with card 4111 1111 1111 1111, retry later"
    assert redact(text) == "login by [email] from [ip] with card [creditcard], retry later"


def test_ip_under_a_version_key_is_a_version() -> None:
    redact = Redactor(["ip"])
    assert redact("1.2.3.4", "sdk_version") == "1.2.3.4"
    assert redact("1.2.3.4", "client") == "[ip]"


def test_modes() -> None:
    redact = Redactor(
        parse_detectors(("default",)),
        parse_modes(["creditcard=mask", "email=hash", "ip=remove"]),
        hash_key=b"k",
    )
    out = redact("card 4111111111111111 mail jane@example.com ip 10.0.0.1")
    assert "************1111" in out
    assert "ip " in out and "10.0.0.1" not in out
    email_pseudonym = out.split("mail ")[1].split(" ")[0]
    assert email_pseudonym.startswith("[email:") and "jane" not in email_pseudonym
    assert redact("jane@example.com") == email_pseudonym  # stable: same input, same pseudonym
    other_key = Redactor(["email"], parse_modes(["email=hash"]), hash_key=b"other")
    assert other_key("jane@example.com") != email_pseudonym  # keyed


def test_hash_mode_needs_a_key() -> None:
    with pytest.raises(ValueError, match="SENTRY_SCRUB_HASH_KEY"):
        Redactor(["email"], parse_modes(["email=hash"]))


def test_selection() -> None:
    """Names and kinds alike: ``default``, ``all``, ``-kind``, a kind, a name, ``none``."""
    default = set(parse_detectors(["default"]))
    every = set(parse_detectors(["all"]))
    assert {f.name for f in CATALOGUE if f.default} == default < every == {f.name for f in CATALOGUE}
    assert {"email", "creditcard", "iban", "ip", "jwt", "auth", "urlauth", "privatekey", "phone"} <= default
    assert {"us-ssn", "github-pat", "aws-access-key-id", "mac-address", "imei"} <= default
    assert set(parse_detectors(["default", "-ip", "-token"])) == default - {"ip"} - {
        f.name for f in CATALOGUE if f.kind == "token"
    }
    assert set(parse_detectors(["ssn"])) == {"us-ssn"}
    assert set(parse_detectors(["email", "iban", "github-pat"])) == {"email", "iban", "github-pat"}
    assert parse_detectors(["none"]) == ()


def test_unknown_detector_or_mode() -> None:
    with pytest.raises(ValueError, match="telepathy"):
        parse_detectors(["telepathy"])
    with pytest.raises(ValueError, match="email=shred"):
        parse_modes(["email=shred"])
