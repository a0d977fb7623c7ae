"""Scrubber import paths whose target has no readable signature, or whose module imports
something missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sentry_guard import ConfigError, load_settings

from .modules import importable

MODULES = {
    # a callable Python cannot read the parameters of (as a C or Cython function without a
    # text signature): its __signature__ is no Signature
    "acme_opaque": """
        class Opaque:
            __signature__ = "(event, hint)"

            def __call__(self, event, hint):
                return event

        scrub = Opaque()
        """,
    # the module itself is there; a package it imports is not
    "acme_needs_dep": """
        import acme_missing_dependency.sub

        def scrub(event, hint):
            return event
        """,
}


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with importable(MODULES, tmp_path, monkeypatch) as where:
        yield where


def _problem(path: str) -> tuple[str, str]:
    with pytest.raises(ConfigError) as info:
        load_settings(scrubbers=path)
    (problem,) = info.value.problems
    return problem.rule, problem.fix


def test_a_callable_without_a_readable_signature_is_refused(modules: Path) -> None:
    rule, fix = _problem("acme_opaque:scrub")
    assert rule == (
        "'acme_opaque:scrub': cannot tell whether it takes (event, hint), it has no signature Python can read"
    )
    assert "(event, hint)" in fix


def test_a_missing_dependency_of_the_module_is_named_as_what_to_install(modules: Path) -> None:
    rule, fix = _problem("acme_needs_dep:scrub")
    assert rule.startswith("cannot import 'acme_needs_dep' (ModuleNotFoundError")
    assert fix == "install 'acme_missing_dependency', which the module imports, or fix that import"
