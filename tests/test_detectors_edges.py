"""The detectors' less travelled paths: a format refused at definition, case folding that
changes a text's length, numbers that belong to a card, phone shapes that are no phone,
literals and pairs that are not what they look like, and validators asked directly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentry_guard._scrubbers._format import Format
from sentry_guard._scrubbers.catalogue import by_name, masked_example
from sentry_guard._scrubbers.credentials import find_auth_credentials, find_wrapped_jwts
from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.identifiers import (
    _alone,
    _phone_shape_ok,
    _phone_valid,
    find_phones,
    find_uk_nhs,
    find_us_ssn,
)
from sentry_guard._scrubbers.keys import KeyMatcher
from sentry_guard._scrubbers.literal import parse_literal
from sentry_guard._scrubbers.payments import _span_of, find_cards, iban_valid
from sentry_guard._scrubbers.pii import find_device_owners, find_ips
from sentry_guard._scrubbers.scan import Scanner, needles
from sentry_guard._scrubbers.structure import find_pair_values

#: a letter whose lower case is two characters: ``"İ".lower()`` is ``"i̇"``
DOTTED_I = "\u0130"


def _format(**fields: object) -> Format:
    record: dict[str, object] = {
        "name": "test-zzq",
        "kind": "token",
        "anchors": ("zzq_",),
        "pattern": r"zzq_[a-z]{8}",
        "examples": (),
        "counterexamples": (),
        "source": "test",
    }
    record.update(fields)
    return Format(**record)  # type: ignore[arg-type]


# -- formats and the scanner ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"anchors": ()}, "test-zzq: a format needs anchors or required shapes"),
        ({"anchors": (), "requires": ("ipv4",)}, "test-zzq: a format found by shape brings its own find"),
        (
            {"anchors": (), "requires": ("anchor&digits:7",), "find": lambda text: iter(())},
            "test-zzq: 'anchor' in requires needs anchors",
        ),
        ({"anchors": ("",)}, "test-zzq: an anchor is a non-empty ASCII literal without NUL"),
        ({"anchors": ("zzq\x00",)}, "test-zzq: an anchor is a non-empty ASCII literal without NUL"),
        ({"anchors": ("zzé_",)}, "test-zzq: an anchor is a non-empty ASCII literal without NUL"),
    ],
)
def test_a_format_that_could_never_be_found_is_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as info:
        _format(**fields)
    assert str(info.value) == message


def test_case_folding_that_changes_the_length_leaves_anchors_where_they_are() -> None:
    """``İ`` lowers to two characters: the anchors are then found in the text as it is, at
    the right places (in the lowered text they would be one character off)."""
    fmt = _format(pattern=r"(?i:zzq_)[a-z]{8}", ignore_case=True)
    assert list(fmt.finditer(f"{DOTTED_I} zzq_abcdefgh")) == [(2, 14)]
    assert list(fmt.finditer("ZZQ_abcdefgh")) == [(0, 12)]


def test_a_format_whose_first_example_is_not_found_masks_all_of_it() -> None:
    assert masked_example(_format(examples=("nothing to see",))) == "****"
    assert masked_example(_format(examples=("key zzq_abcdefgh",))) == "key zzq_****"


def test_needles_are_ascii_without_nul() -> None:
    for bad in ("é", "a\x00b"):
        with pytest.raises(ValueError, match="a needle must be ASCII without NUL"):
            needles("ok", bad)


def test_a_format_asking_for_an_unknown_shape_is_refused() -> None:
    fmt = _format(requires=("anchor", "digits:7&ipv5", "hexes"))
    with pytest.raises(ValueError) as info:
        Scanner([fmt])
    assert str(info.value) == "unknown shape(s) in requires: hexes, ipv5"


@pytest.mark.usefixtures("implementation")
def test_the_scanner_tells_which_strings_hold_a_digit_run() -> None:
    """``digits:N`` read from the compiled scanner's runs (or the blob in pure Python):
    blanks, dashes, dots, slashes and brackets between digits do not end a run."""
    scanner = Scanner(list(by_name().values()))
    texts = ["ssn 123-45-6789", "order 12345", "call +49 (30) 1234-567", "none"]
    blob = scanner.scan(texts, (set(), set()))
    assert set(scanner.shape(blob, "digits:9")) == {0, 2}
    assert set(scanner.shape(blob, "digits:11")) == {2}


# -- credentials ----------------------------------------------------------------------------


def test_a_base64_run_that_decodes_to_no_text_wraps_no_jwt() -> None:
    """``ZXlK`` starts a run that is no base64 (one character too many) or decodes to bytes
    that are not ASCII: no JWT in it, and no error."""
    assert list(find_wrapped_jwts("cookie=ZXlK" + "A" * 13)) == []
    assert list(find_wrapped_jwts("cookie=ZXlK" + "_w" * 8)) == []


def test_an_authorization_credential_is_found_where_case_folding_changes_the_length() -> None:
    text = f"{DOTTED_I}stanbul Bearer abc123def456"
    assert [text[a:b] for a, b in find_auth_credentials(text)] == ["abc123def456"]
    assert list(find_auth_credentials(f"{DOTTED_I} Token expired")) == []


# -- national identifiers and phones --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("123-45-6789", True),
        ("x 123-45-6789 y", True),
        ("+123-45-6789", False),  # signed or international
        ("1.123-45-6789", False),  # a decimal going on
        ("7/123-45-6789", False),
        ("10:123-45-6789", False),  # a time
        ("1234567:123-45-6789", True),  # a long number before the colon: an id, not a time
        ("123-45-6789-ab", False),
        ("123-45-6789.5", False),
        ("123-45-6789:00", False),
    ],
)
def test_an_identifier_stands_alone_or_continues_a_longer_number(text: str, alone: bool) -> None:
    start = text.index("123-45-6789")
    assert _alone(text, start, start + 11, "-") is alone
    assert [text[a:b] for a, b in find_us_ssn(text)] == (["123-45-6789"] if alone else [])


def test_a_number_that_is_part_of_a_card_is_the_card_s() -> None:
    """A bare SSN after ``ssn``, an NHS number after ``nhs``: when their digits start a
    valid card, the card detector owns them (the same digits with a wrong check digit are
    no card: then the identifier is found)."""
    assert list(find_us_ssn("ssn 412345678 9012 349")) == []
    assert list(find_us_ssn("ssn 412345678 9012 348")) == [(4, 13)]
    assert list(find_uk_nhs("nhs 4000000004 123 453")) == []
    assert list(find_uk_nhs("nhs 4000000004 123 452")) == [(4, 14)]
    assert DefaultScrubber().scrub_text("ssn 412345678 9012 349") == "ssn [creditcard]"


def test_a_number_the_metadata_cannot_parse_is_no_phone() -> None:
    assert _phone_valid("+9991234567", None) is False  # no country has code 999
    assert _phone_valid("4155552671", None) is False  # national, and no region to read it in
    assert list(find_phones("call +999 1234 5678")) == []


@pytest.mark.parametrize(
    ("candidate", "groups", "international", "ok"),
    [
        ("+44 20 7946 0958", ["44", "20", "7946", "0958"], True, True),
        ("+44 20 7946 0 958", ["44", "20", "7946", "0", "958"], True, False),  # a lone digit
        ("20261127", ["20261127"], False, False),  # a compact date
        ("1732672800", ["1732672800"], False, False),  # epoch seconds
        ("4222222222222", ["4222222222222"], False, False),  # a card's digits
        ("5555555555", ["5555555555"], False, False),  # one digit repeated
        ("415 555 2671", ["415", "555", "2671"], False, True),
    ],
)
def test_the_shape_of_a_phone(candidate: str, groups: list[str], international: bool, ok: bool) -> None:
    assert _phone_shape_ok(candidate, groups, international) is ok


@pytest.mark.parametrize("text", ["tel 20261127", "tel 4222222222222", "tel 5555555555", "+44 20 7946 0 958"])
def test_phone_shaped_numbers_that_are_no_phone(text: str) -> None:
    assert list(find_phones(text)) == []


def test_the_international_prefix_00_as_a_group_of_its_own() -> None:
    """``00 44 ...``: the 00 is the call prefix, not part of the number."""
    text = "phone: 00 44 20 7946 0958"
    assert [text[a:b] for a, b in find_phones(text)] == ["00 44 20 7946 0958"]


# -- literals, payments, personal data, pairs, tokens ---------------------------------------


def test_a_bytes_literal_holds_latin_1_only() -> None:
    assert parse_literal("b'caf\\xe9'") == b"caf\xe9"
    assert parse_literal("b'caf\u20ac'") is None  # Python refuses it too
    assert parse_literal("{'k': b'\u20ac'}") is None


def test_a_decimal_number_holds_no_card() -> None:
    """``repr`` of a float with blanks or dashes in it: no card, though the digits would be one."""
    assert list(find_cards("4111 1111 1111 1111")) == [(0, 19)]
    assert list(find_cards("4111 1111 1111 1111.5")) == []
    assert list(find_cards("0.4111-1111-1111-1111")) == []


@given(st.integers(13, 40), st.sampled_from(" -"))
def test_a_run_of_blanks_or_dashes_is_no_card(width: int, blank: str) -> None:
    assert list(find_cards(f"a{blank * width}b")) == []


def test_the_iban_validator() -> None:
    assert iban_valid("DE89 3704 0044 0532 0130 00")
    assert not iban_valid("DE89 3704 0044 0532 0130 01")  # check digits
    assert not iban_valid("DE89 3704 0044 0532 0130")  # Germany's are 22 long
    assert not iban_valid("DE89-3704-0044-0532-01")  # 22 long, but not alphanumeric
    assert not iban_valid("ZZ89 3704 0044 0532 0130 00")  # no such country


def test_the_span_of_the_first_alphanumerics() -> None:
    assert _span_of("DE89 3704 0044", 8) == 9
    assert _span_of("DE89 3704", 12) == 9  # fewer than asked: all of it


def test_an_address_inside_an_ipv6_match_starts_no_other() -> None:
    """The colons of a written-out IPv6 address hint at more addresses: each is read once."""
    text = "peer 2001:db8:0:0:1:2:3:4 port 443"
    assert [text[a:b] for a, b in find_ips(text)] == ["2001:db8:0:0:1:2:3:4"]


def test_a_device_owner_is_read_where_case_folding_changes_the_length() -> None:
    """The device words are found in a lowered copy of the same length (a letter whose lower
    case is longer, ``İ``, is kept as it is there), so the owner is read at the right place."""
    assert list(find_device_owners("Bruno's MacBook Pro")) == [(0, 7)]
    text = f"{DOTTED_I}stanbul: Bruno's MacBook Pro, {DOTTED_I}{DOTTED_I} Kamils-iMac.local"
    assert [text[a:b] for a, b in find_device_owners(text)] == ["Bruno's", "Kamils"]


def test_a_replaced_value_before_a_separator_names_nothing() -> None:
    """``--[token]=x``: the marker a detector left is no key, so what follows is no pair."""
    matcher = KeyMatcher()
    assert list(find_pair_values("--[token]=abc123", matcher)) == []
    assert list(find_pair_values("--token=abc123", matcher)) == [(8, 14, "--token")]


def test_a_slice_is_no_pair() -> None:
    """``api_key[:4]`` slices a variable: the ``[`` before the colon is no key's end."""
    matcher = KeyMatcher()
    assert list(find_pair_values("print(api_key[:4])", matcher)) == []
    assert list(find_pair_values("password[: hunter2", matcher)) == []


def test_a_placeholder_with_the_signature_inside_is_no_token() -> None:
    """Azure AD secrets carry ``Q~`` inside: ``abc8Q~-xxxx…`` is a template's stand-in."""
    find = by_name()["azure-ad-client-secret"].find
    assert find is not None
    real = "abc8Q~-k3Jd9QpL2mXv7RtY4nBw8ZcF1sH6gA"
    assert list(find(f"secret={real}")) == [(7, 7 + len(real))]
    assert list(find("secret=abc8Q~-" + "x" * 30)) == []
