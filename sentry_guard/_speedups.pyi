"""The optional compiled scanner and walker (``_speedups.c``); absent in a pure-Python install."""

from typing import Any

FEATURE_COUNT: int
#: containers deeper than this make `is_plain` answer None (walk.DEEP): `walk.is_plain` decides
PLAIN_DEPTH: int

def compile_anchors(anchors: list[tuple[bytes, bool, bool]], /) -> Any: ...
def compile_key_words(words: list[bytes], stems: list[bytes], /) -> Any: ...
def compile_candidates(
    formats: int,
    owners: list[tuple[int, ...]],
    alternatives: list[tuple[int, int, int, tuple[int, ...] | None]],
    /,
) -> Any: ...
def scan(
    texts: list[str],
    sensitive: set[Any],
    judged: set[Any],
    anchors: Any,
    runs_from: int,
    key_words: Any,
    clean: set[str],
    clean_limits: tuple[int, int],
    candidates: Any,
    /,
) -> tuple[
    tuple[list[int], ...], dict[str, list[int]], dict[int, list[int]], list[tuple[int, int]], list[int]
]: ...
def walk(
    config: tuple[Any, ...], tree: Any, found: list[str] | None, pending: list[str] | None, /
) -> Any: ...
def is_plain(tree: Any, /) -> bool | None: ...
def holding(texts: list[str], values: list[str], /) -> list[int] | None: ...
def descend(
    old: Any, new: Any, path: tuple[Any, ...], context: str | None, /
) -> list[tuple[Any, Any, tuple[Any, ...], Any, str | None]] | None: ...
