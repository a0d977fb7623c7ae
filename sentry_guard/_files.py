"""Reading the files settings point at: regular files only, small, and never blocking.

A FIFO would block `open()` until a writer comes, ``/dev/zero`` never ends, a directory or a
huge file is a mistake: each is refused with a reason before anything is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["UnsafeFile", "check_regular_file", "read_small_file"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeFile(OSError):
    """The path is not a regular file of at most the allowed size; `reason` says what it is."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _refuse(mode: int, size: int, limit: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise UnsafeFile(f"it is {kind}, not a regular file")
    if not stat.S_ISREG(mode):
        raise UnsafeFile("it is not a regular file")
    if size > limit:
        raise UnsafeFile(f"it is larger than {limit} bytes")


def check_regular_file(path: Path, limit: int) -> None:
    """Raise `UnsafeFile` unless `path` (links followed) is a regular file of at most `limit` bytes;
    `OSError` when it cannot be looked at (missing, no permission)."""
    info = os.stat(path)
    _refuse(info.st_mode, info.st_size, limit)


def read_small_file(path: Path, limit: int) -> bytes:
    """The content of a regular file of at most `limit` bytes; `UnsafeFile` or `OSError` otherwise.

    Opened without blocking (a FIFO answers at once) and checked on the open descriptor, so
    a file swapped between a check and the read cannot slip through; never reads past `limit`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        check_regular_file(path, limit)  # a socket cannot even be opened: say what it is
        fd = os.open(path, flags)
    except ValueError:  # a NUL in the path
        raise UnsafeFile("the path contains a NUL character") from None
    try:
        info = os.fstat(fd)
        _refuse(info.st_mode, info.st_size, limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew since fstat
            raise UnsafeFile(f"it is larger than {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)
