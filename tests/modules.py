"""Python modules written for a test (user scrubbers, plugins), importable while it runs."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def importable(sources: Mapping[str, str], where: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each of `sources` written as the module of its name in `where` (dedented), importable
    in the block; the modules are forgotten after it, so the next test imports its own."""
    for name, source in sources.items():
        (where / f"{name}.py").write_text(textwrap.dedent(source) + "\n")
    monkeypatch.syspath_prepend(str(where))
    try:
        yield where
    finally:
        for name in sources:
            sys.modules.pop(name, None)
