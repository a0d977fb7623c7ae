"""Sentry's name rules: tables from the design, and a differential test against Relay itself."""

from __future__ import annotations

import pytest
import sentry_relay
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from sentry_guard import (
    InvalidDist,
    InvalidEnvironment,
    InvalidRelease,
    InvalidSlug,
    parse_release,
    validate_dist,
    validate_environment,
    validate_release,
    validate_slug,
)
from sentry_guard._names import release_advice, suggest_slug, trim

RELEASES = [
    # (name, expected trimmed result or error kind)
    ("myapp@1.2.3", "myapp@1.2.3"),
    ("  myapp@1.2.3\n", "myapp@1.2.3"),
    ("\u3000spaced\u00a0", "spaced"),
    ("", "empty"),
    ("   ", "empty"),
    ("\t\n", "empty"),
    (".", "restricted"),
    ("..", "restricted"),
    ("...", "..."),
    ("latest", "restricted"),
    ("LATEST", "restricted"),
    ("Latest", "restricted"),
    (" lAtEsT ", "restricted"),
    ("latest1", "latest1"),
    ("a/b", "bad_characters"),
    ("feature/login", "bad_characters"),
    ("a\\b", "bad_characters"),
    ("a\x00b", "bad_characters"),
    ("a\x01b", "bad_characters"),
    ("a\tb", "bad_characters"),
    ("a\nb", "bad_characters"),
    ("a\rb", "bad_characters"),
    ("a\x1bb", "bad_characters"),
    ("a\x1fb", "bad_characters"),
    ("\x1cab", "bad_characters"),  # not whitespace to Relay, though Python's strip() says so
    ("a\x7fb", "bad_characters"),
    ("x" * 200, "x" * 200),
    ("x" * 201, "too_long"),
    ("é" * 100, "é" * 100),
    ("é" * 101, "too_long"),
    ("x" * 199 + "é", "too_long"),
    ("foo@1.2.3+abc", "foo@1.2.3+abc"),
    ("foo@deadbeefcafe", "foo@deadbeefcafe"),
    ("@scope@1.0", "@scope@1.0"),
    ("foo bar", "foo bar"),
    ("über@2.0", "über@2.0"),
]


@pytest.mark.parametrize(("name", "expected"), RELEASES)
def test_release_rules(name: str, expected: str) -> None:
    kinds = {"empty", "restricted", "bad_characters", "too_long"}
    if expected in kinds:
        with pytest.raises(InvalidRelease) as info:
            validate_release(name)
        assert info.value.kind == expected
        assert "Fix:" in str(info.value)
    else:
        assert validate_release(name) == expected


def test_invalid_release_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="reserves"):
        validate_release("latest")


@pytest.mark.parametrize(
    ("name", "package", "version_raw", "quad", "pre", "build_code", "build_hash", "description"),
    [
        ("foo@1.2.3+abc", "foo", "1.2.3+abc", (1, 2, 3, 0), None, "abc", None, "1.2.3 (abc)"),
        ("foo@deadbeefcafe", "foo", "deadbeefcafe", None, None, None, "deadbeefcafe", "deadbeefcafe"),
        ("@scope@1.0", "@scope", "1.0", (1, 0, 0, 0), None, None, None, "1.0"),
        (
            "foo@1.2.3-rc.1+build.5",
            "foo",
            "1.2.3-rc.1+build.5",
            (1, 2, 3, 0),
            "rc.1",
            "build.5",
            None,
            "1.2.3-rc.1 (build.5)",
        ),
        ("foo@1.0.0.4", "foo", "1.0.0.4", (1, 0, 0, 4), None, None, None, "1.0.0.4"),
        ("foo@v1.2", "foo", "v1.2", None, None, None, None, "foo@v1.2"),
        ("just-a-name", None, "just-a-name", None, None, None, None, "just-a-name"),
        (
            "foo@1.2.3+" + "a" * 40,
            "foo",
            "1.2.3+" + "a" * 40,
            (1, 2, 3, 0),
            None,
            "a" * 40,
            "a" * 40,
            "1.2.3 (aaaaaaaaaaaa)",
        ),
    ],
)
def test_parse_release(
    name: str,
    package: str | None,
    version_raw: str,
    quad: tuple[int, int, int, int] | None,
    pre: str | None,
    build_code: str | None,
    build_hash: str | None,
    description: str,
) -> None:
    parsed = parse_release(name)
    assert parsed.package == package
    assert parsed.version_raw == version_raw
    if quad is None:
        assert parsed.version is None
    else:
        assert parsed.version is not None
        v = parsed.version
        assert (v.major, v.minor, v.patch, v.revision) == quad
        assert (v.pre, v.build_code) == (pre, build_code)
    assert parsed.build_hash == build_hash
    assert parsed.description == description


def _relay_kind(name: str) -> str:
    try:
        sentry_relay.parse_release(name)
    except sentry_relay.InvalidReleaseErrorTooLong:
        return "too_long"
    except sentry_relay.InvalidReleaseErrorRestrictedName:
        return "restricted"
    except sentry_relay.InvalidReleaseErrorBadCharacters:
        return "bad_characters"
    return "ok"


def _our_kind(name: str) -> str:
    try:
        validate_release(name)
    except InvalidRelease as exc:
        return exc.kind
    return "ok"


_release_text = st.one_of(
    st.text(max_size=220),
    st.text(alphabet=st.sampled_from("ab1.@-+/\\ \t\n\x00\x1c\x7f\u3000é"), max_size=30),
    st.sampled_from([".", "..", "latest", "LaTeSt", "x" * 200, "é" * 101]).map(lambda s: s),
    st.builds(
        lambda n, pad: pad + n + pad,
        st.sampled_from(["latest", ".", "a"]),
        st.sampled_from(["", " ", "\u2003", "\x1c"]),
    ),
)


@settings(max_examples=600, deadline=None)
@given(_release_text)
@example("\x1clatest")
@example("x" * 199 + "é")
def test_release_rules_agree_with_relay(name: str) -> None:
    """For every non-empty trimmed name, valid/invalid and the error kind match Relay's."""
    assume(trim(name))  # Relay accepts the empty name; Sentry's API does not, and neither do we
    assert _our_kind(name) == _relay_kind(name)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda p, v: f"{p}@{v}",
            st.text(alphabet="abc@-_", min_size=0, max_size=6),
            st.from_regex(
                r"[0-9]{1,3}(\.[0-9]{1,3}){0,3}(-[a-z0-9.]{1,5})?(\+[a-z0-9.]{1,6})?|[0-9a-f]{12}|[0-9a-f]{40}",
                fullmatch=True,
            ),
        ),
    )
)
def test_parse_release_agrees_with_relay(name: str) -> None:
    assume(trim(name) and _relay_kind(name) == "ok")
    ours = parse_release(name)
    theirs = sentry_relay.parse_release(name)
    assert ours.package == theirs["package"]
    assert ours.version_raw == theirs["version_raw"]
    assert ours.build_hash == theirs["build_hash"]
    assert ours.description == theirs["description"]
    if theirs["version_parsed"] is None:
        assert ours.version is None
    else:
        assert ours.version is not None
        tv = theirs["version_parsed"]
        v = ours.version
        assert (v.major, v.minor, v.patch, v.revision, v.pre, v.build_code, v.components) == (
            tv["major"],
            tv["minor"],
            tv["patch"],
            tv["revision"],
            tv["pre"],
            tv["build_code"],
            tv["components"],
        )


def test_release_advice() -> None:
    assert release_advice("myapp@1.2.3") is None
    assert release_advice("myapp@3f2a9c1d0b7e") is None
    advice = release_advice("nightly build")
    assert advice is not None and "package@version" in advice


ENVIRONMENTS = [
    ("production", "production"),
    (" staging ", "staging"),
    ("", "empty"),
    (" ", "empty"),
    (".", "restricted"),
    ("..", "restricted"),
    ("none", "restricted"),
    ("None", "restricted"),
    ("NONE", "restricted"),
    ("nonexistent", "nonexistent"),
    ("a/b", "bad_characters"),
    ("a\\b", "bad_characters"),
    ("a\x00b", "bad_characters"),
    ("a\x7fb", "bad_characters"),
    ("e" * 64, "e" * 64),
    ("e" * 65, "too_long"),
    ("é" * 32, "é" * 32),
    ("é" * 33, "too_long"),
    ("review-app 12", "review-app 12"),
]


@pytest.mark.parametrize(("name", "expected"), ENVIRONMENTS)
def test_environment_rules(name: str, expected: str) -> None:
    if expected in {"empty", "restricted", "bad_characters", "too_long"}:
        with pytest.raises(InvalidEnvironment) as info:
            validate_environment(name)
        assert info.value.kind == expected
    else:
        assert validate_environment(name) == expected


DISTS = [
    ("421", "421"),
    ("ios-15.2_beta", "ios-15.2_beta"),
    (" 12 ", "12"),
    ("", "empty"),
    ("a b", "bad_characters"),
    ("a/b", "bad_characters"),
    ("build+7", "bad_characters"),
    ("é", "bad_characters"),
    ("d" * 64, "d" * 64),
    ("d" * 65, "too_long"),
]


@pytest.mark.parametrize(("name", "expected"), DISTS)
def test_dist_rules(name: str, expected: str) -> None:
    if expected in {"empty", "bad_characters", "too_long"}:
        with pytest.raises(InvalidDist) as info:
            validate_dist(name)
        assert info.value.kind == expected
    else:
        assert validate_dist(name) == expected


@given(st.text(max_size=80))
def test_dist_accepts_exactly_its_alphabet(name: str) -> None:
    stripped = trim(name)
    ok = 0 < len(stripped) <= 64 and all(c.isascii() and (c.isalnum() or c in "_.-") for c in stripped)
    try:
        validate_dist(name)
    except InvalidDist:
        assert not ok
    else:
        assert ok


SLUGS = [
    ("nightly-report", "ok"),
    ("job_1", "ok"),
    ("a" * 50, "ok"),
    ("a" * 51, "too_long"),
    ("Nightly", "bad_characters"),
    ("nightly report", "bad_characters"),
    ("nightly.report", "bad_characters"),
    ("12345", "format"),
    ("", "empty"),
    ("1a", "ok"),
]


@pytest.mark.parametrize(("slug", "expected"), SLUGS)
def test_slug_rules(slug: str, expected: str) -> None:
    if expected == "ok":
        assert validate_slug(slug) == slug
    else:
        with pytest.raises(InvalidSlug) as info:
            validate_slug(slug)
        assert info.value.kind == expected


def test_slug_error_suggests_a_valid_slug() -> None:
    with pytest.raises(InvalidSlug) as info:
        validate_slug("Send Weekly Digest.Emails")
    assert "'send-weekly-digest-emails'" in info.value.fix


@given(st.text(max_size=120))
def test_suggested_slug_is_always_valid(name: str) -> None:
    assert validate_slug(suggest_slug(name)) == suggest_slug(name)
