"""A loopback HTTP server that behaves like Sentry's web API for the endpoints the client uses,
and misbehaves on request: canned answers, slow or cut-off bodies, answers that never change."""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "sntryu_test-token-5f3a9c1d0b7e"
PAGE = 100


@dataclass
class Reply:
    """A canned answer: status, headers, and a body (bytes as they are, anything else as JSON)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = b""

    def data(self) -> bytes:
        return self.body if isinstance(self.body, bytes) else json.dumps(self.body).encode()


@dataclass
class Trickle:
    """`reply`, its body sent `chunk` bytes at a time with `delay` seconds between (a slow body)."""

    reply: Reply
    delay: float
    chunk: int = 1


@dataclass
class CutOff:
    """`reply` announcing its whole length, then the connection closes after `after` bytes."""

    reply: Reply
    after: int


@dataclass
class Sleep:
    """Wait `seconds` before answering as usual (a server too slow to answer)."""

    seconds: float


Fault = Reply | Trickle | CutOff | Sleep


class FakeSentry:
    """`with FakeSentry() as sentry:` gives `sentry.url`; `script` queues canned answers."""

    def __init__(self, events: int = 250, *, keep_alive: bool = False) -> None:
        self.events = [
            {
                "id": f"{i:032x}",
                "eventID": f"{i:032x}",
                "title": f"ValueError: boom {i}",
                "dateCreated": "2026-11-27T01:00:00Z",
                "groupID": "1",
                "tags": [],
                "extraField": i,
            }
            for i in range(events)
        ]
        self.issues: dict[str, dict[str, Any]] = {
            str(i): {
                "id": str(i),
                "shortId": f"SHOP-{i}",
                "title": f"ValueError: boom {i}",
                "status": "unresolved",
                "level": "error",
                "count": str(10 * i),
                "userCount": i,
                "isBookmarked": False,
                "assignedTo": None,
                "permalink": f"https://sentry.example/issues/{i}/",
                "lastSeen": "2026-11-27T01:00:00Z",
                "annotations": [],
            }
            for i in range(1, 4)
        }
        #: answers for the next requests, one each: a `Fault`, or the older tuple forms
        #: (status, headers, body) and ("sleep", seconds)
        self.script: list[Any] = []
        #: the answer to every request once `script` is used up (an endless listing), if set;
        #: a callable gets (method, path) and gives the answer
        self.always: Fault | Callable[[str, str], Fault] | None = None
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self._closing = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.1 keeps the connection open after an answer, as Sentry does
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                canned = outer.script.pop(0) if outer.script else outer.always
                if callable(canned):
                    canned = canned(self.command, self.path)
                if isinstance(canned, tuple):
                    canned = Sleep(canned[1]) if canned[0] == "sleep" else Reply(*canned)
                if isinstance(canned, Sleep):
                    outer._closing.wait(canned.seconds)
                elif canned is not None:
                    return self._fault(canned)
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._send(401, {}, {"detail": "Invalid token"})
                self._send(*outer.route(self.command, self.path, body))

            def _head(self, reply: Reply, length: int) -> None:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(length))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()

            def _send(self, status: int, headers: dict[str, str], body: Any) -> None:
                self._fault(Reply(status, headers, body))

            def _fault(self, fault: Reply | Trickle | CutOff) -> None:
                reply = fault if isinstance(fault, Reply) else fault.reply
                data = reply.data()
                # the client gave up (timeout and deadline tests): stop quietly
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._head(reply, len(data))
                    if isinstance(fault, Trickle):
                        self.wfile.flush()
                        for start in range(0, len(data), fault.chunk):
                            if outer._closing.wait(fault.delay):
                                break
                            self.wfile.write(data[start : start + fault.chunk])
                            self.wfile.flush()
                    elif isinstance(fault, CutOff):
                        self.wfile.write(data[: fault.after])
                        self.wfile.flush()
                        self.close_connection = True
                    else:
                        self.wfile.write(data)

            do_GET = do_PUT = do_DELETE = _handle  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _paged(
        self, path: str, items: list[Any], query: dict[str, list[str]]
    ) -> tuple[int, dict[str, str], Any]:
        offset = int(query.get("cursor", ["0:0:0"])[0].split(":")[1])
        page = items[offset : offset + PAGE]
        base = f"{self.url}{path}"
        more = offset + PAGE < len(items)
        link = (
            f'<{base}?&cursor=0:{max(0, offset - PAGE)}:1>; rel="previous"; results="{str(offset > 0).lower()}"; cursor="0:{max(0, offset - PAGE)}:1", '
            f'<{base}?&cursor=0:{offset + PAGE}:0>; rel="next"; results="{str(more).lower()}"; cursor="0:{offset + PAGE}:0"'
        )
        return 200, {"Link": link}, page

    def route(self, method: str, raw_path: str, body: bytes) -> tuple[int, dict[str, str], Any]:
        parts = urlsplit(raw_path)
        path, query = parts.path, parse_qs(parts.query)
        if method == "GET" and re.fullmatch(r"/api/0/projects/acme/shop/events/", path):
            return self._paged(path, self.events, query)
        if method == "GET" and re.fullmatch(r"/api/0/projects/acme/shop/issues/", path):
            wanted = query.get("query", ["is:unresolved"])[0]
            issues = [
                i for i in self.issues.values() if wanted != "is:unresolved" or i["status"] == "unresolved"
            ]
            return self._paged(path, issues, query)
        match = re.fullmatch(r"/api/0/organizations/acme/issues/(\w+)/(events/)?", path)
        if match is None:
            return 404, {}, {"detail": "The requested resource does not exist"}
        issue = self.issues.get(match.group(1))
        if issue is None:
            return 404, {}, {"detail": "The requested resource does not exist"}
        if match.group(2):
            return self._paged(path, [e for e in self.events[:150]], query)
        if method == "GET":
            return 200, {}, issue
        if method == "PUT":
            issue.update(json.loads(body))
            return 200, {}, {k: v for k, v in issue.items() if k in json.loads(body)}
        if method == "DELETE":
            del self.issues[match.group(1)]
            return 202, {}, b""
        return 405, {}, {"detail": "Method not allowed"}

    def __enter__(self) -> FakeSentry:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
