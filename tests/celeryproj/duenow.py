"""A beat scheduler for the end-to-end tests (no app of its own: any project can use it)."""

import heapq
from typing import Any

from celery.beat import Scheduler
from celery.schedules import schedstate


class DueNowScheduler(Scheduler):  # type: ignore[misc]  # celery has no types: Scheduler is Any
    """Every entry runs once at start, then on its real schedule: the test does not wait a
    minute, and no schedule is shortened below what Sentry monitors."""

    def setup_schedule(self) -> None:
        super().setup_schedule()
        self._started: set[str] = set()

    def populate_heap(self, *args: object, **kwargs: object) -> None:
        # beat orders its heap by each entry's *next* run: put every entry first in line
        super().populate_heap(*args, **kwargs)
        self._heap: list[Any] = [event._replace(time=0, priority=i) for i, event in enumerate(self._heap)]
        heapq.heapify(self._heap)

    def is_due(self, entry):  # type: ignore[no-untyped-def]
        if entry.name not in self._started:
            self._started.add(entry.name)
            return schedstate(is_due=True, next=1.0)
        return super().is_due(entry)
