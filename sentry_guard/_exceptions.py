"""Every exception sentry_guard raises, in one tree; one ``except SentryGuardError`` catches all.

::

    SentryGuardError
    ├── ConfigError (ValueError)        settings that cannot be used: every `Problem` at once
    ├── InvalidSetting (ValueError)     one value broke a rule; says the rule and the fix
    │   └── InvalidName                 a name Sentry would refuse
    │       ├── InvalidRelease
    │       ├── InvalidEnvironment
    │       ├── InvalidDist
    │       ├── InvalidDsn
    │       └── InvalidSlug
    ├── UsageError (TypeError)          the call itself is wrong (what was passed, not the data)
    │   └── UnknownOption               a keyword nothing takes
    ├── ScrubberError                   a scrubber raised, or returned something not an event
    └── ApiError                        a Sentry web API call failed
        ├── NoAnswer                    no answer arrived
        │   ├── ApiTimeout
        │   └── ApiConnectionError
        └── BadAnswer                   an answer we did not want (`status`)
            ├── AuthenticationFailed    401
            ├── PermissionDenied        403 (`scopes`)
            ├── NotFound                404
            ├── RateLimited             429 (`retry_after`)
            ├── ServerError             5xx
            ├── Redirected              3xx (`location`)
            └── InvalidResponse         not the JSON the endpoint documents

No message holds a secret: values that may be one are masked or left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeout",
    "AuthenticationFailed",
    "BadAnswer",
    "ConfigError",
    "InvalidDist",
    "InvalidDsn",
    "InvalidEnvironment",
    "InvalidName",
    "InvalidRelease",
    "InvalidResponse",
    "InvalidSetting",
    "InvalidSlug",
    "NoAnswer",
    "NotFound",
    "PermissionDenied",
    "Problem",
    "RateLimited",
    "Redirected",
    "ScrubberError",
    "SentryGuardError",
    "ServerError",
    "UnknownOption",
    "UsageError",
]


class SentryGuardError(Exception):
    """Root of every error sentry_guard raises, so one `except` catches them all."""


class InvalidSetting(SentryGuardError, ValueError):
    """A setting's value broke a rule; `fix` is specific to that rule (not the field's generic one).

    The message never contains the offending value when that value may be secret.
    """

    #: what is invalid, named at the start of the message (a name kind); none for a plain setting
    what = ""

    def __init__(self, rule: str, fix: str, *, kind: str = "value") -> None:
        self.rule = rule
        self.fix = fix
        #: short machine-readable reason: ``empty``, ``too_long``, ``restricted``,
        #: ``bad_characters``, ``format``, ``value`` (stable, used by tests and tools)
        self.kind = kind
        #: the variable to blame when it is not the field's own (set by the settings model)
        self.variable: str | None = None
        super().__init__(f"invalid {self.what}: {rule}. Fix: {fix}" if self.what else f"{rule}. Fix: {fix}")


class InvalidName(InvalidSetting):
    """A name Sentry would refuse; `rule` says which rule it broke and `fix` what to do."""

    what = "name"

    def __init__(self, rule: str, fix: str, *, kind: str) -> None:
        super().__init__(rule, fix, kind=kind)


class InvalidRelease(InvalidName):
    """A release name Sentry would refuse."""

    what = "release"


class InvalidEnvironment(InvalidName):
    """An environment name Sentry would refuse."""

    what = "environment"


class InvalidDist(InvalidName):
    """A distribution (``dist``) Sentry would refuse."""

    what = "dist"


class InvalidDsn(InvalidName):
    """A DSN sentry-sdk cannot use; the message masks the key and secret."""

    what = "DSN"


class InvalidSlug(InvalidName):
    """A cron monitor slug Sentry would rewrite or truncate silently."""

    what = "monitor slug"


class UsageError(SentryGuardError, TypeError):
    """The call itself is wrong: an argument of the wrong kind (a scrubber that is not
    callable). A `TypeError`, like Python's own for a bad call."""


class UnknownOption(UsageError):
    """A keyword nothing takes: neither a setting nor an option the installed sentry-sdk
    accepts, or a field an API call does not change (a `TypeError`, like any unexpected
    keyword argument)."""

    def __init__(self, names: Sequence[str], message: str) -> None:
        self.names = tuple(names)
        super().__init__(message)


@dataclass(frozen=True)
class Problem:
    """One bad setting: the variable as the user wrote it, the rule it broke, the fix."""

    variable: str
    rule: str
    fix: str

    def __str__(self) -> str:
        return f"{self.variable}: {self.rule}. Fix: {self.fix}"


class ConfigError(SentryGuardError, ValueError):
    """The configuration is invalid; `problems` lists every bad variable, never a secret."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"invalid Sentry configuration ({count} problem{'s' if count != 1 else ''}):"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class ScrubberError(SentryGuardError):
    """A scrubber raised or returned something that is not an event dict or None."""

    def __init__(self, scrubber: str, problem: str) -> None:
        self.scrubber = scrubber
        self.problem = problem
        super().__init__(f"scrubber {scrubber!r} {problem}")


class ApiError(SentryGuardError):
    """A Sentry web API call failed; `status` is the HTTP status (None when none arrived)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


class NoAnswer(ApiError):
    """No answer arrived: the server could not be reached, or did not answer in time."""


class BadAnswer(ApiError):
    """An answer arrived, but not the one asked for; `status` is its HTTP status."""


class AuthenticationFailed(BadAnswer):
    """401: the token is missing, wrong, expired or revoked."""


class PermissionDenied(BadAnswer):
    """403: the token lacks the scope this call needs (`scopes` lists the ones that would do)."""

    def __init__(self, message: str, scopes: tuple[str, ...]) -> None:
        self.scopes = scopes
        super().__init__(message, 403)


class NotFound(BadAnswer):
    """404: no such organization, project or issue (or the token cannot see it)."""


class RateLimited(BadAnswer):
    """429, still after the retries: `retry_after` is how long Sentry asked to wait."""

    def __init__(self, message: str, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(message, 429)


class ServerError(BadAnswer):
    """5xx, still after the retries."""


class ApiTimeout(NoAnswer):
    """No answer in time."""


class ApiConnectionError(NoAnswer):
    """The server could not be reached."""


class InvalidResponse(BadAnswer):
    """The answer was not the JSON the endpoint documents (or its paging never ends)."""


class Redirected(BadAnswer):
    """3xx: redirects are not followed, so the token never leaves ``SENTRY_URL``'s origin.

    `location` is where the server pointed, masked and cleaned for printing."""

    def __init__(self, message: str, status: int, location: str) -> None:
        self.location = location
        super().__init__(message, status)
