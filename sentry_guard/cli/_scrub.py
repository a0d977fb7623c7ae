"""`sentry-guard scrub`: the configured chain over an event JSON or an envelope, from a file or stdin.

Any input ends with exit 0, 1 (invalid settings, a failing scrubber) or 2 (bad input) and,
on failure, one line: no traceback for deep nesting, lone surrogates or stray bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from .._endpoint import parse_envelope
from .._exceptions import ConfigError, InvalidSetting, ScrubberError
from .._hooks import default_chain
from .._leaks import explain
from .._loading import try_load_settings
from .._safe_text import clean
from .._scrubbers.findings import Finding, format_path
from .._user_scrubbers import resolve_scrubber

__all__ = ["MAX_BYTES", "MAX_DEPTH", "run"]

from ._exit import EXIT_INVALID, EXIT_OK, EXIT_USAGE

#: deeper JSON is refused before parsing: Python's parser and printer recurse per level, and
#: no Sentry event nests like this (sentry-sdk cuts its data at a depth of 10)
MAX_DEPTH = 500
#: a larger input is refused before it is read whole (Sentry takes events of at most 1 MiB)
MAX_BYTES = 64 * 1024 * 1024

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class BadInput(ValueError):
    """The input is not an event: the message is the one line to print."""


class TooDeep(BadInput):
    """The input nests deeper than `MAX_DEPTH`."""


class Unreadable(BadInput):
    """The input is JSON that Python will not read (an integer of more than 4300 digits)."""


def _nesting(text: str) -> int:
    """How deep the JSON in `text` nests (brackets inside strings do not count); no recursion."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0  # cannot be too deep: skip the scan
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _json(text: str, what: str) -> Any:
    """`text` parsed as JSON; `BadInput` naming the line and column (and the depth limit)."""
    if _nesting(text) > MAX_DEPTH:
        raise TooDeep(f"{what} nests deeper than {MAX_DEPTH} levels; scrub reads at most {MAX_DEPTH}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{what} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4300 digits
        raise Unreadable(f"{what} is JSON Python will not read ({clean(str(exc), 120)})") from None


def _read(source: str, stdin: TextIO) -> str:
    """The input as text: at most MAX_BYTES, UTF-8 (a leading byte-order mark is dropped)."""
    if source == "-":
        buffer = getattr(stdin, "buffer", None)
        raw = buffer.read(MAX_BYTES + 1) if buffer is not None else stdin.read(MAX_BYTES + 1).encode()
    else:
        with open(source, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise BadInput(f"the input is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"the input is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff")


def _from_envelope(text: str) -> Any:
    """The first event or transaction item of an envelope."""
    try:
        envelope = parse_envelope(text.encode("utf-8", "surrogatepass"))
    except ValueError as exc:
        raise BadInput(f"not a Sentry envelope: {clean(str(exc), 160)}") from None
    for head, body in envelope.items:
        if head.get("type") in ("event", "transaction", None):
            try:
                return _json(body.decode("utf-8"), f"the envelope's {head.get('type') or 'event'} item")
            except UnicodeDecodeError:
                raise BadInput("the envelope's event item is not UTF-8 text") from None
    raise BadInput("the envelope holds no event or transaction item")


def read_event(source: str, stdin: TextIO) -> dict[str, Any]:
    """An event from JSON (as exported from Sentry) or from a raw envelope; `BadInput` if neither."""
    text = _read(source, stdin)
    if not text.strip():
        raise BadInput("no input: give an event JSON or envelope as FILE, or on standard input with -")
    try:
        value = _json(text, "the input")
    except (TooDeep, Unreadable):  # JSON, so no envelope either: said as it is
        raise
    except BadInput as not_json:
        first, _, rest = text.lstrip().partition("\n")
        try:
            header = _json(first, "the envelope header")
        except BadInput:
            header = None
        if not isinstance(header, dict) or not rest.strip():
            message = str(not_json).replace("the input is not JSON", "not JSON and not a Sentry envelope")
            raise BadInput(message) from None
        value = _from_envelope(text)
    if not isinstance(value, dict):
        raise BadInput(f"not an event: expected a JSON object, got {type(value).__name__}")
    return value


def changes(before: Any, after: Any) -> list[tuple[str, Any, Any]]:
    """Leaf paths whose value differs between `before` and `after`, in document order; no recursion."""
    found: list[tuple[str, Any, Any]] = []
    # ("compare", path, before, after) or ("found", path, before, after), last first
    todo: list[tuple[str, tuple[Any, ...], Any, Any]] = [("compare", (), before, after)]
    while todo:
        step, path, old, new = todo.pop()
        if step == "found":
            found.append((format_path(path), old, new))
        elif isinstance(old, dict) and isinstance(new, dict):
            steps = [("compare", (*path, key), old[key], new[key]) for key in old if key in new]
            steps += [("found", (*path, key), old[key], "(removed)") for key in old if key not in new]
            todo += reversed(steps)
        elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
            todo += reversed(
                [("compare", (*path, i), b, a) for i, (b, a) in enumerate(zip(old, new, strict=True))]
            )
        elif old != new:
            found.append((format_path(path), old, new))
    return found


def _explained(found: list[tuple[str, Any, Any]], findings: list[Finding], lines: list[str]) -> list[str]:
    """Each change's line, then the rule behind each of its findings (indented): a finding
    inside JSON text or a repr goes under the string that holds it."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path.split("<parsed>", 1)[0], []).append(finding)
    out = []
    for (path, _, _), line in zip(found, lines, strict=True):
        out.append(line)
        for finding in by_path.pop(path, ()):
            where = finding.path[len(path) :] if finding.path != path else ""
            span = f" [{finding.span[0]}:{finding.span[1]}]" if finding.span else ""
            label = f"{where}{span}".strip()
            out.append(f"    {label + ' ' if label else ''}{finding.kind}: {finding.rule}")
    for rest in by_path.values():  # a change the comparison above shows under another path
        out += [f"{f.path}: {f.kind}: {f.rule}" for f in rest]
    return out


def _dumps(value: Any, out: TextIO, indent: int | None = None) -> str:
    """JSON as `out` can print it: lone surrogates as ``\\udXXX`` escapes (as they came in),
    non-ASCII escaped too when `out` cannot encode it."""
    text = _LONE_SURROGATE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, indent=indent, ensure_ascii=False)
    )
    try:
        text.encode(getattr(out, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(value, indent=indent)
    return text


def add_commands(commands: Any) -> None:
    """Register ``scrub [FILE|-] [--diff] [--explain] [--scrubbers ...]``."""
    scrub = commands.add_parser(
        "scrub", help="run the configured chain over an event JSON (or envelope) and print it"
    )
    scrub.add_argument(
        "source", nargs="?", default="-", metavar="FILE|-", help="the event; - reads standard input"
    )
    scrub.add_argument("--diff", action="store_true", help="print only what changed, path by path")
    scrub.add_argument(
        "--explain",
        action="store_true",
        help="print what changed, path by path, and the rule that changed it",
    )
    scrub.add_argument(
        "--scrubbers", default="", help="more scrubbers, as import paths pkg.mod:func (comma-separated)"
    )
    scrub.set_defaults(handler=_handle)


def _handle(args: Any, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    paths = [p.strip() for p in args.scrubbers.split(",") if p.strip()]
    return run(args.source, args.diff, paths, out, err, stdin, explained=args.explain)


def run(
    source: str,
    diff: bool,
    scrubber_paths: list[str],
    out: TextIO,
    err: TextIO,
    stdin: TextIO,
    explained: bool = False,
) -> int:
    """Scrub one event and print it (or, with `diff`, what changed; with `explained`, what
    changed and the rule that changed it); returns the exit code."""
    try:
        extra = [resolve_scrubber(path) for path in scrubber_paths]
    except InvalidSetting as exc:
        print(
            f"sentry-guard scrub: --scrubbers: {clean(exc.rule, 300)}. Fix: {clean(exc.fix, 300)}", file=err
        )
        return EXIT_USAGE
    try:
        event = read_event(source, stdin)
    except BadInput as exc:
        print(f"sentry-guard scrub: {exc}", file=err)
        return EXIT_USAGE
    except OSError as exc:
        print(f"sentry-guard scrub: {clean(str(exc), 300)}", file=err)
        return EXIT_USAGE
    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return EXIT_INVALID
    try:
        chain = default_chain(settings, extra)
        findings: list[Finding] = []
        if explained:
            result, findings = explain(chain, event)
        else:
            result = chain(event, {})
    except ConfigError as exc:
        print(exc, file=err)
        return EXIT_INVALID
    except ScrubberError as exc:
        print(f"sentry-guard scrub: {clean(str(exc), 300)}", file=err)
        return EXIT_INVALID
    try:
        if not diff and not explained:
            if result is None:
                print("(the event was dropped by a scrubber)", file=err)
            print(_dumps(result, out, indent=2), file=out)
            return EXIT_OK
        found = changes(event, result) if result is not None else [("$", "(the event)", "(dropped)")]
        lines = [f"{path}: {_dumps(old, out)} -> {_dumps(new, out)}" for path, old, new in found]
        if explained:
            lines = _explained(found, findings, lines)
    except RecursionError:  # a scrubber made it deeper than Python prints
        print(f"sentry-guard scrub: the scrubbed event nests deeper than {MAX_DEPTH} levels", file=err)
        return EXIT_INVALID
    for line in lines:
        print(line, file=out)
    print(f"{len(found)} value(s) changed", file=err)
    return EXIT_OK
