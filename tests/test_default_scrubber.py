"""DefaultScrubber on whole payloads: every part, PII switch, text pairs, echoes; properties."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard import FILTERED, DefaultScrubber, default_chain, load_settings

from .samples import SENSITIVE

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")


def test_every_part_of_an_event() -> None:
    event = {
        "request": {
            "url": "https://shop.example.com/login?next=/cart&access_token=TOKEN1",
            "query_string": "step=3&api_key=KEY1",
            "headers": {"Authorization": "Bearer AAA", "X-Api-Key": "KEY2", "Host": "shop.example.com"},
            "cookies": {"sessionid": "SESS1", "theme": "dark"},
            "data": {"username": "bob", "password": "PW1", "items": [{"sku": "A", "card_number": "4111"}]},
            "env": {"REMOTE_ADDR": "10.1.2.3", "SERVER_NAME": "web-1"},
        },
        "extra": {"config": {"db": {"password": "PW2"}}},
        "contexts": {"payment": {"stripe_secret_key": "KEY3"}},
        "tags": {"session": "SESS2", "region": "eu"},
        "breadcrumbs": {"values": [{"message": "GET /x?token=TOKEN2", "data": {"client_secret": "CS1"}}]},
        "exception": {
            "values": [{"stacktrace": {"frames": [{"vars": {"self": {"_password": "PW3"}, "n": 1}}]}}]
        },
        "threads": {"values": [{"stacktrace": {"frames": [{"vars": {"auth": "AUTH1"}}]}}]},
        "spans": [
            {
                "data": {"http.query": "signature=SIG1", "db.password": "PW4"},
                "description": "GET https://api/?apikey=KEY4",
            }
        ],
        "user": {"id": "42", "email": "bob@example.com"},
    }
    out = DefaultScrubber()(event, {})
    text = json.dumps(out)
    for planted in (
        "TOKEN1",
        "KEY1",
        "AAA",
        "KEY2",
        "SESS1",
        "PW1",
        "4111",
        "10.1.2.3",
        "PW2",
        "KEY3",
        "SESS2",
        "TOKEN2",
        "CS1",
        "PW3",
        "AUTH1",
        "SIG1",
        "PW4",
        "KEY4",
        "bob@example.com",
        "bob",
    ):
        assert planted not in text, planted
    for kept in ("shop.example.com", "web-1", "eu", "step=3", "next=/cart"):
        assert kept in text, kept
    assert out["user"] == {"id": FILTERED, "email": FILTERED}


def test_send_default_pii_keeps_user_identity_only_in_place() -> None:
    event: dict[str, Any] = {
        "user": {
            "id": "42",
            "email": "bob@example.com",
            "username": "bob",
            "ip_address": "10.0.0.1",
            "password": "x",
        },
        "request": {"env": {"REMOTE_ADDR": "10.0.0.1"}, "data": {"email": "bob@example.com"}},
        "extra": {"email": "bob@example.com"},
    }
    out = DefaultScrubber(send_default_pii=True)(event, {})
    assert out["user"] == {**event["user"], "password": FILTERED}
    assert out["request"]["env"]["REMOTE_ADDR"] == "10.0.0.1"
    assert out["request"]["data"]["email"] == FILTERED
    assert out["extra"]["email"] == FILTERED
    assert event["user"]["password"] == "x"  # the input is untouched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a=1&token=abc&b=2", f"a=1&token={FILTERED}&b=2"),
        (
            "sessionid=abc; csrftoken=def; theme=dark",
            f"sessionid={FILTERED}; csrftoken={FILTERED}; theme=dark",
        ),
        ("login with password=hunter2 failed", f"login with password={FILTERED} failed"),
        ("https://x/y?page=1&api_key=abc#frag", f"https://x/y?page=1&api_key={FILTERED}#frag"),
        ("WHERE users.id = %s", "WHERE users.id = %s"),
        ("token_count=5", "token_count=5"),
        ("token=", "token="),
        ("=token", "=token"),
    ],
)
def test_pairs_in_text(text: str, expected: str) -> None:
    assert DefaultScrubber().scrub_text(text) == expected


def test_filtered_values_echoed_elsewhere_go_too() -> None:
    event = {
        "exception": {
            "values": [
                {
                    "value": "login failed for password s3cr3t-Pa55 (attempt 3)",
                    "stacktrace": {"frames": [{"vars": {"password": "s3cr3t-Pa55", "attempt": 3}}]},
                }
            ]
        },
        "logentry": {"formatted": "user typed s3cr3t-Pa55"},
    }
    text = json.dumps(DefaultScrubber()(event, {}))
    assert "s3cr3t-Pa55" not in text
    assert "(attempt 3)" in text


def test_short_or_object_values_are_not_hunted_for() -> None:
    event = {
        "extra": {"token": "12345", "session": "<Session object at 0x7f00aa>"},
        "message": "order 12345 <Session object at 0x7f00aa>",
    }
    assert DefaultScrubber()(event, {})["message"] == event["message"]


def test_extra_and_safe_keys_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_SCRUB_KEYS", "order_notes")
    monkeypatch.setenv("SENTRY_SCRUB_SAFE_KEYS", "token_kind,session")
    chain = default_chain(load_settings())
    out = chain({"extra": {"customerOrderNotes": "leave at door", "session": "keep", "token": "go"}}, {})
    assert out is not None
    assert out["extra"] == {"customerOrderNotes": FILTERED, "session": "keep", "token": FILTERED}


def test_package_lists_are_left_alone() -> None:
    event = {"modules": {"flask-session": "0.8.0", "pyjwt": "2.8.0"}}
    assert DefaultScrubber()(event, {}) == event


# -- properties ------------------------------------------------------------------------------

leaf = st.none() | st.booleans() | st.integers() | st.text(alphabet="abcdefgh ./:-", max_size=10)
tree = st.recursive(
    leaf,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["a", "b", "data", "vars", "items", "note"]), children, max_size=4)
    ),
    max_leaves=25,
)


@st.composite
def planted(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """A random JSON-like event with secrets under sensitive keys at random places."""
    event: dict[str, Any] = {
        "extra": draw(tree),
        "request": {"data": draw(tree)},
        "contexts": {"c": draw(tree)},
    }
    secrets = []
    for i in range(draw(st.integers(1, 5))):
        secret = f"PLANTED{i}x{draw(st.integers(10**6, 10**9))}"
        secrets.append(secret)
        key = draw(st.sampled_from(SENSITIVE))
        node: Any = event
        for _ in range(draw(st.integers(0, 4))):
            # never into a planted pair: a pair gets no third item
            children = [
                v
                for v in (node.values() if isinstance(node, dict) else node)
                if isinstance(v, dict)
                or (isinstance(v, list) and not (len(v) == 2 and isinstance(v[0], str)))
            ]
            if not children:
                break
            node = draw(st.sampled_from(children))
        how = draw(st.sampled_from(["key", "pair", "text"]))
        if how == "key" or not isinstance(node, (dict, list)):
            target = (
                node
                if isinstance(node, dict)
                else event["extra"]
                if isinstance(event["extra"], dict)
                else event
            )
            target[key] = draw(st.sampled_from([secret, {"x": secret}, [secret]]))
        elif how == "pair" and isinstance(node, list):
            node.append(draw(st.sampled_from([[key, secret], ["--" + key.replace(" ", "-"), secret]])))
        else:
            holder = node if isinstance(node, dict) else event
            holder[f"note{i}"] = f"a=1&{key.replace(' ', '_')}={secret}&z=2" if "=" not in key else secret
            if "=" in key:
                holder[key] = secret
    return event, secrets


@settings(max_examples=300, deadline=None)
@given(planted())
def test_no_planted_secret_survives(case: tuple[dict[str, Any], list[str]]) -> None:
    event, secrets = case
    before = copy.deepcopy(event)
    chain = default_chain(load_settings())
    once = chain(event, {})
    assert once is not None
    text = json.dumps(once)
    for secret in secrets:
        assert secret not in text
    assert chain(once, {}) == once  # scrubbing twice equals once
    assert event == before  # the input is not changed


@pytest.mark.parametrize(
    ("text", "once"),
    [
        ("connect 10.0.0.1:8080", "connect [ip]:8080"),
        ("::a.::", "[ip].::"),
        ("from jane@example.com: hello", "from [email]: hello"),
        ("user[email]=jane&x=1", "user[email]=[Filtered]&x=1"),  # a form field, not a marker
    ],
)
def test_a_marker_is_not_read_as_a_key_the_second_time(text: str, once: str) -> None:
    """Breadcrumbs are scrubbed by before_breadcrumb, then again inside the event."""
    scrub = DefaultScrubber().scrub_text
    assert scrub(text) == once
    assert DefaultScrubber().scrub_text(once) == once


class _Sly(str):
    """A key that lies about itself through its own methods."""

    def lower(self) -> str:
        return "harmless"

    def strip(self, chars: str | None = None) -> str:
        return "harmless"


@pytest.mark.parametrize("pii", [False, True])
def test_identity_like_locals_are_found_at_any_first_sighting(pii: bool) -> None:
    """Frame locals named like who the request is for (plain, repr'd, any case, a str
    subclass, one dict down) are filtered with PII off and kept with it on, also when a
    name is first seen in the same event, and again on the next event (names are
    remembered per process)."""
    name, other = ("uSeR_iD", "uID") if pii else ("UsEr_Id", "UId")  # new to this process
    frames = [
        {"vars": {"'UserName'": "carol_1", "n": 1}},
        {"vars": {"kwargs": {"user_email": "carol@example.org", "page": 2}}},
        {"vars": {_Sly("login"): "carol_2"}},
        {"vars": {name: "carol_3"}},
        {"vars": {"payload": {name: "carol_4"}}},  # a name first met one frame up
        {"vars": {"a": {other: "carol_5"}, "b": {other: "carol_6"}}},  # and one dict back
    ]
    event = {"exception": {"values": [{"type": "E", "value": "v", "stacktrace": {"frames": frames}}]}}
    for _ in range(2):
        out = DefaultScrubber(send_default_pii=pii)(event, {})
        got = [f["vars"] for f in out["exception"]["values"][0]["stacktrace"]["frames"]]
        held = "carol_1", "carol@example.org", "carol_2", "carol_3", "carol_4", "carol_5", "carol_6"
        values = (
            got[0]["'UserName'"],
            got[1]["kwargs"]["user_email"],
            got[2]["login"],
            got[3][name],
            got[4]["payload"][name],
            got[5]["a"][other],
            got[5]["b"][other],
        )
        assert values == (held if pii else (FILTERED,) * 7)
        assert got[0]["n"] == 1 and got[1]["kwargs"]["page"] == 2
