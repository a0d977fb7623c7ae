"""The README's environment-variable table, generated from the settings model.

Run ``python -m sentry_guard._docs --write`` to update README.md; a test fails when they differ.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ._settings import Settings, env_name

__all__ = ["settings_table"]

_GROUPS = ("core", "release", "sampling", "data", "scrubbing", "celery", "api", "guard")


def _default(name: str) -> str:
    value = Settings.model_fields[name].default
    if value is None or value == ():
        return "unset"
    if isinstance(value, tuple):
        return f"`{','.join(value)}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


def settings_table() -> str:
    """A Markdown table: variable, group, default, meaning; in model order within groups."""
    rows = ["| variable | group | default | meaning |", "| --- | --- | --- | --- |"]
    fields = Settings.model_fields
    for group in _GROUPS:
        for name, info in fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            if extra.get("group") != group:
                continue
            rows.append(f"| `{env_name(name)}` | {group} | {_default(name)} | {info.description} |")
    return "\n".join(rows)


def write_readme(path: str = "README.md") -> None:
    """Replace the table between the README's settings-table markers."""

    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- settings-table:start -->", "<!-- settings-table:end -->"
    pattern = re.compile(re.escape(start) + r"\n.*?\n" + re.escape(end), re.S)
    readme.write_text(pattern.sub(lambda _: f"{start}\n{settings_table()}\n{end}", text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_readme()
    else:
        print(settings_table())
