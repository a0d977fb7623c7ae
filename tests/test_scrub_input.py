"""`sentry-guard scrub` on any input: exit 0, 1 or 2 and one clear line, never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentry_guard.cli import main
from sentry_guard.cli._scrub import MAX_DEPTH

FIXTURES = Path(__file__).parent / "fixtures"


def scrub(stdin: str | bytes, *args: str) -> tuple[int, str, str]:
    """`sentry-guard scrub - ARGS` in this process, `stdin` as text or as raw bytes."""
    out, err = io.StringIO(), io.StringIO()
    raw = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8", "surrogatepass")
    source = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    code = main(["scrub", "-", *args], out, err, stdin=source)
    return code, out.getvalue(), err.getvalue()


def console(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    return subprocess.run(
        [sys.executable, "-m", "sentry_guard", "scrub", "-", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def one_line(err: str) -> bool:
    return len(err.splitlines()) == 1 and "Traceback" not in err


def nested(depth: int) -> str:
    """An event whose `extra` makes it nest `depth` levels deep, a password at the bottom."""
    return '{"extra": ' + '{"a": ' * (depth - 2) + '{"password": "hunter2-Secret!"}' + "}" * (depth - 1)


# -- 11. deep nesting and lone surrogates --------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 700, 5000, 100_000])
@pytest.mark.parametrize("diff", [False, True])
def test_too_deep_input_is_refused_in_one_line(depth: int, diff: bool) -> None:
    for text in ("[" * depth + "]" * depth, nested(depth), '{"a":' * depth):
        code, out, err = scrub(text, *(["--diff"] if diff else []))
        assert code == 2 and out == "" and one_line(err), err[-500:]
        assert f"nests deeper than {MAX_DEPTH} levels" in err


@pytest.mark.parametrize("diff", [False, True])
def test_input_at_the_depth_limit_is_scrubbed_and_diffed(diff: bool) -> None:
    code, out, err = scrub(nested(MAX_DEPTH), *(["--diff"] if diff else []))
    assert code == 0, err
    if diff:
        (line,) = out.splitlines()
        assert line.startswith("$.extra.a.a.a.") and line.endswith(
            '.password: "hunter2-Secret!" -> "[Filtered]"'
        )
    else:
        assert "hunter2-Secret!" not in out and json.loads(out)["extra"]["a"]["a"]["a"]


def test_the_console_script_says_so_too() -> None:
    """Where the traceback showed: the real console, 5000 levels, print and --diff."""
    for args in ([], ["--diff"]):
        result = console(nested(5000), *args)
        assert result.returncode == 2 and one_line(result.stderr), result.stderr[-300:]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\udc80x", "\\ud83d\\ude00\\ud800"])
def test_a_lone_surrogate_escape_round_trips(escape: str) -> None:
    text = f'{{"message": "card 4111 1111 1111 1111 {escape}", "tags": {{"k{escape}": "v"}}}}'
    original = json.loads(text)
    for args in ([], ["--diff"]):
        result = console(text, *args)
        assert result.returncode == 0, result.stderr
    _code, out, _ = scrub(text)
    back = json.loads(out)
    assert back["message"] == original["message"].replace("4111 1111 1111 1111", "[creditcard]")
    assert back["tags"] == original["tags"]


# -- 12. empty input, parse errors, bad --scrubbers ---------------------------------------------


@pytest.mark.parametrize("stdin", ["", "   \n\t\n", "\ufeff"])
def test_empty_input_says_no_input(stdin: str) -> None:
    code, _out, err = scrub(stdin)
    assert code == 2 and "no input" in err and one_line(err) and "holds no event" not in err


@pytest.mark.parametrize(
    ("stdin", "where"),
    [
        ('{\n  "a": 1,\n  "b" 2\n}', "line 3, column 7"),
        # Python 3.13 names the trailing comma itself, one column earlier
        ('{"a": [1, 2,]}', "line 1, column 12" if sys.version_info >= (3, 13) else "line 1, column 13"),
        ("not json at all", "line 1, column 1"),
        ('{"message": "unterminated}', "line 1, column 13"),
    ],
)
def test_a_parse_error_names_the_line_and_column(stdin: str, where: str) -> None:
    code, _, err = scrub(stdin)
    assert code == 2 and where in err and one_line(err), err


@pytest.mark.parametrize(
    ("stdin", "needle"),
    [
        ('{"event_id": "x"}\n[1]\n{}\n', "item header"),
        ('{"event_id": "x"}\n{"type": "event", "length": "ten"}\n{}\n', "length"),
        ('{"event_id": "x"}\n{"type": "event", "length": -4}\n{}\n', "length"),
        ('{"event_id": "x"}\n{"type": "event"}\nnot json\n', "event item"),
        ('{"event_id": "x"}\n{"type": "event"}\n[1, 2]\n', "not an event"),
        ('{"event_id": "x"}\n{"type": "attachment", "length": 3}\nabc\n', "no event or transaction item"),
    ],
)
def test_a_bad_envelope_is_one_line(stdin: str, needle: str) -> None:
    code, _, err = scrub(stdin)
    assert code == 2 and needle in err and one_line(err), err


@pytest.mark.parametrize("raw", [b"\xff\xfe{}", b'{"a": "\xc3"}', b"\x80"])
def test_bytes_that_are_not_utf8_are_bad_input(raw: bytes) -> None:
    code, _, err = scrub(raw)
    assert code == 2 and "not UTF-8" in err and one_line(err), err


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("os:system", "cannot be called with (event, hint)"),
        ("json:loads", "cannot be called with (event, hint)"),
        ("no_such_module_xyz:scrub", "cannot import 'no_such_module_xyz'"),
        ("not-a-path", "is not of the form"),
    ],
)
def test_a_bad_scrubbers_option_is_bad_input(value: str, needle: str) -> None:
    event = (FIXTURES / "event.json").read_text()
    code, out, err = scrub(event, "--scrubbers", value)
    assert code == 2 and out == "" and needle in err and "--scrubbers" in err and one_line(err), err


def test_a_scrubber_that_fails_at_run_time_exits_1() -> None:
    code, _, err = scrub('{"message": "x"}', "--scrubbers", "operator:getitem")
    assert code == 1 and "operator.getitem" in err and one_line(err), err


def test_a_huge_input_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse
    out, err = io.StringIO(), io.StringIO()
    assert main(["scrub", str(big)], out, err) == 2
    assert "larger than" in err.getvalue() and one_line(err.getvalue())


# -- properties ------------------------------------------------------------------------------


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # a named function: hypothesis reads a lambda's source to check it recurses, and misread
    # this one once wrapped over lines (HypothesisDeprecationWarning, an error here)
    return st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    _containers,
    max_leaves=20,
)


@settings(max_examples=60)
@given(st.text(max_size=200))
def test_any_text_gives_an_exit_code_and_one_line(text: str) -> None:
    for args in ([], ["--diff"]):
        code, _out, err = scrub(text, *args)
        assert code in (0, 1, 2)
        if code:
            assert one_line(err), err


@settings(max_examples=60)
@given(st.binary(max_size=200))
def test_any_bytes_give_an_exit_code_and_one_line(raw: bytes) -> None:
    code, _, err = scrub(raw)
    assert code in (0, 1, 2) and (code == 0 or one_line(err)), err


@settings(max_examples=60)
@given(_json)
def test_any_json_value_is_scrubbed_or_refused(value: Any) -> None:
    code, out, err = scrub(json.dumps(value))
    if isinstance(value, dict):
        assert code == 0, err
        assert isinstance(json.loads(out), dict)
    else:
        assert code == 2 and "not an event" in err and one_line(err)


def test_a_diff_path_with_odd_keys_is_quoted_not_printed_raw() -> None:
    event = {"extra": {"\x1b[2Jpassword": "hunter2-Secret!", "a.b": {"password": "x"}, "k\ud800": "x"}}
    code, out, err = scrub(json.dumps(event), "--diff")
    assert code == 0, err
    assert out.splitlines() == [
        '$.extra["\\u001b[2Jpassword"]: "hunter2-Secret!" -> "[Filtered]"',
        '$.extra["a.b"].password: "x" -> "[Filtered]"',
    ]
