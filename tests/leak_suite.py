"""A leak suite: realistic events with secrets planted in every part of the payload, and
benign look-alikes beside them. Shared by the end-to-end test and the Relay comparison."""

from __future__ import annotations

import json
from typing import Any

from sentry_guard._scrubbers.catalogue import by_name

PEM_BODY = "MIIEpAIBAAKCAQEA7bq98Yx2QkVbGm3uTzYQ"
S = {
    "card": "4111 1111 1111 1111",
    "card2": "5555555555554444",
    "amex": "378282246310005",
    "iban": "DE89 3704 0044 0532 0130 00",
    "iban2": "GB82WEST12345698765432",
    "email": "jane.doe@example.com",
    "email2": "bob+orders@shop-mail.example.org",
    "ssn": "078-05-1120",
    "ip": "203.0.113.42",
    "ip6": "2001:db8::8a2e:370:7334",
    "jwt": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "bearer": "abc123def456ghi789",
    "password": "hunter2-Secret!",
    "password2": "Tr0ub4dor&3",
    "aws": "AKIAIOSFODNN7EXAMPLE",
    "github": "ghp_a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2",
    "stripe": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "google": "AIzaSyA-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    "dbpass": "Db-Pa55word",
    "slack": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
    "session": "sess-9f8e7d6c5b4a3",
    "api_key": "key-7c1f0e9d8b6a",
    "pem": PEM_BODY,
}
BENIGN = {
    "uuid": "df4aa5ba-7846-20b8-c938-b5470e40f79b",
    "sha": "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b",
    "version": "4.12.0",
    "timestamp": "2026-11-27T01:48:00Z",
    "sql": "SELECT id, name FROM users WHERE id = %s",
    "order": "ORD-2026-000123",
    "path": "/srv/app/shop/billing.py",
    "millis": "1732672800000",
    "route": "/api/checkout",
}
PEM = f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----"

#: service tokens from the catalogue (`sentry_guard/_scrubbers/tokens.py`): the entry, and
#: which of its examples is planted (the examples are generated, format-valid, not real)
TOKEN_SAMPLE: tuple[tuple[str, int], ...] = (
    ("github-oauth-token", 0),
    ("github-fine-grained-pat", 0),
    ("gitlab-pat", 0),
    ("gitlab-runner-token", 1),
    ("huggingface-token", 0),
    ("hashicorp-vault-service-token", 0),
    ("stripe-secret-key", 0),
    ("stripe-restricted-key", 1),
    ("openai-api-key", 0),
    ("anthropic-api-key", 0),
    ("slack-bot-token", 0),
    ("slack-app-token", 0),
    ("sendgrid-api-key", 0),
    ("npm-access-token", 0),
    ("pypi-api-token", 0),
    ("sentry-org-token", 0),
    ("sentry-user-token", 0),
    ("digitalocean-pat", 0),
    ("doppler-service-token", 0),
    ("dockerhub-pat", 0),
    ("shopify-access-token", 0),
    ("linear-api-key", 0),
    ("postman-api-key", 0),
    ("grafana-service-account-token", 0),
    ("new-relic-user-api-key", 0),
    ("databricks-token", 0),
    ("pulumi-access-token", 0),
    ("planetscale-password", 0),
    ("tailscale-key", 0),
    ("age-secret-key", 0),
    ("atlassian-api-token", 0),
    ("notion-token", 0),
    ("square-access-token", 0),
    ("groq-api-key", 0),
    ("replicate-api-token", 0),
    ("google-oauth-client-secret", 0),
    ("azure-ad-client-secret", 0),
    ("terraform-cloud-token", 0),
    ("mailchimp-api-key", 0),
    ("discord-bot-token", 0),
    ("telegram-bot-token-url", 0),
    ("datadog-api-key", 0),
    ("twilio-auth-token", 1),
    ("facebook-access-token", 0),
    ("sentry-app-token", 0),
    ("vercel-token", 0),
    ("cloudflare-api-token", 0),
    ("resend-api-key", 0),
)


def _token_example(name: str, index: int) -> tuple[str, str]:
    """A catalogue example as planted (``DD_API_KEY=...`` with its context word) and the
    secret in it: what the format itself removes from the example."""
    fmt = by_name()[name]
    example = fmt.examples[index]
    spans = list(fmt.finditer(example))
    assert len(spans) == 1, f"{name}: example {index} should hold one secret"
    start, end = spans[0]
    return example, example[start:end]


#: the planted text of each sampled token, by its name in `S` (``token:<catalogue name>``)
TOKEN_TEXT: dict[str, str] = {}
for _name, _index in TOKEN_SAMPLE:
    TOKEN_TEXT[f"token:{_name}"], S[f"token:{_name}"] = _token_example(_name, _index)

#: personal identifiers found by shape or after a context word (`identifiers.py`): valid by
#: their check digits and layout rules, made up or documentation samples (fictional ranges)
S.update(
    {
        "phone-intl": "+44 20 7946 0958",
        "phone-intl-us": "+1 201-555-0123",
        "phone-intl-fr": "+33.6.12.34.56.78",
        "phone-ctx": "(201) 555-0123",
        "phone-ctx-fr": "06 12 34 56 78",
        "mac-colon": "00:1A:2B:3C:4D:5E",
        "mac-dash": "00-1a-2b-3c-4d-5f",
        "mac-dot": "001a.2b3c.4d60",
        "imei-grouped": "35-693803-564380-9",
        "imei-ctx": "490154203237518",
        "ssn-ctx": "536221234",
        "uk-nino": "JG 10 37 59 A",
        "uk-nhs": "401 736 2915",
        "de-taxid": "65091827363",
        "fr-nir": "2 84 05 69 123 456 40",
        "es-dni": "48291037F",
        "es-nie": "Y4820917Q",
        "nl-bsn": "261900948",
        "it-cf": "RSSMRA85T10A562S",
        # alg "none": no signature part at all, and a person in the payload
        "jwt-unsigned": (
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0."
            "eyJzdWIiOiI4ODEyIiwiZW1haWwiOiJqYW5lLmRvZUBleGFtcGxlLmNvbSIsInJvbGUiOiJhZG1pbiJ9."
        ),
        # the value of an assignment, in the syntaxes configs, code and command lines use
        "go-walrus": "q8ZtWalrus71Lm",
        "php-arrow": "Pq9-Lantern-44",
        "make-conditional": "mk-7f3c9a1e55",
        "shell-export": "Corvid-88-Tide",
        "xml-element": "Fjord#5120",
        "java-property": "Quokka$7781",
        "curl-user": "Heron-3390",
        "cli-password": "Otter-5521",
        "cli-token": "tk-Badger-0912",
        "connection-string": "Marten!4410",
        "mongodb-srv": "Puffin-6672",
        "jdbc-query": "Lynx-2087",
        "jdbc-sqlserver": "Ibex-7734",
        "jdbc-userinfo": "Vole-1290",
    }
)

#: planted values that reach the wire today, with where they stand: bugs for the engine owner.
#: The suite checks that each of them still leaks (and that nothing else does), so a fix
#: fails it until the entry is removed here: this list can only shrink.
KNOWN_LEAKS: dict[str, str] = {}


def _base(i: int, **parts: Any) -> dict[str, Any]:
    event = {
        "event_id": f"{i:032x}",
        "level": "error",
        "platform": "python",
        "transaction": BENIGN["route"],
        "tags": {"build": BENIGN["sha"], "region": "eu-west-1"},
        "extra": {
            "request_id": BENIGN["uuid"],
            "app_version": BENIGN["version"],
            "last_query": BENIGN["sql"],
            "started_ms": BENIGN["millis"],
        },
    }
    event.update(parts)
    return event


def _frames(vars_: dict[str, Any], **lines: Any) -> dict[str, Any]:
    frame = {
        "function": "checkout",
        "module": "shop.billing",
        "filename": BENIGN["path"],
        "lineno": 42,
        "in_app": True,
        "vars": vars_,
    }
    frame.update(lines)
    return {
        "values": [
            {
                "type": "ValueError",
                "module": "shop.billing",
                "value": "payment failed",
                "stacktrace": {"frames": [frame]},
            }
        ]
    }


def events() -> list[tuple[str, dict[str, Any], list[str]]]:
    """(name, event, planted secret names): at least 30 events, every part of the payload."""
    s = S
    cases: list[tuple[str, dict[str, Any], list[str]]] = [
        (
            "exception value: card",
            _base(
                1,
                exception={
                    "values": [
                        {"type": "ValueError", "value": f"card {s['card']} declined at {BENIGN['timestamp']}"}
                    ]
                },
            ),
            ["card"],
        ),
        (
            "exception value: email and ip",
            _base(
                2,
                exception={
                    "values": [
                        {"type": "PermissionError", "value": f"no access for {s['email']} from {s['ip']}"}
                    ]
                },
            ),
            ["email", "ip"],
        ),
        (
            "exception value: IBAN",
            _base(
                3, exception={"values": [{"type": "ValueError", "value": f"bad payout account {s['iban']}"}]}
            ),
            ["iban"],
        ),
        (
            "logentry message and params",
            _base(
                4,
                logentry={
                    "message": "login failed for %s with password %s",
                    "params": [s["email2"], s["password"]],
                    "formatted": f"login failed for {s['email2']} with password {s['password']}",
                },
            ),
            ["email2", "password"],
        ),
        (
            "logentry formatted JWT",
            _base(5, logentry={"message": "bad token", "formatted": f"rejected token {s['jwt']}"}),
            ["jwt"],
        ),
        (
            "frame vars nested",
            _base(
                6,
                exception=_frames(
                    {
                        "self": {"card_number": s["card2"], "user": {"password": s["password2"]}},
                        "order_id": BENIGN["order"],
                    }
                ),
            ),
            ["card2", "password2"],
        ),
        (
            "frame vars as repr",
            _base(
                7,
                exception=_frames(
                    {"payload": f"{{'email': '{s['email']}', 'amount': 42, 'token': '{s['bearer']}'}}"}
                ),
            ),
            ["email", "bearer"],
        ),
        (
            "frame source lines",
            _base(
                8,
                exception=_frames(
                    {},
                    context_line=f'    STRIPE_KEY = "{s["stripe"]}"',
                    pre_context=[f'    db_url = "postgres://shop:{s["dbpass"]}@db:5432/shop"'],
                    post_context=[f"    aws = '{s['aws']}'"],
                ),
            ),
            ["stripe", "dbpass", "aws"],
        ),
        (
            "thread frame vars",
            _base(
                9,
                threads={
                    "values": [
                        {
                            "id": 1,
                            "stacktrace": {
                                "frames": [
                                    {"function": "run", "vars": {"api_key": s["api_key"], "iban": s["iban2"]}}
                                ]
                            },
                        }
                    ]
                },
            ),
            ["api_key", "iban2"],
        ),
        (
            "request url and query",
            _base(
                10,
                request={
                    "url": f"https://shop.example.com/reset?token={s['session']}&step=2",
                    "query_string": f"email={s['email']}&page=3",
                },
            ),
            ["session", "email"],
        ),
        (
            "request headers dict",
            _base(
                11,
                request={
                    "headers": {
                        "Authorization": f"Bearer {s['bearer']}",
                        "X-Api-Key": s["api_key"],
                        "X-Request-Id": BENIGN["uuid"],
                        "X-Forwarded-For": s["ip"],
                    }
                },
            ),
            ["bearer", "api_key", "ip"],
        ),
        (
            "request headers pairs",
            _base(
                12,
                request={
                    "headers": [
                        ["Authorization", f"Basic {s['password']}"],
                        ["Cookie", f"sessionid={s['session']}"],
                        ["Host", "shop.example.com"],
                    ]
                },
            ),
            ["password", "session"],
        ),
        (
            "request cookies dict",
            _base(13, request={"cookies": {"sessionid": s["session"], "csrftoken": s["api_key"]}}),
            ["session", "api_key"],
        ),
        (
            "request cookies string",
            _base(
                14,
                request={
                    "cookies": f"theme=dark; sessionid={s['session']}",
                    "headers": {"Set-Cookie": f"remember_token={s['api_key']}; Path=/"},
                },
            ),
            ["session", "api_key"],
        ),
        (
            "request body dict",
            _base(
                15,
                request={
                    "data": {
                        "username": "jane",
                        "password": s["password"],
                        "card": {"number": s["card"], "cvv": "123"},
                    }
                },
            ),
            ["password", "card"],
        ),
        (
            "request body JSON text",
            _base(16, request={"data": json.dumps({"email": s["email"], "iban": s["iban"], "note": "gift"})}),
            ["email", "iban"],
        ),
        (
            "request body form text",
            _base(17, request={"data": f"user=jane&password={s['password2']}&card={s['card2']}"}),
            ["password2", "card2"],
        ),
        (
            "request env",
            _base(
                18,
                request={
                    "env": {
                        "REMOTE_ADDR": s["ip"],
                        "HTTP_AUTHORIZATION": f"Bearer {s['bearer']}",
                        "SERVER_NAME": "web-3",
                    }
                },
            ),
            ["ip", "bearer"],
        ),
        (
            "breadcrumb message",
            _base(
                19,
                breadcrumbs={
                    "values": [
                        {
                            "category": "auth",
                            "message": f"user {s['email']} logged in from {s['ip6']}",
                            "timestamp": BENIGN["timestamp"],
                        }
                    ]
                },
            ),
            ["email", "ip6"],
        ),
        (
            "breadcrumb data",
            _base(
                20,
                breadcrumbs={
                    "values": [
                        {
                            "category": "httplib",
                            "data": {
                                "url": f"https://api.example.com/v1?apikey={s['google']}",
                                "method": "GET",
                                "status_code": 200,
                            },
                        }
                    ]
                },
            ),
            ["google"],
        ),
        (
            "breadcrumb sql",
            _base(
                21,
                breadcrumbs={
                    "values": [
                        {"category": "query", "message": f"SELECT * FROM users WHERE email = '{s['email2']}'"}
                    ]
                },
            ),
            ["email2"],
        ),
        (
            "extra JSON blob",
            _base(
                22,
                extra={
                    "webhook": json.dumps({"customer": {"ssn": s["ssn"], "card": s["amex"]}}),
                    "request_id": BENIGN["uuid"],
                },
            ),
            ["ssn", "amex"],
        ),
        (
            "extra config",
            _base(
                23,
                extra={
                    "settings": {"SLACK_WEBHOOK_URL": s["slack"], "GITHUB_TOKEN": s["github"], "DEBUG": False}
                },
            ),
            ["slack", "github"],
        ),
        (
            "extra free text",
            _base(24, extra={"note": f"customer said her SSN is {s['ssn']} and IBAN {s['iban2']}"}),
            ["ssn", "iban2"],
        ),
        (
            "tags",
            _base(25, tags={"user_email": s["email"], "client_ip": s["ip"], "build": BENIGN["sha"]}),
            ["email", "ip"],
        ),
        (
            "contexts",
            _base(
                26,
                contexts={
                    "payment": {"card": s["card"], "processor": "stripe", "secret_key": s["stripe"]},
                    "trace": {"trace_id": BENIGN["uuid"].replace("-", ""), "span_id": "9a70cfc52eef4401"},
                },
            ),
            ["card", "stripe"],
        ),
        (
            "user pii off",
            _base(27, user={"id": "42", "email": s["email"], "ip_address": s["ip"], "username": "jane"}),
            ["email", "ip"],
        ),
        (
            "sys.argv",
            _base(
                28,
                extra={
                    "sys.argv": [
                        "manage.py",
                        "createsuperuser",
                        "--password",
                        s["password"],
                        "--email",
                        s["email2"],
                    ]
                },
            ),
            ["password", "email2"],
        ),
        ("private key in a message", _base(29, message=f"could not load key:\n{PEM}"), ["pem"]),
        (
            "exception chain",
            _base(
                30,
                exception={
                    "values": [
                        {"type": "KeyError", "value": f"'{s['aws']}'"},
                        {"type": "RuntimeError", "value": f"lookup failed for {s['email']}"},
                    ]
                },
            ),
            ["aws", "email"],
        ),
        (
            "database url in a message",
            _base(31, message=f"cannot connect to postgres://shop:{s['dbpass']}@db.internal:5432/shop"),
            ["dbpass"],
        ),
        (
            "card with dashes and a JWT in a header line",
            _base(32, message=f"Authorization: Bearer {s['jwt']} card 4111-1111-1111-1111"),
            ["jwt", "card"],
        ),
    ]
    transactions = [
        (
            "transaction spans",
            {
                "type": "transaction",
                "transaction": BENIGN["route"],
                "start_timestamp": 1732672800.0,
                "timestamp": 1732672801.0,
                "contexts": {
                    "trace": {
                        "trace_id": "4aeb01b8d53dd404b775e405ddda3586",
                        "span_id": "9814d5987036d885",
                        "op": "http.server",
                    }
                },
                "spans": [
                    {
                        "op": "db",
                        "description": f"SELECT * FROM users WHERE email = '{s['email']}'",
                        "span_id": "a" * 16,
                        "trace_id": "4aeb01b8d53dd404b775e405ddda3586",
                        "start_timestamp": 1732672800.1,
                        "timestamp": 1732672800.2,
                        "data": {"db.system": "postgresql"},
                    },
                    {
                        "op": "http.client",
                        "description": f"GET https://api.example.com/v1?access_token={s['session']}",
                        "span_id": "b" * 16,
                        "trace_id": "4aeb01b8d53dd404b775e405ddda3586",
                        "start_timestamp": 1732672800.3,
                        "timestamp": 1732672800.4,
                        "data": {"http.query": f"api_key={s['api_key']}", "client_secret": s["password"]},
                    },
                ],
            },
            ["email", "session", "api_key", "password"],
        ),
    ]
    return cases + _token_cases() + _identifier_cases() + _assignment_cases() + transactions


def _frame_repr(name: str, value: str) -> dict[str, Any]:
    """An exception whose frame holds `value` as a local, as sentry-sdk sends it: its repr."""
    return _frames({name: repr(value), "attempt": "2"})


def _token_cases() -> list[tuple[str, dict[str, Any], list[str]]]:
    """The sampled tokens, six to an event, each where free text carries it (no key names it)."""
    names = list(TOKEN_TEXT)
    assert len(names) % 6 == 0, "six tokens to an event: one in each position"
    cases: list[tuple[str, dict[str, Any], list[str]]] = []
    for number, at in enumerate(range(0, len(names), 6)):
        group = names[at : at + 6]
        t = [TOKEN_TEXT[name] for name in group]
        event = _base(
            100 + number,
            exception={
                "values": [
                    {"type": "PermissionError", "value": f"upstream rejected {t[0]} (401)"},
                    _frame_repr("client_args", f"Client(base_url='https://api.example.com', {t[5]})")[
                        "values"
                    ][0],
                ]
            },
            logentry={"message": "retrying with %s", "formatted": f"retrying with {t[1]}"},
            breadcrumbs={"values": [{"category": "config", "message": f"configured client with {t[2]}"}]},
            extra={"detail": f"rotated {t[3]} at {BENIGN['timestamp']}", "request_id": BENIGN["uuid"]},
            request={"method": "POST", "url": "https://shop.example.com/support", "data": f"comment={t[4]}"},
        )
        cases.append((f"service tokens {number + 1}: {', '.join(group)}", event, group))
    return cases


def _identifier_cases() -> list[tuple[str, dict[str, Any], list[str]]]:
    s = S
    return [
        (
            "phones: international in an exception, after a context word in a breadcrumb",
            _base(
                120,
                exception={
                    "values": [{"type": "SMSError", "value": f"SMS to {s['phone-intl']} undeliverable"}]
                },
                breadcrumbs={
                    "values": [
                        {"category": "crm", "message": f"callback requested, phone number: {s['phone-ctx']}"},
                        {"category": "crm", "message": f"rappel client, téléphone: {s['phone-ctx-fr']}"},
                    ]
                },
                extra={"detail": f"forwarded to {s['phone-intl-us']} at {BENIGN['timestamp']}"},
            ),
            ["phone-intl", "phone-ctx", "phone-ctx-fr", "phone-intl-us"],
        ),
        (
            "phone in a request body and a frame repr",
            _base(
                121,
                request={"method": "POST", "data": f"note=please call {s['phone-intl-fr']} after 6pm"},
                exception=_frame_repr("line", f"contact reachable on {s['phone-intl-fr']}"),
            ),
            ["phone-intl-fr"],
        ),
        (
            "MAC addresses in three notations",
            _base(
                122,
                message=f"DHCP lease renewed for {s['mac-colon']} on vlan 12",
                breadcrumbs={"values": [{"category": "net", "message": f"arp entry {s['mac-dash']} stale"}]},
                exception=_frame_repr("iface", f"Interface(name='eth0', hw={s['mac-dot']})"),
            ),
            ["mac-colon", "mac-dash", "mac-dot"],
        ),
        (
            "IMEI grouped and after a context word",
            _base(
                123,
                exception={
                    "values": [{"type": "DeviceError", "value": f"device {s['imei-grouped']} not registered"}]
                },
                extra={"detail": f"push failed for imei: {s['imei-ctx']}"},
            ),
            ["imei-grouped", "imei-ctx"],
        ),
        (
            "national identifiers: US, UK",
            _base(
                124,
                logentry={"message": "kyc check", "formatted": f"kyc check failed for ssn: {s['ssn-ctx']}"},
                exception={
                    "values": [{"type": "ValidationError", "value": f"NI number {s['uk-nino']} already used"}]
                },
                breadcrumbs={
                    "values": [{"category": "gp", "message": f"referral for patient {s['uk-nhs']}"}]
                },
            ),
            ["ssn-ctx", "uk-nino", "uk-nhs"],
        ),
        (
            "national identifiers: DE, FR, ES",
            _base(
                125,
                request={"method": "POST", "data": f"Bitte korrigieren, meine Steuer-ID: {s['de-taxid']}"},
                extra={"detail": f"dossier {s['fr-nir']} incomplet"},
                exception=_frame_repr("doc", f"Documento(dni={s['es-dni']}, nie={s['es-nie']})"),
            ),
            ["de-taxid", "fr-nir", "es-dni", "es-nie"],
        ),
        (
            "national identifiers: NL, IT",
            _base(
                126,
                message=f"aanvraag afgewezen, bsn: {s['nl-bsn']}",
                breadcrumbs={"values": [{"category": "anagrafe", "message": f"verifica {s['it-cf']} ok"}]},
            ),
            ["nl-bsn", "it-cf"],
        ),
        (
            "unsigned JWT (alg none)",
            _base(
                127,
                exception={
                    "values": [{"type": "AuthError", "value": f"refused unsigned token {s['jwt-unsigned']}"}]
                },
                extra={"detail": f"session restored from {s['jwt-unsigned']}"},
            ),
            ["jwt-unsigned"],
        ),
    ]


def _assignment_cases() -> list[tuple[str, dict[str, Any], list[str]]]:
    s = S
    return [
        (
            "assignments in exception values: Go :=, a .NET connection string",
            _base(
                130,
                exception={
                    "values": [
                        {"type": "ConfigError", "value": f'config.go:14: apiKey := "{s["go-walrus"]}"'},
                        {
                            "type": "OperationalError",
                            "value": (
                                "cannot open Server=sql.internal;Database=shop;User Id=shop_app;"
                                f"Password={s['connection-string']};Encrypt=true"
                            ),
                        },
                    ]
                },
            ),
            ["go-walrus", "connection-string"],
        ),
        (
            "assignments in breadcrumbs: PHP =>, --token=",
            _base(
                131,
                breadcrumbs={
                    "values": [
                        {"category": "php", "message": f"config loaded: ['password' => '{s['php-arrow']}']"},
                        {
                            "category": "subprocess",
                            "message": f"spawned deploy.sh --token={s['cli-token']} --env=prod",
                        },
                    ]
                },
            ),
            ["php-arrow", "cli-token"],
        ),
        (
            "assignments in extra: Makefile ?=, --password v, JDBC sqlserver",
            _base(
                132,
                extra={
                    "makefile": f"API_TOKEN ?= {s['make-conditional']}",
                    "command": f"manage.py migrate --database default --password {s['cli-password']}",
                    "detail": (
                        "jdbc:sqlserver://sql.internal:1433;databaseName=shop;user=sa;"
                        f"password={s['jdbc-sqlserver']};encrypt=true"
                    ),
                },
            ),
            ["make-conditional", "cli-password", "jdbc-sqlserver"],
        ),
        (
            "assignments in request bodies: export, XML, JDBC userinfo",
            _base(
                133,
                request={
                    "method": "POST",
                    "url": "https://shop.example.com/admin/import",
                    "data": (
                        f"#!/bin/sh\nexport DB_PASSWORD={s['shell-export']}\n"
                        f"<config><user>shop</user><password>{s['xml-element']}</password></config>\n"
                        f"jdbc:mysql://shop:{s['jdbc-userinfo']}@db.internal:3306/shop"
                    ),
                },
            ),
            ["shell-export", "xml-element", "jdbc-userinfo"],
        ),
        (
            "assignments in frame vars (repr): Java setProperty, JDBC query",
            _base(
                134,
                exception=_frames(
                    {
                        "line": repr(f'System.setProperty("DB_PASSWORD", "{s["java-property"]}");'),
                        "url": repr(
                            f"jdbc:postgresql://db.internal:5432/shop?user=shop&password={s['jdbc-query']}"
                        ),
                    }
                ),
            ),
            ["java-property", "jdbc-query"],
        ),
        (
            "assignments in log messages: curl -u, mongodb+srv",
            _base(
                135,
                logentry={
                    "message": "health check failed: %s",
                    "formatted": (
                        f"health check failed: curl -u deploy:{s['curl-user']} https://ci.example.com/api/health"
                    ),
                },
                message=f"cannot reach mongodb+srv://shop_app:{s['mongodb-srv']}@cluster0.ab1cd.mongodb.net/shop",
            ),
            ["curl-user", "mongodb-srv"],
        ),
    ]


def benign_values() -> list[str]:
    return list(BENIGN.values())
