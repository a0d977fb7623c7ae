"""Every string-like type in every position, through a real sentry-sdk client to a loopback
endpoint: no planted secret reaches the wire (the decompressed item payloads; the envelope
headers hold the DSN's public key and are left out)."""

from __future__ import annotations

import enum
import json
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sentry_sdk
from hypothesis import given, settings
from hypothesis import strategies as st

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._sdk import accepted_options
from tests.strategies import aws_keys, cards, emails, github_tokens, ibans, jwts, secrets, ssns

LOGS = "enable_logs" in accepted_options()


class Liar(str):
    """A ``str`` subclass whose methods lie: equal to nothing, one hash for all, and its
    ``str``/``repr`` dressed up (the text is still in them)."""

    def __eq__(self, other: object) -> bool:
        return False

    def __ne__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __str__(self) -> str:
        return "liar:" + str.__str__(self)

    def __repr__(self) -> str:
        return f"Liar({str.__repr__(self)})"


def _django_lazy(text: str) -> Any:
    from django.conf import settings as django_settings

    if not django_settings.configured:
        django_settings.configure(USE_I18N=False)
    from django.utils.translation import gettext_lazy

    return gettext_lazy(text)


def _safe_string(text: str) -> Any:
    from django.utils.safestring import mark_safe

    return mark_safe(text)


def _str_enum(text: str) -> Any:
    if sys.version_info >= (3, 11):
        # the functional Enum API: mypy sees no members on the class it returns
        member = enum.StrEnum("Planted", {"VALUE": text}).VALUE  # type: ignore[attr-defined]
    else:
        member = enum.Enum("Planted", {"VALUE": text}, type=str).VALUE  # type: ignore[attr-defined]
    return member


def _str_mixin_enum(text: str) -> Any:
    # the functional Enum API, as above
    return enum.Enum("PlantedMixin", {"VALUE": text}, type=str).VALUE  # type: ignore[attr-defined]


#: how a secret's text is wrapped: the types sentry-sdk lets through to the hooks
WRAPPERS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "liar": Liar,
    "SafeString": _safe_string,
    "StrEnum": _str_enum,
    "(str, Enum)": _str_mixin_enum,
    "gettext_lazy": _django_lazy,
    "bytes": lambda text: text.encode(),
}


def _text(value: Any) -> str:
    """The text a value stands for (for the places that need a str: a message)."""
    if isinstance(value, bytes):
        return value.decode()
    return str.__str__(value) if isinstance(value, str) else str(value)


def login(password: Any) -> None:
    raise ValueError(f"login failed with {password}")


def charge(card_number: Any) -> None:
    order_total = 42
    raise RuntimeError(f"charge failed for order total {order_total}")


def echo_password(password: str) -> None:
    """A password echoed into an exception message by `login` (caught here: the frames sent
    are this one and login's, both with the password under its name)."""
    try:
        login(password)
    except ValueError:
        sentry_sdk.capture_exception()


def capture_everywhere(value: Any) -> None:
    """One secret in every position (one batch: 3 events, a transaction, logs)."""
    text = _text(value)
    with sentry_sdk.new_scope() as scope:
        scope.set_extra("note", value)
        scope.set_extra("nested", {"rows": [value, (value,)]})
        scope.set_tag("note", value if isinstance(value, str) else text)
        scope.set_context("order", {"note": value, "items": [value]})
        scope.set_user({"id": "user-1", "plan": value, "data": {"note": value}})
        sentry_sdk.add_breadcrumb(category="note", message=value if isinstance(value, str) else text)
        sentry_sdk.add_breadcrumb(
            category="data",
            data={
                "note": value,
                "ordered": OrderedDict(note=value),
                "tuple": (value, "x"),
                "set": {value} if value.__hash__ is not None else {text},
                "bytes": text.encode(),
            },
        )
        sentry_sdk.capture_message(text)
        try:
            raise ValueError(value if isinstance(value, str) else text)
        except ValueError:
            sentry_sdk.capture_exception()
        try:
            charge(value)  # a frame local (sent as its repr)
        except RuntimeError:
            sentry_sdk.capture_exception()
        with sentry_sdk.start_transaction(name="checkout", op="task"), sentry_sdk.start_span(op="db") as span:
            span.set_data("note", value)
            span.set_data("text", text)
        if LOGS:
            sentry_sdk.logger.info("note {note}", note=value, attributes={"note": value, "text": text})
            sentry_sdk.logger.warning(f"plain {text}")


def item_payloads(endpoint: EnvelopeServer, start: int = 0) -> Iterator[tuple[str, bytes]]:
    for envelope in endpoint.envelopes[start:]:
        for head, body in envelope.items:
            yield str(head.get("type")), body


def leaks(endpoint: EnvelopeServer, needles: list[str], start: int = 0) -> list[tuple[str, str]]:
    found = []
    for kind, body in item_payloads(endpoint, start):
        text = body.decode("utf-8", "replace")
        for needle in needles:
            forms = {needle, json.dumps(needle)[1:-1], json.dumps(needle, ensure_ascii=False)[1:-1]}
            if any(form in text for form in forms):
                found.append((kind, needle))
    return found


passwords = st.text(
    alphabet="abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=10, max_size=16
).filter(lambda p: any(c.isdigit() for c in p) and any(c.isalpha() for c in p))


@pytest.fixture
def guarded(endpoint: EnvelopeServer, implementation: str) -> EnvelopeServer:
    logs: dict[str, Any] = {"enable_logs": True} if LOGS else {}
    sentry_guard.configure(
        dsn=endpoint.dsn(),
        release="shop@1.0.0",
        traces_sample_rate=1.0,
        **logs,
    )
    return endpoint


def _run(endpoint: EnvelopeServer, value: Any, secret: str, echoed: str) -> list[tuple[str, str]]:
    start = len(endpoint.envelopes)
    capture_everywhere(value)
    echo_password(echoed)  # (not from capture_everywhere: its frame would hold it under another name)
    sentry_sdk.flush(timeout=10)
    endpoint.wait_for(start + 5 + (1 if LOGS else 0), timeout=10)
    assert len(endpoint.envelopes) >= start + 5, "not every envelope arrived"
    return leaks(endpoint, [secret, echoed], start)


@pytest.mark.parametrize("wrapper", list(WRAPPERS))
@settings(max_examples=30)
@given(secret=secrets, echoed=passwords)
def test_no_secret_of_any_type_reaches_the_wire(
    guarded: EnvelopeServer, wrapper: str, secret: str, echoed: str
) -> None:
    value = WRAPPERS[wrapper](secret)
    assert _run(guarded, value, secret, echoed) == []


@settings(max_examples=30)
@given(
    secret=st.sampled_from([4111111111111111, 5555555555554444, 378282246310005, 6011111111111117]),
    echoed=passwords,
)
def test_an_int_card_number_does_not_reach_the_wire(
    guarded: EnvelopeServer, secret: int, echoed: str
) -> None:
    assert _run(guarded, secret, str(secret), echoed) == []


def test_the_wire_check_can_fail(endpoint: EnvelopeServer) -> None:
    """Without the scrubber (a plain sentry-sdk client) the same captures do leak."""
    sentry_sdk.init(dsn=endpoint.dsn(), traces_sample_rate=1.0)
    assert _run(endpoint, "4111111111111111", "4111111111111111", "Pw7Planted9x") != []


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(lambda: "ghp_R3aLt0kenAbCdEfGhIjKlMnOpQrStUvWx1234", id="github"),
        pytest.param(lambda: _str_enum("alice.smith@example.org"), id="StrEnum email"),
        pytest.param(lambda: Liar("DE89370400440532013000"), id="liar iban"),
        pytest.param(lambda: _django_lazy("078-05-1120"), id="lazy ssn"),
    ],
)
def test_fixed_examples(guarded: EnvelopeServer, value: Callable[[], Any]) -> None:
    planted = value()
    assert _run(guarded, planted, _text(planted), "Pw7Planted9x") == []


@pytest.mark.parametrize("wrapper", [w for w in WRAPPERS if w != "liar"])
def test_a_password_of_any_type_is_not_echoed(guarded: EnvelopeServer, wrapper: str) -> None:
    """The password local is filtered by its name; its text in the exception message goes too."""
    needle = "Pw7Echo" + str(len(wrapper)) + "Planted9x"  # (the test's locals are not named password)
    try:
        login(WRAPPERS[wrapper](needle))
    except ValueError:
        sentry_sdk.capture_exception()
    sentry_sdk.flush(timeout=10)
    guarded.wait_for(1)
    assert len(guarded.payloads("event")) == 1
    assert leaks(guarded, [needle]) == []


def test_a_password_whose_repr_wraps_it_is_not_echoed(guarded: EnvelopeServer) -> None:
    """sentry-sdk sends the local as ``Liar('Pw7...')``: the quoted text inside is echoed."""
    needle = "Pw7Echoliar9x"  # (no local of the test is named like a password: only login's is)
    try:
        login(Liar(needle))
    except ValueError:
        sentry_sdk.capture_exception()
    sentry_sdk.flush(timeout=10)
    guarded.wait_for(1)
    assert len(guarded.payloads("event")) == 1
    assert leaks(guarded, [needle]) == []


# (the strategies, named for a reader of a failure)
_ = (aws_keys, cards, emails, github_tokens, ibans, jwts, ssns)
