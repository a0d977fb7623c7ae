"""The exception tree: everything sentry_guard raises derives from `SentryGuardError`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ConfigError",
    "InvalidDist",
    "InvalidDsn",
    "InvalidEnvironment",
    "InvalidName",
    "InvalidRelease",
    "InvalidSetting",
    "InvalidSlug",
    "Problem",
    "SentryGuardError",
    "UnknownOption",
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


class UnknownOption(SentryGuardError, TypeError):
    """A keyword that is neither a setting nor an option the installed sentry-sdk accepts
    (a `TypeError`, like any unexpected keyword argument)."""

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
