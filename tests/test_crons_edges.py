"""`monitor_config` given a schedule of neither accepted shape."""

from __future__ import annotations

from typing import Any

import pytest

from sentry_guard import ConfigError, monitor_config


@pytest.mark.parametrize("schedule", [300, ["*/5", "*", "*", "*", "*"], (10, "minute", "UTC"), None])
def test_a_schedule_of_another_shape_is_refused_with_both_forms_shown(schedule: Any) -> None:
    with pytest.raises(ConfigError) as info:
        monitor_config(schedule)
    (problem,) = info.value.problems
    assert problem.variable == "schedule"
    assert problem.rule == f"{schedule!r} is neither a crontab string nor (value, unit)"
    assert problem.fix == "use '*/5 * * * *' or (10, 'minute')"
