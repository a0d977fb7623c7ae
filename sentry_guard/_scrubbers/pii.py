"""Personal data by content: email addresses and IP addresses.

Identifiers found by shape and checksum (national numbers, phones, MAC, IMEI) are in
`identifiers`."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from ._format import Format, Span
from .scan import shape

__all__ = ["PII_FORMATS"]

_LOCAL_CHARS = (
    "".join(map(chr, range(48, 58)))
    + "".join(map(chr, range(65, 91)))
    + "".join(map(chr, range(97, 123)))
    + "._%+-'"
)
#: labels of letters and digits in any script (``bücher.de``), a top-level domain of letters
#: or its punycode (``xn--p1ai``)
_DOMAIN = re.compile(
    r"(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.){1,8}(?:[^\W\d_]{2,24}|xn--[A-Za-z0-9-]{1,59})(?![\w-])"
)


#: ``scheme://user:`` right before a "local part": that is a URL password (see ``urlauth``)
_USERINFO = re.compile(r"://[^\s/@:]*:\Z")


def find_emails(text: str, context: str | None = None) -> Iterator[Span]:
    """``local@domain.tld``: from each ``@``, the local part backwards (at most 64), the domain
    forwards; both may hold letters of any script (RFC 6531: ``jürgen@bücher.de``)."""
    at = text.find("@")
    while at != -1:
        head = text[max(0, at - 64) : at]
        local = head[len(head.rstrip(_LOCAL_CHARS)) :]
        if len(local) < len(head) and not head[-len(local) - 1].isascii():
            local = _local_part(head)
        local = local.lstrip(".")
        domain = _DOMAIN.match(text, at + 1)
        if local and domain and not _USERINFO.search(text, max(0, at - len(local) - 140), at - len(local)):
            yield at - len(local), domain.end()
        at = text.find("@", at + 1)


def _local_part(head: str) -> str:
    """The end of `head` made of local-part characters, letters and digits of any script too."""
    start = len(head)
    while start and (head[start - 1] in _LOCAL_CHARS or head[start - 1].isalnum()):
        start -= 1
    return head[start:]


#: patterns start with a digit or hex character, not a look-behind, so the regex engine can
#: skip ahead fast; boundaries are checked after a match
_IPV4 = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
_IPV6 = re.compile(r"[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}")
_VERSION_CONTEXT = re.compile(r"(?i)version|release|\bver\b|semver|sdk")
_DIGITS = "0123456789"


def _joined(char: str, extra: str) -> bool:
    """True when `char` (one character, or empty at an edge) would continue the match."""
    return bool(char) and (char.isalnum() or char in extra)


_IPV6_HINT = re.compile(r":[0-9A-Fa-f]{0,4}:")  # starts with a literal: a fast search
_IPV4_SHAPE = re.compile(r"0\.0{1,3}\.0{1,3}\.0")  # starts with a literal: a fast search


#: a version's own words: ``Version=4.0.0.0``, ``v10.0.19041.1``, ``version 1.2.3.4``
#: a bare ``v`` counts only glued to the number (``V 0.0.0.1`` is an address after a letter);
#: so does a product token (``Chrome/130.0.0.0``: a word and ``/``, not a URL's path segment)
_VERSION_BEFORE = re.compile(
    r"(?i)(?<![a-z0-9_])(?:(?:version|ver|build|release)[\s:=\"']{0,3}|v)\Z"
    r"|(?<![\w./:-])[a-z][a-z-]{1,24}/\Z"
)


def _nobody(address: str) -> bool:
    """The machine's own addresses: loopback, unspecified, link-local (no person's)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified or ip.is_link_local


def find_ips(text: str, context: str | None = None) -> Iterator[Span]:
    """Valid IPv4 and IPv6 addresses (``ipaddress`` decides), standing alone, that could be a
    person's: not the machine's own (loopback, unspecified, link-local), and not a version
    (``Version=4.0.0.0``, ``Chrome/130.0.0.0``, a network's ``x.y.0.0``). End-user slots (``REMOTE_ADDR``, ``X-Forwarded-For``,
    ``user.ip_address``) go by their key, whatever they hold."""
    for start, end in _addresses(text):
        address = text[start:end]
        if _nobody(address) or _VERSION_BEFORE.search(text, max(0, start - 28), start):
            continue
        if address.endswith(".0.0") and "." in address[:-4]:
            continue  # a network, or a version (``4.0.0.0``): no host is numbered so
        yield start, end


def _addresses(text: str) -> Iterator[Span]:
    if "." in text:
        for hit in _IPV4_SHAPE.finditer(shape(text)):
            start = max(0, hit.start() - 2)
            match = _IPV4.search(text, start, hit.end() + 3)
            if match is None or match.start() > hit.start():
                continue  # pragma: no cover - defence in depth: _IPV4 matches the hit's own digits
            start, end = match.span()
            before, after = text[start - 1 : start], text[end : end + 2]
            if (
                (before and before in _DIGITS + ".")
                or after[:1].isdigit()
                or (after[:1] == "." and after[1:].isdigit())
            ):
                continue
            parts = match.group().split(".")
            if all(int(part) <= 255 and (part == "0" or not part.startswith("0")) for part in parts):
                yield start, end
    seen = -1
    for hit in _IPV6_HINT.finditer(text):  # a colon, up to 4 hex digits, a colon
        if hit.start() < seen:
            continue
        match = _IPV6.search(text, max(0, hit.start() - 39), hit.end() + 39)
        while match is not None and match.end() <= hit.start():
            match = _IPV6.search(text, match.end(), hit.end() + 39)
        if match is None:
            continue  # pragma: no cover - defence in depth: the hint itself matches _IPV6
        start, end = match.span()
        seen = end
        candidate = match.group()
        if (
            candidate.strip(":") == ""
            or _joined(text[start - 1 : start], "_:.")
            or _joined(text[end : end + 1], "_:")
        ):
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        yield start, end


#: the keys of a machine's build banners (``Linux version 3.10.0+ (builder@host) ...``): the
#: address in them is the builder's, published with the software, not a user's
_BUILD_BANNERS = frozenset({"kernel_version", "raw_description", "build", "build_type"})

#: the words a device's or a host's name ends with: ``Bruno\u2019s MacBook Pro``, ``kamils-imac.local``
_DEVICES = (
    "macbook",
    "imac",
    "mac mini",
    "mac-mini",
    "iphone",
    "ipad",
    "ipod",
    "galaxy",
    "pixel",
    "thinkpad",
    "surface",
)
#: names that are not someone's: ``My MacBook``, ``Office-iMac``, ``Apple iPhone``
_NOT_NAMES = frozenset(
    [
        "my",
        "the",
        "new",
        "old",
        "work",
        "office",
        "home",
        "company",
        "team",
        "shared",
        "apple",
        "samsung",
        "google",
        "microsoft",
        "lenovo",
        "dell",
        "hp",
        "asus",
        "acer",
        "sony",
        "build",
        "ci",
        "test",
        "dev",
        "prod",
        "staging",
        "demo",
        "guest",
        "admin",
        "user",
        "test",
        "android",
        "ios",
        "iphone",
        "ipad",
        "mac",
        "macbook",
        "imac",
        "pro",
        "air",
        "mini",
        "max",
        "plus",
        "ultra",
        "lite",
        # prose before a model: ``device iPhone15,2``, ``on your iPhone``
        "device",
        "model",
        "phone",
        "your",
        "his",
        "her",
        "their",
        "our",
        "an",
        "on",
        "via",
        "from",
        "with",
        "for",
        "using",
        "this",
        "that",
        "personal",
    ]
)
#: a name right before a device word: a possessive (``Bruno's `` or with U+2019), or a separator (``Kamils-``)
_OWNER = re.compile(r"([A-Za-z\u00c0-\u024f]{2,24})(?:(['\u2019]s) ?|(s?)[ _-])\Z")


def find_device_owners(text: str) -> Iterator[Span]:
    """The owner's name in a device's or a host's name: ``Bruno`` in ``Bruno's MacBook Pro``,
    ``Kamils`` in ``Kamils-MacBook-Pro.local`` (the platforms count device names as personal
    data); ``My MacBook`` and ``Office-iMac`` name nobody."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer (``İ``): one by one,
        # keeping such letters as they are (the device words are ASCII), positions kept
        lowered = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    done = 0
    for device in _DEVICES:
        at = lowered.find(device)
        while at != -1:
            start = at + (1 if device[0] in " -" else 0)
            owner = _OWNER.search(text, max(0, start - 30), start)
            if owner is not None and owner.start() >= done:
                name, begin = owner.group(1), owner.start()
                word_start = begin == 0 or not text[begin - 1].isalnum()
                # a lower-case word and a space is prose (``device iPhone``); in a host name
                # (``kamils-imac``) or a possessive the case says nothing
                prose = owner.group(3) is not None and text[owner.end() - 1] == " " and name.islower()
                if word_start and not prose and name.lower() not in _NOT_NAMES and not name.isupper():
                    yield begin, owner.end(2) if owner.group(2) else owner.end(3)
                    done = owner.end()
            at = lowered.find(device, at + len(device))


#: a home directory at the start of a path: ``/Users/jane/`` (macOS), ``/home/jane/`` (Linux),
#: ``C:\\Users\\jane\\`` (also with escaped backslashes); not a URL's ``/home/`` route
_HOME = re.compile(
    r"(?:(?<=^)|(?<=[\s\"'(=,\[<>]|:)|(?<=file://))(?:[A-Za-z]:)?(?:/Users/|/home/|[\\]+Users[\\]+)"
    r"([^/\\\s\"'<>|:*?]{1,64})(?=[/\\]|$|[\s\"',)])"
)
#: accounts that are a machine's, not a person's (CI runners, containers, images)
_SYSTEM_USERS = frozenset(
    [
        "shared",
        "public",
        "default",
        "guest",
        "root",
        "admin",
        "administrator",
        "all",
        "users",
        "default",
        "user",
        "runner",
        "ubuntu",
        "vagrant",
        "jenkins",
        "circleci",
        "travis",
        "buildkite",
        "builder",
        "build",
        "app",
        "www-data",
        "node",
        "ec2-user",
        "centos",
        "debian",
        "fedora",
        "alpine",
        "user",
        "docker",
        "git",
        "gitlab-runner",
        "buildbot",
        "appveyor",
        "vsts",
        "vssadministrator",
        "cloudshell",
        "codespace",
        "sandbox",
        "nobody",
        "daemon",
    ]
)


def find_user_paths(text: str) -> Iterator[Span]:
    """The login name in a home directory path; the rest of the path stays readable. The
    accounts of machines (``ubuntu``, ``runner``, ``root``, ...) are not a person's."""
    for match in _HOME.finditer(text):
        name = match.group(1)
        if name.lower() not in _SYSTEM_USERS and not name.startswith(("$", "%", "{", "~")):
            yield match.span(1)


PII_FORMATS = (
    Format(
        "email",
        "email",
        anchors=(),
        pattern="",
        requires=("at",),
        find=find_emails,
        skip=lambda key: key in _BUILD_BANNERS,
        examples=("jane.doe@example.com", "bob+orders@shop-mail.example.org", "jürgen@bücher.de"),
        counterexamples=("user@localhost", "@decorator"),
        source="https://datatracker.ietf.org/doc/html/rfc5322#section-3.4.1",
        note="local part and a domain with a dot; not the user part of URL credentials; not in a "
        "machine's build banner (contexts.os.kernel_version: the builder's address, published with "
        "the kernel)",
    ),
    Format(
        "ip",
        "ip",
        anchors=(),
        pattern="",
        requires=("ipv4", "ipv6"),
        find=find_ips,
        skip=lambda key: key is not None and _VERSION_CONTEXT.search(key) is not None,
        examples=("203.0.113.42", "2001:db8::8a2e:370:7334"),
        counterexamples=("1.2.3.4.5", "999.1.1.1", "Version=4.0.0.0", "127.0.0.1:8000", "[::1]"),
        source="https://datatracker.ietf.org/doc/html/rfc4291",
        note="valid IPv4 and IPv6 addresses standing alone; not under a version-like key or after a "
        "version word (Version=4.0.0.0); not the machine's own loopback, unspecified or link-local "
        "address (127.0.0.1, 0.0.0.0, ::1, fe80::1), which end-user slots filter by their key anyway",
    ),
    Format(
        "device-owner",
        "name",
        anchors=(
            "macbook",
            "imac",
            "mac",
            "iphone",
            "ipad",
            "ipod",
            "galaxy",
            "pixel",
            "thinkpad",
            "surface",
        ),
        pattern="",
        ignore_case=True,
        anchor_inside=True,
        find=find_device_owners,
        examples=("Bruno\u2019s MacBook Pro", "Kamils-MacBook-Pro.local", "Jane's iPhone"),
        counterexamples=("My MacBook Pro", "Office-iMac.local", "MacBook Pro (16-inch, 2021)"),
        source="https://developer.apple.com/documentation/uikit/uidevice/name",
        note="device and host names carry their owner's name; only the name goes, the model stays",
    ),
    Format(
        "userpath",
        "user",
        anchors=("/Users/", "/home/", "\\Users"),
        pattern="",
        anchor_inside=True,
        find=find_user_paths,
        examples=("/Users/jane/app/main.py", "C:\\Users\\jdoe\\AppData\\x.dll", "/home/kamil/src"),
        counterexamples=(
            "/home/ubuntu/app.py",
            "/Users/Shared/x",
            "/srv/app/users/list.py",
            "/Home/PostIndex",
            "https://example.com/home/welcome",
        ),
        source="https://docs.sentry.io/security-legal-pii/scrubbing/advanced-datascrubbing/",
        note="the login name in a home directory (Relay's @userpath); machine accounts (ubuntu, "
        "runner, root, ...) stay; on by default: a login name is personal, and the path stays useful",
    ),
)
