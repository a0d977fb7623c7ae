"""`sentry-guard check` and `sentry-guard release`: the settings as configure() reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from pydantic import SecretStr

from .._configure import plan
from .._dsn import Dsn
from .._exceptions import ConfigError, InvalidRelease
from .._loading import is_strict, try_load_settings
from .._names import parse_release, release_advice
from .._provenance import dsn_source, release_source, release_warning
from .._safe_text import clean, looks_secret, mask_url
from .._scrubbers.scan import uses_compiled_scanner
from .._sdk import sdk_version
from .._settings import Settings, env_name
from .._variables import unknown_variables, unknown_variables_text
from ..api import is_loopback, origin
from ._exit import EXIT_INVALID, EXIT_OK

__all__ = ["add_commands"]


def add_commands(commands: Any) -> None:
    """Register ``check`` and ``release [validate NAME]``."""
    check = commands.add_parser(
        "check", help="validate SENTRY_* variables like configure() and print the effective settings"
    )
    check.set_defaults(handler=lambda args, out, err, stdin: _check(out, err))
    release = commands.add_parser("release", help="print the release configure() would use")
    release.set_defaults(handler=lambda args, out, err, stdin: _release(out, err))
    release_commands = release.add_subparsers(dest="release_command", metavar="SUBCOMMAND")
    validate = release_commands.add_parser("validate", help="check one release name against Sentry's rules")
    validate.add_argument("name")
    validate.set_defaults(handler=lambda args, out, err, stdin: _release_validate(args.name, out, err))


#: settings where a long run of hex digits is a commit SHA, not a key
_SHA_FIELDS = ("release", "release_version")


def _show(value: Any, name: str = "") -> str:
    """A setting's value for `check`: URL passwords masked, one clean line, secrets held back."""
    if value is None:
        return "(unset)"
    if isinstance(value, tuple):
        return ",".join(_show(v, name) for v in value) if value else "(empty)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Path, Dsn, SecretStr)):
        return str(value)  # the DSN and the secrets print masked
    text = str(value)
    shown = clean(mask_url(text), 500)
    if shown == text and looks_secret(text, token_runs=name not in _SHA_FIELDS):
        return "(looks like a secret, not shown: is it in the right variable?)"
    return shown


def _scanner() -> str:
    if uses_compiled_scanner():
        return "the compiled scanner"
    return "in pure Python (no compiled scanner: 3 to 5 times slower; see Install in the README)"


def _check(out: TextIO, err: TextIO) -> int:
    """Run what `configure()` runs short of ``sentry_sdk.init`` (the chain and its plugins and
    hooks included, DSN or not: the DSN usually arrives only at deploy time)."""

    built = plan()
    settings = built.settings
    if settings is None or built.chain is None:
        print(ConfigError(built.problems), file=err)
        if not is_strict({}):
            print(
                "(SENTRY_GUARD_STRICT=false: configure() would log this and start with Sentry off)", file=err
            )
        return EXIT_INVALID
    width = max(len(env_name(n)) for n in Settings.model_fields)
    for name in Settings.model_fields:
        marker = "*" if name in settings.model_fields_set else " "
        if name == "release" and settings.release and marker == " ":
            marker = "~"
        print(f"{marker} {env_name(name):<{width}}  {_show(getattr(settings, name), name)}", file=out)
    print("(* = set, ~ = derived from SENTRY_RELEASE_PACKAGE/VERSION or a CI commit variable)", file=out)
    print(f"scrubber chain: {' -> '.join(built.chain.names)}", file=out)
    print(f"scrubbing runs {_scanner()}", file=out)
    source = dsn_source(settings)
    if source is None:
        print("Sentry would be off: SENTRY_DSN is not set", file=out)
    else:
        print(f"DSN from {source}", file=out)
    warnings = []
    unknown = unknown_variables(env_file=settings.guard_env_file)
    if unknown:
        warnings.append(unknown_variables_text(unknown))
    if built.unsupported:
        warnings.append(
            f"sentry-sdk {sdk_version()} does not support {', '.join(built.unsupported)}: "
            "configure() will warn and leave them out; upgrade sentry-sdk or unset them"
        )
    scheme, host, _ = origin(settings.url) or ("", "", 0)
    if scheme == "http" and not settings.allow_http and not is_loopback(host):
        warnings.append(
            "SENTRY_URL is plain http:// to another machine: the web API commands refuse "
            "to send the token there unless SENTRY_ALLOW_HTTP=true (or --insecure)"
        )
    package_warning = release_warning(settings)
    if package_warning:
        warnings.append(package_warning)
    if settings.release:
        advice = release_advice(settings.release)
        if advice:
            warnings.append(advice)
    for warning in warnings:
        print(f"warning: {warning}", file=err)
    print("OK: the Sentry configuration is valid", file=out)
    return EXIT_OK


def _release(out: TextIO, err: TextIO) -> int:
    """The release sentry-sdk will report, on standard output alone (for scripts); where it
    comes from on standard error."""
    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return EXIT_INVALID
    release, source = release_source(settings)
    warning = release_warning(settings)
    if warning:
        print(f"warning: {warning}", file=err)
    if not release:
        print(
            "no release: set SENTRY_RELEASE, or SENTRY_RELEASE_PACKAGE with SENTRY_RELEASE_VERSION "
            "or a CI commit variable such as GITHUB_SHA",
            file=err,
        )
        return EXIT_INVALID
    print(release, file=out)
    print(f"(from {source})", file=err)
    return EXIT_OK


def _release_validate(name: str, out: TextIO, err: TextIO) -> int:
    try:
        parsed = parse_release(name)
    except InvalidRelease as exc:
        print(exc, file=err)
        return EXIT_INVALID
    print(parsed.raw, file=out)
    version = parsed.version
    print(f"  package:    {parsed.package or '(none)'}", file=out)
    print(f"  version:    {parsed.version_raw}", file=out)
    if version is not None:
        quad = f"{version.major}.{version.minor}.{version.patch}.{version.revision}"
        print(f"  parsed:     {quad} pre={version.pre or '-'} build={version.build_code or '-'}", file=out)
    print(f"  build hash: {parsed.build_hash or '(none)'}", file=out)
    print(f"  shown as:   {parsed.description}", file=out)
    advice = release_advice(name)
    if advice:
        print(f"warning: {advice}", file=err)
    return EXIT_OK
