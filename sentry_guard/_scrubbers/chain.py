"""Scrubbers are plain callables; `Chain` runs them in order; `fail_closed` guards the SDK hooks."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .._exceptions import ScrubberError, UsageError
from ..typing import Event, Hint, Kind, OnError, Scrubber
from .walk import FILTERED

__all__ = ["FAILED_TAG", "KIND_HINT", "Chain", "fail_closed", "scrubber_name"]

logger = logging.getLogger("sentry_guard")

#: what a hook scrubs: the hint carries it as ``hint["sentry_guard.kind"]``
KIND_HINT = "sentry_guard.kind"
FAILED_TAG = "sentry_guard.scrubber_failed"


def scrubber_name(scrubber: Any) -> str:
    """A readable name: the ``name`` attribute, else ``module.qualname`` of the function or class."""
    name = getattr(scrubber, "name", None)
    if isinstance(name, str) and name:
        return name
    target = scrubber if hasattr(scrubber, "__qualname__") else type(scrubber)
    module = getattr(target, "__module__", "") or ""
    qualname = getattr(target, "__qualname__", repr(target))
    return f"{module}.{qualname}" if module and module != "builtins" else qualname


class Chain:
    """Runs scrubbers in order: each gets the previous one's result; ``None`` stops (dropped).

    A chain is itself a scrubber, so chains nest. A scrubber that raises or returns anything
    but a dict or None raises `ScrubberError` naming it; `fail_closed` turns that into a safe
    outcome at the SDK boundary.
    """

    name = "chain"

    def __init__(self, *scrubbers: Scrubber) -> None:
        for scrubber in scrubbers:
            if not callable(scrubber):
                raise UsageError(f"a scrubber must be callable, got {type(scrubber).__name__}")
        self.scrubbers: tuple[Scrubber, ...] = scrubbers

    def __call__(self, event: Event, hint: Hint, /) -> Event | None:
        for scrubber in self.scrubbers:
            try:
                result = scrubber(event, hint)
            except ScrubberError:
                raise
            except Exception as exc:
                raise ScrubberError(scrubber_name(scrubber), f"raised {type(exc).__name__}") from exc
            if result is None:
                return None
            if type(result) is not dict:
                raise ScrubberError(
                    scrubber_name(scrubber), f"returned {type(result).__name__}, not an event dict or None"
                )
            event = result
        return event

    @property
    def names(self) -> tuple[str, ...]:
        """The scrubbers' names, in order."""
        return tuple(scrubber_name(s) for s in self.scrubbers)

    def __iter__(self) -> Iterator[Scrubber]:
        return iter(self.scrubbers)

    def __len__(self) -> int:
        return len(self.scrubbers)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chain) and other.scrubbers == self.scrubbers

    def __hash__(self) -> int:
        return hash(self.scrubbers)

    def __repr__(self) -> str:
        return f"Chain({', '.join(self.names)})"


class _RateLimit:
    """At most one log line per scrubber per `interval` seconds."""

    def __init__(self, interval: float = 60.0) -> None:
        self.interval = interval
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.interval:
                return False
            self._last[key] = now
            return True


_failures = _RateLimit()


def fail_closed(scrubber: Scrubber, kind: Kind, on_error: OnError = "minimal") -> Callable[[Any, Any], Any]:
    """Wrap `scrubber` as an SDK hook that never raises and never lets an unscrubbed payload out.

    On failure the payload is replaced by a minimal one with no free text (``minimal``) or
    dropped (``drop``), and the failure is logged (scrubber name and exception type only).
    """

    def hook(payload: Any, hint: Any) -> Any:
        try:
            if type(payload) is not dict:
                raise ScrubberError("sentry_guard", f"was given a {type(payload).__name__}, not a dict")
            return scrubber(payload, {**(hint or {}), KIND_HINT: kind})
        except Exception as exc:
            failed = _identifier(exc.scrubber if isinstance(exc, ScrubberError) else scrubber_name(scrubber))
            problem = exc.problem if isinstance(exc, ScrubberError) else f"raised {type(exc).__name__}"
        if _failures.allow(failed):
            outcome = "dropped" if on_error == "drop" else "replaced by a minimal safe payload"
            logger.error("scrubber %r %s; the %s was %s", failed, problem, kind, outcome)
        if on_error == "drop":
            return None
        try:
            return _MINIMAL[kind](payload if type(payload) is dict else {}, failed)
        except Exception:
            return None

    hook.__qualname__ = hook.__name__ = f"sentry_guard_{kind}_hook"
    return hook


_SAFE_NAME = re.compile(r"[\w.:<>+-]{1,200}\Z")
#: a scrubber's name as it may be sent: dotted identifiers (``myapp.sentry.scrub_orders``,
#: ``<locals>``, ``order-notes``), no long digit runs; its ``name`` attribute is free text
_IDENTIFIER = re.compile(r"[A-Za-z_<][\w<>-]{0,80}(?:[.:][A-Za-z_<][\w<>-]{0,80}){0,8}\Z", re.ASCII)
_LONG_NUMBER = re.compile(r"[0-9]{5}")


def _identifier(name: str) -> str:
    """`name` when it is identifier-like, else ``"unnamed"``: the failure tag and the log line
    reach Sentry and the logs, and a scrubber's name could hold anything (an email, a card)."""
    return name if _IDENTIFIER.match(name) and not _LONG_NUMBER.search(name) else "unnamed"


_LEVELS = frozenset({"fatal", "error", "warning", "info", "debug"})


def _safe_name(value: Any) -> str | None:
    """Identifiers only (types, modules, functions): anything else might be free text."""
    return value if isinstance(value, str) and _SAFE_NAME.match(value) else None


def _scalars(source: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {
        k: source[k]
        for k in keys
        if isinstance(source.get(k), (int, float)) or _safe_name(source.get(k)) is not None
    }


def _frames(stacktrace: Any) -> list[dict[str, Any]]:
    frames = stacktrace.get("frames") if isinstance(stacktrace, dict) else None
    out = []
    for frame in frames if isinstance(frames, list) else []:
        if isinstance(frame, dict):
            kept = {k: _safe_name(frame.get(k)) for k in ("function", "module")}
            slim = {k: v for k, v in kept.items() if v is not None}
            if isinstance(frame.get("lineno"), int):
                slim["lineno"] = frame["lineno"]
            if isinstance(frame.get("in_app"), bool):
                slim["in_app"] = frame["in_app"]
            out.append(slim)
    return out


def minimal_event(event: Mapping[str, Any], failed: str) -> Event:
    """Level, exception types and modules, function names, line numbers, release, environment."""
    out = _scalars(event, ("event_id", "timestamp", "start_timestamp", "platform"))
    # configuration, not user data: validated names (see names.py), kept whole
    out.update(
        {
            k: v
            for k in ("release", "environment", "dist")
            if isinstance(v := event.get(k), str) and len(v) <= 200
        }
    )
    if event.get("type") == "transaction":
        out["type"] = "transaction"
        out["transaction"] = FILTERED
        trace = (
            (event.get("contexts") or {}).get("trace") if isinstance(event.get("contexts"), dict) else None
        )
        if isinstance(trace, dict):
            out["contexts"] = {"trace": _scalars(trace, ("trace_id", "span_id", "parent_span_id", "op"))}
    if event.get("level") in _LEVELS:
        out["level"] = event["level"]
    values = (
        (event.get("exception") or {}).get("values") if isinstance(event.get("exception"), dict) else None
    )
    if isinstance(values, list):
        exceptions = []
        for value in values:
            if isinstance(value, dict):
                slim: dict[str, Any] = {k: v for k in ("type", "module") if (v := _safe_name(value.get(k)))}
                frames = _frames(value.get("stacktrace"))
                if frames:
                    slim["stacktrace"] = {"frames": frames}
                exceptions.append(slim)
        out["exception"] = {"values": exceptions}
    out["tags"] = {FAILED_TAG: failed}
    return out


def minimal_log(log: Mapping[str, Any], failed: str) -> Event:
    """Severity, time and trace ids; the body and every attribute are gone."""
    out = _scalars(log, ("severity_text", "severity_number", "time_unix_nano", "trace_id", "span_id"))
    out["body"] = FILTERED
    out["attributes"] = {FAILED_TAG: failed}
    return out


def minimal_breadcrumb(crumb: Mapping[str, Any], failed: str) -> Event:
    """Type, category, level and time; no message, no data."""
    out = _scalars(crumb, ("type", "category", "level", "timestamp"))
    out["data"] = {FAILED_TAG: failed}
    return out


_MINIMAL: dict[str, Callable[[Mapping[str, Any], str], Event | None]] = {
    "event": minimal_event,
    "transaction": minimal_event,
    "log": minimal_log,
    "metric": lambda metric, failed: None,
    "breadcrumb": minimal_breadcrumb,
}
