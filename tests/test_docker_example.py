"""examples/docker: the Dockerfile and compose file parse, their `sentry-guard` steps pass with
the environment they give, a bad setting fails the build step, and every SENTRY_* name in them
is one sentry_guard knows."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from sentry_guard._variables import unknown_variables

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "examples" / "docker"
APP = ROOT / "examples" / "django_app"
RELEASE = "shop@1.4.2"


def _instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(
        r"\\\n\s*", " ", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    )
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in joined.splitlines()
        if line.strip()
    ]


def _dockerfile(build_args: dict[str, str]) -> tuple[dict[str, str], list[str], str]:
    """(ENV it sets, its RUN steps, its WORKDIR's source folder) with `build_args` given."""
    args: dict[str, str] = {}
    env: dict[str, str] = {}
    runs = []
    for instruction, rest in _instructions((DOCKER / "Dockerfile").read_text()):
        if instruction == "ARG":
            name, _, default = rest.partition("=")
            args[name] = build_args.get(name, default)
        elif instruction == "ENV":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                env[name] = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), ""), value)
        elif instruction == "RUN":
            runs.append(rest)
    return env, runs, "examples/django_app"


def _interpolate(value: str, host: dict[str, str]) -> str:
    """Compose's ${VAR:-default} and ${VAR:?error}, with `host` as the shell's environment."""

    def one(match: re.Match[str]) -> str:
        name, op, word = match.group(1), match.group(2) or "", match.group(3) or ""
        if host.get(name):
            return host[name]
        if op == ":?":
            raise AssertionError(f"compose needs {name}: {word}")
        return word

    return re.sub(r"\$\{(\w+)(:-|:\?)?([^}]*)\}", one, value)


def _env_file(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line.strip() and not line.startswith("#")]
    return {k.strip(): v.strip() for k, v in pairs}


def _compose() -> dict[str, Any]:
    return dict(yaml.safe_load((DOCKER / "compose.yaml").read_text()))


def _sentry_guard_steps(command: str) -> list[list[str]]:
    return [shlex.split(part) for part in command.split("&&") if part.strip().startswith("sentry-guard")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The image's WORKDIR: a copy of the example, outside any git checkout (the image has none)."""
    app = tmp_path_factory.mktemp("image") / "app"
    shutil.copytree(APP, app, ignore=shutil.ignore_patterns("__pycache__"))
    return app


def _run(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    script = shutil.which("sentry-guard", path=str(Path(sys.executable).parent))
    assert script
    base = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_") and k != "PYTHONPATH"}
    return subprocess.run(
        [script, *argv[1:]], env={**base, **env}, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_dockerfile_takes_the_release_as_a_build_argument() -> None:
    env, runs, _ = _dockerfile({"SENTRY_RELEASE": RELEASE})
    assert env["SENTRY_RELEASE"] == RELEASE
    steps = [step for run in runs for step in _sentry_guard_steps(run)]
    assert ["sentry-guard", "check"] in steps and ["sentry-guard", "release"] in steps


def test_the_dockerfile_checks_pass_with_its_environment(workdir: Path) -> None:
    env, runs, _ = _dockerfile({"SENTRY_RELEASE": RELEASE})
    for run in runs:
        for step in _sentry_guard_steps(run):
            result = _run(step, env, workdir)
            assert result.returncode == 0, (step, result.stderr)
            assert "warning" not in result.stderr, result.stderr
            if step == ["sentry-guard", "release"]:
                assert result.stdout == f"{RELEASE}\n"


@pytest.mark.parametrize(
    ("build_args", "extra", "needle"),
    [
        ({"SENTRY_RELEASE": "feature/login"}, {}, "SENTRY_RELEASE: the release contains '/'"),
        ({}, {}, "no release"),  # built without --build-arg SENTRY_RELEASE
        ({"SENTRY_RELEASE": RELEASE}, {"SENTRY_TRACES_SAMPLE_RATE": "10"}, "SENTRY_TRACES_SAMPLE_RATE"),
    ],
)
def test_a_bad_setting_fails_the_build_step(
    build_args: dict[str, str], extra: dict[str, str], needle: str, workdir: Path
) -> None:
    env, runs, _ = _dockerfile(build_args)
    (run,) = [run for run in runs if "sentry-guard" in run]
    codes = []
    for step in _sentry_guard_steps(run):  # `a && b`: the step fails at the first that fails
        result = _run(step, {**env, **extra}, workdir)
        codes.append(result.returncode)
        if result.returncode:
            assert needle in result.stderr, result.stderr
            break
    assert codes[-1] == 1


def test_every_compose_service_starts_with_passing_checks(workdir: Path) -> None:
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"redis", "web", "worker", "beat"}
    image_env, _, _ = _dockerfile({"SENTRY_RELEASE": RELEASE})
    host = {"SENTRY_RELEASE": RELEASE}
    for name in ("web", "worker", "beat"):
        service = services[name]
        assert service["build"]["args"]["SENTRY_RELEASE"].startswith("${SENTRY_RELEASE:?")
        assert service["env_file"] == "sentry.env"
        env = {**image_env, **_env_file(DOCKER / service["env_file"])}
        env.update({k: _interpolate(str(v), host) for k, v in service["environment"].items()})
        command = service["command"][-1] if isinstance(service["command"], list) else service["command"]
        steps = _sentry_guard_steps(command)
        assert ["sentry-guard", "check"] in steps
        for step in steps:
            result = _run(step, env, workdir)
            assert result.returncode == 0, (name, step, result.stdout, result.stderr)
            assert "warning" not in result.stderr, result.stderr


def test_every_sentry_name_in_the_docker_files_is_known() -> None:
    names = set()
    for path in (DOCKER / "Dockerfile", DOCKER / "compose.yaml", DOCKER / "sentry.env"):
        names |= set(re.findall(r"\bSENTRY_[A-Z_]+\b", path.read_text()))
    assert {"SENTRY_RELEASE", "SENTRY_DSN", "SENTRY_ENVIRONMENT"} <= names
    assert unknown_variables(dict.fromkeys(names, "x")) == []
