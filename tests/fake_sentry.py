"""A loopback HTTP server that behaves like Sentry's web API for the endpoints the client uses."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "sntryu_test-token-5f3a9c1d0b7e"
PAGE = 100


class FakeSentry:
    """`with FakeSentry() as sentry:` gives `sentry.url`; `script` queues canned answers."""

    def __init__(self, events: int = 250) -> None:
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
        #: canned answers for the next requests: (status, headers, body) or ("sleep", seconds)
        self.script: list[Any] = []
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append((self.command, self.path, dict(self.headers), body))
                if outer.script:
                    canned = outer.script.pop(0)
                    if canned[0] == "sleep":
                        time.sleep(canned[1])
                    else:
                        return self._send(*canned)
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._send(401, {}, {"detail": "Invalid token"})
                self._send(*outer.route(self.command, self.path, body))

            def _send(self, status: int, headers: dict[str, str], body: Any) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError):  # the client gave up (timeout tests)
                    self.wfile.write(data)

            do_GET = do_PUT = do_DELETE = _handle  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

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
        self._server.shutdown()
        self._server.server_close()
