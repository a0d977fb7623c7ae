"""The loopback endpoint and the envelope reader on input sentry-sdk seldom sends: lines that
are not JSON, blank lines between items, a deflate-compressed body."""

from __future__ import annotations

import json
import urllib.request
import zlib

import pytest

from sentry_guard._endpoint import EnvelopeServer, parse_envelope


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json\n", "the envelope header (line 1) is not JSON"),
        (b'{"event_id": "x"}\n{"type": "event"\n{}\n', "the item header 1 is not JSON"),
        (b"[1]\n", "the envelope header (line 1) is not a JSON object"),
    ],
)
def test_a_line_that_is_no_json_object_is_named(raw: bytes, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_envelope(raw)
    assert str(info.value) == message


def test_blank_lines_between_items_are_skipped() -> None:
    raw = b'{"event_id": "x"}\n\n{"type": "event"}\n{"message": "one"}\n\n  \n{"type": "log"}\n{"n": 2}\n'
    envelope = parse_envelope(raw)
    assert [head["type"] for head, _ in envelope.items] == ["event", "log"]
    assert envelope.payloads("event") == [{"message": "one"}]
    assert envelope.payloads("log") == [{"n": 2}]


def test_a_deflate_body_is_decompressed(endpoint: EnvelopeServer) -> None:
    raw = b'{"event_id": "x"}\n{"type": "event"}\n' + json.dumps({"message": "deflated"}).encode() + b"\n"
    request = urllib.request.Request(
        f"http://127.0.0.1:{endpoint.port}/api/42/envelope/",
        data=zlib.compress(raw),
        headers={"Content-Encoding": "deflate", "Content-Type": "application/x-sentry-envelope"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    endpoint.wait_for(1)
    assert endpoint.payloads("event") == [{"message": "deflated"}]
    assert endpoint.envelopes[0].raw == raw
