"""Realistic error events that no process has seen before: distinct keys and values each time.

A benchmark that scrubs one event again and again measures caches (key decisions, strings
already found clean). These events are built from a seeded generator, like those a Django or
Flask shop sends: an exception with frames (source lines, repr'd locals), a request with
headers, cookies and a body, breadcrumbs, contexts, tags and extra. The structural keys Sentry
itself writes (``function``, ``lineno``, ``headers``) repeat as in real events; every key a
user chose (locals, extra, body fields, tags) and every value is new.

Sizes: ``small`` (~1.5 KB of JSON), ``typical`` (~4 KB), ``large`` (~16 KB), ``huge`` (~64 KB).
Densities: ``typical`` (a few values filtered by key: a cookie, an Authorization header, a
CSRF token; at most one secret in text), ``dense`` (a dozen or more values filtered by key,
several secrets in text, a password echoed in the message) and ``clean`` (nothing to remove).

    events = generate(200, size="typical", density="dense", seed=1)
    secrets = planted(event)   # the sensitive values planted in one event
"""

from __future__ import annotations

import json
import random
import string
from typing import Any

__all__ = ["DENSITIES", "SIZES", "generate", "planted"]

SIZES = {"small": 0, "typical": 1, "large": 5, "huge": 22}
DENSITIES = ("clean", "typical", "dense")

_WORDS = [
    "order",
    "item",
    "cart",
    "invoice",
    "customer",
    "account",
    "shipment",
    "payment",
    "refund",
    "price",
    "total",
    "amount",
    "tax",
    "discount",
    "coupon",
    "warehouse",
    "stock",
    "sku",
    "product",
    "catalog",
    "category",
    "report",
    "batch",
    "queue",
    "task",
    "job",
    "retry",
    "status",
    "state",
    "result",
    "response",
    "request",
    "session",
    "user",
    "profile",
    "address",
    "region",
    "tenant",
    "feature",
    "flag",
    "cache",
    "index",
    "record",
    "entry",
    "page",
    "limit",
    "offset",
    "cursor",
    "count",
    "size",
    "timeout",
    "delay",
    "window",
    "bucket",
    "partition",
    "shard",
    "replica",
    "node",
    "cluster",
    "service",
    "client",
    "server",
    "handler",
    "worker",
    "schedule",
    "event",
    "message",
    "payload",
    "header",
    "body",
    "field",
    "value",
    "option",
    "setting",
    "config",
    "rule",
    "policy",
]
_VERBS = [
    "get",
    "load",
    "fetch",
    "save",
    "update",
    "compute",
    "validate",
    "parse",
    "render",
    "send",
    "sync",
    "build",
    "apply",
    "check",
]
_PROSE = [
    "could",
    "not",
    "reach",
    "the",
    "upstream",
    "service",
    "while",
    "processing",
    "the",
    "request;",
    "the",
    "worker",
    "will",
    "retry",
    "after",
    "the",
    "configured",
    "delay",
    "unless",
    "the",
    "batch",
    "was",
    "cancelled",
    "by",
    "an",
    "operator",
    "in",
    "the",
    "meantime",
]
_TLDS = ("com", "org", "io", "de", "net")


def _ident(rng: random.Random, style: int | None = None) -> str:
    """A user-chosen name: ``order_total_7f``, ``shipmentWindow``, ``retry-count-3``."""
    words = rng.sample(_WORDS, rng.randint(1, 3))
    style = rng.randrange(4) if style is None else style
    if style == 0:
        name = "_".join(words)
    elif style == 1:
        name = words[0] + "".join(w.title() for w in words[1:])
    elif style == 2:
        name = "-".join(words)
    else:
        name = "_".join(words) + "_" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=3))
    return name


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _sentence(rng: random.Random, words: int = 8) -> str:
    start = rng.randrange(len(_PROSE) - words)
    return " ".join(_PROSE[start : start + words])


def _value(rng: random.Random) -> str:
    """A benign value of the kinds events hold: ids, versions, paths, SQL, URLs, prose, reprs."""
    kind = rng.randrange(14)
    if kind == 0:
        return _uuid(rng)
    if kind == 1:
        return f"{rng.getrandbits(160):040x}"
    if kind == 2:
        return f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 200)}"
    if kind == 3:
        return f"/srv/app/{_ident(rng, 0)}/{_ident(rng, 0)}.py"
    if kind == 4:
        a, b = _ident(rng, 0), _ident(rng, 0)
        return f"SELECT {a}, {b} FROM {_ident(rng, 0)} WHERE {a} = %s AND {b} > %s"
    if kind == 5:
        return f"https://api.example.{rng.choice(_TLDS)}/v2/{_ident(rng, 2)}/{rng.randint(1, 99999)}?page={rng.randint(0, 9)}"
    if kind == 6:
        return _sentence(rng, rng.randint(4, 12))
    if kind == 7:
        return f"'{_ident(rng)}-{rng.randint(100, 999)}'"
    if kind == 8:
        return f"<{_ident(rng, 1).title()} id={rng.randint(1, 10**6)}>"
    if kind == 9:
        return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    if kind == 10:
        return str(rng.randint(0, 10**6))
    if kind == 11:
        return f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
    if kind == 12:
        return f"{{'{_ident(rng, 0)}': {rng.randint(1, 99)}, '{_ident(rng, 0)}': '{_ident(rng)}'}}"
    return f"ORD-2026-{rng.randint(0, 999999):06d}"


def _luhn(body: str) -> str:
    for digit in "0123456789":
        total = 0
        for i, char in enumerate(reversed(body + digit)):
            n = int(char)
            total += (n * 2 - 9 if n > 4 else n * 2) if i % 2 else n
        if total % 10 == 0:
            return body + digit
    raise AssertionError


class _Secrets:
    """Fresh sensitive values, remembered so a test can check none of them survives."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.planted: list[str] = []

    def _keep(self, value: str) -> str:
        self.planted.append(value)
        return value

    def password(self) -> str:
        chars = string.ascii_letters + string.digits + "!#%&*"
        return self._keep("".join(self.rng.choices(chars, k=self.rng.randint(10, 18))))

    def token(self) -> str:
        return self._keep("".join(self.rng.choices(string.ascii_letters + string.digits, k=32)))

    def email(self) -> str:
        user = "".join(self.rng.choices(string.ascii_lowercase, k=self.rng.randint(4, 9)))
        return self._keep(
            f"{user}.{self.rng.choice(_WORDS)}@{self.rng.choice(_WORDS)}mail.{self.rng.choice(_TLDS)}"
        )

    def card(self) -> str:
        number = _luhn("4" + "".join(self.rng.choices(string.digits, k=14)))
        return self._keep(" ".join(number[i : i + 4] for i in range(0, 16, 4)))

    def ip(self) -> str:
        return self._keep(
            f"{self.rng.randint(11, 223)}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
        )

    def github(self) -> str:
        return self._keep("ghp_" + "".join(self.rng.choices(string.ascii_letters + string.digits, k=36)))

    def aws(self) -> str:
        return self._keep("AKIA" + "".join(self.rng.choices(string.ascii_uppercase + string.digits, k=16)))


def _frame(rng: random.Random, secrets: _Secrets | None, dense: bool) -> dict[str, Any]:
    module = ".".join(["shop", rng.choice(_WORDS), _ident(rng, 0)])
    function = f"{rng.choice(_VERBS)}_{_ident(rng, 0)}"
    names = [_ident(rng, 0) for _ in range(rng.randint(4, 6))]
    local_vars: dict[str, Any] = {name: _value(rng) for name in names}
    local_vars["self"] = f"<{_ident(rng, 1).title()} object at 0x7f{rng.getrandbits(40):010x}>"
    line = f"    {names[0]} = {rng.choice(_VERBS)}_{names[1]}({names[2]}, timeout={rng.randint(1, 60)})"
    if secrets is not None and dense:
        local_vars["password"] = f"'{secrets.password()}'"
        local_vars[f"{rng.choice(_WORDS)}_api_key"] = f"'{secrets.token()}'"
    path = module.replace(".", "/") + ".py"
    return {
        "function": function,
        "module": module,
        "filename": path,
        "abs_path": "/srv/app/" + path,
        "lineno": rng.randint(1, 900),
        "in_app": True,
        "context_line": line,
        "pre_context": [f"    # {_sentence(rng, 6)}", f"    {names[1]} = {names[3]}.{rng.choice(_VERBS)}()"],
        "post_context": [f"    return {names[0]}"],
        "vars": local_vars,
    }


def _event(rng: random.Random, size: str, density: str) -> tuple[dict[str, Any], list[str]]:
    scale = SIZES[size]
    secrets = None if density == "clean" else _Secrets(rng)
    dense = density == "dense"
    frames = [_frame(rng, secrets, dense and i == 0) for i in range(1 + scale * 2)]
    message = f"{_ident(rng, 1).title()}Error: {_sentence(rng, 7)} ({_value(rng)})"
    if secrets is not None and dense:
        password = frames[0]["vars"]["password"][1:-1]
        message = f"login failed for {secrets.email()} with {password}"  # the echo of a local
    headers = {
        "Host": "shop.example.com",
        "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Accept": "application/json",
        "Content-Type": "application/json",
        "X-Request-Id": _uuid(rng),
        "Accept-Language": "en-GB,en;q=0.9",
        "Referer": f"https://shop.example.com/{_ident(rng, 2)}",
    }
    cookies: dict[str, str] = {}
    body: dict[str, Any] = {_ident(rng): _value(rng) for _ in range(1 + scale)}
    extra: dict[str, Any] = {_ident(rng): _value(rng) for _ in range(1 + scale * 2)}
    tags = {_ident(rng, 0): rng.choice(_WORDS) for _ in range(3)}
    crumbs = []
    for i in range(2 + scale * 3):
        if i % 3 == 0:
            crumbs.append(
                {
                    "type": "http",
                    "category": "httplib",
                    "data": {"url": _value(rng), "method": "GET", "status_code": 200},
                }
            )
        elif i % 3 == 1:
            crumbs.append({"category": "query", "message": _value(rng), "data": {"db.system": "postgresql"}})
        else:
            crumbs.append(
                {"category": "app", "level": "info", "message": f"{_sentence(rng, 6)} {_value(rng)}"}
            )
    user: dict[str, Any] = {"id": str(rng.randint(1, 10**6))}
    if secrets is not None:
        headers["Cookie"] = f"sessionid={secrets.token()}; csrftoken={secrets.token()}"
        headers["Authorization"] = f"Bearer {secrets.token()}"
        cookies = {"sessionid": secrets.token()}
        if rng.random() < 0.5:
            crumbs[-1]["message"] = f"notified {secrets.email()} about {_ident(rng)}"
    if secrets is not None and dense:
        user.update(email=secrets.email(), ip_address=secrets.ip())
        headers["X-Forwarded-For"] = secrets.ip()
        body.update(password=secrets.password(), card_number=secrets.card(), email=secrets.email())
        extra.update(
            {
                f"{_ident(rng, 0)}_token": secrets.token(),
                "client_secret": secrets.token(),
                "payment": {"iban": "DE89370400440532013000", "holder": _ident(rng)},
                "deploy_key": secrets.github(),
            }
        )
        crumbs.append({"category": "app", "message": f"charging {secrets.card()} for {secrets.email()}"})
        crumbs.append({"category": "boto", "message": f"assumed role with {secrets.aws()}"})
        tags["client_ip"] = secrets.ip()
    event = {
        "event_id": f"{rng.getrandbits(128):032x}",
        "level": "error",
        "platform": "python",
        "timestamp": "2026-11-27T01:59:59Z",
        "release": f"shop@{rng.randint(1, 9)}.{rng.randint(0, 30)}.0",
        "environment": "production",
        "server_name": f"web-{rng.randint(1, 40)}",
        "logger": f"shop.{rng.choice(_WORDS)}",
        "transaction": f"/api/{_ident(rng, 2)}",
        "exception": {
            "values": [
                {
                    "type": f"{_ident(rng, 1).title()}Error",
                    "value": message,
                    "module": "shop.errors",
                    "stacktrace": {"frames": frames},
                }
            ]
        },
        "request": {
            "url": f"https://shop.example.com/api/{_ident(rng, 2)}",
            "method": "POST",
            "query_string": f"{_ident(rng, 0)}={rng.randint(1, 99)}&ref={rng.choice(_WORDS)}",
            "headers": headers,
            "cookies": cookies,
            "data": body,
            "env": {"SERVER_NAME": "shop.example.com", "SERVER_PORT": "443"},
        },
        "contexts": {
            "trace": {
                "trace_id": f"{rng.getrandbits(128):032x}",
                "span_id": f"{rng.getrandbits(64):016x}",
                "op": "http.server",
            },
            "runtime": {"name": "CPython", "version": "3.12.3"},
            "os": {"name": "Linux"},
            _ident(rng, 0): {_ident(rng, 0): _value(rng) for _ in range(2)},
        },
        "tags": tags,
        "extra": extra,
        "user": user,
        "breadcrumbs": {"values": crumbs},
        "sdk": {"name": "sentry.python", "version": "2.75.0"},
    }
    return event, [] if secrets is None else secrets.planted


_PLANTED: dict[str, list[str]] = {}


def generate(
    count: int, size: str = "typical", density: str = "typical", seed: int = 0
) -> list[dict[str, Any]]:
    """`count` distinct events (deterministic for a seed); see `planted` for their secrets."""
    rng = random.Random(f"{seed}-{size}-{density}")
    events = []
    for _ in range(count):
        event, secrets = _event(rng, size, density)
        _PLANTED[event["event_id"]] = secrets
        events.append(event)
    return events


def planted(event: dict[str, Any]) -> list[str]:
    """The sensitive values planted in an event made by `generate`."""
    return _PLANTED[event["event_id"]]


if __name__ == "__main__":
    for size in SIZES:
        for density in DENSITIES:
            sample = generate(20, size, density)
            mean = sum(len(json.dumps(e)) for e in sample) / len(sample)
            print(f"{size:>8} {density:>8}: {mean:8.0f} bytes of JSON, {len(planted(sample[0]))} planted")
