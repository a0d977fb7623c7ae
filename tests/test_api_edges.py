"""The web API client's less travelled paths: settings it lacks, answers of the wrong shape,
statuses with no class of their own, and the deadline on a connection that stays open."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from sentry_guard import ConfigError
from sentry_guard.api import (
    ApiConnectionError,
    ApiError,
    ApiTimeout,
    AuthenticationFailed,
    BadAnswer,
    InvalidResponse,
    NotFound,
    SentryApi,
    origin,
    parse_link_header,
)

from .fake_sentry import TOKEN, FakeSentry, Reply, Trickle

VARIABLES = ("SENTRY_URL", "SENTRY_AUTH_TOKEN", "SENTRY_ORG", "SENTRY_PROJECT")


@pytest.fixture(autouse=True)
def no_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing from the machine's environment: each test says what it sets."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as server:
        yield server


def test_a_link_part_without_an_address_is_skipped() -> None:
    links = parse_link_header('rel="junk", <https://x/?cursor=1>; rel="next"')
    assert links == {"next": {"url": "https://x/?cursor=1", "rel": "next"}}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sentry.example", ("https", "sentry.example", 443)),
        ("HTTP://sentry.example", ("http", "sentry.example", 80)),
        ("http://sentry.example:99999/", None),  # no such port
        ("ftp://sentry.example/", None),
        ("https:///no-host", None),
    ],
)
def test_origin_of_a_url(url: str, expected: tuple[str, str, int] | None) -> None:
    assert origin(url) == expected


def test_missing_settings_names_each_variable(sentry: FakeSentry) -> None:
    api = SentryApi(sentry.url)
    named = [problem.variable for problem in api.missing_settings(needs_project=True)]
    assert named == ["SENTRY_AUTH_TOKEN", "SENTRY_ORG", "SENTRY_PROJECT"]
    assert api.missing_settings(org="acme", project="shop") == api.missing_settings()[:1]


def test_a_call_without_an_org_is_a_config_error_not_an_api_error(sentry: FakeSentry) -> None:
    api = SentryApi(sentry.url, TOKEN)
    with pytest.raises(ConfigError) as info:
        api.issue("1")
    assert not isinstance(info.value, ApiError)
    assert "SENTRY_ORG" in str(info.value) and "--org" in str(info.value)
    assert sentry.requests == []


def test_a_call_without_a_token_sends_nothing(sentry: FakeSentry) -> None:
    with pytest.raises(AuthenticationFailed, match="set SENTRY_AUTH_TOKEN"):
        SentryApi(sentry.url, None, "acme").issue("1")
    assert sentry.requests == []


def test_a_listing_that_is_not_a_list_is_an_error(sentry: FakeSentry) -> None:
    sentry.script.append(Reply(200, {}, {"detail": "an object, not a page"}))
    api = SentryApi(sentry.url, TOKEN, "acme", "shop")
    with pytest.raises(InvalidResponse, match="expected a list, got dict"):
        list(api.project_events())


@pytest.mark.parametrize("status", [400, 409, 410, 418])
def test_a_status_without_a_class_of_its_own_is_a_bad_answer(sentry: FakeSentry, status: int) -> None:
    sentry.script.append(Reply(status, {}, {"detail": "not like this"}))
    with pytest.raises(BadAnswer) as info:
        SentryApi(sentry.url, TOKEN, "acme").issue("1")
    assert info.value.status == status
    assert str(info.value) == (
        f"GET /api/0/organizations/acme/issues/1/: Sentry answered {status} (not like this)"
    )


def test_an_error_body_that_is_not_json_adds_no_detail(sentry: FakeSentry) -> None:
    sentry.script.append(Reply(404, {}, b"<html>gone</html>"))
    with pytest.raises(NotFound) as info:
        SentryApi(sentry.url, TOKEN, "acme").issue("1")
    assert str(info.value) == (
        "GET /api/0/organizations/acme/issues/1/: not found; check the org, project and issue id"
    )


def test_no_time_left_sends_no_request(sentry: FakeSentry) -> None:
    """A deadline already spent (a clock that jumped past it) ends the call before any request."""
    calls: list[None] = []

    def clock() -> float:  # the call starts at 0; every reading after it is past the deadline
        calls.append(None)
        return 0.0 if len(calls) == 1 else 100.0

    api = SentryApi(sentry.url, TOKEN, "acme", deadline=1, clock=clock)
    with pytest.raises(ApiTimeout, match="within the 1 s deadline"):
        api.issue("1")
    assert sentry.requests == []


def test_the_deadline_holds_on_a_connection_that_stays_open() -> None:
    """Over HTTP/1.1 (keep-alive, as Sentry answers) each read waits only what is left of the
    deadline. Half the body comes at 1.5 s of a 2 s deadline, the rest at 3 s: a read that
    kept the 2 s timeout set when the request went out would get it, past the deadline."""
    body = {"id": "1", "title": "x" * 200}
    size = len(Reply(200, {}, body).data())
    with FakeSentry(keep_alive=True) as sentry:
        api = SentryApi(sentry.url, TOKEN, "acme", deadline=2)
        sentry.script.append(Reply(200, {}, {"id": "1", "title": "fast"}))
        assert api.issue("1").title == "fast"  # the connection is kept for the next request
        sentry.script.append(Trickle(Reply(200, {}, body), delay=1.5, chunk=size // 2 + 1))
        started = time.monotonic()
        with pytest.raises(ApiTimeout, match="the 2 s deadline"):
            api.issue("1")
        assert time.monotonic() - started < 2.8


@pytest.mark.parametrize("url", ["https://[::1/", "http://[bad/"])
def test_a_url_without_a_readable_host_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        SentryApi(url, TOKEN, "acme", allow_http=True)
    assert "the url given to SentryApi" in str(info.value) and "not an http(s) URL with a host" in str(
        info.value
    )


def test_a_next_link_that_is_no_url_ends_the_listing_with_an_error(sentry: FakeSentry) -> None:
    sentry.script.append(Reply(200, {"Link": '<http://[oops/>; rel="next"; results="true"'}, [{"id": "1"}]))
    api = SentryApi(sentry.url, TOKEN, "acme", "shop")
    with pytest.raises(InvalidResponse, match="the next-page link is not a URL"):
        list(api.project_events())
    assert len(sentry.requests) == 1


def test_tls_to_a_server_that_speaks_plain_http_is_a_connection_error(sentry: FakeSentry) -> None:
    """The TLS handshake fails (what a proxy or a wrong port gives): no answer, and it says why."""
    api = SentryApi(sentry.url.replace("http://", "https://"), TOKEN, "acme", retries=0)
    with pytest.raises(ApiConnectionError, match=r"GET /api/0/organizations/acme/issues/1/: SSLError"):
        api.issue("1")
