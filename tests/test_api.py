"""The web API client against a loopback server that behaves like Sentry's API."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from sentry_guard.api import (
    ApiConnectionError,
    ApiTimeout,
    AuthenticationFailed,
    InvalidResponse,
    Issue,
    NotFound,
    PermissionDenied,
    RateLimited,
    SentryApi,
    ServerError,
    StoredEvent,
    parse_link_header,
)

from .fake_sentry import TOKEN, FakeSentry


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as server:
        yield server


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def api(sentry: FakeSentry, waits: list[float]) -> SentryApi:
    return SentryApi(sentry.url, TOKEN, "acme", "shop", sleep=waits.append, timeout=2)


def test_pagination_follows_three_pages_lazily(api: SentryApi, sentry: FakeSentry) -> None:
    events = api.project_events()
    first = next(events)
    assert isinstance(first, StoredEvent) and first.id == f"{0:032x}"
    assert len(sentry.requests) == 1  # lazy: one page so far
    rest = list(events)
    assert len(rest) == 249
    assert len(sentry.requests) == 3
    assert [r[1].split("cursor=")[-1] for r in sentry.requests[1:]] == ["0%3A100%3A0", "0%3A200%3A0"]
    assert first.model_extra == {"extraField": 0}  # unknown fields are kept


def test_limit_stops_early(api: SentryApi, sentry: FakeSentry) -> None:
    assert len(list(api.project_events(limit=120))) == 120
    assert len(sentry.requests) == 2


def test_auth_header_sent_and_params_passed(api: SentryApi, sentry: FakeSentry) -> None:
    list(api.project_events(full=True, stats_period="24h", limit=1))
    method, path, headers, _ = sentry.requests[0]
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert method == "GET" and "full=true" in path and "statsPeriod=24h" in path


def test_issues_endpoints(api: SentryApi, sentry: FakeSentry) -> None:
    issues = list(api.project_issues(query="is:unresolved"))
    assert [i.shortId for i in issues] == ["SHOP-1", "SHOP-2", "SHOP-3"]
    assert isinstance(api.issue("2"), Issue) and api.issue("2").title == "ValueError: boom 2"
    assert len(list(api.issue_events("2"))) == 150
    updated = api.update_issue("2", status="resolved", isBookmarked=True)
    assert (updated.status, updated.isBookmarked) == ("resolved", True)
    assert sentry.issues["2"]["status"] == "resolved"
    api.delete_issue("3")
    assert "3" not in sentry.issues
    assert [r[0] for r in sentry.requests[-2:]] == ["PUT", "DELETE"]


def test_unknown_update_field_is_a_type_error(api: SentryApi) -> None:
    with pytest.raises(TypeError, match="colour"):
        api.update_issue("1", colour="red")


@pytest.mark.parametrize(
    ("status", "error", "needle"),
    [
        (401, AuthenticationFailed, "SENTRY_AUTH_TOKEN"),
        (403, PermissionDenied, "event:read"),
        (404, NotFound, "not found"),
    ],
)
def test_error_statuses(
    api: SentryApi, sentry: FakeSentry, status: int, error: type[Exception], needle: str
) -> None:
    sentry.script.append((status, {}, {"detail": "nope"}))
    with pytest.raises(error) as info:
        api.issue("1")
    assert needle in str(info.value) and "nope" in str(info.value)
    assert TOKEN not in str(info.value)


def test_403_names_the_scope_per_endpoint(api: SentryApi, sentry: FakeSentry) -> None:
    sentry.script.append((403, {}, {}))
    with pytest.raises(PermissionDenied) as info:
        api.delete_issue("1")
    assert info.value.scopes == ("event:admin",)
    sentry.script.append((403, {}, {}))
    with pytest.raises(PermissionDenied) as info:
        list(api.project_events())
    assert "project:read" in info.value.scopes


def test_retry_after_is_respected(api: SentryApi, sentry: FakeSentry, waits: list[float]) -> None:
    sentry.script += [(429, {"Retry-After": "7"}, {}), (429, {"Retry-After": "2"}, {})]
    assert api.issue("1").id == "1"
    assert waits == [7.0, 2.0]


def test_rate_limited_after_bounded_retries(sentry: FakeSentry, waits: list[float]) -> None:
    # a deadline long enough for three capped waits (the default one is shorter: see test_api_faults)
    api = SentryApi(sentry.url, TOKEN, "acme", "shop", sleep=waits.append, timeout=2, deadline=600)
    sentry.script += [(429, {"Retry-After": "120"}, {})] * 4
    with pytest.raises(RateLimited) as info:
        api.issue("1")
    assert info.value.retry_after == 120
    assert waits == [60.0, 60.0, 60.0]  # capped, and bounded to `retries`


def test_server_errors_retry_with_backoff(api: SentryApi, sentry: FakeSentry, waits: list[float]) -> None:
    sentry.script += [(503, {}, {}), (502, {}, {})]
    assert api.issue("1").id == "1"
    assert waits == [0.5, 1.0]
    sentry.script += [(500, {}, {})] * 4
    with pytest.raises(ServerError):
        api.issue("1")


def test_delete_is_not_retried_after_a_server_error(
    api: SentryApi, sentry: FakeSentry, waits: list[float]
) -> None:
    sentry.script.append((500, {}, {}))
    with pytest.raises(ServerError):
        api.delete_issue("1")
    assert waits == [] and "1" in sentry.issues
    deletes = [r for r in sentry.requests if r[0] == "DELETE"]
    assert len(deletes) == 1


def test_delete_is_retried_after_429(api: SentryApi, sentry: FakeSentry, waits: list[float]) -> None:
    sentry.script.append((429, {"Retry-After": "1"}, {}))
    api.delete_issue("1")
    assert waits == [1.0] and "1" not in sentry.issues


def test_timeout(sentry: FakeSentry, waits: list[float]) -> None:
    api = SentryApi(sentry.url, TOKEN, "acme", "shop", sleep=waits.append, timeout=0.2, retries=1)
    sentry.script += [("sleep", 0.5), ("sleep", 0.5)]
    with pytest.raises(ApiTimeout):
        api.issue("1")
    assert waits == [0.5]


def test_connection_refused() -> None:
    api = SentryApi("http://127.0.0.1:9", TOKEN, "acme", "shop", sleep=lambda s: None, retries=1)
    with pytest.raises(ApiConnectionError, match="cannot connect"):
        api.issue("1")


def test_invalid_json(api: SentryApi, sentry: FakeSentry) -> None:
    sentry.script.append((200, {}, b"<html>not json</html>"))
    with pytest.raises(InvalidResponse, match="not JSON"):
        api.issue("1")


def test_token_never_logged_or_shown(
    api: SentryApi, sentry: FakeSentry, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    list(api.project_issues())
    sentry.script.append((401, {}, {}))
    with pytest.raises(AuthenticationFailed) as info:
        api.issue("1")
    assert TOKEN not in caplog.text and TOKEN not in repr(api) and TOKEN not in str(info.value)
    assert "GET /api/0/projects/acme/shop/issues/ -> 200" in caplog.text


def test_settings_come_from_the_environment(sentry: FakeSentry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_URL", sentry.url)
    monkeypatch.setenv("SENTRY_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("SENTRY_ORG", "acme")
    monkeypatch.setenv("SENTRY_PROJECT", "shop")
    assert SentryApi().issue("1").id == "1"


def test_parse_link_header() -> None:
    header = '<https://x/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <https://x/?&cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"'
    links = parse_link_header(header)
    assert links["next"] == {
        "url": "https://x/?&cursor=0:100:0",
        "rel": "next",
        "results": "true",
        "cursor": "0:100:0",
    }
    assert links["previous"]["results"] == "false"
