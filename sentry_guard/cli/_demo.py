"""`sentry-guard demo`: an error full of planted personal data, and what reached the wire.

Starts a loopback endpoint that receives real Sentry envelopes, configures sentry_guard
against it (always: a ``SENTRY_DSN`` in the environment is not used unless ``--send``),
raises an error from code whose locals, request, breadcrumbs, log lines and message hold
secrets, and prints side by side what the application had and what arrived. No network, no
Sentry account, a few seconds. With ``--send`` the scrubbed event also goes to the project of
``SENTRY_DSN``, and the demo says whether Sentry accepted it.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

import sentry_sdk
import urllib3
from sentry_sdk.consts import EndpointType
from sentry_sdk.utils import Dsn as SdkDsn

import sentry_guard

from .. import __version__
from .. import _configure as startup
from .._endpoint import EnvelopeServer
from .._exceptions import ConfigError
from .._loading import try_load_settings
from .._safe_text import clean, safe_error_text
from .._sdk import detach_client
from ..testing import Captured, memory_transport

__all__ = ["run_demo"]

#: (where, what the application had) - every value here must not reach the wire
PLANTED = {
    "card": "4111 1111 1111 1111",
    "password": "hunter2-Secret!",
    "email": "jane.doe@example.com",
    "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "session": "sess-9f8e7d6c5b4a3",
    "iban": "DE89 3704 0044 0532 0130 00",
    "aws": "AKIAIOSFODNN7EXAMPLE",
    "ip": "203.0.113.42",
    "dbpass": "Db-Pa55word",
}
BOLD, GREEN, RED, DIM, RESET = "\033[1m", "\033[32m", "\033[31m", "\033[2m", "\033[0m"


def _checkout(card_number: str, customer_email: str, password: str) -> None:
    """The 'application': a checkout that fails with data everywhere."""
    db_url = f"postgres://shop:{PLANTED['dbpass']}@db.internal:5432/shop"  # noqa: F841 - a local Sentry shows
    order = {"id": "ORD-2026-000123", "aws_key": PLANTED["aws"], "payout_iban": PLANTED["iban"]}  # noqa: F841
    logging.getLogger("shop.billing").info("charging %s for %s", card_number, customer_email)
    raise ValueError(f"payment declined for {customer_email} (card {card_number})")


def _request(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    event["request"] = {
        "method": "POST",
        "url": f"https://shop.example.com/checkout?session={PLANTED['session']}",
        "headers": {
            "Authorization": f"Bearer {PLANTED['token']}",
            "Host": "shop.example.com",
            "X-Forwarded-For": PLANTED["ip"],
        },
        "cookies": {"sessionid": PLANTED["session"]},
        "data": {"email": PLANTED["email"], "password": PLANTED["password"], "sku": "SKU-43800"},
    }
    return event


def _rows(event: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(where, what the app had, what arrived) for the places the demo planted data."""
    exception = event.get("exception", {}).get("values", [{}])[-1]
    frames = exception.get("stacktrace", {}).get("frames", [])
    frame: dict[str, Any] = next((f for f in frames if f.get("function") == "_checkout"), {})
    frame_vars = frame.get("vars", {})
    request = event.get("request", {})
    headers = request.get("headers", {})
    crumbs = event.get("breadcrumbs", {}).get("values", [])
    crumb: dict[str, Any] = next((c for c in crumbs if c.get("category") == "shop.billing"), {})
    rows = [
        (
            "exception message",
            f"payment declined for {PLANTED['email']} (card {PLANTED['card']})",
            exception.get("value", ""),
        ),
        ("local card_number", PLANTED["card"], frame_vars.get("card_number", "")),
        ("local password", PLANTED["password"], frame_vars.get("password", "")),
        (
            "local db_url",
            f"postgres://shop:{PLANTED['dbpass']}@db.internal:5432/shop",
            frame_vars.get("db_url", ""),
        ),
        (
            "local order (a dict)",
            f"{{'id': 'ORD-2026-000123', 'aws_key': '{PLANTED['aws']}', 'payout_iban': '{PLANTED['iban']}'}}",
            frame_vars.get("order", ""),
        ),
        (
            "request url",
            f"https://shop.example.com/checkout?session={PLANTED['session']}",
            request.get("url", ""),
        ),
        ("Authorization header", f"Bearer {PLANTED['token'][:24]}...", headers.get("Authorization", "")),
        ("X-Forwarded-For header", PLANTED["ip"], headers.get("X-Forwarded-For", "")),
        ("cookie sessionid", PLANTED["session"], json.dumps(request.get("cookies", ""))),
        (
            "form password",
            PLANTED["password"],
            json.dumps(request.get("data", {}).get("password", request.get("data", ""))),
        ),
        ("log breadcrumb", f"charging {PLANTED['card']} for {PLANTED['email']}", crumb.get("message", "")),
    ]
    return [
        (where, had, arrived if isinstance(arrived, str) else json.dumps(arrived))
        for where, had, arrived in rows
    ]


def _capture(dsn: str, transport: Any = None) -> Any:
    """Configure sentry_guard for `dsn`, report the checkout's error and flush; returns what
    `configure()` returned."""

    result = sentry_guard.configure(dsn=dsn, release="shop@4.12.0", environment="demo", transport=transport)
    # a scope of its own: the breadcrumbs the demo records do not stay in the caller's
    with sentry_sdk.isolation_scope(), sentry_sdk.new_scope() as scope:
        scope.add_event_processor(_request)  # type: ignore[arg-type]
        try:
            _checkout(PLANTED["card"], PLANTED["email"], PLANTED["password"])
        except ValueError:
            sentry_sdk.capture_exception()
    sentry_sdk.flush()
    return result


def _deliver(raw: bytes, dsn: str) -> str | None:
    """POST one envelope to the project of `dsn` as sentry-sdk would; None when Sentry accepted
    it, else why not (one line, without the key)."""

    auth = SdkDsn(dsn).to_auth(f"sentry-guard/{__version__}")
    url = auth.get_api_url(EndpointType.ENVELOPE)
    headers = {"X-Sentry-Auth": auth.to_header(), "Content-Type": "application/x-sentry-envelope"}
    try:
        response = urllib3.PoolManager(retries=False).request(
            "POST", url, body=raw, headers=headers, timeout=urllib3.Timeout(connect=10, read=20)
        )
    except Exception as exc:
        return f"cannot reach {auth.host}: {safe_error_text(exc, replace=(auth.public_key,))}"
    if response.status == 200:
        return None
    detail = clean(response.data[:300].decode("utf-8", "replace"), 200).replace(auth.public_key, "***")
    return f"{auth.host} answered HTTP {response.status}" + (f": {detail}" if detail else "")


def _send(out: TextIO, err: TextIO) -> int:
    """`--send`: the same error, scrubbed by the same chain, to the configured project."""

    settings, problems = try_load_settings()
    if settings is None:
        print(ConfigError(problems), file=err)
        return 1
    if settings.dsn is None:
        print("sentry-guard demo --send: SENTRY_DSN is not set. Fix: set it to your project's DSN", file=err)
        return 1
    captured = Captured()
    _capture(settings.dsn.reveal(), memory_transport(captured))
    detach_client()
    envelopes = [e for e in captured.envelopes if e.payloads("event")]
    if not envelopes:
        print("sentry-guard demo --send: the chain dropped the event; nothing was sent", file=err)
        return 1
    failure = _deliver(envelopes[0].raw, settings.dsn.reveal())
    if failure is not None:
        print(f"NOT delivered to {settings.dsn}: {failure}", file=out)
        return 1
    event_id = envelopes[0].payloads("event")[0].get("event_id", "?")
    print(f"delivered to {settings.dsn}: Sentry accepted event {event_id}", file=out)
    return 0


def add_commands(commands: Any) -> None:
    """Register ``demo [--wire] [--send]``."""
    demo = commands.add_parser(
        "demo", help="raise an error full of planted secrets and show what reached the wire"
    )
    demo.add_argument("--wire", action="store_true", help="also print the event exactly as it arrived")
    demo.add_argument(
        "--send",
        action="store_true",
        help="also send the scrubbed event to the project of SENTRY_DSN and say whether it arrived",
    )
    demo.set_defaults(
        handler=lambda args, out, err, stdin: run_demo(out, show_wire=args.wire, send=args.send, err=err)
    )


def run_demo(
    out: TextIO | None = None,
    color: bool | None = None,
    show_wire: bool = False,
    send: bool = False,
    err: TextIO | None = None,
) -> int:
    """Run the tour; returns the exit code (0 when nothing planted reached the wire and, with
    `send`, the configured project accepted the event)."""

    out = out or sys.stdout
    err = err or sys.stderr
    color = out.isatty() if color is None else color

    def paint(text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if color else text

    # the app's log line becomes a breadcrumb; nothing is printed to the console
    app_log = logging.getLogger("shop.billing")
    app_log.setLevel(logging.INFO)
    app_log.propagate = False
    app_log.addHandler(logging.NullHandler())
    with EnvelopeServer() as server:
        try:
            chain = _capture(server.dsn()).chain
        except ConfigError as exc:
            print(exc, file=err)
            return 1
        print(
            paint("sentry_guard demo", BOLD),
            f"- scrubbers: {', '.join(chain.names if chain else ())}",
            file=out,
        )
        print(f"events go to a local endpoint on 127.0.0.1:{server.port}\n", file=out)
        server.wait_for(1)
        detach_client()
        startup.reset()
        wire = "\n".join(e.raw.decode("utf-8", "replace") for e in server.envelopes)
        events = server.payloads("event")
    if not events:
        print(paint("no event arrived", RED), file=out)
        return 1
    rows = _rows(events[0])
    width = max(len(where) for where, _, _ in rows)
    print(f"{'where':<{width}}  {'the application had':<44}  what reached the wire", file=out)
    replaced = 0
    for where, had, arrived in rows:
        replaced += sum(
            arrived.count(marker)
            for marker in ("[Filtered]", "[email]", "[creditcard]", "[iban]", "[token]", "[jwt]", "[ip]")
        )
        shown = had if len(had) <= 44 else had[:41] + "..."
        print(f"{where:<{width}}  {paint(f'{shown:<44}', RED)}  {paint(arrived, GREEN)}", file=out)
    leaked = [name for name, value in PLANTED.items() if value in wire]
    print(
        f"\n{replaced} values replaced; kept: exception type {events[0]['exception']['values'][-1]['type']}, "
        f"function names, line numbers, release {events[0].get('release')}",
        file=out,
    )
    if show_wire:
        print("\n--- the event as it arrived ---", file=out)
        print(json.dumps(events[0], indent=2), file=out)
        print("--- end ---", file=out)
    if leaked:
        print(paint(f"LEAKED: {', '.join(leaked)}", RED), file=out)
        return 1
    print(paint(f"none of the {len(PLANTED)} planted secrets reached the wire", BOLD), file=out)
    if send:
        return _send(out, err)
    if _configured_dsn():
        print("(SENTRY_DSN is set but was not used: `sentry-guard demo --send` also sends to it)", file=out)
    return 0


def _configured_dsn() -> bool:
    """Whether the environment configures a DSN (said, never used, without --send)."""

    settings, _ = try_load_settings()
    return settings is not None and settings.dsn is not None
