"""The names Sentry accepts: releases, environments, dists, monitor slugs.

The rules mirror Relay and sentry-release-parser exactly (checked against
`sentry_relay.parse_release` in the tests), so a name that passes here is a name
Sentry keeps, and one that fails would have been dropped or rewritten silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._exceptions import InvalidDist, InvalidEnvironment, InvalidRelease, InvalidSlug

__all__ = [
    "ParsedRelease",
    "Version",
    "parse_release",
    "release_advice",
    "suggest_slug",
    "trim",
    "validate_dist",
    "validate_environment",
    "validate_release",
    "validate_slug",
]

#: Unicode White_Space, the set Rust's `str::trim` (and so Relay) strips.
#: Python's `str.strip()` differs: it also strips 0x1C-0x1F, which Relay rejects.
_WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_BAD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f/\\]")
_RELEASE = re.compile(r"(@?[^@]+)@(.+?)\Z", re.DOTALL)
_VERSION = re.compile(
    r"""
    (?P<major>[0-9]+)
    (?:\.(?P<minor>[0-9]+))?
    (?:\.(?P<patch>[0-9]+))?
    (?:\.(?P<revision>[0-9]+))?
    (?P<pre>
        (?:-|[a-z])
        (?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)?
        (?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*
    )?
    (?:\+(?P<build_code>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?
    \Z
    """,
    re.VERBOSE,
)
_HEX = re.compile(r"[a-fA-F0-9]+\Z")
_HASH_LENGTHS = frozenset({12, 16, 20, 32, 40, 64})
_DIST = re.compile(r"[A-Za-z0-9_.\-]+\Z")
_SLUG = re.compile(r"[a-z0-9_-]+\Z")

MAX_RELEASE_BYTES = 200
MAX_ENVIRONMENT_BYTES = 64
MAX_DIST_CHARS = 64
MAX_SLUG_CHARS = 50


def trim(value: str) -> str:
    """Strip surrounding whitespace exactly as Relay does (Unicode White_Space)."""
    return value.strip(_WHITESPACE)


def _attribute_rules(
    value: str,
    error: type[InvalidRelease] | type[InvalidEnvironment],
    *,
    max_bytes: int,
    restricted: str,
    example: str,
) -> str:
    """Shared release/environment rules, in Relay's order: length, restricted, characters."""
    name = trim(value)
    what = error.what
    if not name:
        raise error(f"the {what} is empty", f"set a non-empty {what}, e.g. {example!r}", kind="empty")
    size = len(name.encode("utf-8"))
    if size > max_bytes:
        raise error(
            f"the {what} is {size} bytes long, Sentry allows at most {max_bytes} bytes (UTF-8)",
            "shorten it, e.g. keep the package and a short version or commit SHA",
            kind="too_long",
        )
    if name in (".", "..") or (name.isascii() and name.lower() == restricted):
        raise error(
            f"{name!r} is a name Sentry reserves",
            f"use a real {what}, e.g. {example!r}",
            kind="restricted",
        )
    bad = _BAD_CHARACTERS.search(name)
    if bad:
        char = bad.group()
        shown = repr(char) if char not in "/\\" else f"'{char}'"
        raise error(
            f"the {what} contains {shown} at position {bad.start()}; Sentry refuses '/', '\\' "
            "and control characters",
            "replace it, e.g. with '-' (a branch name like 'feature/x' becomes 'feature-x')",
            kind="bad_characters",
        )
    return name


def validate_release(name: str) -> str:
    """Return the trimmed release, or raise `InvalidRelease` saying which rule it broke."""
    return _attribute_rules(
        name, InvalidRelease, max_bytes=MAX_RELEASE_BYTES, restricted="latest", example="myapp@1.4.2"
    )


def validate_environment(name: str) -> str:
    """Return the trimmed environment, or raise `InvalidEnvironment`."""
    return _attribute_rules(
        name,
        InvalidEnvironment,
        max_bytes=MAX_ENVIRONMENT_BYTES,
        restricted="none",
        example="production",
    )


def validate_dist(name: str) -> str:
    """Return the trimmed dist, or raise `InvalidDist` (only ``A-Za-z0-9_.-``, at most 64)."""
    dist = trim(name)
    if not dist:
        raise InvalidDist(
            "the dist is empty", "unset it, or set e.g. a build number like '421'", kind="empty"
        )
    if len(dist) > MAX_DIST_CHARS:
        raise InvalidDist(
            f"the dist is {len(dist)} characters long, Sentry allows at most {MAX_DIST_CHARS}",
            "use a short build number or identifier",
            kind="too_long",
        )
    if not _DIST.match(dist):
        raise InvalidDist(
            "the dist may only contain letters, digits, '_', '.' and '-'",
            "use e.g. a build number like '421' or 'ios-15'",
            kind="bad_characters",
        )
    return dist


def suggest_slug(name: str) -> str:
    """What Sentry would turn `name` into: lowercased, other runs to '-', cut to 50."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")[:MAX_SLUG_CHARS].strip("-")
    if not slug or slug.isdigit():
        slug = f"monitor-{slug}".strip("-")[:MAX_SLUG_CHARS]
    return slug


def validate_slug(slug: str) -> str:
    """Return `slug` if Sentry keeps it as is; raise `InvalidSlug` naming the slug it would become."""
    if not slug:
        raise InvalidSlug(
            "the monitor slug is empty", "name the monitor, e.g. 'nightly-report'", kind="empty"
        )
    if len(slug) > MAX_SLUG_CHARS:
        raise InvalidSlug(
            f"the monitor slug {slug!r} is {len(slug)} characters; Sentry truncates it to "
            f"{MAX_SLUG_CHARS} silently",
            f"rename it to at most {MAX_SLUG_CHARS} characters, e.g. {suggest_slug(slug)!r}",
            kind="too_long",
        )
    if not _SLUG.match(slug):
        raise InvalidSlug(
            f"the monitor slug {slug!r} has characters other than lowercase a-z, 0-9, '_' and '-'; "
            "Sentry rewrites it silently",
            f"rename it to {suggest_slug(slug)!r}",
            kind="bad_characters",
        )
    if slug.isdigit():
        raise InvalidSlug(
            f"the monitor slug {slug!r} is all digits, which Sentry refuses",
            f"add a word, e.g. {suggest_slug(slug)!r}",
            kind="format",
        )
    return slug


@dataclass(frozen=True)
class Version:
    """The version part of a release, as sentry-release-parser splits it."""

    major: int
    minor: int
    patch: int
    revision: int
    pre: str | None
    build_code: str | None
    components: int
    #: the numeric components as written ("01" stays "01"), as Sentry displays them
    raw_numbers: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = ".".join(self.raw_numbers)
        if self.pre:
            text += f"-{self.pre}"
        return text


@dataclass(frozen=True)
class ParsedRelease:
    """A release split into package, version and build hash (Sentry's release parser)."""

    raw: str
    package: str | None
    version_raw: str
    version: Version | None
    build_hash: str | None

    @property
    def description(self) -> str:
        """The short form Sentry's UI shows, e.g. ``1.2.3 (abc)``."""
        short_hash = self.build_hash[:12] if self.build_hash else None
        if self.version is not None:
            text = str(self.version)
            suffix = short_hash or self.version.build_code
            return f"{text} ({suffix})" if suffix else text
        if short_hash:
            return short_hash
        return self.raw


def _is_build_hash(text: str) -> bool:
    return len(text) in _HASH_LENGTHS and bool(_HEX.match(text))


def _parse_version(text: str) -> Version | None:
    match = _VERSION.match(text)
    if not match:
        return None
    groups = match.groupdict()
    numbers = [groups[k] for k in ("major", "minor", "patch", "revision")]
    pre = groups["pre"]
    if pre and pre.startswith("-"):
        pre = pre[1:]
    major, minor, patch, revision = (int(n) if n else 0 for n in numbers)
    return Version(
        major,
        minor,
        patch,
        revision,
        pre=pre or None,
        build_code=groups["build_code"] or None,
        components=sum(1 for n in numbers if n is not None),
        raw_numbers=tuple(n for n in numbers if n is not None),
    )


def parse_release(name: str) -> ParsedRelease:
    """Validate `name` and split it like Sentry: ``pkg@1.2.3+build`` or ``pkg@<sha>``."""
    release = validate_release(name)
    match = _RELEASE.match(release)
    if not match:
        return ParsedRelease(release, None, release, None, _hash_or_none(release, None))
    package, version_raw = match.group(1), match.group(2)
    version = None if _is_build_hash(version_raw) else _parse_version(version_raw)
    return ParsedRelease(release, package, version_raw, version, _hash_or_none(version_raw, version))


def _hash_or_none(version_raw: str, version: Version | None) -> str | None:
    if version is not None and version.build_code and _is_build_hash(version.build_code):
        return version.build_code
    return version_raw if _is_build_hash(version_raw) else None


def release_advice(name: str) -> str | None:
    """A recommendation (not an error) when a valid release is not ``package@version``."""
    parsed = parse_release(name)
    if parsed.package and (parsed.version is not None or parsed.build_hash):
        return None
    return (
        f"release {parsed.raw!r} is not in the recommended form 'package@version' with a semver "
        "version or a git SHA (e.g. 'myapp@1.4.2' or 'myapp@3f2a9c1d0b7e'); Sentry accepts it, "
        "but cannot sort or group releases by version"
    )
