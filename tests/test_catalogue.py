"""The whole catalogue through a real sentry-sdk client: every entry's examples gone from the
wire bytes in every position of an event, its counterexamples intact, its record complete."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, cast

import pytest
import sentry_sdk
from sentry_sdk.types import Event

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._scrubbers.catalogue import CATALOGUE, by_name, kinds, parse_detectors
from sentry_guard._scrubbers.detectors import Redactor
from sentry_guard._sdk import accepted_options

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")

#: Sentry logs (``sentry_sdk.logger``) exist on this sentry-sdk
LOGS = "enable_logs" in accepted_options()


def _secrets(fmt: Any, example: str) -> list[str]:
    """What the format removes from its own example (its examples must each remove something)."""
    found = [example[start:end] for start, end in fmt.finditer(example)]
    assert found, f"{fmt.name}: example {example!r} finds nothing on its own"
    return found


def _event(values: list[str]) -> dict[str, Any]:
    """One event holding each value in every position (under keys that name nothing)."""
    event: dict[str, Any] = {
        "level": "error",
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": " | ".join(f"failed with {v}" for v in values),
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "handle",
                                "module": "shop.views",
                                "lineno": 7,
                                "vars": {f"note{i}": repr(v) for i, v in enumerate(values)},
                            }
                        ]
                    },
                }
            ]
        },
        "logentry": {"message": "seen: %s", "params": values},
        "breadcrumbs": {"values": [{"category": "app", "message": f"got {v} from upstream"} for v in values]},
        "extra": {f"detail{i}": f"the value was {v}, rotate it" for i, v in enumerate(values)},
        "tags": {f"label{i}": v for i, v in enumerate(values)},
        "request": {
            "url": "https://shop.example.com/form",
            "data": "\n".join(f"comment: {v}" for v in values),
        },
        "contexts": {"state": {f"field{i}": f"[{v}]" for i, v in enumerate(values)}},
    }
    return event


def test_the_catalogue_is_broad_and_every_record_complete() -> None:
    names = Counter(fmt.name for fmt in CATALOGUE)
    assert [n for n, count in names.items() if count > 1] == []
    assert len(kinds()["token"]) >= 150  # well over a hundred service formats
    for fmt in CATALOGUE:
        assert len(fmt.examples) >= 2 and len(fmt.counterexamples) >= 2, fmt.name
        assert fmt.source.startswith("https://"), fmt.name
        assert fmt.marker.startswith("[") and fmt.marker.endswith("]"), fmt.name
    assert set(parse_detectors(["all"])) == {fmt.name for fmt in CATALOGUE}


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_every_example_is_gone_from_the_wire_in_every_position(kind: str, endpoint: EnvelopeServer) -> None:
    """Per kind, one real event per format, its examples in every position (and in Sentry
    logs, body and attributes); the wire bytes (decompressed envelopes) hold none of what
    each example should lose."""
    sentry_guard.configure(
        dsn=endpoint.dsn(), release="shop@1.0.0", scrub_detectors=["all"], enable_logs=LOGS
    )
    formats = kinds()[kind]
    for batch in range(0, len(formats), 40):  # the SDK's queue holds 100 items: flush between batches
        for fmt in formats[batch : batch + 40]:
            sentry_sdk.capture_event(cast("Event", _event(list(fmt.examples))))
            if LOGS:
                for example in fmt.examples:
                    sentry_sdk.logger.info(f"seen {example}", note=example)
        sentry_sdk.flush()
    endpoint.wait_for(len(formats))
    # the items (events, logs) as they arrived; envelope headers hold the DSN's public key
    wire = json.dumps([endpoint.payloads(kind) for kind in ("event", "log")], ensure_ascii=False)
    leaked = {
        fmt.name: secret
        for fmt in formats
        for example in fmt.examples
        for secret in _secrets(fmt, example)
        if secret in wire or json.dumps(secret)[1:-1] in wire
    }
    assert leaked == {}
    assert len(endpoint.payloads("event")) == len(formats)
    assert not LOGS or endpoint.payloads("log")  # the logs arrived too (else they proved nothing)


def test_counterexamples_are_left_to_other_kinds() -> None:
    """A format's counterexamples are not touched by it, wherever they stand in an event."""
    touched = {}
    for fmt in CATALOGUE:
        redactor = Redactor([fmt.name])
        for text in fmt.counterexamples:
            if (
                redactor(text) != text
                or redactor(f"note: {text} (seen twice)") != f"note: {text} (seen twice)"
            ):
                touched[fmt.name] = text
    assert touched == {}


def test_every_name_and_kind_selects() -> None:
    for name in by_name():
        if name not in kinds():  # a word that is both a name and a kind means the kind
            assert parse_detectors([name]) == (name,)
    for kind, formats in kinds().items():
        assert set(parse_detectors([kind])) == {f.name for f in formats}
        assert not set(parse_detectors(["all", f"-{kind}"])) & {f.name for f in formats}
