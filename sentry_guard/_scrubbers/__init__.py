"""Scrubbers: plain callables ``(event, hint) -> event | None``, composed by `Chain`."""

from __future__ import annotations

from .._exceptions import ScrubberError
from ..typing import Scrubber
from .chain import Chain, fail_closed
from .default import DefaultScrubber
from .keys import KeyMatcher
from .walk import FILTERED, Walker

__all__ = [
    "FILTERED",
    "Chain",
    "DefaultScrubber",
    "KeyMatcher",
    "Scrubber",
    "ScrubberError",
    "Walker",
    "fail_closed",
]
