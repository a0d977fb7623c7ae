"""The types to annotate code that works with sentry_guard: scrubbers, hooks, `configure()`.

from sentry_guard.typing import Event, Hint

def drop_health_checks(event: Event, hint: Hint) -> Event | None:
    return None if event.get("transaction") == "/health" else event
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from os import PathLike
from typing import Any, Literal, Protocol, TypedDict, runtime_checkable

__all__ = ["ConfigureKeywords", "Event", "Hint", "Kind", "OnError", "Scrubber"]

#: an event (error, transaction, log, breadcrumb) as sentry-sdk hands it to ``before_send``:
#: plain dicts, lists and strings once serialised (breadcrumbs and logs may hold other values)
Event = dict[str, Any]
#: what sentry-sdk passes beside it (``exc_info``, ``log_record``, ...) plus
#: ``"sentry_guard.kind"``: which hook is running (a `Kind`)
Hint = dict[str, Any]
#: what a failing scrubber leads to: a minimal event without free text, or nothing
OnError = Literal["minimal", "drop"]
#: what a hook scrubs
Kind = Literal["event", "transaction", "log", "metric", "breadcrumb"]


@runtime_checkable
class Scrubber(Protocol):
    """Any callable ``(event, hint) -> event | None``; ``None`` drops the event."""

    def __call__(self, event: Event, hint: Hint, /) -> Event | None: ...


_Names = str | Sequence[str]
_Path = str | PathLike[str]


class ConfigureKeywords(TypedDict, total=False):
    """The keywords `configure()` takes besides ``scrubbers``, ``celery_app`` and
    ``transport``: every setting (the ``SENTRY_*`` variable without its prefix, in lower
    case; a value as the variable would hold it, or already parsed), then the options of
    ``sentry_sdk.init`` (2.x) that are not settings, passed through as they are."""

    # -- settings (tests/test_typing.py keeps this list equal to `Settings`; ``scrubbers``
    # is configure()'s own keyword: callables, where SENTRY_SCRUBBERS holds import paths)
    dsn: str | None
    environment: str
    release_package: str | None
    release_version: str | None
    release: str | None
    dist: str | None
    server_name: str | None
    debug: bool | str
    sample_rate: float | str
    traces_sample_rate: float | str | None
    profiles_sample_rate: float | str | None
    send_default_pii: bool | str
    max_breadcrumbs: int | str
    include_local_variables: bool | str
    max_request_body_size: Literal["never", "small", "medium", "always"]
    enable_logs: bool | str
    ignore_errors: _Names
    in_app_include: _Names
    scrub_keys: _Names
    scrub_safe_keys: _Names
    scrub_detectors: _Names
    scrub_hash_key: str | None
    scrub_mode: _Names
    scrub_on_error: OnError
    scrub_summary: bool | str
    before_send: str | Callable[[Event, Hint], Event | None] | None
    celery_monitor_beat_tasks: bool | str
    celery_exclude_beat_tasks: _Names
    celery_propagate_traces: bool | str
    celery_checkin_margin: int | str | None
    celery_max_runtime: int | str | None
    celery_timezone: str | None
    url: str
    auth_token: str | None
    org: str | None
    project: str | None
    api_deadline: float | str
    allow_http: bool | str
    guard_strict: bool | str
    guard_env_file: _Path | None
    guard_secrets_dir: _Path
    guard_pure_python: bool | str
    dsn_file: _Path | None
    # -- sentry_sdk.init options that are not settings (typed loosely: they vary by version)
    add_full_stack: bool
    attach_stacktrace: bool
    auto_enabling_integrations: bool
    auto_session_tracking: bool
    before_breadcrumb: Callable[..., Any] | None
    before_send_log: Callable[..., Any] | None
    before_send_metric: Callable[..., Any] | None
    before_send_span: Callable[..., Any] | None
    before_send_transaction: Callable[..., Any] | None
    ca_certs: str | None
    cert_file: str | None
    custom_repr: Callable[[Any], str | None] | None
    data_collection: Any
    db_query_source_threshold_ms: int
    default_integrations: bool
    disabled_integrations: Sequence[Any] | None
    enable_backpressure_handling: bool
    enable_db_query_source: bool
    enable_http_request_source: bool
    enable_metrics: bool
    enable_tracing: bool | None
    error_sampler: Callable[..., Any] | None
    event_scrubber: Any
    functions_to_trace: Sequence[dict[str, str]]
    http_proxy: str | None
    http_request_source_threshold_ms: int
    https_proxy: str | None
    ignore_spans: Any
    in_app_exclude: Sequence[str]
    include_source_context: bool
    instrumenter: str | None
    integrations: Sequence[Any]
    keep_alive: bool
    key_file: str | None
    max_stack_frames: int | None
    max_value_length: int
    org_id: str | None
    profile_lifecycle: str
    profile_session_sample_rate: float | None
    profiler_mode: str | None
    profiles_sampler: Callable[..., Any] | None
    project_root: str | None
    propagate_traces: bool
    proxy_headers: dict[str, str] | None
    send_client_reports: bool
    shutdown_timeout: float
    socket_options: Any
    spotlight: bool | str | None
    stream_gen_ai_spans: bool
    strict_trace_continuation: bool
    trace_ignore_status_codes: Any
    trace_lifecycle: Any
    trace_propagation_targets: Sequence[str] | None
    traces_sampler: Callable[..., Any] | None
    transport_queue_size: int
    _experiments: dict[str, Any]
