"""A small, typed client for the Sentry web API endpoints teams use to check what arrived.

Bearer-token auth, lazy cursor pagination (``Link`` headers), bounded retries that respect
``Retry-After``, and one exception per failure under `SentryGuardError`. The token never
appears in an error, a log line or a ``repr``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Optional, TypeVar
from urllib.parse import quote, urlencode, urljoin

import urllib3
from pydantic import BaseModel, ConfigDict

from .errors import SentryGuardError

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeout",
    "AuthenticationFailed",
    "Event",
    "InvalidResponse",
    "Issue",
    "NotFound",
    "PermissionDenied",
    "RateLimited",
    "SentryApi",
    "ServerError",
]

logger = logging.getLogger("sentry_guard.api")


# -- errors -----------------------------------------------------------------------------------


class ApiError(SentryGuardError):
    """A Sentry web API call failed; `status` is the HTTP status (None when none arrived)."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        self.status = status
        super().__init__(message)


class AuthenticationFailed(ApiError):
    """401: the token is missing, wrong, expired or revoked."""


class PermissionDenied(ApiError):
    """403: the token lacks the scope this call needs (`scopes` lists the ones that would do)."""

    def __init__(self, message: str, scopes: tuple[str, ...]) -> None:
        self.scopes = scopes
        super().__init__(message, 403)


class NotFound(ApiError):
    """404: no such organization, project or issue (or the token cannot see it)."""


class RateLimited(ApiError):
    """429, still after the retries: `retry_after` is how long Sentry asked to wait."""

    def __init__(self, message: str, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(message, 429)


class ServerError(ApiError):
    """5xx, still after the retries."""


class ApiTimeout(ApiError):
    """No answer in time."""


class ApiConnectionError(ApiError):
    """The server could not be reached."""


class InvalidResponse(ApiError):
    """The answer was not the JSON the endpoint documents."""


# -- models -----------------------------------------------------------------------------------


class _Model(BaseModel):
    """API objects keep every field Sentry sends, typed or not (``model_extra``)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Event(_Model):
    """An event as the list endpoints return it (``full=true`` adds the payload entries)."""

    id: str
    eventID: Optional[str] = None  # noqa: N815 - Sentry's field names
    title: Optional[str] = None
    message: Optional[str] = None
    dateCreated: Optional[str] = None  # noqa: N815
    platform: Optional[str] = None
    groupID: Optional[str] = None  # noqa: N815
    tags: list[dict[str, Any]] = []


class Issue(_Model):
    """An issue (a group of events)."""

    id: str
    shortId: Optional[str] = None  # noqa: N815
    title: Optional[str] = None
    culprit: Optional[str] = None
    status: Optional[str] = None
    level: Optional[str] = None
    count: Optional[str] = None
    userCount: Optional[int] = None  # noqa: N815
    firstSeen: Optional[str] = None  # noqa: N815
    lastSeen: Optional[str] = None  # noqa: N815
    permalink: Optional[str] = None
    isBookmarked: Optional[bool] = None  # noqa: N815
    assignedTo: Optional[Any] = None  # noqa: N815


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


class SentryApi:
    """One method per endpoint; lists are lazy iterators that follow the ``Link`` cursors.

    `url`, `token`, `org` and `project` default to ``SENTRY_URL``, ``SENTRY_AUTH_TOKEN``,
    ``SENTRY_ORG`` and ``SENTRY_PROJECT`` (validated like every other setting).
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        org: Optional[str] = None,
        project: Optional[str] = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from .loading import load_settings

        overrides = {
            k: v for k, v in {"url": url, "auth_token": token, "org": org, "project": project}.items() if v
        }
        settings = load_settings(**overrides)
        self.url = settings.url.rstrip("/") + "/"
        self.org = settings.org
        self.project = settings.project
        self._token = settings.auth_token.get_secret_value() if settings.auth_token else None
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep
        self._http = urllib3.PoolManager(timeout=urllib3.Timeout(total=timeout), retries=False)

    def __repr__(self) -> str:
        return f"SentryApi(url={self.url!r}, org={self.org!r}, project={self.project!r}, token={'***' if self._token else None})"

    # -- endpoints ------------------------------------------------------------------------------

    def project_events(
        self,
        org: Optional[str] = None,
        project: Optional[str] = None,
        *,
        full: bool = False,
        stats_period: Optional[str] = None,
        start: Optional[str] = None,
        end: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Iterator[Event]:
        """A project's error events, newest first."""
        path = f"projects/{self._slug(org, 'org')}/{self._slug(project, 'project')}/events/"
        params = {"full": "true" if full else None, "statsPeriod": stats_period, "start": start, "end": end}
        return self._pages(path, params, Event, limit, scope="project-events")

    def project_issues(
        self,
        org: Optional[str] = None,
        project: Optional[str] = None,
        *,
        query: Optional[str] = None,
        stats_period: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Iterator[Issue]:
        """A project's issues (Sentry's default query is ``is:unresolved``)."""
        path = f"projects/{self._slug(org, 'org')}/{self._slug(project, 'project')}/issues/"
        return self._pages(path, {"query": query, "statsPeriod": stats_period}, Issue, limit)

    def issue_events(
        self,
        issue_id: str,
        org: Optional[str] = None,
        *,
        start: Optional[str] = None,
        end: Optional[str] = None,
        environment: Optional[str] = None,
        query: Optional[str] = None,
        full: bool = False,
        limit: Optional[int] = None,
    ) -> Iterator[Event]:
        """An issue's events, newest first."""
        path = f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/events/"
        params = {
            "start": start,
            "end": end,
            "environment": environment,
            "query": query,
            "full": "true" if full else None,
        }
        return self._pages(path, params, Event, limit)

    def issue(self, issue_id: str, org: Optional[str] = None) -> Issue:
        """One issue."""
        data = self._json("GET", f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/")
        return Issue.model_validate(data)

    def update_issue(self, issue_id: str, org: Optional[str] = None, **fields: Any) -> Issue:
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
            raise TypeError(
                f"cannot update {', '.join(sorted(unknown))}; fields: {', '.join(sorted(allowed))}"
            )
        path = f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/"
        data = self._json("PUT", path, body=fields)
        return Issue.model_validate({"id": str(issue_id), **(data if isinstance(data, dict) else {})})

    def delete_issue(self, issue_id: str, org: Optional[str] = None) -> None:
        """Remove an issue and its events (Sentry answers 202 and deletes in the background)."""
        self._request("DELETE", f"organizations/{self._slug(org, 'org')}/issues/{quote(str(issue_id))}/")

    # -- plumbing -------------------------------------------------------------------------------

    def _slug(self, value: Optional[str], what: str) -> str:
        chosen = value or (self.org if what == "org" else self.project)
        if not chosen:
            variable = "SENTRY_ORG" if what == "org" else "SENTRY_PROJECT"
            raise ApiError(f"no {what} given: pass --{what} or set {variable}")
        return quote(chosen, safe="")

    def _pages(
        self,
        path: str,
        params: Mapping[str, Optional[str]],
        model: type[_M],
        limit: Optional[int],
        scope: str = "GET",
    ) -> Iterator[_M]:
        chosen = {k: v for k, v in params.items() if v is not None}
        base = urljoin(self.url, "api/0/" + path)
        url: Optional[str] = base + (f"?{urlencode(chosen)}" if chosen else "")
        count = 0
        while url is not None:
            response = self._request("GET", url, scope=scope, absolute=True)
            page = self._decode(response)
            if not isinstance(page, list):
                raise InvalidResponse(
                    f"expected a list from {path}, got {type(page).__name__}", response.status
                )
            for item in page:
                if limit is not None and count >= limit:
                    return
                yield model.model_validate(item)
                count += 1
            following = parse_link_header(response.headers.get("Link", "")).get("next")
            if not following or following.get("results") != "true":
                return
            # keep our own filters on every page: only the cursor comes from the link
            cursor = following.get("cursor")
            url = f"{base}?{urlencode({**chosen, 'cursor': cursor})}" if cursor else following["url"]

    def _json(self, method: str, path: str, body: Any = None) -> Any:
        return self._decode(self._request(method, path, body=body))

    @staticmethod
    def _decode(response: urllib3.BaseHTTPResponse) -> Any:
        try:
            return json.loads(response.data or b"null")
        except ValueError:
            raise InvalidResponse(
                f"the answer to {response.status} was not JSON (is SENTRY_URL the Sentry server?)",
                response.status,
            ) from None

    def _request(
        self, method: str, path: str, *, body: Any = None, scope: Optional[str] = None, absolute: bool = False
    ) -> urllib3.BaseHTTPResponse:
        url = path if absolute else urljoin(self.url, "api/0/" + path)
        if self._token is None:
            raise AuthenticationFailed("no token: set SENTRY_AUTH_TOKEN (Settings > Auth Tokens in Sentry)")
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        payload = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            payload = json.dumps(body).encode()
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._http.request(method, url, body=payload, headers=headers, redirect=False)
            except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError):
                if attempt <= self.retries:  # nothing was sent: safe for every method
                    self._wait(self.backoff * 2 ** (attempt - 1))
                    continue
                raise ApiConnectionError(
                    f"{method} {self._where(url)}: cannot connect to {self.url}"
                ) from None
            except urllib3.exceptions.TimeoutError:
                if method != "DELETE" and attempt <= self.retries:  # a DELETE may have been applied
                    self._wait(self.backoff * 2 ** (attempt - 1))
                    continue
                raise ApiTimeout(f"{method} {self._where(url)}: no answer in time") from None
            except urllib3.exceptions.HTTPError as exc:
                raise ApiConnectionError(f"{method} {self._where(url)}: {type(exc).__name__}") from None
            logger.debug("%s %s -> %s", method, self._where(url), response.status)
            if response.status == 429 and attempt <= self.retries:  # rejected before it was applied
                self._wait(self._retry_after(response))
                continue
            if response.status >= 500 and method != "DELETE" and attempt <= self.retries:
                self._wait(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status < 400:
                return response
            raise self._error(method, url, response, scope or method)

    def _wait(self, seconds: float) -> None:
        self._sleep(min(seconds, self.max_wait))

    @staticmethod
    def _retry_after(response: urllib3.BaseHTTPResponse) -> float:
        try:
            return max(0.0, float(response.headers.get("Retry-After", "1")))
        except ValueError:
            return 1.0

    def _where(self, url: str) -> str:
        """The URL without the server and the query, for messages."""
        return url.split("?", 1)[0].replace(self.url.rstrip("/"), "")

    def _error(self, method: str, url: str, response: urllib3.BaseHTTPResponse, scope: str) -> ApiError:
        where = f"{method} {self._where(url)}"
        try:
            detail = json.loads(response.data).get("detail", "")
        except (ValueError, AttributeError):
            detail = ""
        detail = f" ({detail})" if isinstance(detail, str) and detail else ""
        status = response.status
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
        if status == 429:
            wait = self._retry_after(response)
            return RateLimited(f"{where}: rate limited by Sentry; retry in {wait:g} s", wait)
        if status >= 500:
            return ServerError(f"{where}: Sentry answered {status}; try again later", status)
        return ApiError(f"{where}: Sentry answered {status}{detail}", status)
