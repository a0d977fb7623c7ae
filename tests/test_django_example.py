"""The Django example end to end: a real test-client request whose view raises, in its own
process (Django is configured once per process), sending to a loopback endpoint."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sentry_guard._endpoint import EnvelopeServer

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "django_app"
PLANTED = {
    "password field": "hunter2-Secret!",
    "authorization": "abc123def456ghi789",
    "session cookie": "sess-9f8e7d6c5b4a3",
    "email": "jane.doe@example.com",
    "card local": "4111 1111 1111 1111",
}

CLIENT = textwrap.dedent(
    f"""
    import django, sentry_sdk
    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = {PLANTED["session cookie"]!r}
    response = client.post(
        "/checkout/",
        data={{"email": {PLANTED["email"]!r}, "password": {PLANTED["password field"]!r}, "sku": "SKU-43800"}},
        HTTP_AUTHORIZATION="Bearer " + {PLANTED["authorization"]!r},
    )
    assert response.status_code == 500, response.status_code
    sentry_sdk.flush()
    """
)


def test_django_request_arrives_scrubbed() -> None:
    with EnvelopeServer() as endpoint:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
        env.update(
            SENTRY_DSN=endpoint.dsn(),
            SENTRY_RELEASE="shop@4.12.0",
            DJANGO_SETTINGS_MODULE="shop.settings",
            PYTHONPATH=os.pathsep.join([str(EXAMPLE), env.get("PYTHONPATH", "")]),
        )
        result = subprocess.run(
            [sys.executable, "-c", CLIENT], env=env, capture_output=True, text=True, timeout=120, cwd=EXAMPLE
        )
        assert result.returncode == 0, result.stderr
        endpoint.wait_for(1)
        wire = "\n".join(e.raw.decode("utf-8", "replace") for e in endpoint.envelopes)
        events = endpoint.payloads("event")
    for name, value in PLANTED.items():
        assert value not in wire, f"{name} reached the wire"
    (event,) = events
    assert event["transaction"] in ("/checkout/", "shop.views.checkout")
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "ValueError"
    frame = exception["stacktrace"]["frames"][-1]
    assert frame["function"] == "checkout" and isinstance(frame["lineno"], int) and frame["lineno"] > 0
    assert event["release"] == "shop@4.12.0"
    assert "SKU-43800" in wire  # benign form data stays
