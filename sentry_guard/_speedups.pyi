"""The optional compiled scanner and walker (``_speedups.c``); absent in a pure-Python install."""

from typing import Any

FEATURE_COUNT: int
#: containers deeper than this make `is_plain` answer None (walk.DEEP): `walk.is_plain` decides
PLAIN_DEPTH: int

def scan(
    texts: list[str], sensitive: set[Any], judged: set[Any], /
) -> tuple[tuple[list[int], ...], dict[str, list[int]]]: ...
def walk(
    config: tuple[Any, ...], tree: Any, found: list[str] | None, pending: list[str] | None, /
) -> Any: ...
def is_plain(tree: Any, /) -> bool | None: ...
def holding(texts: list[str], values: list[str], /) -> list[int] | None: ...
def descend(
    old: Any, new: Any, path: tuple[Any, ...], context: str | None, /
) -> list[tuple[Any, Any, tuple[Any, ...], Any, str | None]] | None: ...
