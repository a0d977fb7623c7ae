"""Running the installed `sentry-guard` console script against the fake Sentry API."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .fake_sentry import TOKEN, FakeSentry


def run(
    sentry: FakeSentry, *args: str, stdin: str = "", url: str | None = None
) -> subprocess.CompletedProcess[str]:
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script, "the sentry-guard console script is not installed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    env.update(
        SENTRY_URL=url or sentry.url, SENTRY_AUTH_TOKEN=TOKEN, SENTRY_ORG="acme", SENTRY_PROJECT="shop"
    )
    return subprocess.run([script, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)
