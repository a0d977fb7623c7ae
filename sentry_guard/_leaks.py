"""Report mode: what the scrubbing chain removes from a payload, where and why, never the values.

`find_leaks` runs the very chain `configure()` installs (or the one given) and reads its
result back: the built-in scrubber says which rule made each change, any other scrubber's
changes are found by comparing its input with its output. Nothing is judged twice, so report
mode and scrubbing cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ._hooks import default_chain
from ._scrubbers import compiled
from ._scrubbers.chain import KIND_HINT, Chain, scrubber_name
from ._scrubbers.findings import Finding, changes
from .typing import Event, Scrubber

__all__ = ["Finding", "explain", "find_leaks"]


def _scrubbers(chain: Scrubber) -> Iterator[Scrubber]:
    """The scrubbers of `chain` in order, nested chains flattened."""
    if isinstance(chain, Chain):
        for scrubber in chain.scrubbers:
            yield from _scrubbers(scrubber)
    else:
        yield chain


def explain(chain: Scrubber, event: Mapping[str, Any]) -> tuple[Event | None, list[Finding]]:
    """Run `chain` over `event` as an error event; return its result (None: dropped) and what
    each scrubber removed. Paths of a later scrubber's findings are those of the event it was
    given (an earlier one may have changed it)."""
    current: Event = dict(event)
    found: list[Finding] = []
    hint = {KIND_HINT: "event"}
    for scrubber in _scrubbers(chain):
        name = scrubber_name(scrubber)
        own = getattr(scrubber, "explain", None)
        if callable(own):
            result, made = own(current)
        else:
            try:  # a scrubber that edits its input in place must not edit what we compare with
                given = _containers_copied(current)
            except RecursionError:
                given = current
            result = scrubber(given, dict(hint))
            made = _changes_by(name, current, result)
        found += made
        if result is None:
            return None, found
        current = result
    return current, found


def _containers_copied(value: Any) -> Any:
    """`value` with its dicts and lists copied (the values in them are shared)."""
    kind = type(value)
    if kind is dict:
        return {k: _containers_copied(v) for k, v in value.items()}
    if kind is list:
        return [_containers_copied(v) for v in value]
    return value


def _changes_by(name: str, before: Event, after: Event | None) -> list[Finding]:
    """What a scrubber that does not explain itself changed, read from its input and output."""
    kind = f"scrubber:{name}"
    if after is None:
        return [Finding("$", kind, f"scrubber {name} dropped the event", None, "(event)")]

    def whole(path: Any, parent: Any, context: str | None, value: Any) -> tuple[str, str]:
        return kind, f"scrubber {name} replaced it"

    def string(path: Any, old: str, new: str, context: str | None) -> list[Finding] | None:
        return None  # one finding for the stretch it changed

    return changes(before, after, whole, string, kind, speedups=compiled.SPEEDUPS)


def find_leaks(payload: Mapping[str, Any], *, chain: Scrubber | None = None) -> list[Finding]:
    """Every value the scrubbing chain removes from `payload` (an event dict): path, kind,
    rule, span and a masked excerpt per finding. `chain` defaults to the one `configure()`
    installs, built from the environment's settings (``SENTRY_SCRUB_*``, ``SENTRY_SCRUBBERS``)."""
    if chain is None:
        chain = default_chain()
    return explain(chain, payload)[1]
