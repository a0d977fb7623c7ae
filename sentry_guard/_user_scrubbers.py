"""Your scrubbers, from import paths or as callables: imported, checked, and refused clearly.

A scrubber must take ``(event, hint)``: ``os:system`` resolves to a callable too, but one
that would run the event as a shell command. An import error is told without what it
may carry (a DSN in a message, an escape sequence), and without the value in full.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from ._exceptions import InvalidSetting
from ._safe_text import excerpt, safe_error_text

__all__ = ["check_signature", "import_fix", "resolve_scrubber", "scrubber_label", "usable_scrubber"]

#: how much of an import path a message shows (paths are longer than most values)
PATH_CHARS = 60
_SHAPE = "write a function def scrub(event, hint) returning the event or None"


def scrubber_label(scrubber: Any) -> str:
    """How to name a scrubber in a message: its ``name``, else its module and qualified name."""
    name = getattr(scrubber, "name", None)
    if isinstance(name, str) and name:
        return excerpt(name)
    target = scrubber if hasattr(scrubber, "__qualname__") else type(scrubber)
    module = getattr(target, "__module__", "") or ""
    qualname = getattr(target, "__qualname__", type(target).__name__)
    return excerpt(f"{module}.{qualname}" if module and module != "builtins" else qualname, 80)


def _parameters(signature: inspect.Signature) -> str:
    """The parameters as Python shows them, without defaults (a default may hold a secret)."""
    bare = [p.replace(default=p.empty, annotation=p.empty) for p in signature.parameters.values()]
    return str(signature.replace(parameters=bare, return_annotation=inspect.Signature.empty))


def check_signature(target: Any, where: str) -> None:
    """Raise `InvalidSetting` unless `target` can be called as ``target(event, hint)``."""
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        raise InvalidSetting(
            f"{where}: cannot tell whether it takes (event, hint), it has no signature Python can read",
            _SHAPE,
        ) from None
    try:
        signature.bind(None, None)
    except TypeError:
        raise InvalidSetting(
            f"{where} takes {_parameters(signature)}, so it cannot be called with (event, hint)", _SHAPE
        ) from None


def usable_scrubber(target: Any, where: str, *, signature: bool = True) -> Any:
    """`target` as a scrubber: a class is instantiated without arguments; the result must be
    callable (as (event, hint), unless `signature` is off: the caller checks it), else
    `InvalidSetting`."""
    if inspect.isclass(target):
        try:
            target = target()
        except Exception as exc:
            raise InvalidSetting(
                f"{where}: the class could not be created without arguments ({safe_error_text(exc)})",
                "give the class a constructor that takes no arguments",
            ) from None
    if not callable(target):
        raise InvalidSetting(
            f"{where} is a {type(target).__name__}, not a callable (event, hint) -> event | None", _SHAPE
        )
    if signature:
        check_signature(target, where)
    return target


def import_fix(module_name: str, exc: BaseException) -> str:
    """What to do when `module_name` failed to import with `exc`: told from the error, never
    the same path again (a fix that repeats the input helps nobody)."""

    def named(text: str) -> str:
        shown = excerpt(text, 40)
        return "it" if shown.startswith("(") else shown  # a name that looks secret is not shown

    top = module_name.split(".")[0]
    missing = getattr(exc, "name", None) if isinstance(exc, ModuleNotFoundError) else None
    if missing is not None and (module_name == missing or module_name.startswith(missing + ".")):
        return f"check the spelling; run from the folder that holds {named(top)}, or add that folder to PYTHONPATH"
    if missing is not None:
        return f"install {named(missing.split('.')[0])}, which the module imports, or fix that import"
    return "fix the error the module raises when it is imported"


def resolve_scrubber(path: str) -> Any:
    """Import ``package.module:attribute`` (a function, a callable, or a class to instantiate)
    and check it takes ``(event, hint)``; `InvalidSetting` says what is wrong, never echoing much."""
    module_name, sep, attribute = path.strip().partition(":")
    if not sep or not module_name or not attribute:
        raise InvalidSetting(
            f"{excerpt(path, PATH_CHARS)} is not of the form 'package.module:function'",
            "write the module, a colon and the function, e.g. 'myapp.sentry:scrub'",
        )
    where = excerpt(path.strip(), PATH_CHARS)
    module_shown = excerpt(module_name, PATH_CHARS)
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise InvalidSetting(
            f"cannot import {module_shown} ({safe_error_text(exc)})", import_fix(module_name, exc)
        ) from None
    except SystemExit:
        raise InvalidSetting(
            f"cannot import {module_shown}: it called sys.exit() on import",
            "make the module importable without exiting (move the exit under `if __name__ == '__main__':`)",
        ) from None
    target: Any = module
    for part in attribute.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise InvalidSetting(
                f"module {module_shown} has no {excerpt(attribute, PATH_CHARS)}",
                "check the name after the ':' (it is case-sensitive)",
            ) from None
    return usable_scrubber(target, where)
