"""README.md stays true: its variable table is the model's, its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sentry_guard._docs import settings_table

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _between(start: str, end: str) -> str:
    match = re.search(re.escape(start) + r"\n(.*?)\n" + re.escape(end), README, re.S)
    assert match, f"README.md lacks the {start} ... {end} block"
    return match.group(1)


def test_readme_table_matches_the_settings_model() -> None:
    assert _between("<!-- settings-table:start -->", "<!-- settings-table:end -->") == settings_table(), (
        "README.md's variable table is stale: regenerate it with `python -m sentry_guard._docs`"
    )


def test_ci_runs_the_readme_test_command() -> None:
    block = _between("<!-- test-command:start -->", "<!-- test-command:end -->").splitlines()
    assert block[0] == "```sh" and block[-1] == "```" and len(block) == 3, "one command in one sh block"
    command = block[1]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_custom_scrubber_example_runs() -> None:
    """The README's scrubber module and its test work as printed."""
    start = README.index("### Your own scrubbers")
    section = README[start : README.index("\n## ", start)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    namespace: dict[str, object] = {}
    exec(blocks[0], namespace)  # myapp/sentry.py
    exec("import sentry_guard\n" + blocks[-1], namespace)  # the test
    namespace["test_orders_notes_never_leave"]()  # type: ignore[operator]
    drop = namespace["drop_health_checks"]
    assert drop({"transaction": "/health"}, {}) is None  # type: ignore[operator]


def test_testing_example_runs(pytester: pytest.Pytester) -> None:
    """The README's privacy test passes as printed, with the installed plugin."""
    section = README[README.index("## Test your scrubbing") : README.index("## In a Dockerfile")]
    (block,) = re.findall(r"```python\n(.*?)```", section, re.S)
    pytester.makepyfile(test_privacy=block)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_demo_command_is_the_readme_one() -> None:
    section = README[README.index("## See it") : README.index("## Install")]
    assert "python3 -m pip install -e . && python3 -m sentry_guard demo" in section
