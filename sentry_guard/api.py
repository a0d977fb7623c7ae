"""A small, typed client for the Sentry web API endpoints teams use to check what arrived.

Bearer-token auth, lazy cursor pagination (``Link`` headers), bounded retries that respect
``Retry-After``, and one exception per failure under `SentryGuardError`. The token never
appears in an error, a log line or a ``repr``, and goes only to the origin of ``SENTRY_URL``
(no redirects, no next-page links elsewhere, no plain http to another machine unless
allowed). Every call has one overall deadline; whatever the server sent is cleaned of
control characters before it is shown.
"""

from __future__ import annotations

import contextlib
import email.utils
import ipaddress
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote, urlencode, urljoin, urlsplit

import urllib3
from pydantic import BaseModel, ConfigDict, ValidationError

from ._exceptions import (
    ApiConnectionError,
    ApiError,
    ApiTimeout,
    AuthenticationFailed,
    BadAnswer,
    ConfigError,
    InvalidResponse,
    NoAnswer,
    NotFound,
    PermissionDenied,
    Problem,
    RateLimited,
    Redirected,
    ServerError,
    UnknownOption,
)
from ._loading import load_settings
from ._safe_text import clean, excerpt, mask_url

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeout",
    "AuthenticationFailed",
    "BadAnswer",
    "InvalidResponse",
    "Issue",
    "NoAnswer",
    "NotFound",
    "PermissionDenied",
    "RateLimited",
    "Redirected",
    "SentryApi",
    "ServerError",
    "StoredEvent",
]

logger = logging.getLogger("sentry_guard.api")


# -- models -----------------------------------------------------------------------------------


class _Model(BaseModel):
    """API objects keep every field Sentry sends, typed or not (``model_extra``)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class StoredEvent(_Model):
    """An event as the list endpoints return it (``full=true`` adds the payload entries)."""

    id: str
    eventID: str | None = None  # noqa: N815 - Sentry's field names
    title: str | None = None
    message: str | None = None
    dateCreated: str | None = None  # noqa: N815
    platform: str | None = None
    groupID: str | None = None  # noqa: N815
    tags: list[dict[str, Any]] = []


class Issue(_Model):
    """An issue (a group of events)."""

    id: str
    shortId: str | None = None  # noqa: N815
    title: str | None = None
    culprit: str | None = None
    status: str | None = None
    level: str | None = None
    count: str | None = None
    userCount: int | None = None  # noqa: N815
    firstSeen: str | None = None  # noqa: N815
    lastSeen: str | None = None  # noqa: N815
    permalink: str | None = None
    isBookmarked: bool | None = None  # noqa: N815
    assignedTo: Any | None = None  # noqa: N815


_M = TypeVar("_M", bound=_Model)

#: the scopes that allow each kind of call (Sentry's "Permissions & Scopes" table)
_SCOPES = {
    "project-events": ("project:read", "project:write", "project:admin"),
    "GET": ("event:read", "event:write", "event:admin"),
    "PUT": ("event:write", "event:admin"),
    "DELETE": ("event:admin",),
}


def parse_link_header(header: str) -> dict[str, dict[str, str]]:
    """``<url>; rel="next"; results="true"; cursor="0:100:0"`` parts, by ``rel``."""
    links: dict[str, dict[str, str]] = {}
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces or not pieces[0].startswith("<"):
            continue
        attributes = {"url": pieces[0].strip("<>")}
        for piece in pieces[1:]:
            key, _, value = piece.partition("=")
            attributes[key.strip()] = value.strip().strip('"')
        if "rel" in attributes:
            links[attributes["rel"]] = attributes
    return links


#: where the deadline is set, for messages
_DEADLINE_FROM = "SENTRY_API_DEADLINE or --deadline"
_MIB = 1024 * 1024


def origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an http(s) URL, default ports filled in; None if it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class _Answer:
    """One HTTP answer, its body read within the deadline."""

    status: int
    headers: Mapping[str, str]
    data: bytes


class _OutOfTime(Exception):
    """The deadline passed while a request was under way."""


@dataclass
class _Budget:
    """One call's time: the deadline counts the time spent in the client (requests and waits),
    not the time a caller takes between pages, and remembers what it went on."""

    seconds: float
    clock: Callable[[], float]
    spent: float = 0.0
    since: float | None = None
    requests: int = 0
    answering: float = 0.0
    #: reason -> (count, seconds)
    waits: dict[str, tuple[int, float]] = field(default_factory=dict)

    def left(self) -> float:
        running = self.clock() - self.since if self.since is not None else 0.0
        return self.seconds - self.spent - running

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        self.since = self.clock()
        try:
            yield
        finally:
            self.spent += self.clock() - self.since
            self.since = None

    def waited(self, reason: str, seconds: float) -> None:
        count, total = self.waits.get(reason, (0, 0.0))
        self.waits[reason] = (count + 1, total + seconds)

    def describe(self) -> str:
        """What the time went on, for the message: requests, and each kind of wait."""
        parts = [f"{self.requests} request{'s' if self.requests != 1 else ''} ({self.answering:.1f} s)"]
        for reason, (count, seconds) in self.waits.items():
            parts.append(f"{count} wait{'s' if count != 1 else ''} {reason} ({seconds:g} s)")
        return "the time went on " + ", ".join(parts)


def _read_some(response: urllib3.BaseHTTPResponse) -> bytes:
    """What has arrived of the body (one read on the socket), so the deadline is checked often."""
    read1 = getattr(response, "read1", None)
    if read1 is not None:
        return bytes(read1(64 * 1024))
    return bytes(response.read(8 * 1024))  # pragma: no cover - urllib3 < 2.2: smaller reads


def _set_read_timeout(response: urllib3.BaseHTTPResponse, seconds: float) -> None:
    """Shorten the socket's read timeout to what is left of the deadline (where urllib3 shows it)."""
    sock = getattr(getattr(response, "connection", None), "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.settimeout(max(seconds, 0.001))


class SentryApi:
    """One method per endpoint; lists are lazy iterators that follow the ``Link`` cursors.

    `url`, `token`, `org`, `project`, `deadline` and `allow_http` default to ``SENTRY_URL``,
    ``SENTRY_AUTH_TOKEN``, ``SENTRY_ORG``, ``SENTRY_PROJECT``, ``SENTRY_API_DEADLINE`` and
    ``SENTRY_ALLOW_HTTP`` (validated like every other setting). `deadline` bounds each call
    (a whole listing counts as one); `max_pages` bounds every listing; `sleep` and `clock`
    are there for tests.
    """

    def __init__(
        self,
        url: str | None = None,
        token: str | None = None,
        org: str | None = None,
        project: str | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_wait: float = 60.0,
        deadline: float | None = None,
        allow_http: bool | None = None,
        max_pages: int = 500,
        max_body: int = 32 * _MIB,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:

        overrides: dict[str, Any] = {
            k: v for k, v in {"url": url, "auth_token": token, "org": org, "project": project}.items() if v
        }
        if deadline is not None:
            overrides["api_deadline"] = deadline
        if allow_http is not None:
            overrides["allow_http"] = allow_http
        settings = load_settings(**overrides)
        self.url = settings.url.rstrip("/") + "/"
        self.origin = origin(self.url)
        where = "SENTRY_URL" if url is None else "the url given to SentryApi"
        if self.origin is None:
            raise ConfigError(
                [
                    Problem(
                        where,
                        f"{self._shown(self.url)} is not an http(s) URL with a host",
                        "use the server's address, e.g. https://sentry.example.com",
                    )
                ]
            )
        scheme, host, _ = self.origin
        if scheme != "https" and not settings.allow_http and not is_loopback(host):
            raise ConfigError(
                [
                    Problem(
                        where,
                        f"plain http:// to {excerpt(host)}, which is not this machine: the auth token "
                        "would cross the network unencrypted, readable by anyone on the way",
                        "use https://, or, if you accept that, pass --insecure (SENTRY_ALLOW_HTTP=true)",
                    )
                ]
            )
        self.org = settings.org
        self.project = settings.project
        self._token = settings.auth_token.get_secret_value() if settings.auth_token else None
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.deadline = settings.api_deadline
        self.max_pages = max_pages
        self.max_body = max_body
        self._sleep = sleep
        self._clock = clock
        self._http = urllib3.PoolManager(retries=False)

    def missing_settings(
        self, *, org: str | None = None, project: str | None = None, needs_project: bool = False
    ) -> list[Problem]:
        """Every setting a call would lack (token, org, project), to tell them all at once."""
        problems = []
        if self._token is None:
            problems.append(
                Problem(
                    "SENTRY_AUTH_TOKEN",
                    "is not set: the web API needs a token",
                    "create one in Sentry (Settings > Auth Tokens) and set SENTRY_AUTH_TOKEN",
                )
            )
        if not (org or self.org):
            problems.append(
                Problem(
                    "SENTRY_ORG", "is not set", "pass --org or set SENTRY_ORG to your organization's slug"
                )
            )
        if needs_project and not (project or self.project):
            problems.append(
                Problem(
                    "SENTRY_PROJECT",
                    "is not set",
                    "pass --project or set SENTRY_PROJECT to the project's slug",
                )
            )
        return problems

    def __repr__(self) -> str:
        return (
            f"SentryApi(url={mask_url(self.url)!r}, org={self.org!r}, project={self.project!r}, "
            f"token={'***' if self._token else None})"
        )

    # -- endpoints ------------------------------------------------------------------------------

    def project_events(
        self,
        org: str | None = None,
        project: str | None = None,
        *,
        full: bool = False,
        stats_period: str | None = None,
        start: str | None = None,
        end: str | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredEvent]:
        """A project's error events, newest first."""
        path = f"projects/{self._slug(org, 'org')}/{self._slug(project, 'project')}/events/"
        params = {"full": "true" if full else None, "statsPeriod": stats_period, "start": start, "end": end}
        return self._pages(path, params, StoredEvent, limit, scope="project-events")

    def project_issues(
        self,
        org: str | None = None,
        project: str | None = None,
        *,
        query: str | None = None,
        stats_period: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Issue]:
        """A project's issues (Sentry's default query is ``is:unresolved``)."""
        path = f"projects/{self._slug(org, 'org')}/{self._slug(project, 'project')}/issues/"
        return self._pages(path, {"query": query, "statsPeriod": stats_period}, Issue, limit)

    def issue_events(
        self,
        issue_id: str,
        org: str | None = None,
        *,
        start: str | None = None,
        end: str | None = None,
        environment: str | None = None,
        query: str | None = None,
        full: bool = False,
        limit: int | None = None,
    ) -> Iterator[StoredEvent]:
        """An issue's events, newest first."""
        path = f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/events/"
        params = {
            "start": start,
            "end": end,
            "environment": environment,
            "query": query,
            "full": "true" if full else None,
        }
        return self._pages(path, params, StoredEvent, limit)

    def issue(self, issue_id: str, org: str | None = None) -> Issue:
        """One issue."""
        url = self._url(f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/")
        return self._model(Issue, self._json("GET", url), "GET", url)

    def update_issue(self, issue_id: str, org: str | None = None, **fields: Any) -> Issue:
        """Change an issue: ``status``, ``statusDetails``, ``assignedTo``, ``hasSeen``,
        ``isBookmarked``, ``isSubscribed``, ``isPublic``. Returns the issue as updated."""
        allowed = {
            "status",
            "statusDetails",
            "assignedTo",
            "hasSeen",
            "isBookmarked",
            "isSubscribed",
            "isPublic",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise UnknownOption(
                sorted(unknown),
                f"cannot update {', '.join(sorted(unknown))}; fields: {', '.join(sorted(allowed))}",
            )
        url = self._url(f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/")
        data = self._json("PUT", url, body=fields)
        return self._model(
            Issue, {"id": str(issue_id), **(data if isinstance(data, dict) else {})}, "PUT", url
        )

    def delete_issue(self, issue_id: str, org: str | None = None) -> None:
        """Remove an issue and its events (Sentry answers 202 and deletes in the background)."""
        url = self._url(f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/")
        self._request("DELETE", url, self._budget())

    # -- plumbing -------------------------------------------------------------------------------

    def _slug(self, value: str | None, what: str) -> str:
        chosen = value or (self.org if what == "org" else self.project)
        if not chosen:
            variable = "SENTRY_ORG" if what == "org" else "SENTRY_PROJECT"
            raise ConfigError([Problem(variable, f"no {what} given", f"pass --{what} or set {variable}")])
        return quote(chosen, safe="")

    def _url(self, path: str) -> str:
        return urljoin(self.url, "api/0/" + path)

    def _budget(self) -> _Budget:
        return _Budget(self.deadline, self._clock)

    def _pages(
        self,
        path: str,
        params: Mapping[str, str | None],
        model: type[_M],
        limit: int | None,
        scope: str = "GET",
    ) -> Iterator[_M]:
        chosen = {k: v for k, v in params.items() if v is not None}
        base = self._url(path)
        where = f"GET {self._where(base)}"
        url = base + (f"?{urlencode(chosen)}" if chosen else "")
        budget = self._budget()
        seen: set[str] = set()
        count = 0
        while True:
            if len(seen) >= self.max_pages:
                raise InvalidResponse(
                    f"{where}: stopped after {self.max_pages} pages ({count} items) and the server "
                    "still says there are more; take fewer with --limit (or SentryApi(max_pages=...))"
                )
            seen.add(url)
            answer = self._request("GET", url, budget, scope=scope)
            page = self._decode(answer, where)
            if not isinstance(page, list):
                raise InvalidResponse(f"{where}: expected a list, got {type(page).__name__}", answer.status)
            for item in page:
                if limit is not None and count >= limit:
                    return
                yield self._model(model, item, "GET", url)
                count += 1
            following = parse_link_header(answer.headers.get("Link", "")).get("next")
            if not following or following.get("results") != "true":
                return
            # keep our own filters on every page: only the cursor comes from the link
            cursor = following.get("cursor")
            if cursor:
                url = f"{base}?{urlencode({**chosen, 'cursor': cursor})}"
                what = f"the cursor {excerpt(cursor)}"
            else:
                try:
                    url = urljoin(url, following["url"])
                except ValueError:  # "http://[" and the like
                    raise InvalidResponse(
                        f"{where}: the next-page link is not a URL; the listing stops"
                    ) from None
                what = f"the next-page link {self._shown(url)}"
                if origin(url) != self.origin:
                    raise InvalidResponse(
                        f"{where}: the next-page link points at {self._shown(url)}, not at the origin "
                        f"of SENTRY_URL ({self._shown(self.url)}); the token goes nowhere else, so the "
                        "listing stops. Fix: check SENTRY_URL (self-hosted: system.url-prefix must "
                        "be the server's address)"
                    )
            if url in seen:
                raise InvalidResponse(
                    f"{where}: the server sent {what} again after {len(seen)} pages ({count} items); "
                    "the listing would never end, so it stops here"
                )

    def _json(self, method: str, url: str, body: Any = None) -> Any:
        answer = self._request(method, url, self._budget(), body=body)
        return self._decode(answer, f"{method} {self._where(url)}")

    def _model(self, model: type[_M], data: Any, method: str, url: str) -> _M:
        """`data` as `model`; a mismatch names the fields, never the values the server sent."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False, include_context=False)
            first = errors[0]
            at = ".".join(clean(str(part), 40) for part in first["loc"])
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise InvalidResponse(
                f"{method} {self._where(url)}: the answer is not {model.__name__.lower()} data as "
                f"documented: {at + ': ' if at else ''}{clean(first['msg'], 120)}{more}"
            ) from None

    def _decode(self, answer: _Answer, where: str) -> Any:
        try:
            return json.loads(answer.data or b"null")
        except ValueError:
            start = self._server_text(answer.data[:60].decode("utf-8", "replace"), 40)
            raise InvalidResponse(
                f"{where}: the answer ({answer.status}) was not JSON (it starts {start!r}); "
                "is SENTRY_URL the Sentry server?",
                answer.status,
            ) from None

    def _request(
        self,
        method: str,
        url: str,
        budget: _Budget,
        *,
        body: Any = None,
        scope: str | None = None,
    ) -> _Answer:
        where = f"{method} {self._where(url)}"
        if self._token is None:
            raise AuthenticationFailed("no token: set SENTRY_AUTH_TOKEN (Settings > Auth Tokens in Sentry)")
        if origin(url) != self.origin:  # pragma: no cover - defence in depth: every URL is built
            # from SENTRY_URL, and next-page links are checked before they are followed
            raise InvalidResponse(f"{where}: refusing to send the token to {self._shown(url)}")
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        payload = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            payload = json.dumps(body).encode()
        attempt = 0
        with budget.running():
            while True:
                attempt += 1
                backoff = self.backoff * 2 ** (attempt - 1)
                retry = attempt <= self.retries
                try:
                    answer = self._fetch(method, url, payload, headers, budget)
                except _OutOfTime:
                    raise ApiTimeout(
                        f"{where}: no complete answer within the {self.deadline:g} s deadline "
                        f"({_DEADLINE_FROM}); {budget.describe()}"
                    ) from None
                except urllib3.exceptions.ConnectTimeoutError:  # with NewConnectionError: nothing sent
                    error: ApiError = ApiConnectionError(
                        f"{where}: cannot connect to {self._shown(self.url)}"
                    )
                    self._retry(budget, retry, backoff, "to reconnect", error)
                    continue
                except urllib3.exceptions.TimeoutError:
                    error = ApiTimeout(f"{where}: no answer in time")
                    # a DELETE may have been applied
                    self._retry(budget, retry and method != "DELETE", backoff, "after a timeout", error)
                    continue
                except urllib3.exceptions.ProtocolError:
                    error = ApiConnectionError(
                        f"{where}: the connection broke before the answer was complete"
                    )
                    self._retry(
                        budget, retry and method != "DELETE", backoff, "after a cut-off answer", error
                    )
                    continue
                except urllib3.exceptions.HTTPError as exc:
                    raise ApiConnectionError(f"{where}: {type(exc).__name__}") from None
                logger.debug("%s -> %s", where, answer.status)
                if answer.status == 429:  # rejected before it was applied: safe for every method
                    wait = self._retry_after(answer)
                    error = RateLimited(f"{where}: rate limited by Sentry; retry in {wait:g} s", wait)
                    self._retry(budget, retry, wait, "as Retry-After asked (429)", error)
                    continue
                if answer.status >= 500:
                    error = ServerError(
                        f"{where}: Sentry answered {answer.status}; try again later", answer.status
                    )
                    self._retry(budget, retry and method != "DELETE", backoff, "after a 5xx", error)
                    continue
                if 300 <= answer.status < 400:
                    raise self._redirected(where, url, answer)
                if answer.status < 300:
                    return answer
                raise self._error(where, answer, scope or method)

    def _fetch(
        self, method: str, url: str, payload: bytes | None, headers: dict[str, str], budget: _Budget
    ) -> _Answer:
        """One request, its body read in pieces so that the deadline holds for a slow body too."""
        left = budget.left()
        if left <= 0:
            raise _OutOfTime
        step = min(self.timeout, left)
        started = self._clock()
        budget.requests += 1
        try:
            response = self._http.request(
                method,
                url,
                body=payload,
                headers=headers,
                redirect=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=step, read=step),
            )
            complete = False
            try:
                chunks, size = [], 0
                while True:
                    left = budget.left()
                    if left <= 0:
                        raise _OutOfTime
                    _set_read_timeout(response, min(self.timeout, left))
                    chunk = _read_some(response)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > self.max_body:
                        raise InvalidResponse(
                            f"{method} {self._where(url)}: the answer is larger than "
                            f"{self.max_body // _MIB} MiB; stopped reading it",
                            response.status,
                        )
                    chunks.append(chunk)
                complete = True
                return _Answer(response.status, response.headers, b"".join(chunks))
            finally:
                if not complete:  # unread data: the connection cannot serve another request
                    response.close()
                response.release_conn()
        finally:
            budget.answering += self._clock() - started

    def _retry(self, budget: _Budget, allowed: bool, seconds: float, reason: str, error: ApiError) -> None:
        """Wait before the next attempt, or raise `error` (saying why when the deadline is the reason)."""
        if not allowed:
            raise error
        seconds = min(seconds, self.max_wait)
        left = budget.left()
        if seconds >= left:
            error.args = (
                f"{error}; no retry: waiting {seconds:g} s {reason} would pass the "
                f"{self.deadline:g} s deadline ({_DEADLINE_FROM}), {max(left, 0):.1f} s were left; "
                f"{budget.describe()}",
            )
            raise error
        budget.waited(reason, seconds)
        self._sleep(seconds)

    def _retry_after(self, answer: _Answer) -> float:
        """Seconds to wait: ``Retry-After`` as seconds or as an HTTP date; 1 when unreadable."""
        raw = answer.headers.get("Retry-After", "1").strip()
        try:
            seconds = float(raw)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                return 1.0
            seconds = when.timestamp() - time.time()
        if seconds != seconds:  # NaN
            return 1.0
        return min(max(seconds, 0.0), 1e9)

    def _shown(self, url: str) -> str:
        """A URL fit for a message: no password, no control characters, not too long."""
        return clean(mask_url(url), 120)

    def _server_text(self, text: str, limit: int = 200) -> str:
        """Text the server sent, fit for a terminal: no control characters, never the token."""
        if self._token:
            text = text.replace(self._token, "***")
        return clean(text, limit)

    def _where(self, url: str) -> str:
        """The URL's path, for messages."""
        return clean(urlsplit(url).path, 120)  # every URL here has passed `origin`

    def _redirected(self, where: str, url: str, answer: _Answer) -> Redirected:
        location = answer.headers.get("Location", "")
        shown = self._server_text(mask_url(location), 120) if location else "(no Location header)"
        target = origin(urljoin(url, location)) if location else None
        hint = ""
        if target is not None and self.origin is not None and target[0] != self.origin[0]:
            hint = f" (the server wants {target[0]}://)"
        return Redirected(
            f"{where}: Sentry answered {answer.status}, a redirect to {shown}; redirects are not "
            f"followed, so the token goes only to SENTRY_URL{hint}. Fix: set SENTRY_URL to the "
            "server's own address",
            answer.status,
            shown,
        )

    def _error(self, where: str, answer: _Answer, scope: str) -> BadAnswer:
        try:
            detail = json.loads(answer.data).get("detail", "")
        except (ValueError, AttributeError):
            detail = ""
        detail = f" ({self._server_text(detail)})" if isinstance(detail, str) and detail.strip() else ""
        status = answer.status
        if status == 401:
            return AuthenticationFailed(
                f"{where}: the token was refused{detail}; check SENTRY_AUTH_TOKEN", 401
            )
        if status == 403:
            scopes = _SCOPES.get(scope, _SCOPES["GET"])
            return PermissionDenied(
                f"{where}: the token lacks the scope for this{detail}; it needs one of {', '.join(scopes)}",
                scopes,
            )
        if status == 404:
            return NotFound(f"{where}: not found{detail}; check the org, project and issue id", 404)
        # (429 and 5xx are retried before they get here; 3xx are `Redirected`)
        return BadAnswer(f"{where}: Sentry answered {status}{detail}", status)
