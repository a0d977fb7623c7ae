"""The README's environment-variable table, generated from the settings model.

Run ``python -m sentry_guard._docs`` to print it; a test fails when README.md differs.
"""

from __future__ import annotations

from .settings import Settings, env_name

__all__ = ["settings_table"]

_GROUPS = ("core", "release", "sampling", "data", "guard")


def _default(name: str) -> str:
    value = Settings.model_fields[name].default
    if value is None or value == ():
        return "unset"
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


if __name__ == "__main__":
    print(settings_table())
