"""Convert a published Sentry event (sample, fixture or SDK payload) to the ingest format that
`before_send` receives, changing only its shape, never a string (see SOURCES.md).

Usage: python -m tests.precision.convert PUBLISHED.json OUT.json

The rules, each applied only where the published file needs it:

* legacy interface names become the top-level keys Relay accepts for them
  (``sentry.interfaces.Exception`` -> ``exception``, ``...Stacktrace`` -> ``stacktrace``,
  ``...Breadcrumbs`` -> ``breadcrumbs``, ``...User`` -> ``user``, ``...Http`` -> ``request``,
  ``...Message`` -> ``logentry``, ``...Template`` -> ``template``);
* a ``message`` given as an object (the Message interface) becomes ``logentry``;
* ``tags``, ``request.headers`` and ``request.cookies`` given as ``[key, value]`` pair lists
  become objects (kept as lists if a key repeats);
* ``exception`` and ``breadcrumbs`` given as bare lists become ``{"values": [...]}``;
* ``_meta`` (Relay's record of what it already removed server-side) is dropped: it is not part
  of what an SDK hands to ``before_send``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

LEGACY = {
    "sentry.interfaces.Exception": "exception",
    "sentry.interfaces.Stacktrace": "stacktrace",
    "sentry.interfaces.Breadcrumbs": "breadcrumbs",
    "sentry.interfaces.User": "user",
    "sentry.interfaces.Http": "request",
    "sentry.interfaces.Message": "logentry",
    "sentry.interfaces.Template": "template",
}


def _pairs_to_dict(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(p, list) and len(p) == 2 for p in value):
        keys = [p[0] for p in value]
        if len(set(keys)) == len(keys):
            return {k: v for k, v in value}
    return value


def convert(published: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The event in ingest format, and the list of conversions applied."""
    done: list[str] = []
    event: dict[str, Any] = {}
    for key, value in published.items():
        if key == "_meta":
            done.append("dropped `_meta`")
            continue
        if key in LEGACY:
            done.append(f"`{key}` -> `{LEGACY[key]}`")
            key = LEGACY[key]
        elif key == "message" and isinstance(value, dict):
            done.append("`message` object -> `logentry`")
            key = "logentry"
        event[key] = value
    tags = event.get("tags")
    if isinstance(tags, list):
        event["tags"] = _pairs_to_dict(tags)
        done.append("`tags` pair list -> object")
    request = event.get("request")
    if isinstance(request, dict):
        for part in ("headers", "cookies"):
            if isinstance(request.get(part), list):
                converted = _pairs_to_dict(request[part])
                if converted is not request[part]:
                    request[part] = converted
                    done.append(f"`request.{part}` pair list -> object")
    for part in ("exception", "breadcrumbs"):
        if isinstance(event.get(part), list):
            event[part] = {"values": event[part]}
            done.append(f'`{part}` list -> `{{"values": [...]}}`')
    return event, done


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        event, done = convert(json.load(f))
    with open(target, "w", encoding="utf-8") as f:
        json.dump(event, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{target}: {'; '.join(done) or 'none'}")


if __name__ == "__main__":
    main()
