"""The catalogue of service tokens and API keys, one `Format` record per documented format.

Every record is data: anchors (the literal a token starts with, or the context word it
follows), a linear pattern tried at each anchor, examples and near misses, and the page
the format was checked against. Three families:

* **Prefixed tokens** (``ghp_``, ``glpat-``, ``xoxb-``, ``sk_live_``): the anchor is the
  token's own prefix and the whole match is removed.
* **Context tokens**: a bare 32-hex key is only recognised right after a word that names
  it (``dd_api_key=``, ``"heroku_api_key": "``), within a short bounded window; the anchor
  is that word (matched in any case) and only the key (group 1) is removed.
* **Infix tokens** (Terraform's ``.atlasv1.``, Azure's ``Q~`` and key signatures,
  Mailchimp's ``-us12``): the only literal sits inside the token, so the pattern cannot
  begin with it. These carry a `find` made by `_infix`: at each anchor occurrence the
  pattern is tried a fixed number of characters earlier, with the same word-boundary and
  placeholder rules as `Format.finditer`.

The example tokens are generated when the module is imported, from a fixed seed
(`_r`): they are random and format-valid, and the source holds no credential-shaped
literals for other scanners to trip on.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator

from ._format import _ALNUM, Format, Span, _occurrences, _placeholder

__all__ = ["TOKEN_FORMATS", "age_key_valid"]

# --------------------------------------------------------------------------- helpers

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
_B62 = _UPPER + _LOWER + _DIGITS
_HEX = "0123456789abcdef"
_B64 = _B62 + "+/"
_B64URL = _B62 + "-_"
_BASE32 = _UPPER + "234567"
_UPPER_DIGITS = _UPPER + _DIGITS
_LOWER_DIGITS = _LOWER + _DIGITS


def _r(salt: str, n: int, alphabet: str = _B62) -> str:
    """`n` characters of `alphabet`, pseudo-random but fixed by `salt` (examples only)."""
    out: list[str] = []
    counter = 0
    while len(out) < n:
        digest = hashlib.sha256(f"sentry_guard.tokens/{salt}/{counter}".encode()).digest()
        out.extend(alphabet[byte % len(alphabet)] for byte in digest)
        counter += 1
    return "".join(out[:n])


def _uuid(salt: str) -> str:
    h = _r(salt, 32, _HEX)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


#: an assignment between a context word and its value: ``=``, ``:``, ``=>``, ``:=``, with
#: quotes, blanks or the backslashes of escaped JSON around it (a bounded window)
_ASSIGN = r"""[ \t'"\\]{0,8}(?:=>|:=|[:=])[ \t'"\\]{0,8}"""


def _ctx(words: str, secret: str, gap: int = 8) -> str:
    """`words`, a name in any case (``heroku_api_key``), up to `gap` more name characters
    (``_prod``), an assignment, then `secret` as group 1."""
    return f"(?i:{words})[A-Za-z0-9_.-]{{0,{gap}}}{_ASSIGN}({secret})"


def _infix(pattern: str, anchors: tuple[str, ...], lead: int) -> Callable[[str], Iterator[Span]]:
    """A `find` for a token whose only literal (an anchor) sits `lead` characters in.

    Each anchor occurrence is tried once, `lead` characters earlier, with ``re.match``;
    occurrences inside an earlier match are skipped, so the work is linear in the text.
    The match must stand alone (no ASCII letter or digit right before or after it) and
    not be a placeholder, as in `Format.finditer`.
    """
    compiled = re.compile(pattern)

    def find(text: str) -> Iterator[Span]:
        starts = sorted({at - lead for anchor in anchors for at in _occurrences(text, anchor) if at >= lead})
        resume = 0
        for start in starts:
            if start < resume:
                continue
            match = compiled.match(text, start)
            if match is None:
                continue
            begin, end = match.span()
            resume = end
            if text[begin - 1 : begin] in _ALNUM or text[end : end + 1] in _ALNUM:
                continue
            if _placeholder(text[begin:end]):
                continue
            yield begin, end

    return find


# -- bech32 (age keys carry its checksum)

_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _bech32_polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _BECH32_GEN[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def age_key_valid(key: str) -> bool:
    """The bech32 checksum of an ``AGE-SECRET-KEY-1…`` key (a typo or a truncation fails it)."""
    lowered = key.lower()
    cut = lowered.rfind("1")
    hrp, data = lowered[:cut], lowered[cut + 1 :]
    if cut < 1 or len(data) < 6 or any(c not in _BECH32 for c in data):
        return False
    return _bech32_polymod(_hrp_expand(hrp) + [_BECH32.index(c) for c in data]) == 1


def _age_key(salt: str) -> str:
    data = [_BECH32.index(c) for c in _r(salt, 52, _BECH32)]
    hrp = "age-secret-key-"
    polymod = _bech32_polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return ("AGE-SECRET-KEY-1" + "".join(_BECH32[d] for d in data + checksum)).upper()


def _discord_bot_token(first_digit: str, salt: str) -> str:
    snowflake = first_digit + _r(salt + "/id", 17, _DIGITS)
    user = base64.urlsafe_b64encode(snowflake.encode()).decode().rstrip("=")
    return f"{user}.{_r(salt + '/ts', 6, _B64URL)}.{_r(salt + '/hmac', 38, _B64URL)}"


def _azure64(signature: str, salt: str) -> str:
    return _r(salt, 76, _B64) + signature + _r(salt + "/tail", 5, _B64) + "Q=="


def _azure32(signature: str, salt: str) -> str:
    return _r(salt, 33, _B64) + signature + "C" + _r(salt + "/tail", 5, _B64) + "="


_GL = "https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/{}.go"


def _gitleaks(rule: str) -> str:
    """The gitleaks rule a format follows, where the provider documents no format."""
    return f"https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml (rule {rule})"


_TH = "https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors/{}"
_GH_PATTERNS = (
    "https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns"
)
_MS_IDENTIFIABLE = (
    "https://github.com/microsoft/security-utilities/blob/main/src/"
    "Microsoft.Security.Utilities.Core/IdentifiableMetadata.cs"
)

# a GitLab token body, optionally routable: ``<payload>.<version>.<length+crc32>`` or ``<payload>.<crc>``
_GITLAB_BODY = r"[A-Za-z0-9_-]{20,300}(?:\.[a-z0-9]{2}\.[a-z0-9]{9}|\.[a-z0-9]{9})?"
#: base64 in a URL: the characters, or their percent-encoding
_B64_URLENCODED = r"(?:[A-Za-z0-9+/=]|%2[BbFf]|%3[Dd])"


def _token(
    name: str,
    anchors: tuple[str, ...],
    pattern: str,
    examples: tuple[str, ...],
    counterexamples: tuple[str, ...],
    source: str,
    note: str = "",
    *,
    group: int = 0,
    ignore_case: bool = False,
    validate: Callable[[str], bool] | None = None,
    default: bool = True,
    find: Callable[[str], Iterable[Span]] | None = None,
    requires: tuple[str, ...] = (),
) -> Format:
    """A `Format` of kind ``token`` (every record of this module is one)."""
    return Format(
        name=name,
        kind="token",
        anchors=anchors,
        pattern=pattern,
        examples=examples,
        counterexamples=counterexamples,
        source=source,
        group=group,
        ignore_case=ignore_case,
        validate=validate,
        default=default,
        note=note,
        find=find,
        requires=requires,
        anchor_inside=find is not None,  # every find here is an `_infix`
    )


# --------------------------------------------------------------------------- AWS

_AWS = (
    _token(
        "aws-access-key-id",
        ("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
        r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}",
        (
            "AKIA" + _r("aws-akia", 16, _BASE32),
            "ASIA" + _r("aws-asia", 16, _BASE32),
            "ABIA" + _r("aws-abia", 16, _BASE32),
            "ACCA" + _r("aws-acca", 16, _BASE32),
            "A3TX" + _r("aws-a3t", 16, _BASE32),
        ),
        (
            "AKIA" + _r("aws-akia-short", 15, _BASE32),
            "akia" + _r("aws-akia-lower", 16, _BASE32).lower(),
            "AIDA" + _r("aws-aida", 17, _BASE32),
            "TODAYINASIAASACKOFRICEFELLOVER",
        ),
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
        note="AKIA/ASIA are long-term/temporary access key ids, ABIA an STS service bearer "
        "token, ACCA a context-specific credential, A3T the oldest key ids. The id alone "
        "does not sign requests, but it names the account and is half of the credential "
        "pair. The body takes any digit, not only base32 2-7, so planted test ids are found.",
    ),
    _token(
        "aws-unique-id",
        ("AIDA", "AROA", "AGPA", "AIPA", "ANPA", "ANVA", "APKA", "ASCA"),
        r"(?:AIDA|AROA|AGPA|AIPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{16,17}",
        (
            "AIDA" + _r("aws-aida-ex", 17, _BASE32),
            "AROA" + _r("aws-aroa-ex", 17, _BASE32),
            "AGPA" + _r("aws-agpa-ex", 17, _BASE32),
            "AIPA" + _r("aws-aipa-ex", 17, _BASE32),
            "ANPA" + _r("aws-anpa-ex", 17, _BASE32),
            "ANVA" + _r("aws-anva-ex", 17, _BASE32),
            "APKA" + _r("aws-apka-ex", 16, _BASE32),
            "ASCA" + _r("aws-asca-ex", 17, _BASE32),
        ),
        ("AIDA" + _r("aws-aida-short", 12, _BASE32), "AROAMING_ENABLED"),
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
        note="IAM user, role, group, instance-profile, policy, public-key and certificate "
        "ids: identifying, not secret. Off by default.",
        default=False,
    ),
    _token(
        "aws-secret-access-key",
        ("aws_secret", "aws-secret", "awssecret", "secret_access", "secret-access", "secretaccess"),
        _ctx(r"aws[_-]?secret|secret[_-]?access[_-]?key", r"[A-Za-z0-9/+]{40}", gap=24),
        (
            "AWS_SECRET_ACCESS_KEY=" + _r("aws-secret-1", 40, _B64),
            '"SecretAccessKey": "' + _r("aws-secret-2", 40, _B64) + '"',
            "aws-secret-key: " + _r("aws-secret-3", 40, _B64),
            "awsSecret='" + _r("aws-secret-4", 40, _B64) + "'",
            "secret-access-key = " + _r("aws-secret-5", 40, _B64),
        ),
        (
            "AWS_SECRET_ACCESS_KEY=" + _r("aws-secret-short", 39, _B64),
            "aws_secret_access_key is not set",
            "SecretAccessKeyId: 42",
        ),
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        note="40 base64 characters have no literal of their own: only after a name that says so.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "aws-session-token",
        ("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz", "FQoGZXIvYXdz"),
        r"(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)" + _B64_URLENCODED + "{100,4096}",
        (
            "IQoJb3JpZ2luX2Vj" + _r("aws-sts-1", 300, _B64),
            "FwoGZXIvYXdz" + _r("aws-sts-2", 280, _B64),
            "FQoGZXIvYXdz" + _r("aws-sts-3", 200, _B64),
            "IQoJb3JpZ2luX2Vj" + _r("aws-sts-4", 120, _B62) + "%2F%2F" + _r("aws-sts-5", 150, _B62) + "%3D",
        ),
        ("IQoJb3JpZ2luX2Vj" + _r("aws-sts-short", 60, _B64), "FwoGZXIvYXdz is how STS tokens start"),
        "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html",
        note="STS session tokens are base64 of a serialized structure whose first bytes are "
        "fixed (``origin_ec`` / ``er/aws``), hence the long literal; the URL-encoded form "
        "appears in presigned URLs (X-Amz-Security-Token).",
    ),
    _token(
        "aws-bedrock-api-key",
        ("ABSKQmVkcm9ja0FQSUtleS",),
        r"ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,260}={0,2}",
        (
            "ABSKQmVkcm9ja0FQSUtleS" + _r("bedrock-1", 110, _B64) + "=",
            "ABSKQmVkcm9ja0FQSUtleS" + _r("bedrock-2", 130, _B64),
        ),
        ("ABSKQmVkcm9ja0FQSUtleS0...", "ABSKQmVkcm9ja0FQSUtleS" + _r("bedrock-short", 40, _B64)),
        "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-generate.html",
        note="ABSK + base64 of ``BedrockAPIKey-<id>-at-<account>:<secret>``: the literal is that "
        "fixed header.",
    ),
    _token(
        "aws-bedrock-short-term-api-key",
        ("bedrock-api-key-YmVkcm9jay",),
        r"bedrock-api-key-YmVkcm9jay[A-Za-z0-9+/]{100,4096}={0,2}",
        (
            "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + _r("bedrock-st-1", 600, _B64) + "==",
            "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + _r("bedrock-st-2", 900, _B64),
        ),
        ("bedrock-api-key-YmVkcm9jay ... (redacted)", "bedrock-api-key-" + _r("bedrock-st-x", 200, _B64)),
        "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-generate.html",
        note="A presigned request base64-encoded behind ``bedrock-api-key-``; "
        "``YmVkcm9jay`` is base64 of ``bedrock``.",
    ),
    _token(
        "aws-presigned-url-signature",
        ("x-amz-signature=",),
        r"(?i:x-amz-signature=)([a-f0-9]{64})",
        (
            "X-Amz-Signature=" + _r("amz-sig-1", 64, _HEX),
            "https://bucket.s3.amazonaws.com/k?X-Amz-Expires=3600&X-Amz-Signature="
            + _r("amz-sig-2", 64, _HEX),
        ),
        ("X-Amz-Signature=" + _r("amz-sig-short", 63, _HEX), "X-Amz-SignedHeaders=host"),
        "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
        note="The SigV4 signature of a presigned URL grants the request until it expires.",
        group=1,
        ignore_case=True,
    ),
)

# --------------------------------------------------------------------------- GitHub

_GITHUB_SOURCE = (
    "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"
)


def _github(name: str, prefix: str, what: str) -> Format:
    return _token(
        name,
        (prefix,),
        prefix + r"[A-Za-z0-9]{36,255}",
        (prefix + _r(name + "-1", 36), prefix + _r(name + "-2", 36), prefix + _r(name + "-3", 76)),
        (prefix + _r(name + "-short", 35), prefix + "x" * 36, "see " + prefix + " in the docs"),
        _GITHUB_SOURCE,
        note=f"{what}; 36 base62 characters, the last six a CRC32 (not checked, so planted "
        "test tokens are found); GitHub reserves up to 255.",
    )


_GITHUB = (
    _github("github-pat", "ghp_", "classic personal access token"),
    _github("github-oauth-token", "gho_", "OAuth access token"),
    _github("github-user-to-server-token", "ghu_", "GitHub App user-to-server token"),
    _github("github-server-to-server-token", "ghs_", "GitHub App installation token"),
    _github("github-refresh-token", "ghr_", "GitHub App refresh token"),
    _token(
        "github-fine-grained-pat",
        ("github_pat_",),
        r"github_pat_[A-Za-z0-9_]{22,255}",
        (
            "github_pat_" + _r("gh-fg-1", 22) + "_" + _r("gh-fg-2", 59),
            "github_pat_" + _r("gh-fg-3", 82, _B62 + "_"),
        ),
        ("github_pat_" + _r("gh-fg-short", 21), "GITHUB_PAT_ENV is unset", "my_github_pat_var"),
        "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
    ),
    _token(
        "github-app-installation-token-stateless",
        ("ghs_",),
        r"ghs_[0-9]{1,20}_[A-Za-z0-9_.-]{100,1024}",
        (
            "ghs_"
            + _r("gh-st-1", 7, _DIGITS)
            + "_eyJ"
            + _r("gh-st-2", 60, _B64URL)
            + "."
            + _r("gh-st-3", 200, _B64URL),
            "ghs_" + _r("gh-st-4", 9, _DIGITS) + "_eyJ" + _r("gh-st-5", 400, _B64URL),
        ),
        ("ghs_12345_" + _r("gh-st-short", 50, _B64URL), "ghs_" + _r("gh-st-6", 36)),
        "https://github.blog/changelog/2026-04-24-notice-about-upcoming-new-format-for-github-app-installation-tokens/",
        note="The stateless installation token (``ghs_<app id>_<JWT>``) that also backs "
        "Actions' GITHUB_TOKEN; the classic 36-character ``ghs_`` is the entry above.",
    ),
)

# --------------------------------------------------------------------------- GitLab

_GITLAB_SOURCE = "https://docs.gitlab.com/security/tokens/#token-prefixes"


def _gitlab(name: str, prefix: str, what: str, body: str = _GITLAB_BODY, n: int = 20) -> Format:
    return _token(
        name,
        (prefix,),
        prefix + body,
        (
            prefix + _r(name + "-1", n, _B64URL),
            prefix
            + _r(name + "-2", 27 if n < 27 else n, _B64URL)
            + ".01."
            + _r(name + "-3", 9, _LOWER_DIGITS),
            prefix + _r(name + "-4", 40, _B64URL) + "." + _r(name + "-5", 9, _LOWER_DIGITS),
        )
        if body is _GITLAB_BODY
        else (prefix + _r(name + "-1", n, _HEX), prefix + _r(name + "-2", n, _HEX)),
        (prefix + _r(name + "-short", 19, _B64URL), f"the {prefix} prefix marks a GitLab {what}"),
        _GITLAB_SOURCE,
        note=f"GitLab {what}: 20 characters, or a routable token (base64 payload, "
        "``.<version>.<length+CRC32>``).",
    )


_GITLAB = (
    _gitlab("gitlab-pat", "glpat-", "personal, project or group access token"),
    _gitlab("gitlab-deploy-token", "gldt-", "deploy token"),
    _gitlab("gitlab-feed-token", "glft-", "feed token"),
    _gitlab("gitlab-runner-token", "glrt-", "runner authentication token"),
    _gitlab("gitlab-incoming-mail-token", "glimt-", "incoming mail token", n=25),
    _gitlab("gitlab-agent-token", "glagent-", "Kubernetes agent token", n=50),
    _gitlab("gitlab-oauth-app-secret", "gloas-", "OAuth application secret", n=64),
    _gitlab("gitlab-scim-token", "glsoat-", "SCIM token"),
    _gitlab("gitlab-feature-flag-client-token", "glffct-", "feature flag client token"),
    _gitlab("gitlab-workspace-token", "glwt-", "workspace token"),
    _gitlab("gitlab-pipeline-trigger-token", "glptt-", "pipeline trigger token", body=r"[a-f0-9]{40}", n=40),
    _token(
        "gitlab-ci-job-token",
        ("glcbt-",),
        r"glcbt-[A-Za-z0-9]{1,5}_" + _GITLAB_BODY,
        (
            "glcbt-64_" + _r("glcbt-1", 20, _B64URL),
            "glcbt-" + _r("glcbt-2", 3) + "_" + _r("glcbt-3", 27, _B64URL),
        ),
        ("glcbt-64_" + _r("glcbt-short", 19, _B64URL), "CI_JOB_TOKEN starts with glcbt-"),
        _GITLAB_SOURCE,
        note="The CI/CD job token: ``glcbt-<partition>_<20>``.",
    ),
    _token(
        "gitlab-runner-registration-token",
        ("GR1348941", "glrtr-"),
        r"GR1348941[A-Za-z0-9_-]{20}|glrtr-" + _GITLAB_BODY,
        ("GR1348941" + _r("glrrt-1", 20, _B64URL), "glrtr-" + _r("glrrt-2", 20, _B64URL)),
        ("GR1348941" + _r("glrrt-short", 19, _B64URL), "registration token prefix GR1348941"),
        _GITLAB_SOURCE,
        note="Legacy runner registration tokens (GR1348941 + 20) and the newer ``glrtr-`` ones.",
    ),
    _token(
        "gitlab-session-cookie",
        ("_gitlab_session=",),
        r"_gitlab_session=([a-f0-9]{32})",
        (
            "_gitlab_session=" + _r("gl-session-1", 32, _HEX),
            "Cookie: _gitlab_session=" + _r("gl-session-2", 32, _HEX),
        ),
        ("_gitlab_session=" + _r("gl-session-short", 31, _HEX), "_gitlab_session=deleted"),
        _GITLAB_SOURCE,
        note="The cookie's value logs the browser in; the cookie name stays.",
        group=1,
    ),
)

# --------------------------------------------------------------------------- Slack


def _slack_secret(salt: str) -> str:
    return f"{_r(salt + '/a', 12, _DIGITS)}-{_r(salt + '/b', 13, _DIGITS)}-{_r(salt + '/c', 24)}"


_SLACK_SOURCE = "https://docs.slack.dev/authentication/tokens"
_SLACK = (
    _token(
        "slack-bot-token",
        ("xoxb-",),
        r"xoxb-[A-Za-z0-9-]{10,250}",
        ("xoxb-" + _slack_secret("slack-bot-1"), "xoxb-" + _slack_secret("slack-bot-2")),
        ("xoxb-123", "the xoxb- prefix"),
        _SLACK_SOURCE,
        note="Bot token; the body is kept as broad as before (any 10+ of [A-Za-z0-9-]).",
    ),
    _token(
        "slack-user-token",
        ("xoxp-",),
        r"xoxp-[A-Za-z0-9-]{10,250}",
        (
            "xoxp-" + _slack_secret("slack-user-1") + "-" + _r("slack-user-x", 32, _HEX),
            "xoxp-" + _slack_secret("slack-user-2"),
        ),
        ("xoxp-42", "xoxp- tokens act as the user"),
        _SLACK_SOURCE,
    ),
    _token(
        "slack-workspace-token",
        ("xoxa-", "xoxr-"),
        r"xox[ar]-[A-Za-z0-9-]{10,250}",
        ("xoxa-2-" + _r("slack-ws-1", 40), "xoxr-" + _slack_secret("slack-ws-2")),
        ("xoxa-1", "xoxr- refresh"),
        _SLACK_SOURCE,
        note="Legacy workspace app access (xoxa-) and refresh (xoxr-) tokens.",
    ),
    _token(
        "slack-legacy-token",
        ("xoxo-", "xoxs-"),
        r"xox[os]-[0-9]{1,20}-[A-Za-z0-9-]{10,250}",
        ("xoxs-" + _slack_secret("slack-legacy-1"), "xoxo-" + _slack_secret("slack-legacy-2")),
        ("xoxo-gossip-girl-fan-club", "xoxs-123-abc"),
        _gitleaks("slack-legacy-token"),
        note="Legacy user/session tokens. Narrower than the old rule: the body must start "
        "with the numeric team id, so ``xoxo-`` in prose (hugs and kisses) is not a token.",
    ),
    _token(
        "slack-app-token",
        ("xapp-",),
        r"xapp-[0-9]{1,2}-[A-Za-z0-9-]{10,250}",
        (
            "xapp-1-A"
            + _r("slack-app-1", 10, _UPPER_DIGITS)
            + "-"
            + _r("slack-app-2", 13, _DIGITS)
            + "-"
            + _r("slack-app-3", 64, _HEX),
            "xapp-1-" + _r("slack-app-4", 40),
        ),
        ("xapp-1-short", "xapp- tokens open Socket Mode"),
        _SLACK_SOURCE,
    ),
    _token(
        "slack-config-token",
        ("xoxe.xoxp-", "xoxe.xoxb-"),
        r"xoxe\.xox[bp]-[A-Za-z0-9-]{10,250}",
        ("xoxe.xoxp-1-" + _r("slack-cfg-1", 163), "xoxe.xoxb-1-" + _r("slack-cfg-2", 140)),
        ("xoxe.xoxp-1", "xoxe.xoxp- rotates"),
        "https://docs.slack.dev/authentication/using-token-rotation",
        note="Rotating and app configuration tokens wrap the usual prefix in ``xoxe.``.",
    ),
    _token(
        "slack-refresh-token",
        ("xoxe-",),
        r"xoxe-[A-Za-z0-9-]{10,250}",
        ("xoxe-1-" + _r("slack-refresh-1", 146), "xoxe-1-" + _r("slack-refresh-2", 120)),
        ("xoxe-1", "use the xoxe- refresh token"),
        "https://docs.slack.dev/authentication/using-token-rotation",
    ),
    _token(
        "slack-workflow-token",
        ("xwfp-",),
        r"xwfp-[A-Za-z0-9-]{10,250}",
        ("xwfp-" + _slack_secret("slack-wf-1"), "xwfp-" + _r("slack-wf-2", 40)),
        ("xwfp-1", "xwfp- workflow tokens"),
        _SLACK_SOURCE,
    ),
    _token(
        "slack-webhook-url",
        ("hooks.slack.com/",),
        r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_+-]{20,255}",
        (
            "https://hooks.slack.com/services/T"
            + _r("slack-hook-1", 8, _UPPER_DIGITS)
            + "/B"
            + _r("slack-hook-2", 8, _UPPER_DIGITS)
            + "/"
            + _r("slack-hook-3", 24),
            "https://hooks.slack.com/workflows/T"
            + _r("slack-hook-4", 10, _UPPER_DIGITS)
            + "/A"
            + _r("slack-hook-5", 10, _UPPER_DIGITS)
            + "/"
            + _r("slack-hook-6", 18, _DIGITS)
            + "/"
            + _r("slack-hook-7", 24),
            "https://hooks.slack.com/triggers/T"
            + _r("slack-hook-8", 10, _UPPER_DIGITS)
            + "/"
            + _r("slack-hook-9", 13, _DIGITS)
            + "/"
            + _r("slack-hook-10", 32, _HEX),
        ),
        ("https://hooks.slack.com/services/", "https://api.slack.com/messaging/webhooks"),
        "https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks",
        note="The path is the secret: anyone holding it can post to the channel.",
    ),
)

# --------------------------------------------------------------------------- Stripe

_STRIPE = (
    _token(
        "stripe-secret-key",
        ("sk_live_", "sk_test_", "sk_prod_", "sk_org_"),
        r"sk_(?:live|test|prod|org)_[A-Za-z0-9]{10,255}",
        (
            "sk_live_" + _r("stripe-sk-1", 24),
            "sk_test_" + _r("stripe-sk-2", 99),
            "sk_prod_" + _r("stripe-sk-3", 24),
            "sk_org_" + _r("stripe-sk-4", 40),
        ),
        (
            "pk_live_" + _r("stripe-pk", 24),
            "set sk_live_ in the environment",
            "sk_live_" + _r("stripe-sk-short", 9),
        ),
        "https://docs.stripe.com/keys",
        note="Publishable keys (pk_live_, pk_test_) are meant for browsers and are not matched.",
    ),
    _token(
        "stripe-restricted-key",
        ("rk_live_", "rk_test_", "rk_prod_"),
        r"rk_(?:live|test|prod)_[A-Za-z0-9]{10,255}",
        (
            "rk_live_" + _r("stripe-rk-1", 24),
            "rk_test_" + _r("stripe-rk-2", 99),
            "rk_prod_" + _r("stripe-rk-3", 30),
        ),
        ("rk_live_", "rk_live_" + _r("stripe-rk-short", 9)),
        "https://docs.stripe.com/keys#limit-access",
    ),
    _token(
        "stripe-webhook-secret",
        ("whsec_",),
        r"whsec_[A-Za-z0-9+/=]{20,255}",
        ("whsec_" + _r("stripe-whsec-1", 32), "whsec_" + _r("stripe-whsec-2", 32, _B64) + "=="),
        ("whsec_" + _r("stripe-whsec-short", 19), "the whsec_ secret signs events"),
        "https://docs.stripe.com/webhooks/signature",
        note="Also the Standard Webhooks/Svix secrets (base64 after whsec_), hence + / =.",
    ),
)

# --------------------------------------------------------------------------- Google

_GOOGLE = (
    _token(
        "google-api-key",
        ("AIza",),
        r"AIza[A-Za-z0-9_-]{35}",
        ("AIza" + _r("google-api-1", 35, _B64URL), "AIzaSy" + _r("google-api-2", 33, _B64URL)),
        ("AIza" + _r("google-api-short", 34, _B64URL), "AIzaSy is the prefix of Google API keys"),
        "https://cloud.google.com/docs/authentication/api-keys",
        note="Browser keys are sometimes public by design, but many are unrestricted server keys.",
    ),
    _token(
        "google-oauth-client-secret",
        ("GOCSPX-",),
        r"GOCSPX-[A-Za-z0-9_-]{28}",
        ("GOCSPX-" + _r("gocspx-1", 28, _B64URL), "GOCSPX-" + _r("gocspx-2", 28, _B64URL)),
        ("GOCSPX-" + _r("gocspx-short", 27, _B64URL), "client secrets start with GOCSPX-"),
        _GH_PATTERNS,
    ),
    _token(
        "google-oauth-access-token",
        ("ya29.",),
        r"ya29\.[A-Za-z0-9_-]{30,2048}",
        ("ya29.a0" + _r("ya29-1", 150, _B64URL), "ya29.a0" + _r("ya29-2", 120, _B64URL)),
        ("ya29." + _r("ya29-short", 20, _B64URL), "ya29.tokens expire after an hour"),
        "https://developers.google.com/identity/protocols/oauth2",
    ),
    _token(
        "google-oauth-refresh-token",
        ("1//0",),
        r"1//0[A-Za-z0-9_-]{40,512}",
        ("1//0" + _r("g-refresh-1", 99, _B64URL), "1//0" + _r("g-refresh-2", 60, _B64URL)),
        ("1//0" + _r("g-refresh-short", 30, _B64URL), "http://0.0.0.0:8000/"),
        "https://developers.google.com/identity/protocols/oauth2",
        note="Google refresh tokens start ``1//0``; a URL without a scheme never starts ``1//``.",
    ),
    _token(
        "gcp-service-account-key-id",
        ("private_key_id",),
        r"(?i:private_key_id)" + _ASSIGN + r"([a-f0-9]{40})",
        (
            '{"type": "service_account", "project_id": "demo", "private_key_id": "'
            + _r("gcp-kid-1", 40, _HEX)
            + '"}',
            '{\\"private_key_id\\": \\"' + _r("gcp-kid-2", 40, _HEX) + '\\"}',
            "PRIVATE_KEY_ID=" + _r("gcp-kid-3", 40, _HEX),
        ),
        ('"private_key_id": "' + _r("gcp-kid-short", 39, _HEX) + '"', '"private_key_id": null'),
        "https://cloud.google.com/iam/docs/keys-create-delete",
        note="The id names the service-account key in a key file (the PEM private key itself "
        "is matched elsewhere).",
        group=1,
        ignore_case=True,
    ),
    _token(
        "gcp-signed-url-signature",
        ("x-goog-signature=",),
        r"(?i:x-goog-signature=)([a-f0-9]{256,1024})",
        (
            "X-Goog-Signature=" + _r("goog-sig-1", 512, _HEX),
            "https://storage.googleapis.com/b/o?X-Goog-Expires=900&X-Goog-Signature="
            + _r("goog-sig-2", 256, _HEX),
        ),
        ("X-Goog-Signature=" + _r("goog-sig-short", 200, _HEX), "X-Goog-SignedHeaders=host"),
        "https://cloud.google.com/storage/docs/access-control/signed-urls",
        group=1,
        ignore_case=True,
    ),
    _token(
        "firebase-cloud-messaging-server-key",
        (":APA91b",),
        r"AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}",
        (
            "AAAA" + _r("fcm-1", 7, _B64URL) + ":APA91b" + _r("fcm-2", 134, _B64URL),
            "AAAA" + _r("fcm-3", 7, _B64URL) + ":APA91b" + _r("fcm-4", 140, _B64URL),
        ),
        (
            "AAAA" + _r("fcm-5", 7, _B64URL) + ":APA91b" + _r("fcm-short", 50, _B64URL),
            ":APA91b registration ids",
        ),
        "https://firebase.google.com/docs/cloud-messaging/migrate-v1",
        note="Legacy FCM server keys: ``AAAA<7>:APA91b<134>``; the literal is in the middle.",
        find=_infix(r"AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}", (":APA91b",), 11),
    ),
)

# --------------------------------------------------------------------------- Azure / Microsoft

_AZ64 = ("+ASt", "ACDb", "+ABa", "APIM", "+AMC")
_AZ32 = ("+ASb", "+AEh", "+ARm", "AIoT", "AzCa", "AZEG")
_AZ64_PATTERN = r"[A-Za-z0-9+/]{76}(?:\+ASt|ACDb|\+ABa|APIM|\+AMC)[A-Za-z0-9+/]{5}[AQgw]=="
_AZ32_PATTERN = r"[A-Za-z0-9+/]{33}(?:\+ASb|\+AEh|\+ARm|AIoT|AzCa|AZEG)[A-P][A-Za-z0-9+/]{5}="
_AAD_PATTERN = r"[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}"
_CASK_PATTERN = r"[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{27}"

_AZURE = (
    _token(
        "azure-storage-account-key",
        ("accountkey=",),
        r"(?i:accountkey=)([A-Za-z0-9+/]{86}==)",
        (
            "DefaultEndpointsProtocol=https;AccountName=demo;AccountKey="
            + _r("az-st-1", 86, _B64)
            + "==;EndpointSuffix=core.windows.net",
            "AccountKey=" + _r("az-st-2", 86, _B64) + "==",
        ),
        ("AccountKey=" + _r("az-st-short", 85, _B64) + "==", "AccountKey=<your key>"),
        "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
        note="A 512-bit key (88 base64 characters) in a connection string; the name stays.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "azure-shared-access-key",
        ("sharedaccesskey=",),
        r"(?i:sharedaccesskey=)([A-Za-z0-9+/]{43}=)",
        (
            "Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="
            + _r("az-sak-1", 43, _B64)
            + "=",
            "HostName=demo.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey="
            + _r("az-sak-2", 43, _B64)
            + "=",
        ),
        (
            "SharedAccessKeyName=RootManageSharedAccessKey",
            "SharedAccessKey=" + _r("az-sak-short", 40, _B64) + "=",
        ),
        "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas",
        note="Service Bus, Event Hubs and IoT Hub connection strings; SharedAccessKeyName is a name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "azure-sas-signature",
        ("sig=",),
        r"sig=((?:[A-Za-z0-9+/_-]|%2[BbFf]){43}(?:=|%3[Dd])?)",
        (
            "https://demo.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2030-01-01&sr=b&sp=r&sig="
            + _r("az-sas-1", 40, _B62)
            + "%2B"
            + _r("az-sas-2", 2, _B62)
            + "%3D",
            "?sp=r&sig=" + _r("az-sas-3", 43, _B64) + "=",
            "https://prod-01.westus.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-06-01&sig="
            + _r("az-sas-4", 43, _B64URL),
        ),
        ("sig=" + _r("az-sas-short", 20, _B62), "design=compact", "sig=<signature>"),
        "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas",
        note="The HMAC-SHA256 of a shared access signature (44 base64 characters, often "
        "URL-encoded); also the base64url sig of Logic Apps / Teams workflow URLs.",
        group=1,
    ),
    _token(
        "azure-ad-client-secret",
        ("Q~",),
        _AAD_PATTERN,
        (
            _r("aad-1", 3, _B62) + "8Q~" + _r("aad-2", 34, _B62 + "_~.-"),
            _r("aad-3", 3, _B62) + "7Q~" + _r("aad-4", 31, _B62 + "_~.-"),
        ),
        (_r("aad-5", 3, _B62) + "8Q~" + _r("aad-short", 20, _B62), "press Q~ to quit"),
        _MS_IDENTIFIABLE,
        note="Entra ID (Azure AD) application secrets carry the ``<digit>Q~`` signature at "
        "position 3; the literal is inside the token.",
        find=_infix(_AAD_PATTERN, ("Q~",), 4),
    ),
    _token(
        "azure-identifiable-key-64",
        _AZ64,
        _AZ64_PATTERN,
        tuple(_azure64(sig, f"az64-{i}") for i, sig in enumerate(_AZ64)),
        (
            _r("az64-short", 70, _B64) + "+ASt" + _r("az64-tail", 5, _B64) + "Q==",
            "the +ASt signature marks storage keys",
        ),
        _MS_IDENTIFIABLE,
        note="64-byte identifiable keys (Storage +ASt, Cosmos DB ACDb, Batch +ABa, API "
        "Management APIM, ML classic +AMC): 88 base64 characters with the service signature "
        "at position 76, found with or without a connection string around them.",
        find=_infix(_AZ64_PATTERN, _AZ64, 76),
    ),
    _token(
        "azure-identifiable-key-32",
        _AZ32,
        _AZ32_PATTERN,
        tuple(_azure32(sig, f"az32-{i}") for i, sig in enumerate(_AZ32)),
        (_r("az32-short", 30, _B64) + "+ASbC" + _r("az32-tail", 5, _B64) + "=", "+AEh event hub"),
        _MS_IDENTIFIABLE,
        note="32-byte identifiable keys (Service Bus +ASb, Event Hubs +AEh, Relay +ARm, IoT "
        "AIoT, Cache for Redis AzCa, Event Grid AZEG): 44 base64 characters, signature at 33.",
        find=_infix(_AZ32_PATTERN, _AZ32, 33),
    ),
    _token(
        "azure-devops-pat",
        ("JQQJ9",),
        _CASK_PATTERN,
        (
            _r("ado-1", 52) + "JQQJ99" + _r("ado-2", 1) + "A" + _r("ado-3", 16) + "AZDO" + _r("ado-4", 4),
            _r("ado-5", 52) + "JQQJ9D" + _r("ado-6", 26),
        ),
        (_r("ado-short", 40) + "JQQJ9" + _r("ado-7", 27), "JQQJ9 signature"),
        "https://devblogs.microsoft.com/engineering-at-microsoft/common-annotated-security-keys/",
        note="84-character Azure DevOps PATs in the common annotated key (CASK) format: the "
        "JQQJ9 signature at position 52 (AZDO at 76).",
        find=_infix(_CASK_PATTERN, ("JQQJ9",), 52),
    ),
    _token(
        "azure-devops-pat-legacy",
        ("azure_devops", "azure-devops", "azuredevops", "ado_pat", "ado-pat", "azdo_", "azdo-"),
        _ctx(r"azure[_-]?devops|ado[_-]pat|azdo[_-]", r"[a-z2-7]{52}", gap=16),
        (
            "AZURE_DEVOPS_PAT=" + _r("ado-legacy-1", 52, _LOWER + "234567"),
            "azure-devops-token: " + _r("ado-legacy-2", 52, _LOWER + "234567"),
            "azuredevops_token=" + _r("ado-legacy-3", 52, _LOWER + "234567"),
            "ADO_PAT=" + _r("ado-legacy-4", 52, _LOWER + "234567"),
            "ado-pat: " + _r("ado-legacy-5", 52, _LOWER + "234567"),
            "AZDO_TOKEN=" + _r("ado-legacy-6", 52, _LOWER + "234567"),
            "azdo-token=" + _r("ado-legacy-7", 52, _LOWER + "234567"),
        ),
        ("AZURE_DEVOPS_PAT=" + _r("ado-legacy-short", 51, _LOWER + "234567"), "azure_devops_org=contoso"),
        "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
        note="Older PATs are 52 lowercase base32 characters with no literal: only after a name.",
        group=1,
        ignore_case=True,
    ),
)

# --------------------------------------------------------------------------- AI providers

_AI = (
    _token(
        "openai-api-key",
        ("sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"),
        r"sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,255}",
        (
            "sk-proj-" + _r("oai-1", 74, _B64URL) + "T3BlbkFJ" + _r("oai-2", 74, _B64URL),
            "sk-svcacct-" + _r("oai-3", 58, _B64URL) + "T3BlbkFJ" + _r("oai-4", 58, _B64URL),
            "sk-admin-" + _r("oai-5", 58, _B64URL) + "T3BlbkFJ" + _r("oai-6", 58, _B64URL),
            "sk-None-" + _r("oai-7", 48),
        ),
        ("sk-proj-" + _r("oai-short", 19), "sk-proj-name is the project slug"),
        "https://platform.openai.com/docs/api-reference/authentication",
        note="Project, service-account and admin keys; the T3BlbkFJ marker is not required so "
        "shortened test keys are found.",
    ),
    _token(
        "openai-legacy-key",
        ("sk-",),
        r"sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}",
        (
            "sk-" + _r("oai-legacy-1", 20) + "T3BlbkFJ" + _r("oai-legacy-2", 20),
            "sk-" + _r("oai-legacy-3", 20) + "T3BlbkFJ" + _r("oai-legacy-4", 20),
        ),
        ("sk-" + _r("oai-legacy-5", 20) + "T3BlbkFJ" + _r("oai-legacy-short", 19), "sk-T3BlbkFJ"),
        _gitleaks("openai-api-key"),
        note="T3BlbkFJ is base64 of ``OpenAI``.",
    ),
    _token(
        "openai-compatible-secret-key",
        ("sk-",),
        r"sk-[A-Za-z0-9]{8}[A-Za-z0-9_-]{24,247}",
        (
            "sk-" + _r("sk-generic-1", 48),
            "sk-" + _r("sk-generic-2", 32, _HEX),
            "sk-" + _r("sk-generic-3", 10) + "_" + _r("sk-generic-4", 30, _B64URL),
        ),
        (
            "sk-" + _r("sk-generic-short", 31),
            "sk-learn-is-not-a-package-name-but-ok",
            "sk-fading-circle sk-circle-bounce-delay-animation",
        ),
        "https://platform.openai.com/docs/api-reference/authentication",
        note="Catch-all for ``sk-`` keys (legacy OpenAI, DeepSeek, Moonshot and other "
        "OpenAI-compatible APIs). The first 8 body characters must be letters or digits, so "
        "kebab-case slugs and CSS classes (``sk-fading-circle``) are not keys.",
    ),
    _token(
        "openrouter-api-key",
        ("sk-or-v1-",),
        r"sk-or-v1-[a-f0-9]{64}",
        ("sk-or-v1-" + _r("openrouter-1", 64, _HEX), "sk-or-v1-" + _r("openrouter-2", 64, _HEX)),
        ("sk-or-v1-" + _r("openrouter-short", 63, _HEX), "sk-or-v1-" + _r("openrouter-up", 64, _HEX).upper()),
        _GH_PATTERNS,
    ),
    _token(
        "anthropic-api-key",
        ("sk-ant-api",),
        r"sk-ant-api[0-9]{2}-[A-Za-z0-9_-]{32,255}",
        (
            "sk-ant-api03-" + _r("ant-1", 93, _B64URL) + "AA",
            "sk-ant-api03-" + _r("ant-2", 93, _B64URL) + "AA",
        ),
        ("sk-ant-api03-" + _r("ant-short", 31, _B64URL), "sk-ant-api-key"),
        "https://docs.anthropic.com/en/api/getting-started",
    ),
    _token(
        "anthropic-admin-key",
        ("sk-ant-admin",),
        r"sk-ant-admin[0-9]{2}-[A-Za-z0-9_-]{32,255}",
        (
            "sk-ant-admin01-" + _r("ant-admin-1", 93, _B64URL) + "AA",
            "sk-ant-admin01-" + _r("ant-admin-2", 93, _B64URL) + "AA",
        ),
        ("sk-ant-admin01-" + _r("ant-admin-short", 31, _B64URL), "sk-ant-admin keys manage the organization"),
        "https://docs.anthropic.com/en/api/administration-api",
    ),
    _token(
        "anthropic-oauth-token",
        ("sk-ant-oat", "sk-ant-ort", "sk-ant-sid"),
        r"sk-ant-(?:oat|ort|sid)[0-9]{2}-[A-Za-z0-9_-]{32,255}",
        (
            "sk-ant-oat01-" + _r("ant-oat-1", 93, _B64URL) + "AA",
            "sk-ant-ort01-" + _r("ant-ort-1", 93, _B64URL) + "AA",
            "sk-ant-sid01-" + _r("ant-sid-1", 93, _B64URL) + "AA",
        ),
        ("sk-ant-oat01-" + _r("ant-oat-short", 31, _B64URL), "sk-ant-oat tokens"),
        _GL.format("claude_code"),
        note="OAuth access/refresh tokens and session keys of Claude clients.",
    ),
    _token(
        "huggingface-token",
        ("hf_",),
        r"hf_[A-Za-z]{34}",
        ("hf_" + _r("hf-1", 34, _UPPER + _LOWER), "hf_" + _r("hf-2", 34, _UPPER + _LOWER)),
        (
            "hf_" + _r("hf-short", 33, _UPPER + _LOWER),
            "hf_hub_download",
            "hf_" + _r("hf-digits", 34, _LOWER_DIGITS),
        ),
        "https://huggingface.co/docs/hub/security-tokens",
        note="34 letters after hf_: ``hf_hub_download`` and other snake_case names are shorter "
        "or carry underscores.",
    ),
    _token(
        "huggingface-org-token",
        ("api_org_",),
        r"api_org_[A-Za-z]{34}",
        ("api_org_" + _r("hf-org-1", 34, _UPPER + _LOWER), "api_org_" + _r("hf-org-2", 34, _UPPER + _LOWER)),
        ("api_org_" + _r("hf-org-short", 33, _UPPER + _LOWER), "api_org_id"),
        _gitleaks("huggingface-organization-api-token"),
    ),
    _token(
        "replicate-api-token",
        ("r8_",),
        r"r8_[A-Za-z0-9]{37}",
        ("r8_" + _r("replicate-1", 37), "r8_" + _r("replicate-2", 37)),
        ("r8_" + _r("replicate-short", 36), "r8_model_version"),
        "https://replicate.com/docs/topics/security/api-tokens",
        note="``40-character strings that always start with r8_``.",
    ),
    _token(
        "groq-api-key",
        ("gsk_",),
        r"gsk_[A-Za-z0-9]{52}",
        ("gsk_" + _r("groq-1", 52), "gsk_" + _r("groq-2", 52)),
        ("gsk_" + _r("groq-short", 51), "gsk_ keys"),
        _GL.format("groq"),
    ),
    _token(
        "perplexity-api-key",
        ("pplx-",),
        r"pplx-[A-Za-z0-9]{48}",
        ("pplx-" + _r("pplx-1", 48), "pplx-" + _r("pplx-2", 48)),
        ("pplx-" + _r("pplx-short", 47), "pplx-api"),
        _gitleaks("perplexity-api-key"),
    ),
    _token(
        "xai-api-key",
        ("xai-",),
        r"xai-[A-Za-z0-9_]{80}",
        ("xai-" + _r("xai-1", 80), "xai-" + _r("xai-2", 80, _B62 + "_")),
        ("xai-" + _r("xai-short", 79), "xai-grok-3"),
        _TH.format("xai"),
    ),
    _token(
        "langsmith-api-key",
        ("lsv2_pt_", "lsv2_sk_"),
        r"lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
        (
            "lsv2_pt_" + _r("ls-1", 32, _HEX) + "_" + _r("ls-2", 10, _HEX),
            "lsv2_sk_" + _r("ls-3", 32, _HEX) + "_" + _r("ls-4", 10, _HEX),
        ),
        ("lsv2_pt_" + _r("ls-5", 32, _HEX) + "_" + _r("ls-short", 9, _HEX), "lsv2_pt_"),
        _TH.format("langsmith"),
    ),
    _token(
        "pinecone-api-key",
        ("pcsk_",),
        r"pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}",
        ("pcsk_" + _r("pc-1", 5) + "_" + _r("pc-2", 63), "pcsk_" + _r("pc-3", 6) + "_" + _r("pc-4", 63)),
        ("pcsk_" + _r("pc-5", 5) + "_" + _r("pc-short", 62), "pcsk_ prefix"),
        _TH.format("pinecone"),
    ),
    _token(
        "wandb-api-key",
        ("wandb_v1_",),
        r"wandb_v1_[A-Za-z0-9]{27}_[A-Za-z0-9]{49}",
        (
            "wandb_v1_" + _r("wandb-1", 27) + "_" + _r("wandb-2", 49),
            "wandb_v1_" + _r("wandb-3", 27) + "_" + _r("wandb-4", 49),
        ),
        ("wandb_v1_" + _r("wandb-5", 27) + "_" + _r("wandb-short", 48), "wandb_v1_api"),
        _TH.format("weightsandbiases"),
    ),
    _token(
        "cohere-api-key",
        ("cohere", "co_api_key"),
        _ctx(r"cohere[_.-]?(?:api[_.-]?)?key|co_api_key", r"[A-Za-z0-9]{40}"),
        ("COHERE_API_KEY=" + _r("cohere-1", 40), "co_api_key: " + _r("cohere-2", 40)),
        ("COHERE_API_KEY=" + _r("cohere-short", 39), "cohere_model = command-r-plus"),
        _gitleaks("cohere-api-token"),
        note="Unprefixed 40-character key: only after the name.",
        group=1,
        ignore_case=True,
    ),
)

# --------------------------------------------------------------------------- hosting, infrastructure


def _doppler(name: str, kind: str, what: str) -> Format:
    prefix = f"dp.{kind}."
    return _token(
        name,
        (prefix,),
        rf"dp\.{kind}\.[A-Za-z0-9]{{40,44}}",
        (prefix + _r(name + "-1", 43), prefix + _r(name + "-2", 40)),
        (prefix + _r(name + "-short", 39), f"Doppler {what} tokens start with {prefix}"),
        "https://docs.doppler.com/reference/auth-token-formats",
        note=f"Doppler {what} token.",
    )


_INFRA = (
    _token(
        "digitalocean-pat",
        ("dop_v1_",),
        r"dop_v1_[a-f0-9]{64}",
        ("dop_v1_" + _r("do-pat-1", 64, _HEX), "dop_v1_" + _r("do-pat-2", 64, _HEX)),
        ("dop_v1_" + _r("do-pat-short", 63, _HEX), "dop_v1_" + _r("do-pat-up", 64, _HEX).upper()),
        "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    ),
    _token(
        "digitalocean-oauth-token",
        ("doo_v1_",),
        r"doo_v1_[a-f0-9]{64}",
        ("doo_v1_" + _r("do-oauth-1", 64, _HEX), "doo_v1_" + _r("do-oauth-2", 64, _HEX)),
        ("doo_v1_" + _r("do-oauth-short", 63, _HEX), "doo_v1_"),
        "https://docs.digitalocean.com/reference/api/oauth/",
    ),
    _token(
        "digitalocean-refresh-token",
        ("dor_v1_",),
        r"dor_v1_[a-f0-9]{64}",
        ("dor_v1_" + _r("do-refresh-1", 64, _HEX), "dor_v1_" + _r("do-refresh-2", 64, _HEX)),
        ("dor_v1_" + _r("do-refresh-short", 63, _HEX), "dor_v1_"),
        "https://docs.digitalocean.com/reference/api/oauth/",
    ),
    _token(
        "heroku-api-key",
        ("HRKU-",),
        r"HRKU-(?:[A-Za-z0-9_-]{60}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})",
        (
            "HRKU-AA" + _r("heroku-1", 58, _B64URL),
            "HRKU-" + _uuid("heroku-2"),
            "HRKU-AA" + _r("heroku-3", 58, _B62),
        ),
        ("HRKU-" + _r("heroku-short", 40, _B64URL), "HRKU-abc"),
        "https://devcenter.heroku.com/changelog-items/2800",
        note="65 characters since 2024; briefly HRKU- + a UUID before that.",
    ),
    _token(
        "heroku-api-key-legacy",
        ("heroku",),
        _ctx(
            r"heroku[_.-]?(?:api[_.-]?)?(?:key|token)",
            r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
        ),
        (
            "HEROKU_API_KEY=" + _uuid("heroku-legacy-1"),
            '"heroku_api_key": "' + _uuid("heroku-legacy-2") + '"',
        ),
        (
            "request_id=" + _uuid("heroku-legacy-3"),
            "HEROKU_APP_ID=" + _uuid("heroku-legacy-4"),
            "HEROKU_APP_NAME=demo-app",
        ),
        _gitleaks("heroku-api-key"),
        note="Old Heroku API keys are bare UUIDs, like request ids: only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "cloudflare-api-token",
        ("cfut_", "cfat_"),
        r"cf(?:ut|at)_[A-Za-z0-9]{40,56}",
        (
            "cfut_" + _r("cf-ut-1", 40) + _r("cf-ut-2", 8, _HEX),
            "cfat_" + _r("cf-at-1", 40) + _r("cf-at-2", 8, _HEX),
        ),
        ("cfut_" + _r("cf-ut-short", 39), "cfat_ tokens belong to the account"),
        "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
        note="User and account API tokens: prefix, 40 characters and a checksum (length not "
        "stated, so 40 to 56).",
    ),
    _token(
        "cloudflare-global-api-key",
        ("cfk_",),
        r"cfk_[A-Za-z0-9]{40,56}",
        ("cfk_" + _r("cf-k-1", 40) + _r("cf-k-2", 8, _HEX), "cfk_" + _r("cf-k-3", 48)),
        ("cfk_" + _r("cf-k-short", 39), "cfk_ global key"),
        "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
    ),
    _token(
        "cloudflare-access-service-token",
        ("cfast_",),
        r"cfast_[A-Za-z0-9]{48}",
        ("cfast_" + _r("cf-ast-1", 48), "cfast_" + _r("cf-ast-2", 40) + _r("cf-ast-3", 8, _HEX)),
        ("cfast_" + _r("cf-ast-short", 47), "cfast_ secrets"),
        "https://developers.cloudflare.com/changelog/post/2026-08-26-service-token-secret-format/",
        note="Access service-token client secret: 54 characters, the last 8 a checksum.",
    ),
    _token(
        "cloudflare-origin-ca-key",
        ("v1.0-",),
        r"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}",
        (
            "v1.0-" + _r("cf-oca-1", 24, _HEX) + "-" + _r("cf-oca-2", 146, _HEX),
            "v1.0-" + _r("cf-oca-3", 24, _HEX) + "-" + _r("cf-oca-4", 146, _HEX),
        ),
        ("v1.0-" + _r("cf-oca-5", 24, _HEX) + "-" + _r("cf-oca-short", 100, _HEX), "release v1.0-beta"),
        _gitleaks("cloudflare-origin-ca-key"),
    ),
    _token(
        "cloudflare-legacy-key",
        ("cloudflare", "cf_api", "cf-api"),
        _ctx(
            r"cloudflare[_.-]?(?:api[_.-]?|global[_.-]?|auth[_.-]?)?(?:token|key)|cf[_-]api[_-](?:token|key)",
            r"[A-Za-z0-9_-]{40}|[a-f0-9]{37}",
        ),
        (
            "CLOUDFLARE_API_TOKEN=" + _r("cf-legacy-1", 40, _B64URL),
            "CF_API_KEY=" + _r("cf-legacy-2", 37, _HEX),
            "cf-api-token: " + _r("cf-legacy-3", 40, _B64URL),
        ),
        ("CLOUDFLARE_ZONE_ID=" + _r("cf-legacy-4", 32, _HEX), "cloudflare: enabled"),
        _gitleaks("cloudflare-api-key"),
        note="Unprefixed tokens (40) and global keys (37 hex) from before the cfut_/cfk_ "
        "formats: only after the name. A zone id (32 hex) is not matched.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "supabase-access-token",
        ("sbp_",),
        r"sbp_(?:oauth_|v0_)?[a-f0-9]{40}",
        (
            "sbp_" + _r("sbp-1", 40, _HEX),
            "sbp_oauth_" + _r("sbp-2", 40, _HEX),
            "sbp_v0_" + _r("sbp-3", 40, _HEX),
        ),
        ("sbp_" + _r("sbp-short", 39, _HEX), "sbp_" + _r("sbp-upper", 40, _B62)),
        "https://github.com/supabase/cli",
        note="Personal and OAuth access tokens of the Management API.",
    ),
    _token(
        "supabase-secret-key",
        ("sb_secret_",),
        r"sb_secret_[A-Za-z0-9_-]{31}",
        (
            "sb_secret_" + _r("sb-secret-1", 22, _B64URL) + "_" + _r("sb-secret-2", 8, _B64URL),
            "sb_secret_" + _r("sb-secret-3", 31, _B64URL),
        ),
        (
            "sb_publishable_" + _r("sb-pub", 22, _B64URL) + "_" + _r("sb-pub-2", 8, _B64URL),
            "sb_secret_" + _r("sb-secret-short", 30, _B64URL),
        ),
        "https://supabase.com/docs/guides/api/api-keys",
        note="41 characters; sb_publishable_ keys are safe to expose and are not matched.",
    ),
    _token(
        "vercel-token",
        ("vcp_", "vci_", "vca_", "vcr_", "vck_"),
        r"vc[piark]_[A-Za-z0-9]{24,128}",
        (
            "vcp_" + _r("vercel-1", 56),
            "vci_" + _r("vercel-2", 56),
            "vca_" + _r("vercel-3", 56),
            "vcr_" + _r("vercel-4", 56),
            "vck_" + _r("vercel-5", 56),
        ),
        ("vcp_" + _r("vercel-short", 23), "vcr_tool_version"),
        "https://vercel.com/changelog/new-token-formats-and-secret-scanning",
        note="Personal (vcp_), integration (vci_), app access/refresh (vca_/vcr_) and API "
        "(vck_) tokens; the body length is not documented.",
    ),
    _token(
        "vercel-token-legacy",
        ("vercel",),
        _ctx(r"vercel[_.-]?(?:api[_.-]?|access[_.-]?|auth[_.-]?)?token", r"[A-Za-z0-9]{24}"),
        ("VERCEL_TOKEN=" + _r("vercel-legacy-1", 24), "vercel_api_token: " + _r("vercel-legacy-2", 24)),
        ("VERCEL_TOKEN=" + _r("vercel-legacy-short", 23), "VERCEL_ENV=production"),
        _TH.format("vercel"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "netlify-token",
        ("nfp_", "nfc_", "nfo_", "nfu_", "nfb_"),
        r"nf[pcoub]_[A-Za-z0-9_]{36,64}",
        (
            "nfp_" + _r("netlify-1", 36),
            "nfc_" + _r("netlify-2", 36),
            "nfo_" + _r("netlify-3", 36),
            "nfu_" + _r("netlify-4", 36),
            "nfb_" + _r("netlify-5", 36),
        ),
        ("nfp_" + _r("netlify-short", 35), "nfc_version"),
        "https://answers.netlify.com/t/change-to-the-netlify-authentication-token-format/106146",
        note="Personal, CLI, OAuth, app and build tokens.",
    ),
    _token(
        "netlify-token-legacy",
        ("netlify",),
        _ctx(r"netlify[_.-]?(?:auth[_.-]?|api[_.-]?|access[_.-]?)?token", r"[A-Za-z0-9_-]{40,46}"),
        (
            "NETLIFY_AUTH_TOKEN=" + _r("netlify-legacy-1", 43, _B64URL),
            "netlify_token: " + _r("netlify-legacy-2", 40, _B64URL),
        ),
        (
            "NETLIFY_SITE_ID=" + _uuid("netlify-site"),
            "NETLIFY_COMMIT_REF=" + _r("netlify-ref", 40, _HEX),
            "netlify: deploy preview",
        ),
        _gitleaks("netlify-access-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "flyio-token",
        ("fo1_",),
        r"fo1_[A-Za-z0-9_-]{43}",
        ("fo1_" + _r("fly-1", 43, _B64URL), "fo1_" + _r("fly-2", 43, _B64URL)),
        ("fo1_" + _r("fly-short", 42, _B64URL), "fo1_ tokens"),
        _gitleaks("flyio-access-token"),
    ),
    _token(
        "flyio-macaroon",
        ("fm1a_", "fm1r_", "fm2_"),
        r"(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,4096}={0,3}",
        (
            "FlyV1 fm2_" + _r("fly-m-1", 300, _B64) + "==",
            "fm1a_" + _r("fly-m-2", 150, _B64),
            "fm1r_" + _r("fly-m-3", 120, _B64),
        ),
        ("fm2_" + _r("fly-m-short", 80, _B64), "FlyV1 fm2_..."),
        _gitleaks("flyio-access-token"),
        note="``FlyV1 fm2_…,fm2_…``: each comma-separated macaroon is found.",
    ),
    _token(
        "render-api-key",
        ("rnd_",),
        r"rnd_[A-Za-z0-9]{32}",
        ("rnd_" + _r("render-1", 32), "rnd_" + _r("render-2", 32)),
        ("rnd_" + _r("render-short", 31), "rnd_seed"),
        "https://render.com/docs/api#1-create-an-api-key",
    ),
    _token(
        "railway-token",
        ("railway",),
        _ctx(
            r"railway[_.-]?(?:api[_.-]?|project[_.-]?|team[_.-]?)?token",
            r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
        ),
        ("RAILWAY_TOKEN=" + _uuid("railway-1"), "RAILWAY_API_TOKEN: " + _uuid("railway-2")),
        (
            "RAILWAY_TOKEN=" + _uuid("railway-3")[:-1],
            "RAILWAY_PROJECT_ID=" + _uuid("railway-4"),
            "RAILWAY_ENVIRONMENT=production",
        ),
        "https://docs.railway.com/guides/public-api",
        note="Railway tokens are UUIDs: only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "pulumi-access-token",
        ("pul-",),
        r"pul-[a-f0-9]{40}",
        ("pul-" + _r("pulumi-1", 40, _HEX), "pul-" + _r("pulumi-2", 40, _HEX)),
        ("pul-" + _r("pulumi-short", 39, _HEX), "pul-request"),
        "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    ),
    _token(
        "databricks-token",
        ("dapi",),
        r"dapi[a-f0-9]{32}(?:-[0-9])?",
        ("dapi" + _r("databricks-1", 32, _HEX), "dapi" + _r("databricks-2", 32, _HEX) + "-2"),
        ("dapi" + _r("databricks-short", 31, _HEX), "dapi-client"),
        _gitleaks("databricks-api-token"),
    ),
    _token(
        "planetscale-token",
        ("pscale_tkn_",),
        r"pscale_tkn_[A-Za-z0-9_=.-]{32,64}",
        ("pscale_tkn_" + _r("pscale-1", 43, _B64URL), "pscale_tkn_" + _r("pscale-2", 32, _B64URL)),
        ("pscale_tkn_" + _r("pscale-short", 31), "pscale_tkn_id"),
        _gitleaks("planetscale-api-token"),
    ),
    _token(
        "planetscale-password",
        ("pscale_pw_",),
        r"pscale_pw_[A-Za-z0-9_=.-]{32,64}",
        ("pscale_pw_" + _r("pscale-pw-1", 43, _B64URL), "pscale_pw_" + _r("pscale-pw-2", 43, _B64URL)),
        ("pscale_pw_" + _r("pscale-pw-short", 31), "pscale_pw_"),
        _gitleaks("planetscale-password"),
    ),
    _token(
        "planetscale-oauth-token",
        ("pscale_oauth_",),
        r"pscale_oauth_[A-Za-z0-9_=.-]{32,64}",
        (
            "pscale_oauth_" + _r("pscale-oauth-1", 43, _B64URL),
            "pscale_oauth_" + _r("pscale-oauth-2", 40, _B64URL),
        ),
        ("pscale_oauth_" + _r("pscale-oauth-short", 31), "pscale_oauth_"),
        _gitleaks("planetscale-oauth-token"),
    ),
    _token(
        "hashicorp-vault-service-token",
        ("hvs.",),
        r"hvs\.[A-Za-z0-9_-]{24,255}",
        ("hvs." + _r("vault-s-1", 24), "hvs.CAESI" + _r("vault-s-2", 86, _B64URL)),
        ("hvs." + _r("vault-s-short", 23), "hvs.token"),
        "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
        note="Service tokens: 24 characters for a root/dev token, ~95 with namespace info.",
    ),
    _token(
        "hashicorp-vault-batch-token",
        ("hvb.",),
        r"hvb\.[A-Za-z0-9_-]{24,400}",
        ("hvb.AAAAAQ" + _r("vault-b-1", 150, _B64URL), "hvb." + _r("vault-b-2", 138, _B64URL)),
        ("hvb." + _r("vault-b-short", 23), "hvb.token"),
        "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    ),
    _token(
        "hashicorp-vault-recovery-token",
        ("hvr.",),
        r"hvr\.[A-Za-z0-9_-]{24,255}",
        ("hvr." + _r("vault-r-1", 24), "hvr." + _r("vault-r-2", 90, _B64URL)),
        ("hvr." + _r("vault-r-short", 23), "hvr.token"),
        "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    ),
    _token(
        "terraform-cloud-token",
        (".atlasv1.",),
        r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}",
        (
            _r("tfc-1", 14, _LOWER_DIGITS) + ".atlasv1." + _r("tfc-2", 67, _B64URL),
            _r("tfc-3", 14) + ".atlasv1." + _r("tfc-4", 60),
        ),
        (_r("tfc-5", 14) + ".atlasv1." + _r("tfc-short", 59), "token.atlasv1.example"),
        "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
        note="``<14>.atlasv1.<60-70>``: the literal is in the middle.",
        find=_infix(r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}", (".atlasv1.",), 14),
    ),
    _doppler("doppler-personal-token", "pt", "personal"),
    _doppler("doppler-cli-token", "ct", "CLI"),
    _doppler("doppler-scim-token", "scim", "SCIM"),
    _doppler("doppler-audit-token", "audit", "audit"),
    _token(
        "doppler-service-account-token",
        ("dp.sa.", "dp.said."),
        r"dp\.(?:sa|said)\.[A-Za-z0-9]{40,44}",
        ("dp.sa." + _r("dp-sa-1", 43), "dp.said." + _r("dp-sa-2", 43)),
        ("dp.sa." + _r("dp-sa-short", 39), "dp.sa. tokens"),
        "https://docs.doppler.com/reference/auth-token-formats",
        note="Service account and service account identity tokens.",
    ),
    _token(
        "doppler-service-token",
        ("dp.st.",),
        r"dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}",
        (
            "dp.st." + _r("dp-st-1", 43),
            "dp.st.prd." + _r("dp-st-2", 43),
            "dp.st.dev_backend." + _r("dp-st-3", 40),
        ),
        ("dp.st." + _r("dp-st-short", 39), "dp.st.prd."),
        "https://docs.doppler.com/reference/auth-token-formats",
        note="Service tokens, optionally with the config name: ``dp.st.<config>.<token>``.",
    ),
    _token(
        "1password-service-account-token",
        ("ops_eyJ",),
        r"ops_eyJ[A-Za-z0-9+/]{250,4096}={0,3}",
        ("ops_eyJ" + _r("op-sa-1", 300, _B64), "ops_eyJ" + _r("op-sa-2", 600, _B64) + "="),
        ("ops_eyJ" + _r("op-sa-short", 100, _B64), "ops_eyJ..."),
        "https://developer.1password.com/docs/service-accounts/",
        note="``ops_`` + base64 of a JSON document (hence eyJ).",
    ),
    _token(
        "1password-secret-key",
        ("A3-",),
        r"A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}",
        (
            "A3-"
            + _r("op-sk-1", 6, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-2", 11, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-3", 5, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-4", 5, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-5", 5, _UPPER_DIGITS),
            "A3-"
            + _r("op-sk-6", 6, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-7", 6, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-8", 5, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-9", 5, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-10", 5, _UPPER_DIGITS)
            + "-"
            + _r("op-sk-11", 5, _UPPER_DIGITS),
        ),
        (
            "A3-" + _r("op-sk-12", 6, _UPPER_DIGITS) + "-" + _r("op-sk-13", 11, _UPPER_DIGITS),
            "paper size A3-landscape",
        ),
        "https://support.1password.com/secret-key-security/",
        note="The account Secret Key (second factor of the account password).",
    ),
    _token(
        "tailscale-key",
        ("tskey-",),
        r"tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,32}-[A-Za-z0-9]{16,64}",
        (
            "tskey-auth-k" + _r("ts-1", 10) + "CNTRL-" + _r("ts-2", 33),
            "tskey-api-k" + _r("ts-3", 10) + "CNTRL-" + _r("ts-4", 33),
            "tskey-client-k" + _r("ts-5", 10) + "CNTRL-" + _r("ts-6", 33),
        ),
        ("tskey-auth-" + _r("ts-7", 10) + "-" + _r("ts-short", 15), "tskey-auth-XXXXX"),
        "https://tailscale.com/kb/1277/key-prefixes",
    ),
    _token(
        "openshift-user-token",
        ("sha256~",),
        r"sha256~[A-Za-z0-9_-]{43}",
        ("sha256~" + _r("openshift-1", 43, _B64URL), "sha256~" + _r("openshift-2", 43, _B64URL)),
        ("sha256~" + _r("openshift-short", 42, _B64URL), "sha256:" + _r("openshift-3", 64, _HEX)),
        _gitleaks("openshift-user-token"),
        note="A ``sha256:`` digest (colon) is not a token; the tilde form is an OAuth token.",
    ),
    _token(
        "alibaba-access-key-id",
        ("LTAI",),
        r"LTAI[A-Za-z0-9]{12,20}",
        ("LTAI" + _r("alibaba-1", 20), "LTAI" + _r("alibaba-2", 12)),
        ("LTAI" + _r("alibaba-short", 11), "LTAIN"),
        "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    ),
    _token(
        "tencent-cloud-secret-id",
        ("AKID",),
        r"AKID[A-Za-z0-9]{32}",
        ("AKID" + _r("tencent-1", 32), "AKID" + _r("tencent-2", 32)),
        ("AKID" + _r("tencent-short", 31), "AKIDNAPPING"),
        _GH_PATTERNS,
    ),
    _token(
        "ibm-cloud-api-key",
        ("ibm",),
        _ctx(r"ibm[_.-]?(?:cloud[_.-]?)?api[_.-]?key", r"[A-Za-z0-9_-]{44}"),
        ("IBM_CLOUD_API_KEY=" + _r("ibm-1", 44, _B64URL), "ibmcloud_api_key: " + _r("ibm-2", 44, _B64URL)),
        ("IBM_CLOUD_REGION=us-south", "IBM_CLOUD_API_KEY=" + _r("ibm-short", 43, _B64URL)),
        "https://cloud.ibm.com/docs/account?topic=account-userapikey",
        group=1,
        ignore_case=True,
    ),
    _token(
        "yandex-api-key",
        ("AQVN",),
        r"AQVN[A-Za-z0-9_-]{35,38}",
        ("AQVN" + _r("yandex-1", 36, _B64URL), "AQVN" + _r("yandex-2", 38, _B64URL)),
        ("AQVN" + _r("yandex-short", 34, _B64URL), "AQVNX"),
        _gitleaks("yandex-api-key"),
    ),
    _token(
        "yandex-cloud-credential",
        ("yandex", "yc_"),
        _ctx(
            r"yandex|yc_",
            r"YC[A-Za-z0-9_-]{38}|t1\.[A-Za-z0-9_-]{20,200}={0,2}\.[A-Za-z0-9_-]{86}={0,2}",
            gap=16,
        ),
        (
            "YANDEX_SECRET_KEY=YC" + _r("yc-1", 38, _B64URL),
            "yc_iam_token: t1." + _r("yc-2", 60, _B64URL) + "." + _r("yc-3", 86, _B64URL),
        ),
        ("YANDEX_FOLDER_ID=b1g" + _r("yc-4", 17, _LOWER_DIGITS), "yc_region: ru-central1"),
        _gitleaks("yandex-aws-access-token"),
        note="Static access key secrets (YC…) and IAM tokens (t1.…): only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "scalingo-api-token",
        ("tk-us-",),
        r"tk-us-[A-Za-z0-9_-]{48}",
        ("tk-us-" + _r("scalingo-1", 48, _B64URL), "tk-us-" + _r("scalingo-2", 48, _B64URL)),
        ("tk-us-" + _r("scalingo-short", 47, _B64URL), "tk-us-east"),
        _gitleaks("scalingo-api-token"),
    ),
    _token(
        "dynatrace-api-token",
        ("dt0c01.",),
        r"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}",
        (
            "dt0c01." + _r("dt-1", 24, _UPPER_DIGITS) + "." + _r("dt-2", 64, _UPPER_DIGITS),
            "dt0c01." + _r("dt-3", 24) + "." + _r("dt-4", 64),
        ),
        ("dt0c01." + _r("dt-5", 24) + "." + _r("dt-short", 63), "dt0c01.example"),
        "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    ),
    _token(
        "clickhouse-cloud-secret",
        ("4b1d",),
        r"4b1d[A-Za-z0-9]{38}",
        ("4b1d" + _r("ch-1", 38), "4b1d" + _r("ch-2", 38)),
        ("4b1d" + _r("ch-short", 37), "4b1d" + _r("ch-3", 60, _HEX)),
        _gitleaks("clickhouse-cloud-api-secret-key"),
        note="42 characters exactly; a hex digest that happens to start with 4b1d is 40 or 64 long.",
    ),
    _token(
        "defined-networking-token",
        ("dnkey-",),
        r"dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}",
        (
            "dnkey-" + _r("dn-1", 26, _B64URL) + "-" + _r("dn-2", 52, _B64URL),
            "dnkey-" + _r("dn-3", 26) + "-" + _r("dn-4", 52),
        ),
        ("dnkey-" + _r("dn-5", 26) + "-" + _r("dn-short", 40), "dnkey-"),
        _gitleaks("defined-networking-api-token"),
    ),
    _token(
        "harness-api-key",
        ("pat.", "sat."),
        r"(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}",
        (
            "pat." + _r("harness-1", 22, _B64URL) + "." + _r("harness-2", 24) + "." + _r("harness-3", 20),
            "sat." + _r("harness-4", 22, _B64URL) + "." + _r("harness-5", 24) + "." + _r("harness-6", 20),
        ),
        ("pat." + _r("harness-7", 22) + "." + _r("harness-8", 24), "the pat.txt file"),
        "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/",
    ),
    _token(
        "octopus-deploy-api-key",
        ("API-",),
        r"API-[A-Z0-9]{26}",
        ("API-" + _r("octopus-1", 26, _UPPER_DIGITS), "API-" + _r("octopus-2", 26, _UPPER_DIGITS)),
        ("API-" + _r("octopus-short", 25, _UPPER_DIGITS), "API-GATEWAY-TIMEOUT"),
        "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key",
    ),
    _token(
        "infracost-api-key",
        ("ico-",),
        r"ico-[A-Za-z0-9]{32}",
        ("ico-" + _r("infracost-1", 32), "ico-" + _r("infracost-2", 32)),
        ("ico-" + _r("infracost-short", 31), "ico-arrow-left"),
        _gitleaks("infracost-api-token"),
    ),
)

# --------------------------------------------------------------------------- developer tools, packages, CI

_DEV = (
    _token(
        "npm-access-token",
        ("npm_",),
        r"npm_[A-Za-z0-9]{36}",
        ("npm_" + _r("npm-1", 36), "npm_" + _r("npm-2", 36)),
        ("npm_" + _r("npm-short", 35), "npm_config_registry", "npm_" + _r("npm-long", 40)),
        "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/",
        note="36 base62 characters, the last six a CRC32 (not checked); npm_config_* names "
        "carry underscores.",
    ),
    _token(
        "pypi-api-token",
        ("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"),
        r"pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}",
        (
            "pypi-AgEIcHlwaS5vcmc" + _r("pypi-1", 160, _B64URL),
            "pypi-AgENdGVzdC5weXBpLm9yZw" + _r("pypi-2", 160, _B64URL),
        ),
        ("pypi-AgEIcHlwaS5vcmc" + _r("pypi-short", 49, _B64URL), "pypi-AgEIcHlwaS5vcmc"),
        "https://docs.pypi.org/api/secrets/",
        note="A macaroon for pypi.org or test.pypi.org; caveats make it arbitrarily long, so "
        "its body is the catalogue's one unbounded run (the pattern's last element).",
    ),
    _token(
        "dockerhub-pat",
        ("dckr_pat_",),
        r"dckr_pat_[A-Za-z0-9_-]{27,32}",
        ("dckr_pat_" + _r("docker-1", 27, _B64URL), "dckr_pat_" + _r("docker-2", 27, _B64URL)),
        ("dckr_pat_" + _r("docker-short", 26, _B64URL), "dckr_pat_"),
        "https://docs.docker.com/security/for-developers/access-tokens/",
    ),
    _token(
        "dockerhub-oat",
        ("dckr_oat_",),
        r"dckr_oat_[A-Za-z0-9_-]{27,32}",
        ("dckr_oat_" + _r("docker-oat-1", 32, _B64URL), "dckr_oat_" + _r("docker-oat-2", 28, _B64URL)),
        ("dckr_oat_" + _r("docker-oat-short", 26, _B64URL), "dckr_oat_"),
        "https://docs.docker.com/reference/api/hub/latest/",
        note="Organization access tokens.",
    ),
    _token(
        "rubygems-api-key",
        ("rubygems_",),
        r"rubygems_[a-f0-9]{48}",
        ("rubygems_" + _r("rubygems-1", 48, _HEX), "rubygems_" + _r("rubygems-2", 48, _HEX)),
        ("rubygems_" + _r("rubygems-short", 47, _HEX), "rubygems_version"),
        "https://guides.rubygems.org/api-key-scopes/",
    ),
    _token(
        "nuget-api-key",
        ("oy2",),
        r"oy2[a-z0-9]{43}",
        ("oy2" + _r("nuget-1", 43, _LOWER_DIGITS), "oy2" + _r("nuget-2", 43, _LOWER_DIGITS)),
        ("oy2" + _r("nuget-short", 42, _LOWER_DIGITS), "oy2" + _r("nuget-up", 43, _UPPER)),
        "https://github.com/microsoft/security-utilities/blob/main/GeneratedRegexPatterns/PreciselyClassifiedSecurityKeys.json",
    ),
    _token(
        "clojars-token",
        ("CLOJARS_",),
        r"CLOJARS_[A-Za-z0-9]{60}",
        ("CLOJARS_" + _r("clojars-1", 60, _LOWER_DIGITS), "CLOJARS_" + _r("clojars-2", 60, _LOWER_DIGITS)),
        ("CLOJARS_" + _r("clojars-short", 59, _LOWER_DIGITS), "CLOJARS_USERNAME"),
        "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    ),
    _token(
        "private-packagist-token",
        ("packagist_out_", "packagist_ort_", "packagist_uut_", "packagist_urt_"),
        r"packagist_[ou][ru]t_[A-Fa-f0-9]{68}",
        (
            "packagist_out_" + _r("packagist-1", 68, _HEX),
            "packagist_ort_" + _r("packagist-2", 68, _HEX),
            "packagist_uut_" + _r("packagist-3", 68, _HEX),
            "packagist_urt_" + _r("packagist-4", 68, _HEX),
        ),
        ("packagist_out_" + _r("packagist-short", 67, _HEX), "packagist_url"),
        _GH_PATTERNS,
        note="Organization/user update and read-only tokens.",
    ),
    _token(
        "artifactory-api-key",
        ("AKCp",),
        r"AKCp[A-Za-z0-9]{69}",
        ("AKCp" + _r("artifactory-1", 69), "AKCp" + _r("artifactory-2", 69)),
        ("AKCp" + _r("artifactory-short", 68), "AKCp"),
        _gitleaks("artifactory-api-key"),
    ),
    _token(
        "artifactory-reference-token",
        ("cmVmdGtu",),
        r"cmVmdGtu[A-Za-z0-9]{56}",
        ("cmVmdGtu" + _r("artifactory-ref-1", 56), "cmVmdGtu" + _r("artifactory-ref-2", 56)),
        ("cmVmdGtu" + _r("artifactory-ref-short", 55), "cmVmdGtu"),
        _gitleaks("artifactory-reference-token"),
        note="``cmVmdGtu`` is base64 of ``reftkn``.",
    ),
    _token(
        "sonarqube-token",
        ("sqp_", "squ_", "sqa_"),
        r"sq[pua]_[a-f0-9]{40}",
        (
            "sqp_" + _r("sonar-1", 40, _HEX),
            "squ_" + _r("sonar-2", 40, _HEX),
            "sqa_" + _r("sonar-3", 40, _HEX),
        ),
        ("sqp_" + _r("sonar-short", 39, _HEX), "squ_" + _r("sonar-4", 40, _B62)),
        "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
        note="Project analysis (sqp_), user (squ_) and global analysis (sqa_) tokens.",
    ),
    _token(
        "sonarcloud-token",
        ("sqco_",),
        r"sqco_[A-Za-z0-9]{59}",
        ("sqco_" + _r("sonarcloud-1", 59), "sqco_" + _r("sonarcloud-2", 59)),
        ("sqco_" + _r("sonarcloud-short", 58), "sqco_"),
        _TH.format("sonarcloud"),
    ),
    _token(
        "circleci-token",
        ("CCIPAT_", "CCIPRJ_"),
        r"CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}",
        (
            "CCIPAT_" + _r("circle-1", 22) + "_" + _r("circle-2", 40, _HEX),
            "CCIPRJ_" + _r("circle-3", 22) + "_" + _r("circle-4", 40, _HEX),
        ),
        ("CCIPAT_" + _r("circle-5", 22) + "_" + _r("circle-short", 39, _HEX), "CCIPAT_"),
        "https://circleci.com/docs/managing-api-tokens/",
        note="Personal (CCIPAT_) and project (CCIPRJ_) API tokens.",
    ),
    _token(
        "buildkite-token",
        ("bkua_",),
        r"bkua_[a-f0-9]{40}",
        ("bkua_" + _r("buildkite-1", 40, _HEX), "bkua_" + _r("buildkite-2", 40, _HEX)),
        ("bkua_" + _r("buildkite-short", 39, _HEX), "bkua_"),
        "https://buildkite.com/docs/apis/managing-api-tokens",
    ),
    _token(
        "travisci-token",
        ("travis",),
        _ctx(r"travis[_.-]?(?:ci[_.-]?)?(?:api[_.-]?|access[_.-]?)?token", r"[A-Za-z0-9_-]{22}"),
        ("TRAVIS_API_TOKEN=" + _r("travis-1", 22, _B64URL), "travis_token: " + _r("travis-2", 22, _B64URL)),
        (
            "TRAVIS_BRANCH=main",
            "TRAVIS_JOB_WEB_ID=" + _r("travis-id", 22, _B64URL),
            "TRAVIS_API_TOKEN=" + _r("travis-short", 21, _B64URL),
        ),
        _gitleaks("travisci-access-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "codecov-token",
        ("codecov",),
        _ctx(
            r"codecov[_.-]?(?:upload[_.-]?)?token",
            r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|[a-f0-9]{32}",
        ),
        ("CODECOV_TOKEN=" + _uuid("codecov-1"), "codecov_token: " + _r("codecov-2", 32, _HEX)),
        (
            "CODECOV_TOKEN=" + _r("codecov-short", 31, _HEX),
            "CODECOV_COMMIT=" + _r("codecov-sha", 32, _HEX),
            "codecov: flags",
        ),
        _gitleaks("codecov-access-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "snyk-token",
        ("snyk",),
        _ctx(
            r"snyk[_.-]?(?:api[_.-]?|oauth[_.-]?)?(?:token|key)",
            r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
        ),
        ("SNYK_TOKEN=" + _uuid("snyk-1"), "snyk_api_key: " + _uuid("snyk-2")),
        ("SNYK_ORG_ID=" + _uuid("snyk-org"), "snyk test"),
        "https://docs.snyk.io/snyk-api/authentication-for-api",
        group=1,
        ignore_case=True,
    ),
    _token(
        "postman-api-key",
        ("PMAK-",),
        r"PMAK-[A-Fa-f0-9]{24}-[A-Fa-f0-9]{34}",
        (
            "PMAK-" + _r("postman-1", 24, _HEX) + "-" + _r("postman-2", 34, _HEX),
            "PMAK-" + _r("postman-3", 24, _HEX) + "-" + _r("postman-4", 34, _HEX),
        ),
        ("PMAK-" + _r("postman-5", 24, _HEX) + "-" + _r("postman-short", 33, _HEX), "PMAK-"),
        "https://learning.postman.com/docs/developer/postman-api/authentication/",
    ),
    _token(
        "linear-api-key",
        ("lin_api_",),
        r"lin_api_[A-Za-z0-9]{40}",
        ("lin_api_" + _r("linear-1", 40), "lin_api_" + _r("linear-2", 40)),
        ("lin_api_" + _r("linear-short", 39), "lin_api_key"),
        _gitleaks("linear-api-key"),
    ),
    _token(
        "linear-oauth-token",
        ("lin_oauth_",),
        r"lin_oauth_[A-Za-z0-9]{32,64}",
        ("lin_oauth_" + _r("linear-oauth-1", 64, _HEX), "lin_oauth_" + _r("linear-oauth-2", 40)),
        ("lin_oauth_" + _r("linear-oauth-short", 31), "lin_oauth_client"),
        "https://linear.app/developers/oauth-2-0-authentication",
    ),
    _token(
        "sourcegraph-access-token",
        ("sgp_",),
        r"sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}",
        (
            "sgp_" + _r("sg-1", 16, _HEX) + "_" + _r("sg-2", 40, _HEX),
            "sgp_local_" + _r("sg-3", 40, _HEX),
            "sgp_" + _r("sg-4", 40, _HEX),
        ),
        ("sgp_" + _r("sg-short", 39, _HEX), "sgp_token"),
        _gitleaks("sourcegraph-access-token"),
    ),
    _token(
        "prefect-api-key",
        ("pnu_",),
        r"pnu_[A-Za-z0-9]{36}",
        ("pnu_" + _r("prefect-1", 36), "pnu_" + _r("prefect-2", 36)),
        ("pnu_" + _r("prefect-short", 35), "pnu_"),
        _gitleaks("prefect-api-token"),
    ),
    _token(
        "readme-api-key",
        ("rdme_",),
        r"rdme_[a-z0-9]{70}",
        ("rdme_" + _r("readme-1", 70, _LOWER_DIGITS), "rdme_" + _r("readme-2", 70, _LOWER_DIGITS)),
        ("rdme_" + _r("readme-short", 69, _LOWER_DIGITS), "rdme_"),
        _gitleaks("readme-api-token"),
    ),
    _token(
        "age-secret-key",
        ("AGE-SECRET-KEY-1",),
        r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
        (_age_key("age-1"), _age_key("age-2")),
        (
            "AGE-SECRET-KEY-1" + _r("age-bad", 58, _BECH32.upper()),
            "AGE-SECRET-KEY-1" + _r("age-short", 57, _BECH32.upper()),
        ),
        "https://github.com/C2SP/C2SP/blob/main/age.md",
        note="bech32 with its checksum checked: a mistyped or made-up key fails it.",
        validate=age_key_valid,
    ),
    _token(
        "figma-token",
        ("figd_", "figp_"),
        r"fig[dp]_[A-Za-z0-9_=-]{40,54}",
        ("figd_" + _r("figma-1", 40, _B64URL), "figp_" + _r("figma-2", 50, _B64URL)),
        ("figd_" + _r("figma-short", 39, _B64URL), "figd_"),
        "https://www.figma.com/developers/api#access-tokens",
    ),
    _token(
        "frameio-token",
        ("fio-u-",),
        r"fio-u-[A-Za-z0-9_=-]{64}",
        ("fio-u-" + _r("frameio-1", 64, _B64URL), "fio-u-" + _r("frameio-2", 64, _B64URL)),
        ("fio-u-" + _r("frameio-short", 63, _B64URL), "fio-u-"),
        _gitleaks("frameio-api-token"),
    ),
    _token(
        "contentful-pat",
        ("CFPAT-",),
        r"CFPAT-[A-Za-z0-9_-]{43}",
        ("CFPAT-" + _r("contentful-1", 43, _B64URL), "CFPAT-" + _r("contentful-2", 43, _B64URL)),
        ("CFPAT-" + _r("contentful-short", 42, _B64URL), "CFPAT-"),
        "https://www.contentful.com/developers/docs/references/authentication/",
    ),
    _token(
        "sidekiq-enterprise-credentials",
        ("bundle_enterprise__contribsys__com", "bundle_gems__contribsys__com"),
        _ctx(r"bundle_(?:enterprise|gems)__contribsys__com", r"[a-f0-9]{8}:[a-f0-9]{8}", gap=0),
        (
            "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=" + _r("sidekiq-1", 8, _HEX) + ":" + _r("sidekiq-2", 8, _HEX),
            "BUNDLE_GEMS__CONTRIBSYS__COM: " + _r("sidekiq-3", 8, _HEX) + ":" + _r("sidekiq-4", 8, _HEX),
        ),
        ("BUNDLE_GEMS__CONTRIBSYS__COM=" + _r("sidekiq-5", 8, _HEX), "gems.contribsys.com"),
        _gitleaks("sidekiq-secret"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "jfrog-token",
        ("jfrog", "artifactory"),
        _ctx(
            r"(?:jfrog|artifactory)[_.-]?(?:access[_.-]?|api[_.-]?|identity[_.-]?)?(?:token|key)",
            r"[A-Za-z0-9]{73}|[A-Za-z0-9]{64}",
        ),
        ("JFROG_ACCESS_TOKEN=" + _r("jfrog-1", 64), "artifactory_api_key: " + _r("jfrog-2", 73)),
        ("ARTIFACTORY_URL=https://example.jfrog.io", "JFROG_ACCESS_TOKEN=" + _r("jfrog-short", 63)),
        _gitleaks("jfrog-api-key"),
        note="Identity tokens (64) and API keys (73) named in configuration.",
        group=1,
        ignore_case=True,
    ),
)

# --------------------------------------------------------------------------- messaging, email

_MESSAGING = (
    _token(
        "twilio-api-key",
        ("SK",),
        r"SK[0-9a-fA-F]{32}",
        ("SK" + _r("twilio-sk-1", 32, _HEX), "SK" + _r("twilio-sk-2", 32, _HEX)),
        ("SK" + _r("twilio-sk-short", 31, _HEX), "SKU-" + _r("twilio-sk-3", 32, _HEX), "SKIPPED"),
        "https://www.twilio.com/docs/iam/api-keys",
        note="The API key SID: it names the key (its secret is separate) and is kept out of "
        "events; 32 hex after SK, so words (SKIP, SKU) are not matched.",
    ),
    _token(
        "twilio-account-credentials",
        ("AC",),
        r"AC[a-f0-9]{32}:[a-f0-9]{32}",
        (
            "AC" + _r("twilio-ac-1", 32, _HEX) + ":" + _r("twilio-ac-2", 32, _HEX),
            "curl -u AC"
            + _r("twilio-ac-3", 32, _HEX)
            + ":"
            + _r("twilio-ac-4", 32, _HEX)
            + " https://api.twilio.com",
        ),
        (
            "AC" + _r("twilio-ac-5", 32, _HEX),
            "AC" + _r("twilio-ac-6", 32, _HEX) + ":" + _r("twilio-ac-short", 31, _HEX),
        ),
        "https://www.twilio.com/docs/iam/api#authentication",
        note="An account SID alone is an identifier (not matched); SID:auth-token, the basic "
        "auth pair, is removed whole.",
    ),
    _token(
        "twilio-auth-token",
        ("twilio",),
        _ctx(r"twilio[_.-]?(?:auth[_.-]?token|api[_.-]?secret|secret)", r"[a-f0-9]{32}"),
        (
            "TWILIO_AUTH_TOKEN=" + _r("twilio-at-1", 32, _HEX),
            '"twilio_auth_token": "' + _r("twilio-at-2", 32, _HEX) + '"',
        ),
        (
            "TWILIO_ACCOUNT_SID=AC" + _r("twilio-at-3", 32, _HEX),
            "TWILIO_AUTH_TOKEN=" + _r("twilio-at-short", 31, _HEX),
        ),
        "https://www.twilio.com/docs/iam/api/authtoken",
        note="The auth token has no literal: only after the name (an AC… SID after its name is "
        "34 characters and not matched).",
        group=1,
        ignore_case=True,
    ),
    _token(
        "sendgrid-api-key",
        ("SG.",),
        r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
        (
            "SG." + _r("sendgrid-1", 22, _B64URL) + "." + _r("sendgrid-2", 43, _B64URL),
            "SG." + _r("sendgrid-3", 22, _B64URL) + "." + _r("sendgrid-4", 43, _B64URL),
        ),
        ("SG." + _r("sendgrid-5", 22, _B64URL) + "." + _r("sendgrid-short", 42, _B64URL), "SG.Net 2.0"),
        "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
        note="Always 69 characters.",
    ),
    _token(
        "mailgun-api-key",
        ("key-",),
        r"key-[a-f0-9]{32}",
        ("key-" + _r("mailgun-1", 32, _HEX), "api:key-" + _r("mailgun-2", 32, _HEX)),
        (
            "pubkey-" + _r("mailgun-3", 32, _HEX),
            "key-" + _r("mailgun-short", 31, _HEX),
            "primary-key-rotation",
        ),
        _gitleaks("mailgun-private-api-token"),
        note="Private API keys: ``key-`` + 32 hex. The public validation key (pubkey-…) is "
        "preceded by a letter and not matched.",
    ),
    _token(
        "mailgun-key",
        ("mailgun",),
        _ctx(
            r"mailgun[_.-]?(?:api[_.-]?|private[_.-]?|webhook[_.-]?signing[_.-]?|signing[_.-]?)?key",
            r"[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}",
        ),
        (
            "MAILGUN_API_KEY="
            + _r("mailgun-4", 32, _HEX)
            + "-"
            + _r("mailgun-5", 8, _HEX)
            + "-"
            + _r("mailgun-6", 8, _HEX),
            "mailgun_webhook_signing_key: "
            + _r("mailgun-7", 32, _HEX)
            + "-"
            + _r("mailgun-8", 8, _HEX)
            + "-"
            + _r("mailgun-9", 8, _HEX),
        ),
        ("MAILGUN_DOMAIN=mg.example.com", "MAILGUN_API_KEY=" + _r("mailgun-10", 32, _HEX)),
        "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/",
        note="Current API and webhook signing keys (``<32>-<8>-<8>`` hex): only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "mailchimp-api-key",
        ("-us",),
        r"[a-f0-9]{32}-us[0-9]{1,2}",
        (_r("mailchimp-1", 32, _HEX) + "-us12", _r("mailchimp-2", 32, _HEX) + "-us6"),
        (_r("mailchimp-3", 31, _HEX) + "-us12", "en-us", "the-user-us1"),
        "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
        note="``<32 hex>-us<datacenter>``: the literal is the suffix.",
        find=_infix(r"[a-f0-9]{32}-us[0-9]{1,2}", ("-us",), 32),
    ),
    _token(
        "brevo-api-key",
        ("xkeysib-", "xsmtpsib-"),
        r"(?:xkeysib|xsmtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}",
        (
            "xkeysib-" + _r("brevo-1", 64, _HEX) + "-" + _r("brevo-2", 16),
            "xsmtpsib-" + _r("brevo-3", 64, _HEX) + "-" + _r("brevo-4", 16),
        ),
        ("xkeysib-" + _r("brevo-5", 64, _HEX) + "-" + _r("brevo-short", 15), "xkeysib-"),
        _gitleaks("sendinblue-api-token"),
        note="Brevo (formerly Sendinblue) API and SMTP keys.",
    ),
    _token(
        "resend-api-key",
        ("re_",),
        r"re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}",
        (
            "re_" + _r("resend-1", 8) + "_" + _r("resend-2", 24),
            "re_" + _r("resend-3", 8) + "_" + _r("resend-4", 24),
        ),
        ("re_" + _r("resend-5", 8) + "_" + _r("resend-short", 23), "re_compile_pattern_cache_size"),
        "https://resend.com/docs/dashboard/api-keys/introduction",
    ),
    _token(
        "discord-bot-token",
        ("MT", "Mj", "Mz", "ND", "NT", "Nj", "Nz", "OD", "OT"),
        r"(?:MT|Mj|Mz|ND|NT|Nj|Nz|OD|OT)[A-Za-z0-9_-]{21,26}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,38}",
        tuple(_discord_bot_token(d, f"discord-{d}") for d in "123456789"),
        (
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.abc",
            "NT.example.com",
            "MTA" + _r("discord-short", 20, _B64URL) + "." + _r("discord-x", 6, _B64URL),
        ),
        "https://discord.com/developers/docs/reference#authentication",
        note="Three dot-separated base64url parts; the first is the bot's numeric id in "
        "base64, so it starts MT…OT. Two-character anchors, strict shape after them.",
    ),
    _token(
        "discord-webhook-url",
        ("discord.com/api/", "discordapp.com/api/"),
        r"discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/([A-Za-z0-9_-]{60,80})",
        (
            "https://discord.com/api/webhooks/"
            + _r("discord-wh-1", 19, _DIGITS)
            + "/"
            + _r("discord-wh-2", 68, _B64URL),
            "https://discordapp.com/api/webhooks/"
            + _r("discord-wh-3", 18, _DIGITS)
            + "/"
            + _r("discord-wh-4", 68, _B64URL),
            "https://discord.com/api/v10/webhooks/"
            + _r("discord-wh-5", 19, _DIGITS)
            + "/"
            + _r("discord-wh-6", 68, _B64URL),
        ),
        (
            "https://discord.com/api/webhooks/" + _r("discord-wh-7", 19, _DIGITS),
            "https://discord.com/api/oauth2/authorize",
        ),
        "https://discord.com/developers/docs/resources/webhook",
        note="The id stays, the token goes.",
        group=1,
    ),
    _token(
        "telegram-bot-token-url",
        ("api.telegram.org/",),
        r"api\.telegram\.org/(?:file/)?bot([0-9]{5,16}:[A-Za-z0-9_-]{35})",
        (
            "https://api.telegram.org/bot"
            + _r("tg-1", 10, _DIGITS)
            + ":AA"
            + _r("tg-2", 33, _B64URL)
            + "/getMe",
            "https://api.telegram.org/file/bot"
            + _r("tg-3", 9, _DIGITS)
            + ":AA"
            + _r("tg-4", 33, _B64URL)
            + "/photos/x.jpg",
        ),
        (
            "https://api.telegram.org/bot<token>/getMe",
            "https://api.telegram.org/bot" + _r("tg-5", 10, _DIGITS) + ":short",
        ),
        "https://core.telegram.org/bots/api#making-requests",
        group=1,
    ),
    _token(
        "telegram-bot-token",
        ("telegram", "tg_bot", "tg-bot"),
        _ctx(r"telegram|tg[_-]bot[_-]token", r"[0-9]{5,16}:[A-Za-z0-9_-]{35}", gap=16),
        (
            "TELEGRAM_BOT_TOKEN=" + _r("tg-6", 10, _DIGITS) + ":AA" + _r("tg-7", 33, _B64URL),
            "tg_bot_token: " + _r("tg-8", 9, _DIGITS) + ":AA" + _r("tg-9", 33, _B64URL),
            "tg-bot-token=" + _r("tg-10", 9, _DIGITS) + ":AA" + _r("tg-11", 33, _B64URL),
        ),
        ("TELEGRAM_CHAT_ID=-100" + _r("tg-12", 10, _DIGITS), "telegram: 12345:short"),
        "https://core.telegram.org/bots/api#authorizing-your-bot",
        note="``<bot id>:<35>`` is shaped like a ratio or a time: only after the name or in the Bot API URL.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "microsoft-teams-webhook",
        ("webhook.office.com/webhookb2/",),
        r"webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/([a-f0-9]{32})/[a-f0-9-]{36}",
        (
            "https://contoso.webhook.office.com/webhookb2/"
            + _uuid("teams-1")
            + "@"
            + _uuid("teams-2")
            + "/IncomingWebhook/"
            + _r("teams-3", 32, _HEX)
            + "/"
            + _uuid("teams-4"),
            "https://fabrikam.webhook.office.com/webhookb2/"
            + _uuid("teams-5")
            + "@"
            + _uuid("teams-6")
            + "/IncomingWebhook/"
            + _r("teams-7", 32, _HEX)
            + "/"
            + _uuid("teams-8"),
        ),
        ("https://contoso.webhook.office.com/webhookb2/", "https://outlook.office.com/mail/"),
        "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
        group=1,
    ),
)

# --------------------------------------------------------------------------- observability

_OBSERVABILITY = (
    _token(
        "sentry-org-token",
        ("sntrys_",),
        r"sntrys_[A-Za-z0-9+/=_]{40,2048}",
        (
            "sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iLCJyZWdpb25fdXJsIjoiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCJvcmciOiJkZW1vIn0=_"
            + _r("sntrys-1", 43, _B64),
            "sntrys_" + _r("sntrys-2", 120, _B64) + "_" + _r("sntrys-3", 43, _B64),
        ),
        ("sntrys_" + _r("sntrys-short", 39), "sntrys_ tokens"),
        "https://github.com/getsentry/sentry/blob/master/src/sentry/utils/security/orgauthtoken_token.py",
        note="``sntrys_<base64 JSON {iat,url,region_url,org}>_<43>``; the body is as broad as before.",
    ),
    _token(
        "sentry-user-token",
        ("sntryu_",),
        r"sntryu_[A-Za-z0-9+/=_]{40,255}",
        ("sntryu_" + _r("sntryu-1", 64, _HEX), "sntryu_" + _r("sntryu-2", 64, _HEX)),
        ("sntryu_" + _r("sntryu-short", 39, _HEX), "sntryu_"),
        "https://github.com/getsentry/sentry/blob/master/src/sentry/types/token.py",
        note="64 hex; the old rule's broader body is kept.",
    ),
    _token(
        "sentry-app-token",
        ("sntrya_", "sntryi_"),
        r"sntry[ai]_[a-f0-9]{64}",
        ("sntrya_" + _r("sntrya-1", 64, _HEX), "sntryi_" + _r("sntryi-1", 64, _HEX)),
        ("sntryi_" + _r("sntryi-short", 63, _HEX), "sntryi_"),
        "https://github.com/getsentry/sentry/blob/master/src/sentry/types/token.py",
        note="User application (sntrya_) and internal integration (sntryi_) tokens.",
    ),
    _token(
        "sentry-dsn-key",
        ("https://", "http://"),
        r"https?://([a-f0-9]{32}(?::[a-f0-9]{32})?)@[A-Za-z0-9./:_-]{1,300}",
        (
            "https://"
            + _r("dsn-1", 32, _HEX)
            + "@o"
            + _r("dsn-2", 6, _DIGITS)
            + ".ingest.sentry.io/"
            + _r("dsn-3", 7, _DIGITS),
            "http://" + _r("dsn-4", 32, _HEX) + ":" + _r("dsn-5", 32, _HEX) + "@sentry.internal:9000/12",
        ),
        (
            "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
            "https://user@example.com/",
            "https://" + _r("dsn-6", 31, _HEX) + "@o1.ingest.sentry.io/1",
        ),
        "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
        note="The DSN's public key (and the legacy secret key) let anyone send events to the "
        "project: removed from event payloads, the host and project id stay.",
        group=1,
        requires=("anchor&at",),  # every URL would be a candidate; a DSN has an @
    ),
    _token(
        "grafana-cloud-token",
        ("glc_",),
        r"glc_[A-Za-z0-9+/]{32,400}={0,3}",
        ("glc_eyJ" + _r("glc-1", 120, _B64) + "==", "glc_" + _r("glc-2", 60, _B64)),
        ("glc_" + _r("glc-short", 31), "glc_"),
        _gitleaks("grafana-cloud-api-token"),
    ),
    _token(
        "grafana-service-account-token",
        ("glsa_",),
        r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
        (
            "glsa_" + _r("glsa-1", 32) + "_" + _r("glsa-2", 8, _HEX),
            "glsa_" + _r("glsa-3", 32) + "_" + _r("glsa-4", 8, _HEX),
        ),
        ("glsa_" + _r("glsa-5", 32) + "_" + _r("glsa-short", 7, _HEX), "glsa_"),
        "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    ),
    _token(
        "grafana-api-key",
        ("eyJrIjoi",),
        r"eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3}",
        ("eyJrIjoi" + _r("grafana-1", 80) + "=", "eyJrIjoi" + _r("grafana-2", 100, _B64)),
        ("eyJrIjoi" + _r("grafana-short", 60), "eyJhbGciOiJIUzI1NiJ9"),
        _gitleaks("grafana-api-key"),
        note='Legacy API keys: base64 of ``{"k":"…","n":…,"id":…}``.',
    ),
    _token(
        "new-relic-user-api-key",
        ("NRAK-",),
        r"NRAK-[A-Z0-9]{27}",
        ("NRAK-" + _r("nrak-1", 27, _UPPER_DIGITS), "NRAK-" + _r("nrak-2", 27, _UPPER_DIGITS)),
        ("NRAK-" + _r("nrak-short", 26, _UPPER_DIGITS), "NRJS-" + _r("nrjs", 19, _HEX)),
        "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
        note="Browser keys (NRJS-) ship in page source and are not matched.",
    ),
    _token(
        "new-relic-insert-key",
        ("NRII-", "NRIQ-"),
        r"NRI[IQ]-[A-Za-z0-9_-]{25,32}",
        ("NRII-" + _r("nrii-1", 32, _B64URL), "NRIQ-" + _r("nriq-1", 32, _B64URL)),
        ("NRII-" + _r("nrii-short", 24, _B64URL), "NRII-"),
        "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
        note="Insights insert (NRII-) and query (NRIQ-) keys.",
    ),
    _token(
        "new-relic-license-key",
        ("NRAL",),
        r"[a-z0-9]{36}NRAL",
        (_r("nral-1", 36, _HEX) + "NRAL", "eu01xx" + _r("nral-2", 30, _HEX) + "NRAL"),
        (_r("nral-short", 35, _HEX) + "NRAL", "NRAL"),
        "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
        note="40 characters ending NRAL (EU keys start eu01xx): the literal is the suffix.",
        find=_infix(r"[a-z0-9]{36}NRAL", ("NRAL",), 36),
    ),
    _token(
        "datadog-api-key",
        ("datadog", "dd_api", "dd-api", "dd.api"),
        _ctx(r"datadog[_.-]?api[_.-]?key|dd[_.-]api[_.-]?key", r"[a-f0-9]{32}"),
        (
            "DD_API_KEY=" + _r("dd-api-1", 32, _HEX),
            "DD-API-KEY: " + _r("dd-api-2", 32, _HEX),
            '"datadog_api_key": "' + _r("dd-api-3", 32, _HEX) + '"',
            "dd.api_key=" + _r("dd-api-4", 32, _HEX),
        ),
        ("datadog_trace_id=" + _r("dd-api-5", 32, _HEX), "DD_API_KEY=" + _r("dd-api-short", 31, _HEX)),
        "https://docs.datadoghq.com/account_management/api-app-keys/",
        note="32 hex with no literal: only after an API-key name (a trace id after "
        "``datadog_trace_id`` is not one).",
        group=1,
        ignore_case=True,
    ),
    _token(
        "datadog-app-key",
        ("datadog", "dd_app", "dd-app", "dd.app"),
        _ctx(
            r"datadog[_.-]?app(?:lication)?[_.-]?key|dd[_.-]app(?:lication)?[_.-]?key",
            r"[a-f0-9]{40}",
            gap=12,
        ),
        (
            "DD_APP_KEY=" + _r("dd-app-1", 40, _HEX),
            "DD-APPLICATION-KEY: " + _r("dd-app-2", 40, _HEX),
            "datadog_app_key: " + _r("dd-app-3", 40, _HEX),
            "dd.application_key=" + _r("dd-app-4", 40, _HEX),
        ),
        ("DD_APP_KEY=" + _r("dd-app-short", 39, _HEX), "datadog_app_name=web"),
        "https://docs.datadoghq.com/account_management/api-app-keys/",
        group=1,
        ignore_case=True,
    ),
    _token(
        "pagerduty-api-key",
        ("pagerduty",),
        _ctx(
            r"pagerduty[_.-]?(?:api[_.-]?|routing[_.-]?|integration[_.-]?)?(?:key|token)",
            r"[a-f0-9]{32}|[A-Za-z0-9_+-]{20}",
        ),
        ("PAGERDUTY_API_KEY=u+" + _r("pd-1", 18, _B64URL), "pagerduty_token: " + _r("pd-2", 20)),
        ("PAGERDUTY_SERVICE_ID=P" + _r("pd-3", 6, _UPPER_DIGITS), "PAGERDUTY_API_KEY=" + _r("pd-short", 19)),
        "https://support.pagerduty.com/main/docs/api-access-keys",
        group=1,
        ignore_case=True,
    ),
    _token(
        "sumologic-access-key",
        ("sumo",),
        _ctx(r"sumo(?:logic)?[_.-]?access[_.-]?key", r"[A-Za-z0-9]{64}"),
        ("SUMO_ACCESS_KEY=" + _r("sumo-1", 64), "sumologic_access_key: " + _r("sumo-2", 64)),
        ("SUMO_ACCESS_ID=su" + _r("sumo-3", 12), "SUMO_ACCESS_KEY=" + _r("sumo-short", 63)),
        _gitleaks("sumologic-access-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "honeycomb-api-key",
        ("hcaik_", "hcaic_"),
        r"hcai[kc]_[A-Za-z0-9]{58}",
        (
            "hcaik_01" + _r("honeycomb-1", 56, _LOWER_DIGITS),
            "hcaic_01" + _r("honeycomb-2", 56, _LOWER_DIGITS),
        ),
        ("hcaik_" + _r("honeycomb-short", 57, _LOWER_DIGITS), "hcaik_xxxxxxxxxxxx"),
        "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
        note="Ingest (hcaik_) and configuration (hcaic_) keys.",
    ),
    _token(
        "honeycomb-api-key-legacy",
        ("x-honeycomb-team", "honeycomb"),
        _ctx(
            r"x-honeycomb-team|honeycomb[_.-]?(?:api[_.-]?|write[_.-]?)?key", r"[a-f0-9]{32}|[A-Za-z0-9]{22}"
        ),
        ("x-honeycomb-team: " + _r("honeycomb-3", 22), "HONEYCOMB_API_KEY=" + _r("honeycomb-4", 32, _HEX)),
        ("HONEYCOMB_DATASET=production", "x-honeycomb-team: " + _r("honeycomb-5", 21)),
        "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
        note="Classic keys (22 characters, or 32 hex): only after the name or header.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "lightstep-access-token",
        ("lightstep",),
        _ctx(r"lightstep[_.-]?access[_.-]?token", r"[A-Za-z0-9+/=]{32,256}"),
        (
            "LIGHTSTEP_ACCESS_TOKEN=" + _r("lightstep-1", 84, _B64),
            "lightstep-access-token: " + _r("lightstep-2", 32),
        ),
        ("LIGHTSTEP_SERVICE_NAME=checkout", "LIGHTSTEP_ACCESS_TOKEN=" + _r("lightstep-short", 31)),
        "https://docs.lightstep.com/docs/create-and-manage-access-tokens",
        group=1,
        ignore_case=True,
    ),
)

# --------------------------------------------------------------------------- analytics, SaaS

_SAAS = (
    _token(
        "shopify-access-token",
        ("shpat_", "shpca_", "shppa_"),
        r"shp(?:at|ca|pa)_[a-fA-F0-9]{32}",
        (
            "shpat_" + _r("shopify-1", 32, _HEX),
            "shpca_" + _r("shopify-2", 32, _HEX),
            "shppa_" + _r("shopify-3", 32, _HEX),
        ),
        ("shpat_" + _r("shopify-short", 31, _HEX), "shpat_" + _r("shopify-4", 32)),
        _gitleaks("shopify-access-token"),
        note="Admin API access tokens of public, custom and legacy private apps.",
    ),
    _token(
        "shopify-shared-secret",
        ("shpss_",),
        r"shpss_[a-fA-F0-9]{32}",
        ("shpss_" + _r("shopify-ss-1", 32, _HEX), "shpss_" + _r("shopify-ss-2", 32, _HEX)),
        ("shpss_" + _r("shopify-ss-short", 31, _HEX), "shpss_"),
        _gitleaks("shopify-shared-secret"),
    ),
    _token(
        "atlassian-api-token",
        ("ATATT3",),
        r"ATATT3[A-Za-z0-9_=+/-]{150,300}",
        (
            "ATATT3xFfGF0" + _r("atlassian-1", 174, _B64URL) + "=" + _r("atlassian-2", 8, _HEX).upper(),
            "ATATT3" + _r("atlassian-3", 186, _B64URL),
        ),
        ("ATATT3" + _r("atlassian-short", 100, _B64URL), "ATATT3"),
        "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
        note="Atlassian calls its tokens opaque; the ATATT3 prefix and ~192 length follow "
        "gitleaks/trufflehog.",
    ),
    _token(
        "atlassian-admin-api-key",
        ("ATCTT3",),
        r"ATCTT3[A-Za-z0-9_=+/-]{150,300}",
        (
            "ATCTT3xFfG"
            + _r("atlassian-admin-1", 176, _B64URL)
            + "="
            + _r("atlassian-admin-2", 8, _HEX).upper(),
            "ATCTT3" + _r("atlassian-admin-3", 186, _B64URL),
        ),
        ("ATCTT3" + _r("atlassian-admin-short", 100, _B64URL), "ATCTT3"),
        _TH.format("atlassian"),
        note="Organization admin API keys.",
    ),
    _token(
        "bitbucket-app-password",
        ("ATBB",),
        r"ATBB[A-Za-z0-9_=-]{32,64}",
        ("ATBB" + _r("bitbucket-1", 32) + _r("bitbucket-2", 8, _HEX).upper(), "ATBB" + _r("bitbucket-3", 32)),
        ("ATBB" + _r("bitbucket-short", 31), "ATBBQ"),
        _TH.format("bitbucketapppassword"),
        note="App passwords (withdrawn by Atlassian in 2026, still seen in old configuration).",
    ),
    _token(
        "bitbucket-data-center-token",
        ("BBDC-",),
        r"BBDC-[A-Za-z0-9+/@_-]{40,50}",
        ("BBDC-" + _r("bbdc-1", 44, _B64), "BBDC-" + _r("bbdc-2", 48, _B64URL)),
        ("BBDC-" + _r("bbdc-short", 39), "BBDC-"),
        _TH.format("bitbucketdatacenter"),
    ),
    _token(
        "notion-integration-token",
        ("secret_",),
        r"secret_[A-Za-z0-9]{43}",
        ("secret_" + _r("notion-1", 43), "secret_" + _r("notion-2", 43)),
        ("secret_key_base", "secret_" + _r("notion-short", 42), "secret_" + _r("notion-long", 44)),
        "https://developers.notion.com/docs/authorization",
        note="Legacy integration tokens: exactly 43 base62 characters after secret_, so "
        "snake_case names (secret_key_base) are not tokens.",
    ),
    _token(
        "notion-token",
        ("ntn_",),
        r"ntn_[0-9]{11}[A-Za-z0-9]{35}",
        (
            "ntn_" + _r("ntn-1", 11, _DIGITS) + _r("ntn-2", 35),
            "ntn_" + _r("ntn-3", 11, _DIGITS) + _r("ntn-4", 35),
        ),
        ("ntn_" + _r("ntn-5", 11, _DIGITS) + _r("ntn-short", 34), "ntn_"),
        "https://developers.notion.com/page/changelog",
        note="Integration tokens since 2024-09.",
    ),
    _token(
        "airtable-pat",
        ("pat",),
        r"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}",
        (
            "pat" + _r("airtable-1", 14) + "." + _r("airtable-2", 64, _HEX),
            "pat" + _r("airtable-3", 14) + "." + _r("airtable-4", 64, _HEX),
        ),
        ("pattern.matches", "pat" + _r("airtable-5", 14) + "." + _r("airtable-short", 63, _HEX)),
        "https://airtable.com/developers/web/guides/personal-access-tokens",
        note="Three-letter anchor, strict shape after it: ``pat<14>.<64 hex>``.",
    ),
    _token(
        "airtable-api-key",
        ("airtable",),
        _ctx(r"airtable[_.-]?(?:api[_.-]?)?key", r"key[A-Za-z0-9]{14}"),
        ("AIRTABLE_API_KEY=key" + _r("airtable-key-1", 14), "airtable_key: key" + _r("airtable-key-2", 14)),
        (
            "AIRTABLE_BASE_ID=app" + _r("airtable-key-3", 14),
            "AIRTABLE_API_KEY=key" + _r("airtable-key-short", 13),
        ),
        _gitleaks("airtable-api-key"),
        note="Legacy keys (deprecated 2024): ``key`` + 14, after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "asana-pat",
        ("1/", "2/"),
        r"[12]/[0-9]{15,19}(?:/[0-9]{15,19})?:[A-Za-z0-9]{32}",
        (
            "1/" + _r("asana-1", 16, _DIGITS) + ":" + _r("asana-2", 32, _HEX),
            "2/"
            + _r("asana-3", 16, _DIGITS)
            + "/"
            + _r("asana-4", 16, _DIGITS)
            + ":"
            + _r("asana-5", 32, _HEX),
        ),
        ("1/2/2024", "1/" + _r("asana-6", 16, _DIGITS) + ":" + _r("asana-short", 31, _HEX)),
        "https://developers.asana.com/docs/personal-access-token",
        note="``<version>/<user gid>[/<token gid>]:<32>``; dates and fractions fail the 15+ digit id.",
        requires=("anchor&digits:15",),  # "1/" and "2/" stand in every URL path
    ),
    _token(
        "square-access-token",
        ("sq0atp-", "EAAA"),
        r"sq0atp-[A-Za-z0-9_-]{22}|EAAA[A-Za-z0-9_-]{60}",
        ("sq0atp-" + _r("square-1", 22, _B64URL), "EAAA" + _r("square-2", 60, _B64URL)),
        ("sq0atp-" + _r("square-short", 21, _B64URL), "EAAA" + _r("square-3", 40, _B64URL)),
        "https://developer.squareup.com/docs/build-basics/access-tokens",
    ),
    _token(
        "square-oauth-secret",
        ("sq0csp-",),
        r"sq0csp-[A-Za-z0-9_-]{43}",
        ("sq0csp-" + _r("square-csp-1", 43, _B64URL), "sq0csp-" + _r("square-csp-2", 43, _B64URL)),
        ("sq0csp-" + _r("square-csp-short", 42, _B64URL), "sq0idp-" + _r("square-idp", 22, _B64URL)),
        "https://developer.squareup.com/docs/oauth-api/overview",
        note="Application ids (sq0idp-) are public and not matched.",
    ),
    _token(
        "braintree-access-token",
        ("access_token$",),
        r"access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}",
        (
            "access_token$production$" + _r("bt-1", 16, _LOWER_DIGITS) + "$" + _r("bt-2", 32, _HEX),
            "access_token$sandbox$" + _r("bt-3", 16, _LOWER_DIGITS) + "$" + _r("bt-4", 32, _HEX),
        ),
        (
            "access_token$production$",
            "access_token$sandbox$" + _r("bt-5", 16, _LOWER_DIGITS) + "$" + _r("bt-short", 31, _HEX),
        ),
        _GL.format("braintree"),
        note="PayPal / Braintree gateway access tokens.",
    ),
    _token(
        "adyen-api-key",
        ("AQE",),
        r"AQE[A-Za-z0-9]{5,12}\.[A-Za-z0-9_=-]{50,80}",
        (
            "AQEyhmfx" + _r("adyen-1", 4) + "." + _r("adyen-2", 60, _B64URL),
            "AQE" + _r("adyen-3", 8) + "." + _r("adyen-4", 70, _B64URL),
        ),
        ("AQEyhmfx." + _r("adyen-short", 40, _B64URL), "AQE"),
        _GL.format("adyen"),
    ),
    _token(
        "plaid-access-token",
        ("access-sandbox-", "access-development-", "access-production-"),
        r"access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
        (
            "access-sandbox-" + _uuid("plaid-1"),
            "access-development-" + _uuid("plaid-2"),
            "access-production-" + _uuid("plaid-3"),
        ),
        ("access-production-", "public-sandbox-" + _uuid("plaid-4")),
        "https://plaid.com/docs/api/tokens/",
        note="Access tokens; short-lived public tokens (public-…) are not matched.",
    ),
    _token(
        "gocardless-token",
        ("gocardless",),
        _ctx(r"gocardless[_.-]?(?:access[_.-]?)?token", r"(?:live|sandbox)_[A-Za-z0-9_=-]{40}"),
        (
            "GOCARDLESS_ACCESS_TOKEN=live_" + _r("gc-1", 40, _B64URL),
            "gocardless_token: sandbox_" + _r("gc-2", 40, _B64URL),
        ),
        ("GOCARDLESS_ACCESS_TOKEN=live_" + _r("gc-short", 39, _B64URL), "gocardless_environment=live"),
        "https://developer.gocardless.com/getting-started/api/making-your-first-request/",
        note="``live_`` + 40 also fits long snake_case names: only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "lob-api-key",
        ("lob_", "lob-", "lob."),
        _ctx(r"lob[_.-](?:api[_.-]?)?key", r"(?:live|test)_[a-f0-9]{35}"),
        (
            "LOB_API_KEY=live_" + _r("lob-1", 35, _HEX),
            "lob.api_key: test_" + _r("lob-2", 35, _HEX),
            "lob-key=live_" + _r("lob-3", 35, _HEX),
        ),
        ("LOB_API_KEY=test_pub_" + _r("lob-4", 31, _HEX), "global_var=live_" + _r("lob-5", 35, _HEX)),
        _gitleaks("lob-api-key"),
        note="Publishable keys (test_pub_/live_pub_) are not matched.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "duffel-api-token",
        ("duffel_test_", "duffel_live_"),
        r"duffel_(?:test|live)_[A-Za-z0-9_=-]{43}",
        ("duffel_test_" + _r("duffel-1", 43, _B64URL), "duffel_live_" + _r("duffel-2", 43, _B64URL)),
        ("duffel_test_" + _r("duffel-short", 42, _B64URL), "duffel_live_"),
        _gitleaks("duffel-api-token"),
    ),
    _token(
        "easypost-api-key",
        ("EZAK", "EZTK"),
        r"EZ[AT]K[A-Za-z0-9]{54}",
        ("EZAK" + _r("easypost-1", 54), "EZTK" + _r("easypost-2", 54)),
        ("EZAK" + _r("easypost-short", 53), "EZTK"),
        _gitleaks("easypost-api-token"),
    ),
    _token(
        "shippo-api-token",
        ("shippo_live_", "shippo_test_"),
        r"shippo_(?:live|test)_[a-fA-F0-9]{40}",
        ("shippo_live_" + _r("shippo-1", 40, _HEX), "shippo_test_" + _r("shippo-2", 40, _HEX)),
        ("shippo_live_" + _r("shippo-short", 39, _HEX), "shippo_test_"),
        _gitleaks("shippo-api-token"),
    ),
    _token(
        "flutterwave-secret-key",
        ("FLWSECK-", "FLWSECK_TEST-"),
        r"FLWSECK(?:_TEST)?-[A-Za-z0-9]{32}-X",
        ("FLWSECK-" + _r("flw-1", 32, _HEX) + "-X", "FLWSECK_TEST-" + _r("flw-2", 32, _HEX) + "-X"),
        ("FLWPUBK_TEST-" + _r("flw-3", 32, _HEX) + "-X", "FLWSECK-" + _r("flw-short", 31, _HEX) + "-X"),
        _gitleaks("flutterwave-secret-key"),
        note="Public keys (FLWPUBK) are not matched.",
    ),
    _token(
        "ramp-client-secret",
        ("ramp_sec_",),
        r"ramp_sec_[A-Za-z0-9]{48}",
        ("ramp_sec_" + _r("ramp-1", 48), "ramp_sec_" + _r("ramp-2", 48)),
        ("ramp_sec_" + _r("ramp-short", 47), "ramp_sec_"),
        _TH.format("ramp"),
    ),
    _token(
        "coinbase-api-secret",
        ("coinbase",),
        _ctx(r"coinbase[_.-]?(?:api[_.-]?)?secret", r"[A-Za-z0-9_-]{64}"),
        (
            "COINBASE_API_SECRET=" + _r("coinbase-1", 64, _B64URL),
            "coinbase_secret: " + _r("coinbase-2", 64, _B64URL),
        ),
        (
            "COINBASE_API_KEY_NAME=organizations/" + _uuid("coinbase-3"),
            "COINBASE_API_SECRET=" + _r("coinbase-short", 63),
        ),
        _gitleaks("coinbase-access-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "hubspot-private-app-token",
        ("pat-na", "pat-eu", "pat-ap"),
        r"pat-(?:na|eu|ap)[0-9]-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
        ("pat-na1-" + _uuid("hubspot-1"), "pat-eu1-" + _uuid("hubspot-2"), "pat-ap1-" + _uuid("hubspot-3")),
        ("pat-na1-" + _uuid("hubspot-4")[:-1], "pat-name"),
        "https://developers.hubspot.com/docs/api/private-apps",
    ),
    _token(
        "hubspot-api-key-legacy",
        ("hapikey=", "hubspot"),
        r"(?i:hapikey=|hubspot[_.-]?(?:api[_.-]?)?key[A-Za-z0-9_.-]{0,8}"
        + _ASSIGN
        + r")([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})",
        (
            "https://api.hubapi.com/contacts/v1/lists?hapikey=" + _uuid("hapikey-1"),
            "HUBSPOT_API_KEY=" + _uuid("hapikey-2"),
        ),
        (
            "HUBSPOT_PORTAL_ID=1234567",
            "HUBSPOT_CLIENT_ID=" + _uuid("hapikey-4"),
            "hapikey=" + _uuid("hapikey-3")[:-1],
        ),
        _gitleaks("hubspot-api-key"),
        note="Legacy API keys (UUIDs, retired 2022): in the hapikey parameter or after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "salesforce-access-token",
        ("00D",),
        r"00D[A-Za-z0-9]{12}![A-Za-z0-9._]{96}",
        (
            "00D" + _r("sf-1", 12) + "!" + _r("sf-2", 96, _B62 + "._"),
            "00D" + _r("sf-3", 12) + "!" + _r("sf-4", 96),
        ),
        ("00D" + _r("sf-5", 12), "00D" + _r("sf-6", 12) + "!" + _r("sf-short", 50)),
        _TH.format("salesforce"),
        note="``<org id 00D…>!<96>``: the ! after an org id is the mark of a session/access token.",
    ),
    _token(
        "typeform-pat",
        ("tfp_",),
        r"tfp_[A-Za-z0-9_.=-]{59}",
        ("tfp_" + _r("typeform-1", 44) + "_" + _r("typeform-2", 14), "tfp_" + _r("typeform-3", 59, _B64URL)),
        ("tfp_" + _r("typeform-short", 58), "tfp_"),
        _gitleaks("typeform-api-token"),
    ),
    _token(
        "intercom-access-token",
        ("dG9rO",),
        r"dG9rO[A-Za-z0-9+/]{54}=",
        ("dG9rO" + _r("intercom-1", 54, _B64) + "=", "dG9rOj" + _r("intercom-2", 53, _B64) + "="),
        ("dG9rO" + _r("intercom-short", 53, _B64) + "=", "dG9rZW5z"),
        _TH.format("intercom"),
        note="Base64 of ``tok:<uuid>:…`` (``dG9rO`` is ``tok:``).",
    ),
    _token(
        "dropbox-access-token",
        ("sl.",),
        r"sl\.[A-Za-z0-9_.-]{130,1400}",
        ("sl." + _r("dropbox-1", 135, _B64URL), "sl.u.AF" + _r("dropbox-2", 400, _B64URL)),
        ("sl." + _r("dropbox-short", 100, _B64URL), "sl.example.com"),
        "https://developers.dropbox.com/oauth-guide",
        note="Short-lived access tokens (``sl.`` then 130+; the newer ``sl.u.`` ones are longer).",
    ),
    _token(
        "mapbox-secret-token",
        ("sk.eyJ", "tk.eyJ"),
        r"[st]k\.eyJ[A-Za-z0-9_-]{30,250}\.[A-Za-z0-9_-]{20,30}",
        (
            "sk.eyJ1Ijoi" + _r("mapbox-1", 60, _B64URL) + "." + _r("mapbox-2", 22, _B64URL),
            "tk.eyJ1Ijoi" + _r("mapbox-3", 80, _B64URL) + "." + _r("mapbox-4", 22, _B64URL),
        ),
        (
            "pk.eyJ1Ijoi" + _r("mapbox-5", 60, _B64URL) + "." + _r("mapbox-6", 22, _B64URL),
            "sk.eyJ1Ijoi" + _r("mapbox-7", 60, _B64URL),
        ),
        "https://docs.mapbox.com/accounts/guides/tokens/",
        note="Secret (sk.) and temporary (tk.) tokens; public tokens (pk.) are meant for "
        "browsers and are not matched.",
    ),
    _token(
        "twitter-bearer-token",
        ("AAAAAAAAAAAAAAAAAAAA",),
        r"AAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{80,140}",
        (
            "AAAAAAAAAAAAAAAAAAAAA"
            + _r("twitter-1", 40)
            + "%2B"
            + _r("twitter-2", 40)
            + "%3D"
            + _r("twitter-3", 20),
            "AAAAAAAAAAAAAAAAAAAAA" + _r("twitter-4", 90),
        ),
        ("A" * 200, "AAAAAAAAAAAAAAAAAAAAA" + _r("twitter-short", 50)),
        "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens",
        note="App-only bearer tokens start with a run of A (leading zero bytes); a base64 run "
        "of A alone is a placeholder and ignored.",
    ),
    _token(
        "twitter-api-secret",
        ("twitter",),
        _ctx(
            r"twitter[_.-]?(?:api[_.-]?|consumer[_.-]?|access[_.-]?)?(?:token[_.-]?)?(?:secret|token|key)",
            r"[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[0-9]{15,25}-[A-Za-z0-9]{20,40}",
        ),
        (
            "TWITTER_API_SECRET=" + _r("twitter-5", 50),
            "twitter_access_token_secret: " + _r("twitter-6", 45),
            "TWITTER_ACCESS_TOKEN=" + _r("twitter-7", 19, _DIGITS) + "-" + _r("twitter-8", 31),
        ),
        ("TWITTER_HANDLE=@example", "TWITTER_API_SECRET=" + _r("twitter-short", 44)),
        _gitleaks("twitter-api-secret"),
        note="Consumer secrets (50), access token secrets (45) and access tokens: only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "facebook-access-token",
        ("EAA",),
        r"EAA[B-Za-z0-9][A-Za-z0-9]{100,512}",
        ("EAAB" + _r("fb-1", 180), "EAAG" + _r("fb-2", 150), "EAAM" + _r("fb-3", 120)),
        ("EAAB" + _r("fb-short", 60), "EAAA" + _r("fb-4", 150)),
        "https://developers.facebook.com/docs/facebook-login/guides/access-tokens/",
        note="User, page and system-user tokens of the Graph API (EAA + app letter); EAAA belongs to Square.",
    ),
    _token(
        "facebook-app-secret",
        ("facebook", "fb_app", "fb-app"),
        _ctx(r"facebook[_.-]?(?:app[_.-]?|client[_.-]?)?secret|fb[_-]app[_-]secret", r"[a-f0-9]{32}"),
        (
            "FACEBOOK_APP_SECRET=" + _r("fb-secret-1", 32, _HEX),
            "fb_app_secret: " + _r("fb-secret-2", 32, _HEX),
            "fb-app-secret=" + _r("fb-secret-3", 32, _HEX),
        ),
        (
            "FACEBOOK_APP_ID=" + _r("fb-secret-4", 15, _DIGITS),
            "FACEBOOK_APP_SECRET=" + _r("fb-secret-short", 31, _HEX),
        ),
        _gitleaks("facebook-secret"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "linkedin-client-secret",
        ("linkedin", "linked_in", "linked-in"),
        _ctx(r"linked[_-]?in[_.-]?(?:client[_.-]?)?secret", r"[A-Za-z0-9]{16}"),
        (
            "LINKEDIN_CLIENT_SECRET=" + _r("linkedin-1", 16),
            "linked_in_secret: " + _r("linkedin-2", 16),
            "linked-in-secret=" + _r("linkedin-3", 16),
        ),
        ("LINKEDIN_CLIENT_ID=" + _r("linkedin-4", 14), "linkedin: https://www.linkedin.com/company/example"),
        _gitleaks("linkedin-client-secret"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "twitch-api-token",
        ("twitch",),
        _ctx(
            r"twitch[_.-]?(?:client[_.-]?secret|oauth[_.-]?token|access[_.-]?token|token)", r"[A-Za-z0-9]{30}"
        ),
        (
            "TWITCH_CLIENT_SECRET=" + _r("twitch-1", 30, _LOWER_DIGITS),
            "twitch_oauth_token: " + _r("twitch-2", 30, _LOWER_DIGITS),
        ),
        ("TWITCH_CHANNEL=example", "TWITCH_CLIENT_SECRET=" + _r("twitch-short", 29)),
        _gitleaks("twitch-api-token"),
        group=1,
        ignore_case=True,
    ),
    _token(
        "zendesk-api-token",
        ("zendesk",),
        _ctx(r"zendesk[_.-]?(?:api[_.-]?)?token", r"[A-Za-z0-9]{40}"),
        ("ZENDESK_API_TOKEN=" + _r("zendesk-1", 40), "zendesk_token: " + _r("zendesk-2", 40)),
        ("ZENDESK_SUBDOMAIN=example", "ZENDESK_API_TOKEN=" + _r("zendesk-short", 39)),
        "https://developer.zendesk.com/api-reference/introduction/security-and-auth/",
        group=1,
        ignore_case=True,
    ),
    _token(
        "okta-api-token",
        ("okta",),
        _ctx(r"okta[_.-]?(?:api[_.-]?)?token", r"00[A-Za-z0-9_-]{40}"),
        ("OKTA_API_TOKEN=00" + _r("okta-1", 40, _B64URL), "okta_token: 00" + _r("okta-2", 40, _B64URL)),
        ("OKTA_ORG_URL=https://dev-123.okta.com", "OKTA_API_TOKEN=01" + _r("okta-3", 40, _B64URL)),
        "https://developer.okta.com/docs/guides/create-an-api-token/",
        note="SSWS tokens (00 + 40) are not documented as a format: only after the name.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "auth0-client-secret",
        ("auth0",),
        _ctx(r"auth0[_.-]?(?:client[_.-]?)?secret", r"[A-Za-z0-9_-]{64}"),
        ("AUTH0_CLIENT_SECRET=" + _r("auth0-1", 64, _B64URL), "auth0_secret: " + _r("auth0-2", 64, _B64URL)),
        ("AUTH0_DOMAIN=example.us.auth0.com", "AUTH0_CLIENT_ID=" + _r("auth0-3", 32)),
        "https://auth0.com/docs/get-started/applications/application-settings",
        group=1,
        ignore_case=True,
    ),
    _token(
        "segment-write-key",
        ("segment",),
        _ctx(r"segment[_.-]?(?:write|api)[_.-]?key", r"[A-Za-z0-9]{32}"),
        ("SEGMENT_WRITE_KEY=" + _r("segment-1", 32), "segment-api-key: " + _r("segment-2", 32)),
        ("segment_count=" + _r("segment-3", 32, _DIGITS), "SEGMENT_WRITE_KEY=" + _r("segment-short", 31)),
        "https://segment.com/docs/connections/find-writekey/",
        group=1,
        ignore_case=True,
    ),
    _token(
        "mixpanel-api-secret",
        ("mixpanel",),
        _ctx(r"mixpanel[_.-]?(?:api[_.-]?|project[_.-]?)?(?:secret|token)", r"[a-f0-9]{32}"),
        (
            "MIXPANEL_API_SECRET=" + _r("mixpanel-1", 32, _HEX),
            "mixpanel_secret: " + _r("mixpanel-2", 32, _HEX),
        ),
        (
            "MIXPANEL_PROJECT_ID=" + _r("mixpanel-3", 7, _DIGITS),
            "MIXPANEL_API_SECRET=" + _r("mixpanel-short", 31, _HEX),
        ),
        "https://docs.mixpanel.com/docs/orgs-and-projects/managing-projects#project-secret",
        group=1,
        ignore_case=True,
    ),
    _token(
        "amplitude-api-key",
        ("amplitude",),
        _ctx(r"amplitude[_.-]?(?:api[_.-]?|secret[_.-]?)key", r"[a-f0-9]{32}"),
        (
            "AMPLITUDE_SECRET_KEY=" + _r("amplitude-1", 32, _HEX),
            "amplitude_api_key: " + _r("amplitude-2", 32, _HEX),
        ),
        ("amplitude=0.5", "AMPLITUDE_API_KEY=" + _r("amplitude-short", 31, _HEX)),
        "https://amplitude.com/docs/apis/authentication",
        group=1,
        ignore_case=True,
    ),
    _token(
        "launchdarkly-key",
        ("launchdarkly", "launch_darkly", "launch-darkly", "ld_sdk", "ld_api", "ld_mobile"),
        _ctx(
            r"launch[_-]?darkly|ld_(?:sdk|api|mobile)",
            r"(?:api|sdk|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
            gap=16,
        ),
        (
            "LAUNCHDARKLY_SDK_KEY=sdk-" + _uuid("ld-1"),
            "launch_darkly_api_token: api-" + _uuid("ld-2"),
            "launch-darkly-sdk-key=sdk-" + _uuid("ld-8"),
            "LD_SDK_KEY=sdk-" + _uuid("ld-3"),
            "LD_API_KEY=api-" + _uuid("ld-4"),
            "LD_MOBILE_KEY=mob-" + _uuid("ld-5"),
        ),
        ("LAUNCHDARKLY_CLIENT_SIDE_ID=" + _r("ld-6", 24, _HEX), "LD_SDK_KEY=sdk-" + _uuid("ld-7")[:-1]),
        "https://launchdarkly.com/docs/home/account/environment/keys",
        note="SDK and API access keys; mobile keys are lower-risk but kept out of events too. "
        "Client-side ids are public and not matched.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "algolia-admin-key",
        ("algolia",),
        _ctx(r"algolia[_.-]?(?:admin[_.-]?|api[_.-]?|write[_.-]?|search[_.-]?)?key", r"[a-f0-9]{32}"),
        ("ALGOLIA_ADMIN_KEY=" + _r("algolia-1", 32, _HEX), "algolia_api_key: " + _r("algolia-2", 32, _HEX)),
        (
            "ALGOLIA_APP_ID=" + _r("algolia-3", 10, _UPPER_DIGITS),
            "ALGOLIA_ADMIN_KEY=" + _r("algolia-short", 31, _HEX),
        ),
        "https://www.algolia.com/doc/guides/security/api-keys/",
        note="Search-only keys look the same and are public; after an algolia name both are removed.",
        group=1,
        ignore_case=True,
    ),
    _token(
        "posthog-personal-api-key",
        ("phx_",),
        r"phx_[A-Za-z0-9_]{43,48}",
        ("phx_" + _r("posthog-1", 47), "phx_" + _r("posthog-2", 43)),
        ("phc_" + _r("posthog-3", 43), "phx_" + _r("posthog-short", 42)),
        "https://posthog.com/docs/api#private-endpoint-authentication",
        note="Project keys (phc_) are public and not matched.",
    ),
    _token(
        "rootly-api-key",
        ("rootly_",),
        r"rootly_[a-f0-9]{64}",
        ("rootly_" + _r("rootly-1", 64, _HEX), "rootly_" + _r("rootly-2", 64, _HEX)),
        ("rootly_" + _r("rootly-short", 63, _HEX), "rootly_incident"),
        _TH.format("rootly"),
    ),
    _token(
        "apify-api-token",
        ("apify_api_",),
        r"apify_api_[A-Za-z0-9]{36}",
        ("apify_api_" + _r("apify-1", 36), "apify_api_" + _r("apify-2", 36)),
        ("apify_api_" + _r("apify-short", 35), "apify_api_url"),
        _TH.format("apify"),
    ),
    _token(
        "adobe-client-secret",
        ("p8e-",),
        r"p8e-[A-Za-z0-9]{32}",
        ("p8e-" + _r("adobe-1", 32), "p8e-" + _r("adobe-2", 32)),
        ("p8e-" + _r("adobe-short", 31), "p8e-"),
        _gitleaks("adobe-client-secret"),
    ),
    _token(
        "settlemint-token",
        ("sm_pat_", "sm_aat_", "sm_sat_"),
        r"sm_[pas]at_[A-Za-z0-9]{16}",
        (
            "sm_pat_" + _r("settlemint-1", 16),
            "sm_aat_" + _r("settlemint-2", 16),
            "sm_sat_" + _r("settlemint-3", 16),
        ),
        ("sm_pat_" + _r("settlemint-short", 15), "sm_pat_"),
        _gitleaks("settlemint-personal-access-token"),
    ),
    _token(
        "maxmind-license-key",
        ("_mmk",),
        r"[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk",
        (
            _r("maxmind-1", 6) + "_" + _r("maxmind-2", 29) + "_mmk",
            _r("maxmind-3", 6) + "_" + _r("maxmind-4", 29) + "_mmk",
        ),
        (_r("maxmind-5", 6) + "_" + _r("maxmind-short", 28) + "_mmk", "geoip_mmk"),
        _gitleaks("maxmind-license-key"),
        note="The literal is the suffix ``_mmk``.",
        find=_infix(r"[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk", ("_mmk",), 36),
    ),
)

#: every token format, grouped by provider family (the order is not significant)
TOKEN_FORMATS: tuple[Format, ...] = (
    *_AWS,
    *_GITHUB,
    *_GITLAB,
    *_SLACK,
    *_STRIPE,
    *_GOOGLE,
    *_AZURE,
    *_AI,
    *_INFRA,
    *_DEV,
    *_MESSAGING,
    *_OBSERVABILITY,
    *_SAAS,
)
