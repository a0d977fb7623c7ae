"""Settings given to configure()/load_settings() as Python values of the wrong type: each a
problem naming the setting, not a crash."""

from __future__ import annotations

from typing import Any

import pytest

from sentry_guard import ConfigError, load_settings


@pytest.mark.parametrize("value", [5, 2.5, {"ValueError": 1}])
def test_a_list_setting_given_no_list_or_text_is_refused(value: Any) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(ignore_errors=value)
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_IGNORE_ERRORS (given to configure())"
    assert "valid tuple" in problem.rule


def test_a_before_send_that_is_neither_a_path_nor_a_callable_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(before_send=42)
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_BEFORE_SEND (given to configure())"
    assert problem.rule == "expected an import path or a callable, got int"


def test_every_bad_scrubber_path_is_told_in_one_problem() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(scrubbers=["json:nothing_here", "not-a-path", "json:nothing_here"])
    (problem,) = info.value.problems
    assert problem.variable == "SENTRY_SCRUBBERS (given to configure())"
    assert (
        problem.rule
        == "module 'json' has no 'nothing_here'; 'not-a-path' is not of the form 'package.module:function'"
    )
