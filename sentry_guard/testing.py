"""Prove in your own tests that your data never leaves: a pytest plugin and helpers.

    def test_checkout_never_leaks(sentry_capture):
        client.post("/checkout", data={"card": "4111 1111 1111 1111"})
        assert_no_leaks(sentry_capture, ["4111 1111 1111 1111"])

`sentry_capture` configures Sentry like `sentry_guard.configure()` (the same chain), with an
in-memory transport instead of the network, and holds every envelope the SDK sent. The
plugin only defines fixtures and a marker: runs that do not use them are unaffected, and
sentry_guard itself is imported only when a test asks for the fixture.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ._endpoint import Envelope

__all__ = ["Captured", "assert_no_leaks", "memory_transport", "reset", "sentry_capture"]

#: a syntactically valid DSN that is never contacted (the transport is in memory)
TEST_DSN = "https://0123456789abcdef0123456789abcdef@o0.ingest.sentry.invalid/1"


class Captured:
    """What reached the transport, after the scrubber chain: envelopes and their payloads."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    def payloads(self, item_type: str) -> list[Any]:
        """Payloads of one item type: ``event``, ``transaction``, ``log``, ``check_in``, ..."""
        return [p for envelope in self.envelopes for p in envelope.payloads(item_type)]

    @property
    def events(self) -> list[Any]:
        """Error events (``capture_exception``, ``capture_message``)."""
        return self.payloads("event")

    @property
    def transactions(self) -> list[Any]:
        return self.payloads("transaction")

    @property
    def text(self) -> str:
        """Every byte that would have gone on the wire, as text."""
        return "\n".join(envelope.raw.decode("utf-8", "replace") for envelope in self.envelopes)

    def flush(self) -> None:
        """Make sure everything captured so far has reached the transport."""
        import sentry_sdk  # lazy: see the module docstring

        sentry_sdk.flush()


def memory_transport(captured: Captured) -> Any:
    """A sentry-sdk transport that keeps serialised envelopes in `captured`."""
    from sentry_sdk.transport import Transport  # lazy: see the module docstring

    from ._endpoint import parse_envelope  # lazy: see the module docstring

    class MemoryTransport(Transport):
        def capture_envelope(self, envelope: Any) -> None:
            captured.envelopes.append(parse_envelope(envelope.serialize()))

    return MemoryTransport


def _leaks(value: Any, secret: str, path: str = "$") -> Iterator[str]:
    """JSON paths under `value` whose text contains `secret`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if secret in str(key):
                yield f"{path}.<key {key!r}>"
            yield from _leaks(item, secret, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaks(item, secret, f"{path}[{index}]")
    elif value is not None and secret in str(value):
        yield path


def assert_no_leaks(captured: Captured, secrets: Iterable[str]) -> None:
    """Fail, naming the secret and where it appeared, if any secret reached the transport."""
    captured.flush()
    problems = []
    for secret in secrets:
        places = [
            f"{head.get('type', '?')} item {index}: {path}"
            for envelope in captured.envelopes
            for index, (head, body) in enumerate(envelope.items)
            for path in _leaks(_json(body), secret)
        ]
        if not places and secret in captured.text:
            places = ["(raw envelope bytes)"]
        problems += [f"secret {secret!r} leaked at {place}" for place in places]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")


@pytest.fixture
def sentry_capture(request: pytest.FixtureRequest) -> Iterator[Captured]:
    """Sentry configured like `configure()`, sending to memory; yields what was captured.

    Settings come from the environment as usual, overridden by the keyword arguments of a
    ``@pytest.mark.sentry_guard(...)`` marker (e.g. ``send_default_pii=True`` or
    ``scrubbers=[...]``). The DSN defaults to one that is never contacted.
    """
    import sentry_guard  # lazy: see the module docstring

    marker = request.node.get_closest_marker("sentry_guard")
    overrides = dict(marker.kwargs) if marker else {}
    overrides.setdefault("dsn", TEST_DSN)
    captured = Captured()
    sentry_guard.configure(transport=memory_transport(captured), **overrides)
    try:
        yield captured
    finally:
        captured.flush()
        reset()


def reset() -> None:
    """Turn Sentry off, forget the last `configure()` and what the scopes recorded
    (breadcrumbs, tags, user): the next test starts afresh. For your own fixtures
    (``sentry_capture`` calls it after each test)."""
    import sentry_sdk  # lazy: see the module docstring

    from . import _configure as startup
    from ._sdk import detach_client

    detach_client()
    startup.reset()
    sentry_sdk.get_isolation_scope().clear()
    sentry_sdk.get_current_scope().clear()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sentry_guard(**settings): settings for the sentry_capture fixture (keywords of configure())",
    )
