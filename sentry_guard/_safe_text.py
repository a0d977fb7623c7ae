"""Text that is safe to print: no terminal control sequences, no URL passwords, no secrets.

Everything the library prints that it did not write itself (a server's answer, a value
from the environment, an exception from someone else's code) goes through one of these.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from ._scrubbers import DefaultScrubber

__all__ = ["clean", "excerpt", "looks_secret", "mask_url", "safe_error_text", "safe_message", "scrub"]

#: how much of a value an error message may show
EXCERPT_CHARS = 24
#: how much of someone else's text (a server's detail, an exception) a message may show
MESSAGE_CHARS = 200

_USERINFO = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://)([^/?#\s]*)@")
#: a run of key-like characters; with a few letters and digits: a DSN key, an API token, a hash
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_+=-]{16,}")
_BLANKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")


def mask_url(text: str) -> str:
    """Replace the ``user:password@`` of every URL in `text` by ``***:***@`` (or ``***@``)."""

    def masked(match: re.Match[str]) -> str:
        userinfo = "***:***" if ":" in match.group(2) else "***"
        return f"{match.group(1)}{userinfo}@"

    return _USERINFO.sub(masked, text)


def _printable(char: str) -> str:
    # Not printable: Cc (C0/C1 controls, ESC and CSI among them), Cf (bidi overrides and
    # other invisible formatting that can make a line read differently), Cs (lone
    # surrogates), Co and Cn (private and unassigned), and separators other than a space.
    if char.isprintable():
        return char
    return " " if unicodedata.category(char) == "Zs" else ""


def clean(text: str, limit: int = MESSAGE_CHARS) -> str:
    """`text` on one line of printable characters, at most `limit` of them (``…`` marks a cut)."""
    text = _BLANKS.sub(" ", text)
    if not text.isprintable():
        text = "".join(_printable(c) for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.lru_cache(maxsize=1)
def _scrubber() -> Any:
    return DefaultScrubber()


def scrub(text: str) -> str:
    """`text` with what the default detectors find replaced (emails, tokens, URL passwords, ...)."""
    return str(_scrubber().scrub_text(text))


def looks_secret(text: str, *, token_runs: bool = True) -> bool:
    """Whether `text` holds something no message should show: what the detectors find, a URL
    with a user part (a DSN), or (unless `token_runs` is false: where commit SHAs belong) a
    long run of letters and digits (a key, a token)."""
    if mask_url(text) != text:
        return True
    if token_runs and any(_token_like(run) for run in _TOKEN_RUN.findall(text)):
        return True
    return scrub(text) != text


def _token_like(run: str) -> bool:
    """Letters with two digits, or with one and capitals: a key, not a snake_case name like `test_x0`."""
    digits = sum(c.isdigit() for c in run)
    upper = any(c.isupper() for c in run)
    return (digits >= 2 or (digits == 1 and upper)) and sum(c.isalpha() for c in run) >= 2


def excerpt(value: Any, limit: int = EXCERPT_CHARS) -> str:
    """A value for an error message: quoted, short, on one line; never one that looks secret."""
    text = clean(str(value), limit=10 * limit)
    if looks_secret(text):
        return "(a value that looks like a secret, not shown: is it in the right variable?)"
    if len(text) > limit:
        return repr(text[: limit - 1]) + f"… ({len(str(value))} characters)"
    return repr(text)


def safe_error_text(exc: BaseException, *, replace: tuple[str, ...] = ()) -> str:
    """``Type: message`` of someone else's exception, fit to print: every string in `replace`
    (a DSN, a token) removed, URL passwords masked, secrets scrubbed (key-like runs of
    letters and digits too), one short line."""
    message = str(exc)
    for secret in replace:
        if secret:
            message = message.replace(secret, "***")
    return safe_message(f"{type(exc).__name__}: {message}" if message else type(exc).__name__)


def safe_message(text: str) -> str:
    """Someone else's message, fit to print: URL user parts masked, what the detectors find and
    key-like runs of letters and digits replaced, one short line."""
    text = scrub(mask_url(clean(text, limit=4 * MESSAGE_CHARS)))
    return clean(_TOKEN_RUN.sub(lambda m: "***" if _token_like(m.group()) else m.group(), text))
