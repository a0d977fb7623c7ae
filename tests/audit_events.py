"""Stored events in the web API's format (``full=true``), with leaks planted in every part and
benign look-alikes, and what an audit must report for each: (event id, path, kind)."""

from __future__ import annotations

from typing import Any

GITHUB = "ghp_" + "R4nd0mT0k3nV4lu3" + "x" * 4 + "Q9w8E7r6T5y4U3i2"
SLACK = "xoxb-" + "1234567890-0987654321-" + "AbCdEfGhIjKlMnOpQrStUvWx"
CARD = "4111 1111 1111 1111"
PASSWORD = "Tr0ub4dor&3-horse"
API_KEY = "k8Zq2Lw9Xv4Nt6Rb1Ym3Pc5"
SESSION = "s3ss10n-9f8e7d6c5b4a"
EMAIL = "jane.doe@example.org"
IBAN = "DE89 3704 0044 0532 0130 00"
BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"

#: every planted value: none may appear, whole, anywhere in an audit's output
PLANTED = [GITHUB, SLACK, CARD, PASSWORD, API_KEY, SESSION, EMAIL, IBAN, BEARER, "203.0.113.77", "jane_d"]


def _exception_entry(value: str, frame_vars: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "exception",
        "data": {
            "values": [
                {
                    "type": "ValueError",
                    "value": value,
                    "module": "shop.checkout",
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "charge",
                                "module": "shop.checkout",
                                "filename": "shop/checkout.py",
                                "lineNo": 42,
                                "inApp": True,
                                "vars": frame_vars,
                            }
                        ]
                    },
                }
            ]
        },
    }


def leaky_event() -> dict[str, Any]:
    """An error event as `GET /projects/{org}/{project}/events/?full=true` returns it."""
    return {
        "id": "a" * 32,
        "eventID": "a" * 32,
        "groupID": "1",
        "title": "ValueError: card declined",
        "message": "card declined",
        "dateCreated": "2026-11-27T01:00:00Z",
        "platform": "python",
        "entries": [
            _exception_entry(
                f"card {CARD} declined for {EMAIL}",
                {"password": f"'{PASSWORD}'", "amount": "12.50", "order_id": "'ord_8812'"},
            ),
            {
                "type": "request",
                "data": {
                    "url": "https://shop.example.com/checkout",
                    "method": "POST",
                    "query": [["page", "2"], ["access_token", SESSION]],
                    "headers": [["Authorization", BEARER], ["Accept", "application/json"]],
                    "cookies": [["sessionid", SESSION]],
                    "data": {"iban": IBAN, "note": f"deploy with {GITHUB}"},
                    "env": {"SERVER_NAME": "web-1"},
                    "inferredContentType": "application/json",
                },
            },
            {
                "type": "breadcrumbs",
                "data": {
                    "values": [
                        {
                            "category": "http",
                            "message": f"POST https://hooks.slack.com with {SLACK}",
                            "level": "info",
                        },
                        {"category": "query", "message": "SELECT 1", "data": {"db.password": PASSWORD}},
                    ]
                },
            },
            {"type": "message", "data": {"formatted": f"payment by {EMAIL} failed", "params": []}},
        ],
        "tags": [
            {"key": "level", "value": "error"},
            {"key": "api_key", "value": API_KEY},
            {"key": "customer", "value": EMAIL, "query": f'customer:"{EMAIL}"'},
        ],
        "context": {"checkout": {"card": CARD}, "secret": API_KEY},
        "contexts": {
            "runtime": {"name": "CPython", "version": "3.12.1", "type": "runtime"},
            "payment": {"gateway_token": GITHUB},
        },
        "user": {"id": "42", "email": EMAIL, "ip_address": "203.0.113.77", "username": "jane_d"},
        "sdk": {"name": "sentry.python", "version": "2.18.0"},
        "packages": {"django": "5.1.3", "sentry-sdk": "2.18.0"},
    }


#: (path, kind) the audit must report for `leaky_event`
EXPECTED = {
    ("$.entries[0].data.values[0].value", "creditcard"),
    ("$.entries[0].data.values[0].value", "email"),
    ("$.entries[0].data.values[0].stacktrace.frames[0].vars.password", "key:password"),
    ("$.entries[1].data.query[1][1]", "key:token"),
    ("$.entries[1].data.headers[0][1]", "key:authorization"),
    ("$.entries[1].data.cookies", "key:cookies"),
    ("$.entries[1].data.data.iban", "key:iban"),
    ("$.entries[1].data.data.note", "token:github-pat"),
    ("$.entries[2].data.values[0].message", "token:slack-bot-token"),
    ('$.entries[2].data.values[1].data["db.password"]', "key:password"),
    ("$.entries[3].data.formatted", "email"),
    ("$.tags[1].value", "key:api_key"),
    ("$.tags[2].value", "email"),
    ("$.tags[2].query", "email"),
    ("$.context.checkout.card", "creditcard"),
    ("$.context.secret", "key:secret"),
    ("$.contexts.payment.gateway_token", "key:token"),
    ("$.user.email", "user"),
    ("$.user.ip_address", "user"),
    ("$.user.username", "user"),
    ("$.user.id", "user"),
}


def benign_event() -> dict[str, Any]:
    """Look-alikes from real events that are not personal data or secrets: versions, ids, hashes."""
    return {
        "id": "b" * 32,
        "eventID": "b" * 32,
        "groupID": "2",
        "title": "TimeoutError: upstream took 30.5s",
        "message": "",
        "dateCreated": "2026-11-27T01:00:00Z",
        "platform": "python",
        "entries": [
            _exception_entry(
                "upstream 10.0.0.0/8 route for order f47ac10b-58cc-4372-a567-0e02b2c3d479 timed out after 30.5s",
                {
                    "retries": "3",
                    "version": "'1.2.3.4'",
                    "commit": "'9fceb02d0ae598e95dc970b74767f19372d61af8'",
                },
            ),
            {
                "type": "request",
                "data": {
                    "url": "https://shop.example.com/api/v2/orders?page=2",
                    "method": "GET",
                    "headers": [
                        ["User-Agent", "Mozilla/5.0 Chrome/130.0.0.0 Safari/537.36"],
                        ["Accept", "*/*"],
                    ],
                },
            },
            {
                "type": "breadcrumbs",
                "data": {"values": [{"category": "query", "message": "SELECT id FROM orders WHERE id = %s"}]},
            },
        ],
        "tags": [{"key": "release", "value": "shop@2.4.1+9fceb02"}, {"key": "token_type", "value": "bearer"}],
        "context": {"price": "19.99", "sku": "SKU-1234-5678"},
        "contexts": {"os": {"name": "Linux", "version": "6.8.0-45-generic"}},
        "sdk": {"name": "sentry.python", "version": "2.18.0"},
    }
