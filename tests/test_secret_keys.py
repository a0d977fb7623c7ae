"""Dict keys are scrubbed for content like any string: a dict keyed by e-mail addresses, card
numbers or tokens (sentry-sdk sends frame locals and contexts with their keys as text) never
reaches the wire as it was; two keys that scrub to one text both stay (``[email]``,
``[email] (2)``); compiled and pure walkers agree; a second scrub changes nothing; and the
cost stays linear in the number and length of the keys."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sentry_sdk
from hypothesis import given, settings
from hypothesis import strategies as st

import sentry_guard
from sentry_guard._endpoint import EnvelopeServer
from sentry_guard._scrubbers import compiled
from sentry_guard._scrubbers.default import DefaultScrubber
from sentry_guard._scrubbers.walk import DEEP, FILTERED, rename_keys
from tests.conftest import compiled_is_off
from tests.strategies import Text, cards, emails, github_tokens, secrets
from tests.test_differential import canon
from tests.test_linear import BOUND, ratio
from tests.test_wire_types import Liar, leaks


def nest(depth: int, inner: Any) -> Any:
    """`inner` under `depth` dicts and lists (``{"level": [{"level": ...}]}``)."""
    for level in range(depth):
        inner = {"level": inner} if level % 2 else [inner]
    return inner


def keyed(secrets_: list[Any], depth: int) -> dict[str, Any]:
    """A dict keyed by the secrets (each with a value of its own), `depth` levels down."""
    return {"by_key": nest(depth, {key: f"value {i}" for i, key in enumerate(secrets_)})}


def texts_of(tree: Any) -> str:
    return json.dumps(tree, default=repr, ensure_ascii=False)


def values_of(tree: Any) -> list[Any]:
    """Every leaf value of `tree`, in order."""
    if isinstance(tree, dict):
        return [v for value in tree.values() for v in values_of(value)]
    if isinstance(tree, (list, tuple)):
        return [v for value in tree for v in values_of(value)]
    return [tree]


WRAPPERS = {"str": str, "Text": Text, "Liar": Liar}


# -- the wire ---------------------------------------------------------------------------------


@pytest.fixture
def guarded(endpoint: EnvelopeServer, implementation: str) -> EnvelopeServer:
    sentry_guard.configure(dsn=endpoint.dsn(), release="shop@1.0.0", traces_sample_rate=1.0)
    return endpoint


def fail_with_locals(by_key: dict[Any, Any]) -> None:
    users_by_email = by_key  # a frame local keyed by secrets (sent with its keys as text)
    raise LookupError(f"{len(users_by_email)} users")


def capture_keyed(by_key: dict[Any, Any]) -> None:
    with sentry_sdk.new_scope() as scope:
        scope.set_extra("by_mail", by_key)
        scope.set_context("orders", by_key)
        for key in by_key:
            scope.set_tag(str.__str__(key) if isinstance(key, str) else key, "yes")
        sentry_sdk.add_breadcrumb(category="data", data=by_key)
        try:
            fail_with_locals(by_key)
        except LookupError:
            sentry_sdk.capture_exception()
        with sentry_sdk.start_transaction(name="checkout", op="task"), sentry_sdk.start_span(op="db") as span:
            span.set_data("rows", by_key)


@settings(max_examples=25, deadline=None)
@given(
    planted=st.lists(secrets, min_size=1, max_size=3, unique=True),
    collide=st.booleans(),
    depth=st.integers(0, 3),
    wrapper=st.sampled_from(list(WRAPPERS)),
)
def test_no_secret_planted_as_a_key_reaches_the_wire(
    guarded: EnvelopeServer, planted: list[str], collide: bool, depth: int, wrapper: str
) -> None:
    if collide:  # two keys of one dict that scrub to the same text
        planted = [*planted, "zz." + planted[0]] if "@" in planted[0] else [*planted, *planted[:1]]
        planted = list(dict.fromkeys(planted))
    wrap = WRAPPERS[wrapper]
    by_key = keyed([wrap(s) for s in planted], depth)
    start = len(guarded.envelopes)
    capture_keyed(by_key)
    sentry_sdk.flush(timeout=10)
    guarded.wait_for(start + 2, timeout=10)
    assert len(guarded.envelopes) >= start + 2, "not every envelope arrived"
    assert leaks(guarded, planted, start) == []


def test_the_wire_check_sees_a_key(endpoint: EnvelopeServer) -> None:
    """Without the scrubber (a plain sentry-sdk client) a secret key does reach the wire."""
    sentry_sdk.init(dsn=endpoint.dsn(), traces_sample_rate=1.0)
    capture_keyed(keyed(["jane.doe@example.org"], 1))
    sentry_sdk.flush(timeout=10)
    endpoint.wait_for(2, timeout=10)
    assert leaks(endpoint, ["jane.doe@example.org"]) != []


# -- the scrubber -------------------------------------------------------------------------------


def test_the_reported_leak(implementation: str) -> None:
    event = {
        "extra": {"by_mail": {"jane.doe@example.org": 3}},
        "contexts": {"orders": {"4111 1111 1111 1111": 3}},
    }
    out = DefaultScrubber(summary=False)(event, {})
    assert out == {"extra": {"by_mail": {"[email]": 3}}, "contexts": {"orders": {"[creditcard]": 3}}}
    assert event == {
        "extra": {"by_mail": {"jane.doe@example.org": 3}},
        "contexts": {"orders": {"4111 1111 1111 1111": 3}},
    }


def test_collisions_keep_every_value_in_order(implementation: str) -> None:
    by_mail = {
        "a@example.org": 1,
        "plain": 2,
        Text("b@example.org"): 3,
        "[email] (2)": 4,  # an existing key: never taken by a renamed one
        "c@example.org": 5,
        "[email]": 6,  # taken too, though it comes later
    }
    out = DefaultScrubber(summary=False)({"extra": {"by_mail": by_mail}}, {})["extra"]["by_mail"]
    assert list(out.items()) == [
        ("[email] (3)", 1),
        ("plain", 2),
        ("[email] (4)", 3),
        ("[email] (2)", 4),
        ("[email] (5)", 5),
        ("[email]", 6),
    ]


def test_rename_keys_never_calls_a_key_s_methods() -> None:
    liar = Liar("x@example.org")
    node = {liar: 1, "[email]": 2, "y@example.org": 3}
    out = rename_keys(node, [(liar, "[email]"), ("y@example.org", "[email]")])
    assert list(out.values()) == [1, 2, 3]
    assert list(out) == ["[email] (2)", "[email]", "[email] (3)"]
    assert list(node.values()) == [1, 2, 3] and next(iter(node)) is liar  # not changed


def test_untouched_dicts_are_the_same_objects(implementation: str) -> None:
    clean = {"name": {"first": "x"}, "rows": [1, 2]}
    event: dict[str, Any] = {"extra": {"clean": clean, "by_mail": {"jane.doe@example.org": {"k": "v"}}}}
    out = DefaultScrubber(summary=False)(event, {})
    assert out["extra"]["clean"] is clean
    assert out["extra"]["by_mail"] == {"[email]": {"k": "v"}}
    assert out["extra"]["by_mail"]["[email]"] is event["extra"]["by_mail"]["jane.doe@example.org"]
    assert list(event["extra"]["by_mail"]) == ["jane.doe@example.org"]  # the input is kept


def test_a_key_names_a_field(implementation: str) -> None:
    """No pair rule in a key the key rule does not flag, no device owner in an identifier."""
    event = {"extra": {"session:duration": 3, "screen_width_pixels": 768, "Jane's Pixel": 1}}
    out = DefaultScrubber(summary=False)(event, {})
    assert out == {"extra": {"session:duration": 3, "screen_width_pixels": 768, "[name] Pixel": 1}}


def test_the_value_is_judged_by_the_original_key(implementation: str) -> None:
    scrub = DefaultScrubber(summary=False)
    out = scrub({"extra": {"password for jane@example.org": "hunter2-x", "jane@example.org": "kept"}}, {})
    assert out == {"extra": {"password for [email]": "[Filtered]", "[email]": "kept"}}
    assert scrub(out, {}) == out


@settings(max_examples=100, deadline=None)
@given(
    planted=st.lists(st.one_of(secrets, emails, cards(), github_tokens), min_size=1, max_size=4, unique=True),
    depth=st.sampled_from([0, 1, 3, DEEP + 5]),
    wrapper=st.sampled_from(list(WRAPPERS)),
)
def test_a_secret_key_at_any_depth_is_scrubbed_and_nothing_is_lost(
    planted: list[str], depth: int, wrapper: str
) -> None:
    for scrubber in both():
        event = {"extra": keyed([WRAPPERS[wrapper](s) for s in planted], depth)}
        out = scrubber(event, {})
        text = texts_of(out)
        assert not [s for s in planted if s in text]
        # every value kept, in order (the keys scrub to few texts: suffixes keep them apart),
        # unless the key rule flags the key as it was
        kept = [FILTERED if scrubber.matcher(str.__str__(s)) else f"value {i}" for i, s in enumerate(planted)]
        assert values_of(out["extra"]) == kept
        assert scrubber(out, {}) is out  # a second scrub changes nothing


_PAIR: list[DefaultScrubber] = []


def both() -> list[DefaultScrubber]:
    """The compiled and the pure-Python scrubber (built once)."""
    if not _PAIR:
        if compiled.SPEEDUPS is None:
            compiled_is_off()
        fast = DefaultScrubber(summary=False)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(compiled, "SPEEDUPS", None)
            pure = DefaultScrubber(summary=False)
        assert fast.walker._compiled is not None and pure.walker._compiled is None
        _PAIR.extend([fast, pure])
    return _PAIR


secret_keys = st.one_of(secrets, secrets.map(Text), st.sampled_from(["name", "password", "note", "[email]"]))
keyed_trees = st.recursive(
    st.one_of(secrets, st.integers(), st.sampled_from(["x", None, 4111111111111111])),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(secret_keys, children, max_size=4),
    ),
    max_leaves=16,
)


@settings(max_examples=200, deadline=None)
@given(tree=keyed_trees, deep=st.booleans())
def test_compiled_and_pure_agree_on_secret_keys(tree: Any, deep: bool) -> None:
    fast, pure = both()
    event = {"extra": nest(DEEP + 3, tree) if deep else tree}
    a, b = fast(event, {}), pure(event, {})
    assert canon(a) == canon(b)
    assert texts_of(a) == texts_of(b)  # the same keys in the same order


@settings(max_examples=200, deadline=None)
@given(tree=keyed_trees)
def test_scrubbing_secret_keys_twice_is_scrubbing_once(tree: Any) -> None:
    for scrubber in both():
        out = scrubber({"extra": tree}, {})
        assert scrubber(out, {}) is out


@pytest.mark.parametrize("deep", [False, True])
def test_a_value_is_read_under_its_key_as_the_key_will_read(implementation: str, deep: bool) -> None:
    """An address is no address under a version-like key (``jane.version@example.com``), but
    that key is scrubbed to ``[email]``: the value is read under ``[email]``, in a dict and in
    a ``[key, value]`` pair, so a second scrub finds nothing more to remove."""
    key = "jane.version@example.com"
    tree = {"by_key": {key: "10.20.30.40"}, "pairs": [[key, "10.20.30.40"]]}
    scrubber = DefaultScrubber()
    out = scrubber({"extra": nest(DEEP + 3, tree) if deep else tree}, {})
    inner = out["extra"]
    while "by_key" not in inner:
        inner = inner[0] if type(inner) is list else inner["level"]
    assert inner == {"by_key": {"[email]": "[ip]"}, "pairs": [["[email]", "[ip]"]]}
    assert [f.kind for f in scrubber.explain({"extra": tree})[1]] == ["email", "ip", "email", "ip"]
    again = scrubber(out, {})
    assert again == out


def _many_keys(size: int) -> dict[str, Any]:
    """Long keys (benign ones, and e-mail addresses that all scrub to ``[email]``)."""
    count = size // 40
    return {
        "extra": {
            "benign": {f"some rather long benign key number {i:06d}": i for i in range(count)},
            "by_mail": {f"user.number.{i:06d}@example.org": i for i in range(count)},
        }
    }


def test_many_long_keys_are_linear(implementation: str) -> None:
    measured = ratio(DefaultScrubber(), _many_keys)
    assert measured < BOUND, f"t(8n)/t(n) = {measured:.1f}"


def test_many_colliding_keys_are_linear() -> None:
    renames = [(f"k{i}", "[email]") for i in range(20000)]
    node = dict.fromkeys([k for k, _ in renames], 0)
    out = rename_keys(node, renames)
    assert len(out) == 20000 and list(out)[-1] == "[email] (20000)"
