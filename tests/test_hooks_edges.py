"""Building the chain from settings whose import paths no longer resolve."""

from __future__ import annotations

import pytest

from sentry_guard import ConfigError, default_chain, load_settings


def test_import_paths_that_no_longer_resolve_are_each_a_problem() -> None:
    """Settings check their import paths when they are loaded; settings changed afterwards
    without validation (pydantic's ``model_copy(update=...)``) are checked again when the chain
    is built, every bad path told, none imported half-way."""
    settings = load_settings().model_copy(
        update={"scrubbers": ("no_such_module_xyz:scrub", "json:nothing_here"), "before_send": "not-a-path"}
    )
    with pytest.raises(ConfigError) as info:
        default_chain(settings)
    problems = [(p.variable, p.rule) for p in info.value.problems]
    assert [variable for variable, _ in problems] == [
        "SENTRY_SCRUBBERS",
        "SENTRY_SCRUBBERS",
        "SENTRY_BEFORE_SEND",
    ]
    assert "cannot import 'no_such_module_xyz'" in problems[0][1]
    assert "module 'json' has no 'nothing_here'" in problems[1][1]
    assert "is not of the form 'package.module:function'" in problems[2][1]
