"""A loopback HTTP endpoint that accepts Sentry envelopes and keeps them (tests and the demo)."""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Envelope", "EnvelopeServer", "parse_envelope"]


@dataclass
class Envelope:
    """One envelope as it arrived: raw (decompressed) bytes, header and items."""

    raw: bytes
    headers: dict[str, Any]
    items: list[tuple[dict[str, Any], bytes]] = field(default_factory=list)
    path: str = ""

    def payloads(self, item_type: str) -> list[Any]:
        """The JSON payloads of the items of one type (``event``, ``transaction``, ``check_in``, ``log``)."""
        return [json.loads(body) for head, body in self.items if head.get("type") == item_type]


def _object(line: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError:
        raise ValueError(f"the {what} is not JSON") from None
    if not isinstance(value, dict):
        raise ValueError(f"the {what} is not a JSON object")
    return value


def parse_envelope(raw: bytes) -> Envelope:
    """Split an envelope into its header and (item header, payload) pairs; ValueError saying
    which line is wrong when it is not one."""
    header_line, _, rest = raw.partition(b"\n")
    envelope = Envelope(raw, _object(header_line or b"{}", "envelope header (line 1)"))
    while rest.strip():
        item_line, _, rest = rest.partition(b"\n")
        if not item_line.strip():
            continue
        what = f"item header {len(envelope.items) + 1}"
        head = _object(item_line, what)
        length = head.get("length")
        if length is None:
            body, _, rest = rest.partition(b"\n")
        elif type(length) is int and 0 <= length <= len(rest):
            body, rest = rest[:length], rest[length + 1 :]
        else:
            raise ValueError(f"the length in {what} is not a whole number of bytes within the envelope")
        envelope.items.append((head, body))
    return envelope


def _decode(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    if encoding == "br":  # pragma: no cover - sentry-sdk sends br only with brotli, no dependency here
        import brotli  # only when sentry-sdk chose brotli

        return bytes(brotli.decompress(body))
    return body


class EnvelopeServer:
    """`with EnvelopeServer() as server:` gives a DSN on 127.0.0.1 and the envelopes received."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self._arrived = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = _decode(self.rfile.read(length), self.headers.get("Content-Encoding", ""))
                envelope = parse_envelope(body)
                envelope.path = self.path
                with outer._arrived:
                    outer.envelopes.append(envelope)
                    outer._arrived.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def dsn(self, project_id: int = 42, key: str = "0123456789abcdef0123456789abcdef") -> str:
        """A DSN pointing at this endpoint."""
        return f"http://{key}@127.0.0.1:{self.port}/{project_id}"

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list[Envelope]:
        """Block until `count` envelopes arrived (or `timeout`); return all received."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.envelopes) >= count, timeout)
            return list(self.envelopes)

    def payloads(self, item_type: str) -> list[Any]:
        """Every payload of one item type across the envelopes received so far."""
        with self._arrived:
            return [p for e in self.envelopes for p in e.payloads(item_type)]

    def __enter__(self) -> EnvelopeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
