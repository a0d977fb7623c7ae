"""README.md stays true: its variable table is the model's, its commands exist."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sentry_guard._docs import settings_table, write_readme

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
    section = section[: section.index("For a Django project")]
    (block,) = re.findall(r"```python\n(.*?)```", section, re.S)
    pytester.makepyfile(test_privacy=block)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=2)


DEMO_COMMAND = (
    "python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install -e . && sentry-guard demo"
)


def test_demo_command_is_the_readme_one() -> None:
    section = README[README.index("## See it") : README.index("## Install")]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert block.strip() == DEMO_COMMAND


def test_the_readme_demo_sample_is_the_real_output() -> None:
    section = README[README.index("## See it") : README.index("## Install")]
    (sample,) = re.findall(r"```text\n(.*?)\n```", section, re.S)
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("SENTRY_") or k == "SENTRY_GUARD_PURE_PYTHON"
    }
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "demo"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr

    def port(text: str) -> str:
        return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", text)

    assert port(result.stdout.rstrip("\n")) == port(sample)


@pytest.mark.parametrize("option", ["--diff", "--explain"])
def test_the_readme_scrub_samples_are_real(option: str) -> None:
    section = README[README.index("**See why a value was scrubbed**") : README.index("## Configure")]
    (sample,) = re.findall(rf"```text\n\$ sentry-guard scrub {option} (\S+)\n(.*?)\n```", section, re.S)
    result = subprocess.run(
        [sys.executable, "-m", "sentry_guard", "scrub", option, sample[0]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert set(sample[1].splitlines()) <= set(lines)
    if option == "--explain":  # each rule stands under its change
        shown = sample[1].splitlines()
        for change, rule in zip(shown[::2], shown[1::2], strict=True):
            assert lines[lines.index(change) + 1] == rule


def test_the_readme_keeps_python_and_pip_only() -> None:
    """Nothing but Python 3 and pip: no tool the reader would have to install first."""
    for command in (DEMO_COMMAND, _between("<!-- test-command:start -->", "<!-- test-command:end -->")):
        assert "python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install -e " in command


def test_write_readme_replaces_only_the_table(tmp_path: Path) -> None:
    """`python -m sentry_guard._docs --write`: the table between the markers, nothing else."""
    readme = tmp_path / "README.md"
    start, end = "<!-- settings-table:start -->", "<!-- settings-table:end -->"
    readme.write_text(f"# Title\n\n{start}\n| stale |\n{end}\n\nAfter.\n", encoding="utf-8")
    write_readme(str(readme))
    assert readme.read_text(encoding="utf-8") == f"# Title\n\n{start}\n{settings_table()}\n{end}\n\nAfter.\n"
