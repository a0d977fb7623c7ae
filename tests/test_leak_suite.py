"""The leak suite through a real sentry-sdk client to a loopback endpoint, and against Relay."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest
import sentry_relay
import sentry_sdk
from sentry_sdk.types import Event

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer

from .leak_suite import BENIGN, KNOWN_LEAKS, TOKEN_SAMPLE, S, events

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


def test_leak_suite_size() -> None:
    assert len(events()) >= 30


def _planted_in() -> dict[str, list[str]]:
    """The cases each planted value stands in, by its name in `S`."""
    cases: dict[str, list[str]] = {}
    for case, _, planted in events():
        for name in planted:
            cases.setdefault(name, []).append(case)
    return cases


def test_leak_suite_covers_the_catalogue_families() -> None:
    providers = {name.split("-")[0] for name, _ in TOKEN_SAMPLE}
    assert len(providers) >= 30, sorted(providers)
    named = {"github", "gitlab", "huggingface", "hashicorp", "stripe", "openai", "anthropic", "slack"}
    assert named | {"sendgrid", "npm", "pypi", "sentry"} <= providers
    planted = _planted_in()
    assert [name for name in S if name not in planted] == []
    families = ("token:", "phone-", "mac-", "imei-", "ssn", "uk-", "de-", "fr-", "es-", "nl-", "it-", "jwt-")
    assert all(any(name.startswith(family) for name in planted) for family in families)


def test_known_leaks_are_planted_once() -> None:
    """A known leak stands in one case, so the Relay comparison knows where it must survive."""
    planted = _planted_in()
    assert {name: len(planted.get(name, [])) for name in KNOWN_LEAKS} == dict.fromkeys(KNOWN_LEAKS, 1)


def _report_known_leaks(capsys: Any) -> None:
    with capsys.disabled():
        print(f"\nknown leaks ({len(KNOWN_LEAKS)}), planted values that still reach the wire:")
        for name, where in KNOWN_LEAKS.items():
            print(f"  - {name} = {S[name]!r}: {where}")


def test_nothing_planted_reaches_the_wire_but_the_known_leaks(endpoint: EnvelopeServer, capsys: Any) -> None:
    sentry_guard.configure(dsn=endpoint.dsn(), release="shop@4.12.0", traces_sample_rate=1.0)
    cases = events()
    for _, event, _ in cases:
        sentry_sdk.capture_event(cast("Event", event))
    sentry_sdk.flush()
    endpoint.wait_for(len(cases))
    wire = "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)
    leaked = {name: value for name, value in S.items() if value in wire or json.dumps(value)[1:-1] in wire}
    _report_known_leaks(capsys)
    # strict both ways: a new leak fails, and so does a fixed one still listed in KNOWN_LEAKS
    assert {name: value for name, value in leaked.items() if name not in KNOWN_LEAKS} == {}, "new leaks"
    assert [name for name in KNOWN_LEAKS if name not in leaked] == [], "fixed: remove from KNOWN_LEAKS"
    missing = {
        name: value
        for name, value in BENIGN.items()
        if value not in wire and json.dumps(value)[1:-1] not in wire
    }
    assert missing == {}
    assert len(endpoint.payloads("event")) + len(endpoint.payloads("transaction")) == len(cases)


def _relay_strip(event: dict[str, Any]) -> str:
    config = sentry_relay.convert_datascrubbing_config(
        {
            "scrubData": True,
            "scrubDefaults": True,
            "scrubIpAddresses": True,
            "sensitiveFields": [],
            "excludeFields": [],
        }
    )
    return json.dumps(sentry_relay.pii_strip_event(config, event))


def test_removes_everything_relay_removes_and_reports_what_relay_misses(capsys: Any) -> None:
    chain = sentry_guard.default_chain(sentry_guard.load_settings())
    relay_misses: list[str] = []
    for name, event, planted in events():
        ours = json.dumps(chain(event, {}))
        relays = _relay_strip(event)
        for secret_name in planted:
            secret = S[secret_name]
            survived = secret in ours or json.dumps(secret)[1:-1] in ours
            if secret_name in KNOWN_LEAKS:  # strict: a fix must remove it from the list
                assert survived, f"{name}: {secret_name} no longer survives: remove it from KNOWN_LEAKS"
            else:
                assert not survived, f"{name}: {secret_name} survived"
            if secret in relays or json.dumps(secret)[1:-1] in relays:
                relay_misses.append(f"{name}: {secret_name}")
    total = sum(len(p) for _, _, p in events())
    with capsys.disabled():
        print(
            f"\nRelay's default server-side scrubbing missed {len(relay_misses)} of {total} planted secrets:"
        )
        for miss in relay_misses:
            print(f"  - {miss}")
    assert relay_misses, "the suite should contain what Relay misses (else it proves nothing)"
