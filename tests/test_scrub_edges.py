"""`sentry-guard scrub` on the paths plain events do not take: numbers Python will not read, an
envelope item cut inside a character, a key the scrubber renames, a terminal that cannot show
the text, invalid settings, a broken plugin, scrubbers that drop or deepen the event."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from sentry_guard.cli._scrub import MAX_DEPTH, run

from .modules import importable
from .test_scrub_input import one_line, scrub

MODULES = {
    "acme_scrub_drop": """
        def scrub(event, hint):
            return None
        """,
    "acme_scrub_deepen": """
        def scrub(event, hint):
            for _ in range(50_000):
                event = {"inner": event}
            return event
        """,
    "acme_scrub_narrow": """
        def scrub(event):
            return event
        """,
}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with importable(MODULES, tmp_path, monkeypatch) as where:
        yield where


def test_an_integer_python_will_not_read_is_bad_input_said_as_it_is() -> None:
    """It was read as "not JSON", tried as an envelope, and told as "not JSON and not a Sentry
    envelope Python can read"."""
    code, out, err = scrub('{"extra": {"n": ' + "7" * 5000 + "}}")
    assert (code, out) == (2, "") and one_line(err)
    assert err.startswith(
        "sentry-guard scrub: the input is JSON Python will not read (Exceeds the limit (4300"
    )
    code, _, err = scrub('{"event_id": "x"}\n{"type": "event"}\n{"n": ' + "7" * 5000 + "}\n")
    assert code == 2 and one_line(err)
    assert err.startswith("sentry-guard scrub: the envelope's event item is JSON Python will not read (")


def test_an_envelope_item_cut_inside_a_character_is_bad_input() -> None:
    """The length counts bytes: 7 ends inside the two bytes of "é"."""
    code, _, err = scrub('{"event_id": "x"}\n{"type": "event", "length": 7}\n{"m":"é\n')
    assert code == 2 and one_line(err)
    assert err == "sentry-guard scrub: the envelope's event item is not UTF-8 text\n"


def test_a_renamed_key_shows_as_removed_and_its_finding_under_the_new_key() -> None:
    code, out, err = scrub('{"extra": {"jane.doe@example.com": "x"}}', "--explain")
    assert code == 0 and err == "1 value(s) changed\n"
    assert out.splitlines() == [
        '$.extra["jane.doe@example.com"]: "x" -> "(removed)"',
        '$.extra["[email]"]: email: detector: email (in the key)',
    ]


def test_text_the_terminal_cannot_encode_is_escaped() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    err = io.StringIO()
    code = run("-", True, [], out, err, io.StringIO('{"message": "Grüße", "extra": {"password": "ü"}}'))
    out.flush()
    assert code == 0
    assert raw.getvalue().decode("ascii") == '$.extra.password: "\\u00fc" -> "[Filtered]"\n'


def test_invalid_settings_are_told_before_scrubbing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENTRY_RELEASE", "latest")
    code, out, err = scrub('{"message": "x"}')
    assert (code, out) == (1, "")
    assert err.startswith("invalid Sentry configuration") and "SENTRY_RELEASE" in err


def test_a_broken_plugin_is_told_as_a_configuration_problem(modules: Path) -> None:
    dist = modules / "acme_scrub_narrow-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-scrub-narrow\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sentry_guard.scrubbers]\nnarrow = acme_scrub_narrow:scrub\n")
    code, out, err = scrub('{"message": "x"}')
    assert (code, out) == (1, "")
    assert err.startswith("invalid Sentry configuration") and "takes (event)" in err


def test_an_event_dropped_by_a_scrubber_prints_null_and_says_so(modules: Path) -> None:
    code, out, err = scrub('{"message": "x"}', "--scrubbers", "acme_scrub_drop:scrub")
    assert (code, out, err) == (0, "null\n", "(the event was dropped by a scrubber)\n")


def test_an_event_a_scrubber_made_too_deep_to_print_is_an_error(modules: Path) -> None:
    code, out, err = scrub('{"message": "x"}', "--scrubbers", "acme_scrub_deepen:scrub")
    assert (code, out) == (1, "")
    assert err == f"sentry-guard scrub: the scrubbed event nests deeper than {MAX_DEPTH} levels\n"
