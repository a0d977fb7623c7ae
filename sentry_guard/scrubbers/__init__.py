"""Scrubbers: plain callables ``(event, hint) -> event | None``, composed by `Chain`."""

from __future__ import annotations

from .chain import Chain, Scrubber, ScrubberError, fail_closed
from .keys import KeyMatcher, KeyScrubber
from .walk import FILTERED, Walker

__all__ = [
    "FILTERED",
    "Chain",
    "KeyMatcher",
    "KeyScrubber",
    "Scrubber",
    "ScrubberError",
    "Walker",
    "fail_closed",
]
