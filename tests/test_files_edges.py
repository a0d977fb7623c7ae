"""Reading the files settings point at: a file that holds more than its size said, and a
file type the checks do not name."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sentry_guard._files import UnsafeFile, _refuse, read_small_file

#: a regular file whose size reads 0 while it holds more (Linux's /proc)
GROWS = Path("/proc/self/status")


def test_a_file_longer_than_its_size_said_is_refused_after_limit_bytes() -> None:
    """The size is checked on the open file, then again on what was read: a file that grew
    since (or, like /proc, says 0) is refused without reading more than the limit allows."""
    if not GROWS.is_file() or GROWS.stat().st_size != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{GROWS} is needed (Linux): a regular file whose size reads 0")
        pytest.skip(f"no {GROWS} here")
    assert len(read_small_file(GROWS, 1 << 20)) > 16
    with pytest.raises(UnsafeFile) as info:
        read_small_file(GROWS, 16)
    assert info.value.reason == "it is larger than 16 bytes"


def test_a_file_type_not_named_is_still_refused() -> None:
    """A type the checks do not know by name (a Solaris door, a BSD whiteout) is no regular file."""
    unknown = 0o150000  # S_IFMT bits of no type Linux or macOS has
    assert not stat.S_ISREG(unknown)
    with pytest.raises(UnsafeFile) as info:
        _refuse(unknown, 0, 100)
    assert info.value.reason == "it is not a regular file"
