"""Benign strings of real Sentry payloads that the default scrubber must leave unchanged.

Ids, hashes, versions, paths, SQL, URLs, timestamps, prices, user agents, reprs, log lines:
what an event is full of and what a debugger needs. Each string is put in several parts of
an event (`POSITIONS`) and sent through ``DefaultScrubber()(event, {})``; the event must come
back identical. A string the scrubber alters today stays in the table with a strict xfail
whose reason says what it becomes: a false positive for the engine to fix, after which the
mark is removed (strict: the fix makes the test fail until it is).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import sentry_guard

#: every test here runs with the compiled scanner and walker, then in pure Python
pytestmark = pytest.mark.usefixtures("implementation")

BENIGN = [
    # -- request and trace ids
    pytest.param("4bf92f3577b34da6a3ce929d0e0e4736", id="trace-id"),
    pytest.param("00f067aa0ba902b7", id="span-id"),
    pytest.param("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", id="traceparent"),
    pytest.param("771a43a4192642f0b136d5159a501700-b7ad6b7169203331-1", id="sentry-trace-header"),
    pytest.param("a9f2c4e1b7d84e3fa0c5d6e7f8091a2b", id="sentry-event-id"),
    pytest.param("X-Request-ID: 9b2f4c1e-8d7a-4e6b-9c3d-2a1f0e9d8c7b", id="request-id-header"),
    pytest.param("Root=1-67891233-abcdef012345678912345678;Sampled=1", id="aws-xray-trace"),
    pytest.param("RequestId: c6af9ac6-7b61-11e6-9a41-93e8deadbeef", id="aws-lambda-request-id"),
    pytest.param("req_Zb1qX8vT4LmN2p", id="stripe-request-id"),
    pytest.param("8c6f1e2b9d4a7f31-AMS", id="cloudflare-ray-id"),
    pytest.param("projects/shop-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736", id="gcp-trace-name"),
    pytest.param("correlation_id=7d1e5c0a-3b2f-4c8e-9a6d-1f0e2b3c4d5e", id="correlation-id-pair"),
    pytest.param("pi_3OqLrS2eZvKYlo2C1a0bXyZ9", id="stripe-payment-intent-id"),
    pytest.param("arn:aws:lambda:eu-west-1:123456789012:function:shop-export", id="aws-arn"),
    pytest.param("topic orders partition 3 offset 1048576", id="kafka-offset"),
    # -- UUIDs, every version and writing
    pytest.param("6ba7b810-9dad-11d1-80b4-00c04fd430c8", id="uuid-v1"),
    pytest.param("000003e8-9dad-21ef-8a00-325096b39f47", id="uuid-v2"),
    pytest.param("a3bb189e-8bf9-3888-9912-ace4e6543002", id="uuid-v3"),
    pytest.param("f47ac10b-58cc-4372-a567-0e02b2c3d479", id="uuid-v4"),
    pytest.param("886313e1-3b8a-5372-9b90-0c9aee199e5d", id="uuid-v5"),
    pytest.param("1ef21d2f-1207-6660-8c4f-419efbd44d48", id="uuid-v6"),
    pytest.param("01932c07-209c-7b3e-9b2f-2d0b6a1c5e44", id="uuid-v7"),
    pytest.param("320c3d4d-cc00-875b-8ec9-32d5f69181c0", id="uuid-v8"),
    pytest.param("00000000-0000-0000-0000-000000000000", id="uuid-nil"),
    pytest.param("F47AC10B-58CC-4372-A567-0E02B2C3D479", id="uuid-upper"),
    pytest.param("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", id="uuid-braced-guid"),
    pytest.param("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", id="uuid-urn"),
    pytest.param("f47ac10b58cc4372a5670e02b2c3d479", id="uuid-hex"),
    # -- git SHAs
    pytest.param("3e5b2f9", id="git-sha-short"),
    pytest.param("e83c5163316f89bfbde7d9ab23ca2e25604af290", id="git-sha-long"),
    pytest.param("commit 9fceb02d0ae598e95dc970b74767f19372d61af8", id="git-log-commit-line"),
    pytest.param("Merge 4f1c2ab into 77de0c9", id="git-merge-subject"),
    pytest.param("v2.3.1-14-g2414721", id="git-describe"),
    pytest.param("shop@1.4.2+g3e5b2f9", id="release-with-sha"),
    pytest.param("HEAD detached at 1a2b3c4d", id="git-detached-head"),
    pytest.param("3 files changed, 1204 insertions(+), 37 deletions(-)", id="git-shortstat"),
    pytest.param("ghcr.io/acme/shop:4.12.0", id="container-image-tag"),
    # -- content hashes
    pytest.param("d41d8cd98f00b204e9800998ecf8427e", id="md5-hex"),
    pytest.param("da39a3ee5e6b4b0d3255bfef95601890afd80709", id="sha1-hex"),
    pytest.param("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", id="sha256-hex"),
    pytest.param(
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", id="docker-image-digest"
    ),
    pytest.param("Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==", id="content-md5-base64"),
    pytest.param("sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW", id="sri-sha384"),
    pytest.param(
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==",
        id="npm-integrity-sha512",
    ),
    pytest.param('ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"', id="etag"),
    pytest.param('W/"5e15153d-120f"', id="weak-etag"),
    pytest.param(
        "--hash=sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", id="pip-hash-option"
    ),
    pytest.param("blob 5716ca5987cbf97d6bb54920bea6adde242d87e6", id="git-blob-id"),
    # -- versions and build strings
    pytest.param("1.2.3", id="semver"),
    pytest.param("4.0.0.0", id="four-part-version"),
    pytest.param("v10.0.19041.1", id="windows-version"),
    pytest.param("2024.11.3-rc1", id="calver-rc"),
    pytest.param("Django 4.2.16", id="django-version"),
    pytest.param("Python 3.11.7", id="python-version"),
    pytest.param("Python 3.11.7 (main, Dec  4 2023, 18:10:11) [GCC 12.2.0]", id="python-sys-version"),
    pytest.param("sentry-sdk==2.18.0", id="pip-pin"),
    pytest.param("1.0.0-beta.2+exp.sha.5114f85", id="semver-prerelease-build"),
    pytest.param("node v20.11.1", id="node-version"),
    pytest.param("OpenSSL 3.0.13 30 Jan 2024", id="openssl-version"),
    pytest.param("Build 20241103.4", id="ci-build-number"),
    pytest.param("10.0.22631.4460", id="windows-build"),
    pytest.param("macOS 14.6.1 (23G93)", id="macos-build"),
    pytest.param("Android 14; SDK 34", id="android-sdk"),
    pytest.param("PostgreSQL 16.4 on x86_64-pc-linux-gnu", id="postgres-version"),
    pytest.param("6.1.0-26-amd64", id="kernel-release"),
    pytest.param("shop@2024.11.3+4f2c1e9", id="release-calver-sha"),
    # -- file paths
    pytest.param("/srv/app/shop/billing/views.py", id="unix-path"),
    pytest.param(
        "/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py", id="site-packages-path"
    ),
    pytest.param(
        "/opt/venv/lib/python3.12/site-packages/sqlalchemy/engine/base.py", id="venv-site-packages-path"
    ),
    pytest.param("C:\\Program Files\\Shop\\bin\\shop-agent.exe", id="windows-path"),
    pytest.param("C:\\inetpub\\wwwroot\\shop\\web.config", id="windows-iis-path"),
    pytest.param("\\\\fileserver\\exports\\2024\\q3-orders.csv", id="unc-path"),
    pytest.param("shop/billing/views.py:142:17", id="path-line-col"),
    pytest.param('File "/srv/app/shop/models.py", line 88, in save', id="traceback-line"),
    pytest.param("webpack:///./src/components/Cart.tsx", id="webpack-path"),
    pytest.param("app:///main.dart.js:1:20345", id="app-url-line-col"),
    pytest.param("/var/log/nginx/access.log.2.gz", id="rotated-log-path"),
    pytest.param("/tmp/pytest-of-runner/pytest-12/test_export0/out.json", id="tmp-path"),
    pytest.param("src/main/java/com/example/shop/OrderService.java:57", id="java-source-line"),
    # -- SQL with placeholders
    pytest.param("SELECT id, name FROM users WHERE id = %s", id="sql-select-percent"),
    pytest.param(
        'SELECT "orders"."id", "orders"."total" FROM "orders" WHERE "orders"."customer_id" = %s LIMIT 21',
        id="sql-django-orm",
    ),
    pytest.param(
        "INSERT INTO audit_log (action, actor_id, created_at) VALUES ($1, $2, $3)", id="sql-insert-dollar"
    ),
    pytest.param("UPDATE inventory SET qty = qty - ? WHERE sku = ?", id="sql-update-qmark"),
    pytest.param("DELETE FROM django_session WHERE expire_date < :cutoff", id="sql-delete-named"),
    pytest.param("SELECT COUNT(*) FROM payments WHERE status IN (%s, %s, %s)", id="sql-count-in"),
    pytest.param(
        "SELECT token_type, expires_at FROM oauth_grants WHERE client_id = %(client_id)s",
        id="sql-pyformat",
    ),
    pytest.param('SAVEPOINT "s140245_x1"', id="sql-savepoint"),
    pytest.param("SET LOCAL statement_timeout = '5s'", id="sql-set-local"),
    pytest.param(
        'SELECT "auth_user"."id", "auth_user"."password", "auth_user"."last_login" FROM "auth_user" WHERE "auth_user"."username" = %s LIMIT 21',
        id="sql-django-auth-user",
    ),
    pytest.param(
        "UPDATE accounts SET password = %s, updated_at = %s WHERE id = %s",
        id="sql-update-password-placeholder",
    ),
    pytest.param(
        "SELECT id FROM customers WHERE email = ? AND deleted_at IS NULL", id="sql-where-email-placeholder"
    ),
    # -- URLs without credentials
    pytest.param("https://shop.example.com/products?page=2&sort=price_asc", id="url-query"),
    pytest.param(
        "https://api.example.com/v2/orders/ORD-2024-000123/items?expand=product&limit=50", id="url-api-path"
    ),
    pytest.param("GET /api/v1/search?q=running+shoes&size=42&color=blue HTTP/1.1", id="request-line"),
    pytest.param("https://cdn.example.net/static/js/main.4f2c1e9a.chunk.js", id="url-hashed-asset"),
    pytest.param(
        "https://github.com/getsentry/sentry-python/blob/master/sentry_sdk/client.py#L512",
        id="url-fragment",
    ),
    pytest.param("http://localhost:8000/admin/shop/order/42/change/", id="url-localhost-port"),
    pytest.param(
        "https://example.com/landing?utm_source=newsletter&utm_medium=email&utm_campaign=black_friday_2024",
        id="url-utm",
    ),
    pytest.param("https://shop.example.com/callback?lang=de-DE&currency=EUR&step=3", id="url-callback"),
    pytest.param("redis://cache.internal:6379/0", id="redis-url"),
    pytest.param("postgres://db.internal:5432/shop", id="postgres-url-no-credentials"),
    pytest.param("s3://shop-exports-eu/2024/11/orders-000123.csv.gz", id="s3-url"),
    pytest.param(
        "https://docs.python.org/3/library/datetime.html#datetime.datetime.fromisoformat", id="url-docs"
    ),
    # -- timestamps
    pytest.param("2024-11-03T14:22:05Z", id="iso8601-utc"),
    pytest.param("2024-11-03T14:22:05.123456+01:00", id="iso8601-offset-micros"),
    pytest.param("1730643725", id="epoch-seconds"),
    pytest.param("1730643725123", id="epoch-millis"),
    pytest.param("1730643725.318217", id="epoch-float"),
    pytest.param("Sun, 03 Nov 2024 14:22:05 GMT", id="http-date"),
    pytest.param("Tue, 1 Jul 2003 10:52:37 +0200", id="rfc2822"),
    pytest.param("[2024-11-03 14:22:05,318] INFO shop.tasks: export finished", id="log-prefix-python"),
    pytest.param(
        "Nov  3 14:22:05 web-3 gunicorn[2114]: Booting worker with pid: 2114", id="log-prefix-syslog"
    ),
    pytest.param(
        "2024-11-03 14:22:05.318 UTC [4121] LOG:  checkpoint starting: time", id="log-prefix-postgres"
    ),
    pytest.param("03/Nov/2024:14:22:05 +0000", id="nginx-time"),
    pytest.param("20241103T142205Z", id="iso8601-basic"),
    pytest.param("2024-W44-7", id="iso-week-date"),
    pytest.param("14:22:05.318", id="time-of-day"),
    pytest.param("2024-11-03 14:22:05", id="datetime-space"),
    pytest.param("2024-11-03T14:22:05.318Z", id="iso8601-millis"),
    pytest.param("Sun Nov  3 14:22:05 2024", id="ctime"),
    pytest.param("1730643725318217", id="epoch-micros"),
    # -- base64 of non-secret data
    pytest.param("eyJwYWdlIjoyfQ==", id="base64-json-page"),
    pytest.param("eyJjdXJzb3IiOiIyMDI0LTExLTAzIiwibGltaXQiOjUwfQ==", id="base64-json-cursor"),
    pytest.param("cursor=eyJvZmZzZXQiOjI1MCwidHMiOjE3MzA2NDM3MjV9", id="base64url-cursor-pair"),
    pytest.param(
        "eyJzb3J0IjoicHJpY2UiLCJkaXIiOiJhc2MiLCJmaWx0ZXJzIjp7InNpemUiOls0Miw0M119fQ==",
        id="base64-json-filters",
    ),
    pytest.param("bz0xMDAmbD01MA==", id="base64-pagination"),
    pytest.param("T3JkZXI6NDI=", id="graphql-relay-id"),
    pytest.param("aGVsbG8gd29ybGQ=", id="base64-text"),
    pytest.param(
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        id="data-uri-png",
    ),
    # -- prices and amounts
    pytest.param("€1,234.56", id="price-euro"),
    pytest.param("19.99 USD", id="price-usd-code"),
    pytest.param("$1,299.00", id="price-dollar"),
    pytest.param("1.234,56 €", id="price-euro-continental"),
    pytest.param("£49.95 incl. VAT", id="price-pound"),
    pytest.param("¥12,800", id="price-yen"),
    pytest.param("CHF 1'250.00", id="price-chf"),
    pytest.param("total=149.90 EUR (3 items)", id="order-total"),
    pytest.param("amount_cents=4999", id="amount-cents"),
    pytest.param("-12.50", id="negative-amount"),
    # -- HTTP status lines
    pytest.param("HTTP/1.1 502 Bad Gateway", id="status-line"),
    pytest.param("HTTP/2 404", id="status-line-h2"),
    pytest.param("503 Service Unavailable", id="status-text"),
    pytest.param("HTTP/1.1 429 Too Many Requests (Retry-After: 30)", id="status-retry-after"),
    pytest.param('"POST /api/checkout HTTP/1.1" 500 1234', id="access-log-request"),
    # -- user agents
    pytest.param(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/130.0.0.0 Safari/537.36",
        id="ua-chrome",
    ),
    pytest.param(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        id="ua-iphone",
    ),
    pytest.param("Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0", id="ua-firefox"),
    pytest.param("Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)", id="ua-android"),
    pytest.param("python-requests/2.32.3", id="ua-requests"),
    pytest.param("curl/8.5.0", id="ua-curl"),
    pytest.param("sentry.python.django/2.18.0", id="ua-sentry-sdk"),
    pytest.param("Googlebot/2.1 (+http://www.google.com/bot.html)", id="ua-googlebot"),
    # -- MIME types
    pytest.param("application/json; charset=utf-8", id="mime-json"),
    pytest.param("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW", id="mime-multipart"),
    pytest.param("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", id="mime-xlsx"),
    pytest.param("image/svg+xml", id="mime-svg"),
    pytest.param("application/x-www-form-urlencoded", id="mime-form"),
    # -- hostnames
    pytest.param("db-primary.c9akciq32.eu-west-1.rds.amazonaws.com", id="host-rds"),
    pytest.param("web-3.prod.internal", id="host-internal"),
    pytest.param("shop-worker-7d9f8b6c4-x2kqz", id="host-k8s-pod"),
    pytest.param("redis-master.cache.svc.cluster.local", id="host-k8s-service"),
    pytest.param("xn--mnchen-3ya.de", id="host-punycode"),
    pytest.param("api.stripe.com", id="host-api"),
    # -- CSS colors
    pytest.param("#ff5733", id="css-hex"),
    pytest.param("#FFF", id="css-hex-short"),
    pytest.param("#1e293bcc", id="css-hex-alpha"),
    pytest.param("rgb(255, 87, 51)", id="css-rgb"),
    pytest.param("rgba(0,0,0,0.5)", id="css-rgba"),
    pytest.param("hsl(210, 40%, 96%)", id="css-hsl"),
    # -- locale codes
    pytest.param("en-US", id="locale-bcp47"),
    pytest.param("de_DE.UTF-8", id="locale-posix"),
    pytest.param("zh-Hant-TW", id="locale-script"),
    pytest.param("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", id="accept-language"),
    # -- cron expressions
    pytest.param("*/5 * * * *", id="cron-every-5-min"),
    pytest.param("0 3 * * 1-5", id="cron-weekdays"),
    pytest.param("30 2 1 * *", id="cron-monthly"),
    pytest.param("0 0 12 ? * MON-FRI", id="cron-quartz"),
    pytest.param("@hourly", id="cron-macro"),
    # -- Celery task names and ids
    pytest.param("shop.tasks.send_order_confirmation", id="celery-task-name"),
    pytest.param("celery.backend_cleanup", id="celery-builtin-task"),
    pytest.param(
        "Task shop.tasks.export_orders[5f3c2b1a-9d8e-4f7a-b6c5-d4e3f2a1b0c9] succeeded in 2.318s: None",
        id="celery-succeeded",
    ),
    pytest.param(
        "Received task: shop.tasks.sync_inventory[c0a8f3e2-6b1d-4e9a-8f7c-3d2e1b0a9c8d]  ETA:[2024-11-03 14:30:00+00:00]",
        id="celery-received",
    ),
    pytest.param("celery@worker-3 ready.", id="celery-worker-ready"),
    pytest.param(
        "Retry in 60s: OperationalError('server closed the connection unexpectedly')", id="celery-retry"
    ),
    # -- Python reprs of harmless objects
    pytest.param("<Order 42>", id="repr-order"),
    pytest.param("datetime.datetime(2024, 1, 2, 3, 4)", id="repr-datetime"),
    pytest.param("<Order: ORD-2024-000123 (paid)>", id="repr-django-model"),
    pytest.param("Decimal('19.99')", id="repr-decimal"),
    pytest.param("<QuerySet [<Product: Running shoe>, <Product: Sock>]>", id="repr-queryset"),
    pytest.param("<WSGIRequest: GET '/cart/'>", id="repr-request"),
    pytest.param("<shop.billing.Invoice object at 0x7f3b2c1d9e50>", id="repr-default-object"),
    pytest.param("UUID('f47ac10b-58cc-4372-a567-0e02b2c3d479')", id="repr-uuid"),
    pytest.param("PosixPath('/srv/app/media/exports')", id="repr-path"),
    pytest.param("{'page': 2, 'per_page': 50, 'sort': 'created'}", id="repr-dict"),
    pytest.param("datetime.timedelta(seconds=30)", id="repr-timedelta"),
    pytest.param("<Response [503]>", id="repr-response"),
    pytest.param("<HTTPStatus.TOO_MANY_REQUESTS: 429>", id="repr-enum"),
    pytest.param("OrderedDict([('sku', 'SHOE-42'), ('qty', 1)])", id="repr-ordereddict"),
    pytest.param("frozenset({'paid', 'shipped'})", id="repr-frozenset"),
    pytest.param("Point(x=10, y=20)", id="repr-namedtuple"),
    # -- stack-frame function names
    pytest.param("shop.billing.views.CheckoutView.post", id="frame-method"),
    pytest.param("django.core.handlers.base.BaseHandler._get_response", id="frame-django"),
    pytest.param("<module>", id="frame-module"),
    pytest.param("<lambda>", id="frame-lambda"),
    pytest.param("celery.app.trace.build_tracer.<locals>.trace_task", id="frame-locals"),
    pytest.param("OrderService.placeOrder(OrderService.java:57)", id="frame-java"),
    pytest.param("at Object.<anonymous> (/app/dist/server.js:12:34)", id="frame-node"),
    # -- log messages
    pytest.param("retrying in 3s (attempt 2/5)", id="log-retry"),
    pytest.param(
        "Connection pool is full, discarding connection: db.internal. Connection pool size: 10", id="log-pool"
    ),
    pytest.param("Slow query: 1532 ms", id="log-slow-query"),
    pytest.param("processed 1,204 of 5,000 rows (24%)", id="log-progress"),
    pytest.param("worker 3 exited with code 137 (OOM)", id="log-oom"),
    pytest.param("cache miss for key product:42:price", id="log-cache-miss"),
    pytest.param("Rate limit exceeded: 100 requests per 60 seconds", id="log-rate-limit"),
    pytest.param("Circuit breaker OPEN for inventory-service after 5 failures", id="log-circuit-breaker"),
    pytest.param("Deadlock detected; transaction rolled back after 3 retries", id="log-deadlock"),
    pytest.param("Uploaded 12 files (3.4 MB) to s3://shop-exports-eu/2024/11/", id="log-upload"),
    pytest.param(
        "Timeout after 30.0 seconds waiting for lock 'inventory:sku:SHOE-42'", id="log-lock-timeout"
    ),
    pytest.param("user 42 added SKU SHOE-42-BLK to cart 9981", id="log-cart"),
    pytest.param("Listening at: http://0.0.0.0:8000 (2114)", id="log-gunicorn-listen"),
    pytest.param("ConnectionRefusedError: [Errno 111] Connection refused", id="log-errno"),
    pytest.param("Received SIGTERM, shutting down gracefully", id="log-signal"),
    pytest.param("password reset link sent (user 42)", id="log-password-reset"),
    pytest.param("access token expired at 2024-11-03T14:22:05Z; refreshing", id="log-token-expired"),
    pytest.param("Invalid API key format (expected 32 characters)", id="log-api-key-format"),
    pytest.param("token_count=2048 max_tokens=4096", id="log-llm-token-counts"),
    pytest.param("session_length=1800", id="log-session-length"),
    pytest.param("cache_key=product:42:price", id="log-cache-key"),
    pytest.param("device iPhone15,2 iOS 17.5.1 (21F90)", id="log-device-model"),
    pytest.param("hotel_id=4401873 nights=3", id="log-hotel-id"),
    # -- order ids, counts, ports, durations
    pytest.param("ORD-2024-000123", id="order-id"),
    pytest.param("INV-2024/0042", id="invoice-number"),
    pytest.param("#100234", id="order-hash-number"),
    pytest.param("PO-55501-A", id="purchase-order"),
    pytest.param("SHOP-1234", id="issue-key"),
    pytest.param("42", id="count-small"),
    pytest.param("1000000", id="count-million"),
    pytest.param("4294967295", id="uint32-max"),
    pytest.param("9007199254740991", id="js-max-safe-integer"),
    pytest.param("port 5432", id="port"),
    pytest.param("65535", id="port-max"),
    pytest.param("took 1.532s", id="duration-seconds"),
    pytest.param("1h23m45s", id="duration-go"),
    pytest.param("PT15M", id="duration-iso8601"),
    pytest.param("elapsed=0:00:03.218000", id="duration-timedelta"),
    pytest.param("p95 latency 350ms", id="duration-ms"),
]

#: where a string stands in an event: (build the event, read the string back)
Part = tuple[Callable[[str], dict[str, Any]], Callable[[dict[str, Any]], Any]]


def _frame_event(value: str) -> dict[str, Any]:
    frame = {"function": "lookup", "module": "shop.views", "lineno": 12, "vars": {"value": value}}
    return {
        "exception": {"values": [{"type": "ValueError", "value": "x", "stacktrace": {"frames": [frame]}}]}
    }


POSITIONS: dict[str, Part] = {
    "exception value": (
        lambda s: {"exception": {"values": [{"type": "ValueError", "value": s}]}},
        lambda e: e["exception"]["values"][0]["value"],
    ),
    "message": (lambda s: {"message": s}, lambda e: e["message"]),
    "breadcrumb message": (
        lambda s: {"breadcrumbs": {"values": [{"category": "log", "message": s}]}},
        lambda e: e["breadcrumbs"]["values"][0]["message"],
    ),
    "extra value": (lambda s: {"extra": {"detail": s}}, lambda e: e["extra"]["detail"]),
    "tag value": (lambda s: {"tags": {"detail": s}}, lambda e: e["tags"]["detail"]),
    # sentry-sdk sends a frame's locals as their repr
    "frame var repr": (
        lambda s: _frame_event(repr(s)),
        lambda e: e["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"]["value"],
    ),
}


def _read(read: Callable[[dict[str, Any]], Any], event: dict[str, Any]) -> Any:
    try:
        return read(event)
    except (KeyError, IndexError, TypeError):
        return event


def test_the_table_is_large_and_has_no_duplicates() -> None:
    texts = [param.values[0] for param in BENIGN]
    ids = [param.id for param in BENIGN]
    assert len(texts) >= 150
    assert len(set(texts)) == len(texts)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("text", BENIGN)
def test_benign_string_is_unchanged_in_every_position(text: str) -> None:
    altered: dict[str, Any] = {}
    for position, (build, read) in POSITIONS.items():
        out = sentry_guard.DefaultScrubber()(build(text), {})
        if out != build(text):
            altered[position] = _read(read, out)
    assert altered == {}, f"{text!r} was altered"


# -- random prose: lowercase words, spaces and punctuation, no digits and no anchors

_SCRUBBER = sentry_guard.DefaultScrubber()
#: where a format's matcher starts: its anchors (a token prefix, a context word), in any case
_ANCHORS = tuple(
    (anchor.lower(), fmt.anchor_inside) for fmt in _SCRUBBER.redactor.formats for anchor in fmt.anchors
)
#: Authorization schemes: a credential follows them without any anchor of the catalogue
_SCHEMES = ("bearer", "basic", "token", "digest", "apikey", "api-key")
_PUNCTUATION = " .,;:!?'\"()[]-/*&%#=_"
#: hex letters joined like an address: an IPv6 address (``a::b``) or a MAC (``ab:cd:ef:...``)
_ADDRESS = re.compile(r"(?<![a-z])(?:[a-f]{0,4}::[a-f]{0,4}|[a-f]{1,4}(?:[:.-]+[a-f]{1,4}){2,})(?![a-z])")

_words = st.from_regex(r"[a-z]{1,12}", fullmatch=True)
_separators = st.text(alphabet=_PUNCTUATION, min_size=1, max_size=3)


@st.composite
def _prose(draw: st.DrawFn) -> str:
    words = draw(st.lists(_words, min_size=1, max_size=30))
    text = words[0]
    for word in words[1:]:
        text += draw(_separators) + word
    return text


def _anchored(text: str) -> bool:
    """Whether `text` holds an anchor (where a word starts, or anywhere for formats whose
    anchor sits inside the match), an Authorization scheme, a key the key rule flags (a
    word, or two in a row as ``first_second``) or an address shape: text that may rightly
    be scrubbed."""
    lowered = text.lower()
    if _ADDRESS.search(lowered):
        return True
    for anchor, inside in _ANCHORS:
        at = lowered.find(anchor)
        while at != -1:
            if inside or at == 0 or not lowered[at - 1].isalnum():
                return True
            at = lowered.find(anchor, at + 1)
    words = re.findall(r"[a-z]+", lowered)
    pairs = [f"{a}_{b}" for a, b in itertools.pairwise(words)]
    return any(word in _SCHEMES or _SCRUBBER.matcher(word) for word in words) or any(
        _SCRUBBER.matcher(pair) for pair in pairs
    )


@settings(max_examples=300)
@given(text=_prose())
def test_prose_without_digits_or_anchors_is_unchanged(text: str) -> None:
    assume(not _anchored(text))
    scrubber = sentry_guard.DefaultScrubber()
    for position, (build, _) in POSITIONS.items():
        assert scrubber(build(text), {}) == build(text), position
