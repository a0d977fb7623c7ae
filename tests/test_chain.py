"""Chain order and composition, and fail-closed behaviour at the SDK boundary."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from sentry_guard import Chain, ScrubberError
from sentry_guard._scrubbers.chain import FAILED_TAG, _RateLimit, fail_closed

SECRET = "hunter2-planted-secret"

EVENT: dict[str, Any] = {
    "event_id": "7346ba159ba3f535895eba54384dd635",
    "level": "error",
    "release": "shop@1.0.0",
    "environment": "production",
    "platform": "python",
    "message": f"login failed for {SECRET}",
    "user": {"email": SECRET},
    "request": {"url": f"https://x/?q={SECRET}"},
    "extra": {"note": SECRET},
    "exception": {
        "values": [
            {
                "type": "ValueError",
                "module": "shop.auth",
                "value": f"bad password {SECRET}",
                "stacktrace": {
                    "frames": [
                        {
                            "function": "login",
                            "module": "shop.auth",
                            "lineno": 42,
                            "in_app": True,
                            "vars": {"pw": SECRET},
                            "context_line": f"pw = '{SECRET}'",
                        }
                    ]
                },
            }
        ]
    },
}


def tag(name: str):  # type: ignore[no-untyped-def]
    def scrubber(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        return {
            **event,
            "tags": {**event.get("tags", {}), name: "1"},
            "order": [*event.get("order", []), name],
        }

    return scrubber


def _kept(chain: Chain) -> dict[str, Any]:
    """What `chain` makes of an empty event that it keeps."""
    out = chain({}, {})
    assert out is not None
    return out


def test_runs_in_order_and_none_stops() -> None:
    calls = []

    def stop(event: dict[str, Any], hint: dict[str, Any]) -> None:
        calls.append("stop")

    def after(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        calls.append("after")
        return event

    assert _kept(Chain(tag("a"), tag("b")))["order"] == ["a", "b"]
    assert Chain(stop, after)({}, {}) is None
    assert calls == ["stop"]


def test_chains_compose() -> None:
    inner = Chain(tag("b"), tag("c"))
    assert _kept(Chain(tag("a"), inner, tag("d")))["order"] == ["a", "b", "c", "d"]
    assert Chain(tag("a"), inner).names[1] == "chain"


def test_non_callable_is_refused() -> None:
    with pytest.raises(TypeError):
        Chain("not a scrubber")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (lambda e, h: 1 / 0, "raised ZeroDivisionError"),
        (lambda e, h: [e], "returned list"),
        (lambda e, h: "event", "returned str"),
    ],
)
def test_failure_names_the_scrubber(bad: Any, problem: str) -> None:
    with pytest.raises(ScrubberError) as info:
        Chain(tag("a"), Chain(bad))(dict(EVENT), {})
    assert problem in str(info.value)
    assert "<lambda>" in info.value.scrubber


def _raises(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    raise KeyError(SECRET)


@pytest.mark.parametrize("bad", [_raises, lambda e, h: [e], lambda e, h: SECRET])
def test_fail_closed_sends_a_minimal_event(bad: Any, caplog: pytest.LogCaptureFixture) -> None:
    hook = fail_closed(Chain(bad), "event")
    out = hook(dict(EVENT), {})
    assert SECRET not in repr(out)
    assert out["level"] == "error" and out["release"] == "shop@1.0.0" and out["environment"] == "production"
    (exc,) = out["exception"]["values"]
    assert exc["type"] == "ValueError" and exc["module"] == "shop.auth"
    assert exc["stacktrace"]["frames"] == [
        {"function": "login", "module": "shop.auth", "lineno": 42, "in_app": True}
    ]
    assert FAILED_TAG in out["tags"]
    for gone in ("message", "user", "request", "extra"):
        assert gone not in out
    assert SECRET not in caplog.text


def test_fail_closed_drop() -> None:
    assert fail_closed(Chain(_raises), "event", "drop")(dict(EVENT), {}) is None


def test_fail_closed_never_raises_even_on_garbage() -> None:
    hook = fail_closed(Chain(_raises), "event")
    assert hook(None, None)["tags"] == {FAILED_TAG: "sentry_guard"}
    assert hook({"exception": "nonsense", "level": object()}, {})["tags"]


def test_fail_closed_log_and_breadcrumb() -> None:
    log = {"severity_text": "info", "body": SECRET, "attributes": {"x": SECRET}, "time_unix_nano": 1}
    out = fail_closed(Chain(_raises), "log")(log, {})
    assert SECRET not in repr(out) and out["severity_text"] == "info"
    crumb = {"category": "auth", "message": SECRET, "data": {"x": SECRET}, "level": "info"}
    out = fail_closed(Chain(_raises), "breadcrumb")(crumb, {})
    assert SECRET not in repr(out) and out["category"] == "auth"


def test_failure_logged_once_per_scrubber_per_minute(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    limiter = _RateLimit()
    monkeypatch.setattr("sentry_guard._scrubbers.chain._failures", limiter)
    caplog.set_level(logging.ERROR, logger="sentry_guard")
    hook = fail_closed(Chain(_raises), "event")
    for _ in range(5):
        hook(dict(EVENT), {})
    lines = [r.getMessage() for r in caplog.records if r.name == "sentry_guard"]
    assert len(lines) == 1
    assert "_raises" in lines[0] and "KeyError" in lines[0] and SECRET not in lines[0]
    limiter._last = {k: v - 61 for k, v in limiter._last.items()}  # a minute later
    hook(dict(EVENT), {})
    assert len([r for r in caplog.records if r.name == "sentry_guard"]) == 2


def test_hint_tells_the_payload_kind() -> None:
    seen = []

    def record(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
        seen.append(hint["sentry_guard.kind"])
        return event

    fail_closed(Chain(record), "log")({}, {"x": 1})
    assert seen == ["log"]


def test_chains_of_the_same_scrubbers_are_equal_and_hash_alike() -> None:
    a, b = tag("a"), tag("b")
    assert Chain(a, b) == Chain(a, b) and hash(Chain(a, b)) == hash(Chain(a, b))
    assert Chain(a, b) != Chain(b, a) and Chain(a) != (a,)
    assert len({Chain(a, b), Chain(a, b), Chain(b, a)}) == 2


def test_fail_closed_sends_a_minimal_transaction() -> None:
    """A transaction keeps its trace ids and op; its name (a URL route can hold an id) goes."""
    transaction = {
        "type": "transaction",
        "transaction": f"/orders/{SECRET}",
        "start_timestamp": 1.5,
        "timestamp": 2.5,
        "contexts": {
            "trace": {
                "trace_id": "771a43a4192642f0b136d5159a501700",
                "span_id": "a0ad9c7c32b12c3b",
                "op": "http.server",
                "description": SECRET,
            }
        },
        "spans": [{"description": SECRET}],
    }
    out = fail_closed(Chain(_raises), "transaction")(transaction, {})
    assert SECRET not in repr(out)
    assert out["type"] == "transaction" and out["transaction"] == "[Filtered]"
    assert out["contexts"] == {
        "trace": {
            "trace_id": "771a43a4192642f0b136d5159a501700",
            "span_id": "a0ad9c7c32b12c3b",
            "op": "http.server",
        }
    }
    assert (out["start_timestamp"], out["timestamp"]) == (1.5, 2.5) and "spans" not in out
    # a transaction whose contexts are no dict keeps no trace
    assert "contexts" not in fail_closed(Chain(_raises), "transaction")(
        {"type": "transaction", "contexts": []}, {}
    )


def test_fail_closed_drops_what_it_cannot_even_make_minimal() -> None:
    """The minimal payload is built from the payload too: when that fails (an unhashable
    level), the payload is dropped, never sent as it was."""
    hook = fail_closed(Chain(_raises), "event")
    assert hook({"level": ["error"], "message": SECRET}, {}) is None
