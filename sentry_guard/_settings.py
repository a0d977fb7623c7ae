"""The settings model: every ``SENTRY_*`` variable, typed, defaulted and validated."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    SecretStr,
    ValidationInfo,
    field_validator,
)
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from ._dsn import Dsn, validate_dsn
from ._exceptions import InvalidDsn, InvalidName, InvalidRelease, InvalidSetting
from ._files import UnsafeFile, read_small_file
from ._names import trim, validate_dist, validate_environment, validate_release
from ._safe_text import excerpt, mask_url
from ._scrubbers.catalogue import by_name, kinds, parse_detectors
from ._scrubbers.catalogue import kinds as format_kinds
from ._scrubbers.detectors import parse_modes
from ._user_scrubbers import check_signature, resolve_scrubber

__all__ = ["COMMIT_SHA_VARIABLES", "DEFAULT_SECRETS_DIR", "Settings", "env_name"]

PREFIX = "SENTRY_"
DEFAULT_SECRETS_DIR = "/run/secrets"

#: CI/build variables that hold the commit being deployed, most specific first.
COMMIT_SHA_VARIABLES = (
    "GIT_SHA",
    "GIT_COMMIT",
    "GITHUB_SHA",
    "CI_COMMIT_SHA",
    "BITBUCKET_COMMIT",
    "BUILDKITE_COMMIT",
    "CIRCLE_SHA1",
    "DRONE_COMMIT_SHA",
    "TRAVIS_COMMIT",
    "CODEBUILD_RESOLVED_SOURCE_VERSION",
    "VERCEL_GIT_COMMIT_SHA",
    "RENDER_GIT_COMMIT",
    "RAILWAY_GIT_COMMIT_SHA",
    "SOURCE_VERSION",
    "HEROKU_BUILD_COMMIT",
    "HEROKU_SLUG_COMMIT",
)


def env_name(field: str) -> str:
    """The environment variable that sets `field`."""
    return PREFIX + field.upper()


def _split_list(value: Any) -> Any:
    """Accept a JSON array or comma-separated text; blank items are dropped."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValueError(f"looks like a JSON array but is not valid JSON ({exc.msg})") from None
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError("the JSON array must hold only strings")
        else:
            value = text.split(",")
    if isinstance(value, (list, tuple)):
        return tuple(v.strip() for v in value if isinstance(v, str) and v.strip()) + tuple(
            v for v in value if not isinstance(v, str)
        )
    return value


#: a DSN is about 100 characters; a DSN file larger than this is not one
DSN_FILE_LIMIT = 4096


class UnreadableFile:
    """Stands in for a DSN file that could not be read, so validation reports it with the rest."""

    def __init__(self, path: Path, reason: str, variable: str = "SENTRY_DSN_FILE") -> None:
        self.path = path
        self.reason = reason
        self.variable = variable


def _to_dsn(value: Any) -> Any:
    if isinstance(value, UnreadableFile):
        raise _blame(
            InvalidDsn(
                f"cannot read the DSN file {excerpt(value.path)} ({value.reason})",
                "point SENTRY_DSN_FILE (or SENTRY_GUARD_SECRETS_DIR) at a small regular file "
                "holding only the DSN, or mount the secret there",
                kind="unreadable",
            ),
            value.variable,
        )
    return validate_dsn(value) if isinstance(value, str) else value


StrList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_split_list)]


def _importable(value: Any) -> Any:
    """An import path must resolve to a callable (event, hint) now, at start-up, not at the
    first error."""

    if isinstance(value, str):
        resolve_scrubber(value)
        return value
    if not callable(value):
        raise ValueError(f"expected an import path or a callable, got {type(value).__name__}")
    check_signature(value, "the callable given to configure()")
    return value


def _importable_all(value: tuple[str, ...]) -> tuple[str, ...]:
    """Check every path, and report every bad one at once (a module that fails to import is
    told once, however many paths name it)."""
    rules: dict[str, None] = {}
    fixes: dict[str, None] = {}
    for path in value:  # strings only (the type says so): resolve_scrubber's InvalidSetting is all
        try:
            resolve_scrubber(path)
        except InvalidSetting as exc:
            rules[exc.rule] = None
            fixes[exc.fix] = None
    if rules:
        raise InvalidSetting("; ".join(rules), "; ".join(fixes))
    return value


def _detectors(value: tuple[str, ...]) -> tuple[str, ...]:

    try:
        return parse_detectors(value)
    except ValueError:
        pass
    # Told item by item, each only as a short excerpt: a token pasted here is not printed.
    unknown = []
    for item in value:
        try:
            parse_detectors((item,))
        except ValueError:
            unknown.append(excerpt(item.strip().lstrip("-+")))

    known = ", ".join(sorted(kinds()))
    raise ValueError(
        f"unknown detector(s) {', '.join(unknown) or '(?)'}; known: default, all, none, the kinds {known}, "
        "or a format name (`sentry-guard detectors` lists them)"
    )


def _modes(value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:

    try:
        pairs = parse_modes(value)
    except ValueError:
        kinds = sorted(format_kinds())
        names = set(kinds) | set(by_name())
        problems = []
        for item in value:
            kind, sep, mode = (part.strip() for part in item.partition("="))
            if not sep:
                problems.append(f"{excerpt(item)} is not kind=mode")
            elif kind.lower() not in names:
                problems.append(f"unknown kind {excerpt(kind)}")
            else:
                try:
                    parse_modes((item,))
                except ValueError:
                    problems.append(f"unknown mode {excerpt(mode)} for {kind.lower()}")
        raise ValueError(
            f"{'; '.join(problems) or 'cannot read it'}: use kind=mode with kinds {', '.join(kinds)} "
            "(or a format name) and modes replace, mask, hash, remove"
        ) from None
    if any(mode == "hash" for _, mode in pairs) and not info.data.get("scrub_hash_key"):
        raise InvalidSetting(
            "hash mode needs SENTRY_SCRUB_HASH_KEY: an unkeyed hash of an email or card is reversible by guessing",
            "set SENTRY_SCRUB_HASH_KEY to a long random secret (`python -c 'import secrets; "
            "print(secrets.token_hex(32))'`), or use replace, mask or remove instead of hash",
        )
    return tuple(f"{kind}={mode}" for kind, mode in pairs)


DetectorList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_split_list), AfterValidator(_detectors)]
ModeList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_split_list), AfterValidator(_modes)]
ScrubberPath = Annotated[str | Callable[..., Any], BeforeValidator(_importable)]
ScrubberPaths = Annotated[
    tuple[str, ...], NoDecode, BeforeValidator(_split_list), AfterValidator(_importable_all)
]
Rate = Annotated[float, Field(ge=0.0, le=1.0)]
DsnField = Annotated[
    Dsn,
    BeforeValidator(_to_dsn),
    PlainSerializer(lambda d: d.masked, return_type=str),
]


def _meta(group: str, fix: str) -> dict[str, Any]:
    """Per-field metadata the error messages and the README table use."""
    return {"group": group, "fix": fix}


class Settings(BaseSettings):
    """Validated Sentry settings, read from ``SENTRY_*`` variables (and overrides, .env, secrets).

    Frozen: two loads from the same inputs compare equal, which `configure()` relies on.
    """

    model_config = SettingsConfigDict(
        env_prefix=PREFIX,
        case_sensitive=False,
        frozen=True,
        extra="ignore",
        env_ignore_empty=True,
        arbitrary_types_allowed=True,
        validate_default=False,
    )

    # core
    dsn: DsnField | None = Field(
        None,
        description="Where events go; unset keeps Sentry off. Also read from `SENTRY_DSN_FILE` or `<secrets dir>/sentry_dsn`.",
        json_schema_extra=_meta("core", "copy it from Sentry: Project Settings > Client Keys"),
    )
    environment: str = Field(
        "production",
        description="Environment name (at most 64 bytes, no `/`, `\\`, control characters; not `none`).",
        json_schema_extra=_meta("core", "use a short name such as 'production' or 'staging'"),
    )
    release_package: str | None = Field(
        None,
        description="Package name; with `SENTRY_RELEASE_VERSION` or a commit SHA from CI variables builds `package@version`.",
        json_schema_extra=_meta("release", "set the package name, e.g. 'myapp'"),
    )
    release_version: str | None = Field(
        None,
        description="Version for `SENTRY_RELEASE_PACKAGE@SENTRY_RELEASE_VERSION`.",
        json_schema_extra=_meta("release", "set the version, e.g. '1.4.2'"),
    )
    release: str | None = Field(
        None,
        validate_default=True,
        description="Release name (at most 200 bytes, no `/`, `\\`, control characters; not `latest`). Wins over `SENTRY_RELEASE_PACKAGE`/`_VERSION`.",
        json_schema_extra=_meta("core", "use 'package@version', e.g. 'myapp@1.4.2'"),
    )
    dist: str | None = Field(
        None,
        description="Distribution / build number: `A-Z a-z 0-9 _ . -`, at most 64 characters.",
        json_schema_extra=_meta("core", "use e.g. a build number like '421'"),
    )
    server_name: str | None = Field(
        None,
        description="Server name reported with events; unset uses the host name.",
        json_schema_extra=_meta("core", "set a non-empty name or unset it"),
    )
    debug: bool = Field(
        False,
        description="Let sentry-sdk log what it does (for troubleshooting).",
        json_schema_extra=_meta("core", "use true or false"),
    )
    # sampling
    sample_rate: Rate = Field(
        1.0,
        description="Share of error events sent, 0 to 1.",
        json_schema_extra=_meta("sampling", "use a number from 0 to 1, e.g. 0.25"),
    )
    traces_sample_rate: Rate | None = Field(
        None,
        description="Share of transactions traced, 0 to 1; unset disables tracing.",
        json_schema_extra=_meta("sampling", "use a number from 0 to 1, e.g. 0.1"),
    )
    profiles_sample_rate: Rate | None = Field(
        None,
        description="Share of traced transactions profiled, 0 to 1 (continuous profiling on sentry-sdk versions that have it).",
        json_schema_extra=_meta("sampling", "use a number from 0 to 1, e.g. 0.1"),
    )
    # data
    send_default_pii: bool = Field(
        False,
        description="Keep user identity (id, username, email, IP) in the `user` fields; secrets are scrubbed regardless.",
        json_schema_extra=_meta("data", "use true or false"),
    )
    max_breadcrumbs: int = Field(
        100,
        ge=0,
        description="Breadcrumbs kept per event.",
        json_schema_extra=_meta("data", "use a whole number of 0 or more, e.g. 100"),
    )
    include_local_variables: bool = Field(
        True,
        description="Send stack-frame local variables (scrubbed).",
        json_schema_extra=_meta("data", "use true or false"),
    )
    max_request_body_size: Literal["never", "small", "medium", "always"] = Field(
        "medium",
        description="How much of request bodies to send: never, small, medium or always.",
        json_schema_extra=_meta("data", "use one of never, small, medium, always"),
    )
    enable_logs: bool = Field(
        False,
        description="Send Python log records as Sentry logs.",
        json_schema_extra=_meta("data", "use true or false"),
    )
    ignore_errors: StrList = Field(
        (),
        description="Exception class names never reported (comma-separated or JSON array).",
        json_schema_extra=_meta("data", "list class names, e.g. 'KeyboardInterrupt,myapp.errors.Retry'"),
    )
    in_app_include: StrList = Field(
        (),
        description="Module prefixes marked as your code in stack traces (comma-separated or JSON array).",
        json_schema_extra=_meta("data", "list module prefixes, e.g. 'myapp,shared_lib'"),
    )
    # scrubbing
    scrub_keys: StrList = Field(
        (),
        description="More sensitive key names, matched as words (`order_notes` also hits `customerOrderNotes`).",
        json_schema_extra=_meta("scrubbing", "list key names, e.g. 'order_notes,tax_id'"),
    )
    scrub_safe_keys: StrList = Field(
        (),
        description="Key names never filtered by name, matched exactly after word splitting (e.g. `token_type`).",
        json_schema_extra=_meta("scrubbing", "list key names, e.g. 'token_type'"),
    )
    scrub_detectors: DetectorList = Field(
        ("default",),
        validate_default=True,
        description="Which formats of the catalogue run: `default`, `all`, kinds (`token`, `email`, `ip`, ...) or format names (`github-pat`), `-item` to drop one (e.g. `default,-ip,-phone`); `sentry-guard detectors` lists them.",
        json_schema_extra=_meta("scrubbing", "list detectors, e.g. 'default,-ip'; see the README for names"),
    )
    scrub_hash_key: SecretStr | None = Field(
        None,
        description="Secret key for `hash` mode (HMAC-SHA256): stable pseudonyms that cannot be reversed by guessing.",
        json_schema_extra=_meta(
            "scrubbing",
            "set a long random secret, e.g. from `python -c 'import secrets; print(secrets.token_hex(32))'`",
        ),
    )
    scrub_mode: ModeList = Field(
        (),
        description="Per kind, how a detected value is replaced: `replace` (default), `mask`, `hash`, `remove` (e.g. `creditcard=mask,email=hash`).",
        json_schema_extra=_meta("scrubbing", "use kind=mode pairs, e.g. 'creditcard=mask,email=hash'"),
    )
    scrubbers: ScrubberPaths = Field(
        (),
        description="Your scrubbers as import paths `pkg.mod:func` or `pkg.mod:Class`, run after the built-ins.",
        json_schema_extra=_meta(
            "scrubbing", "list importable callables, e.g. 'myapp.sentry:drop_health_checks'"
        ),
    )
    scrub_on_error: Literal["minimal", "drop"] = Field(
        "minimal",
        description="When a scrubber fails: `minimal` sends a minimal event without free text, `drop` sends nothing.",
        json_schema_extra=_meta("scrubbing", "use minimal or drop"),
    )
    scrub_summary: bool = Field(
        True,
        description='Add `contexts["sentry_guard"]` to each event that had something removed: counts by kind (`{"filtered": {"email": 2}}`), no values.',
        json_schema_extra=_meta("scrubbing", "use true or false"),
    )
    before_send: ScrubberPath | None = Field(
        None,
        description="Your own `before_send` (import path, or a callable given to `configure()`), run last in the chain.",
        json_schema_extra=_meta("scrubbing", "give an importable callable, e.g. 'myapp.sentry:before_send'"),
    )
    # celery
    celery_monitor_beat_tasks: bool = Field(
        True,
        description="Send cron check-ins for Celery beat entries (Sentry's own default is off).",
        json_schema_extra=_meta("celery", "use true or false"),
    )
    celery_exclude_beat_tasks: StrList = Field(
        (),
        description="Beat entry names not to monitor: regular expressions matched like sentry-sdk does (`re.search(p + '$')`).",
        json_schema_extra=_meta("celery", "list patterns, e.g. 'cleanup-.*,heartbeat'"),
    )
    celery_propagate_traces: bool = Field(
        True,
        description="Continue the caller's trace inside tasks.",
        json_schema_extra=_meta("celery", "use true or false"),
    )
    celery_checkin_margin: int | None = Field(
        None,
        ge=1,
        description="Default minutes a check-in may be late before the monitor is marked missed.",
        json_schema_extra=_meta("celery", "use a whole number of minutes, e.g. 5"),
    )
    celery_max_runtime: int | None = Field(
        None,
        ge=1,
        description="Default minutes a job may run before it is marked timed out.",
        json_schema_extra=_meta("celery", "use a whole number of minutes, e.g. 30"),
    )
    celery_timezone: str | None = Field(
        None,
        description="Default monitor timezone when a schedule names none (else the app's, else UTC).",
        json_schema_extra=_meta("celery", "use an IANA zone name, e.g. 'Europe/Berlin'"),
    )
    # web API (the `sentry-guard events` / `issues` commands, `sentry_guard.api`)
    url: str = Field(
        "https://sentry.io",
        description="The Sentry server for the web API (self-hosted: your own URL).",
        json_schema_extra=_meta("api", "use the server's URL, e.g. 'https://sentry.example.com'"),
    )
    auth_token: SecretStr | None = Field(
        None,
        description="Auth token for the web API (never printed); scopes as each command needs.",
        json_schema_extra=_meta("api", "create one in Sentry: Settings > Auth Tokens"),
    )
    org: str | None = Field(
        None,
        description="Organization slug for the web API.",
        json_schema_extra=_meta("api", "use the slug from your Sentry URLs, e.g. 'acme'"),
    )
    project: str | None = Field(
        None,
        description="Project slug for the web API.",
        json_schema_extra=_meta("api", "use the slug from your Sentry URLs, e.g. 'shop'"),
    )
    api_deadline: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="Seconds one web API command may take in all, retries and `Retry-After` waits included.",
        json_schema_extra=_meta("api", "use a number of seconds, e.g. 30"),
    )
    allow_http: bool = Field(
        False,
        description="Let the web API send the token over plain `http://` to a host that is not this machine.",
        json_schema_extra=_meta("api", "use https:// in SENTRY_URL, or true to accept plain http"),
    )
    # guard
    guard_strict: bool = Field(
        True,
        description="`false`: invalid settings log one ERROR and leave Sentry off instead of raising `ConfigError`.",
        json_schema_extra=_meta("guard", "use true or false"),
    )
    guard_env_file: Path | None = Field(
        None,
        description="A `.env` file to read `SENTRY_*` variables from (the environment wins).",
        json_schema_extra=_meta("guard", "point it at a readable file"),
    )
    guard_secrets_dir: Path = Field(
        Path(DEFAULT_SECRETS_DIR),
        description="Directory of Docker/Kubernetes secret files; `sentry_dsn` there provides the DSN.",
        json_schema_extra=_meta("guard", "point it at a directory"),
    )
    guard_pure_python: bool = Field(
        False,
        description="`true`: scrub with the pure-Python scanner even where the compiled one is installed (read at import; at install time, skips building it).",
        json_schema_extra=_meta("guard", "use true or false"),
    )
    dsn_file: Path | None = Field(
        None,
        description="A file whose content is the DSN (Docker `*_FILE` convention); wins over the secrets directory.",
        json_schema_extra=_meta("core", "point it at a readable file holding the DSN"),
    )

    @field_validator("url", mode="after")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not re.match(r"https?://[^\s/]+(/\S*)?\Z", value):
            raise ValueError("must be an http(s) URL like 'https://sentry.io'")
        return value

    @field_validator("celery_timezone", mode="after")
    @classmethod
    def _check_timezone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except Exception:
                raise ValueError(f"{excerpt(value)} is not an IANA zone name") from None
        return value

    @field_validator("org", "project", mode="after")
    @classmethod
    def _check_slug(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"[A-Za-z0-9_.-]{1,100}\Z", value):
            raise ValueError("must be a slug: letters, digits, '-', '_' and '.'")
        return value

    @field_validator("environment", mode="before")
    @classmethod
    def _check_environment(cls, value: Any) -> Any:
        return validate_environment(value) if isinstance(value, str) else value

    @field_validator("dist", mode="before")
    @classmethod
    def _check_dist(cls, value: Any) -> Any:
        return validate_dist(value) if isinstance(value, str) else value

    @field_validator("server_name", "release_package", "release_version", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = trim(value)
            if not value:
                raise ValueError("is blank")
        return value

    @field_validator("release", mode="after")
    @classmethod
    def _resolve_release(cls, value: str | None, info: ValidationInfo) -> str | None:
        """An explicit release wins; else ``package@version``; else package and a CI commit SHA."""
        if value is not None:
            return validate_release(value)
        package = info.data.get("release_package")
        version = info.data.get("release_version")
        if version is not None and package is None:
            raise _blame(
                InvalidRelease(
                    "SENTRY_RELEASE_VERSION is set without SENTRY_RELEASE_PACKAGE",
                    "set SENTRY_RELEASE_PACKAGE (e.g. 'myapp'), or set SENTRY_RELEASE in full",
                    kind="format",
                ),
                "SENTRY_RELEASE_PACKAGE",
            )
        source, sha = commit_sha(os.environ)
        if version is None and sha is not None:
            version = sha
        if version is None:
            return None
        release = f"{package}@{version}" if package else version
        try:
            return validate_release(release)
        except InvalidRelease as exc:
            blamed = "SENTRY_RELEASE_PACKAGE + " + (
                "SENTRY_RELEASE_VERSION" if info.data.get("release_version") else str(source)
            )
            raise _blame(exc, blamed) from None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, dotenv_settings, DsnFileSource(settings_cls))

    def __repr_args__(self) -> Any:
        # Only what differs from the defaults: short, and nothing secret beyond the masked DSN.

        for name in type(self).model_fields:
            if name in self.model_fields_set:
                value = getattr(self, name)
                yield name, mask_url(value) if name == "url" else value


_E = TypeVar("_E", bound=InvalidName)


def _blame(exc: _E, variable: str) -> _E:
    """Name the variable really at fault (e.g. the package, not the composed release)."""
    exc.variable = variable
    return exc


def commit_sha(environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The first CI/build variable holding a commit SHA, as (variable, trimmed value)."""
    for name in COMMIT_SHA_VARIABLES:
        value = trim(environ.get(name, ""))
        if value:
            return name, value
    return None, None


class DsnFileSource(PydanticBaseSettingsSource):
    """The DSN from a file: `SENTRY_DSN_FILE`, else ``<secrets dir>/sentry_dsn`` when it exists."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # pragma: no cover - __call__ does the work

    def __call__(self) -> dict[str, Any]:
        path = dsn_file_path(self.current_state)
        if path is None:
            return {}
        variable = "SENTRY_DSN_FILE" if self.current_state.get("dsn_file") else "SENTRY_GUARD_SECRETS_DIR"
        try:
            return {"dsn": read_small_file(path, DSN_FILE_LIMIT).decode("utf-8").strip()}
        except UnsafeFile as exc:
            reason = exc.reason
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
        except UnicodeDecodeError:
            reason = "it is not UTF-8 text"
        return {"dsn": UnreadableFile(path, reason, variable)}


def dsn_file_path(state: Mapping[str, Any]) -> Path | None:
    """Which file provides the DSN, given what the higher-priority sources found.

    A ``sentry_dsn`` in the secrets directory counts when anything is there (a FIFO or a
    directory by that name is reported, not skipped); nothing there means no DSN."""
    if state.get("dsn") is not None:
        return None
    explicit = state.get("dsn_file")
    if explicit:
        return Path(explicit)
    secret = Path(state.get("guard_secrets_dir") or DEFAULT_SECRETS_DIR) / "sentry_dsn"
    return secret if secret.exists() else None
