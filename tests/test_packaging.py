"""Packaging: the Dockerfile installs what pyproject builds; the wheel carries the content."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instructions(keyword: str) -> list[str]:
    joined = DOCKERFILE.replace("\\\n", " ")
    return [
        line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(keyword + " ")
    ]


def test_docker_python_satisfies_requires_python():
    minimum = tuple(int(x) for x in PROJECT["requires-python"].removeprefix(">=").split("."))
    for image in _instructions("FROM"):
        match = re.match(r"python:(\d+)\.(\d+)", image)
        assert match, f"unexpected base image {image}"
        assert (int(match[1]), int(match[2])) >= minimum


def test_docker_installs_this_project_at_its_version():
    installs = " ".join(_instructions("RUN"))
    assert f"{PROJECT['name']}=={PROJECT['version']}" in installs
    assert "pip wheel" in installs
    assert "--no-index" in installs  # the runtime stage only installs wheels built from pyproject


def test_docker_copies_everything_the_build_needs():
    copied = " ".join(_instructions("COPY"))
    for needed in ("pyproject.toml", "README.md", "bot", "content"):
        assert needed in copied


def test_docker_runs_the_bot_as_non_root_with_data_volume_and_healthcheck():
    assert _instructions("USER")
    assert not _instructions("USER")[-1].startswith(("root", "0"))
    assert '"/data"' in _instructions("VOLUME")[0]
    assert "STUDYBOT_DATA_DIR=/data" in " ".join(_instructions("ENV"))
    assert '"python", "-m", "bot"' in _instructions("ENTRYPOINT")[0]
    assert '"run"' in _instructions("CMD")[0]
    assert '"health"' in _instructions("HEALTHCHECK")[0]


def test_compose_uses_env_file_and_the_data_volume():
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert "env_file: .env" in compose
    assert ":/data" in compose


def test_wheel_ships_all_code_content_and_migrations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("studybot-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.yaml"))
    assert shipped
    for relative in shipped:
        assert f"bot/{relative}" in names
    code = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "bot").rglob("*.py"))
    missing = [relative for relative in code if relative not in names]
    assert missing == [], "packages missing from pyproject's package list"
    migrations = [p.name for p in (ROOT / "bot/infra/migrations").glob("*.sql")]
    assert all(f"bot/infra/migrations/{name}" in names for name in migrations)


def test_installed_wheel_answers_from_any_directory_with_its_shipped_content(tmp_path):
    wheels, target, elsewhere = tmp_path / "w", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "--wheel-dir", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = wheels.glob("studybot-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    # -S skips site's .pth files, so the checkout's editable install cannot be what answers;
    # the dependencies still come from this environment's site-packages.
    deps = next(p for p in sys.path if p.endswith("site-packages"))
    proc = subprocess.run(
        [sys.executable, "-S", "-m", "bot", "define", "--json", "cgroup"],
        cwd=elsewhere, capture_output=True, text=True, timeout=60, check=False,
        env={"PYTHONPATH": f"{target}:{deps}", "STUDYBOT_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert '"id": "cgroup"' in proc.stdout
    where = subprocess.run(
        [sys.executable, "-S", "-c", "import bot; print(bot.__file__)"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": f"{target}:{deps}"},
    ).stdout  # fmt: skip
    assert where.startswith(str(target))


# --- locks: one set of versions for `make run`, `make test` and the image ---------------------

RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"


def _pins(lock: Path) -> dict[str, Version]:
    """``name → version`` of every ``name==version`` line of a pip-compile lock."""
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith(("#", "-")):
            name, _, version = line.split(";")[0].strip().partition("==")
            assert version, f"{lock.name}: not pinned: {line}"
            pins[canonicalize_name(name)] = Version(version)
    return pins


def _missing(requirements: list[str], pins: dict[str, Version]) -> list[str]:
    missing = []
    for text in requirements:
        requirement = Requirement(text)
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None or not requirement.specifier.contains(pinned, prereleases=True):
            missing.append(f"{text} (locked: {pinned})")
    return missing


def test_runtime_lock_pins_every_runtime_dependency_of_pyproject():
    missing = _missing(PROJECT["dependencies"], _pins(RUNTIME_LOCK))
    assert missing == [], f"run `make lock`: requirements.lock lacks {missing}"


def test_dev_lock_pins_every_runtime_and_dev_dependency_of_pyproject():
    wanted = PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]
    missing = _missing(wanted, _pins(DEV_LOCK))
    assert missing == [], f"run `make lock`: requirements-dev.lock lacks {missing}"


def test_dev_lock_keeps_the_runtime_locks_versions():
    runtime, dev = _pins(RUNTIME_LOCK), _pins(DEV_LOCK)
    differ = {name: (v, dev.get(name)) for name, v in runtime.items() if dev.get(name) != v}
    assert differ == {}


def test_locks_name_no_package_index_or_host():
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        text = lock.read_text(encoding="utf-8")
        assert "://" not in text, lock.name
        for option in ("--index-url", "--extra-index-url", "--find-links", "--trusted-host"):
            assert f"{option}=" not in text, (lock.name, option)
            assert f"{option} " not in text, (lock.name, option)


def _recipe(target: str) -> str:
    """The commands of one Makefile rule, whose target line starts with ``target``."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(target))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line)
    return "\n".join(recipe)


def test_make_run_installs_the_runtime_lock_without_dev_tools():
    recipe = _recipe("$(RUN_STAMP):")
    assert "-r requirements.lock" in recipe
    assert "requirements-dev.lock" not in recipe
    assert "[dev]" not in recipe
    assert "--no-deps -e ." in recipe  # the package itself adds nothing unlocked


def test_make_test_installs_the_dev_lock():
    recipe = _recipe("$(DEV_STAMP):")
    assert "-r requirements-dev.lock" in recipe
    assert "--no-deps -e ." in recipe


def test_docker_installs_exactly_the_runtime_lock():
    copied = " ".join(_instructions("COPY"))
    installs = " ".join(_instructions("RUN"))
    assert "requirements.lock" in copied
    assert "-r requirements.lock" in installs  # the build stage makes wheels of the lock
    assert "-r /wheels/requirements.lock" in installs
    assert installs.count("--no-deps") >= 3  # nothing resolved beyond the lock


# --- the container: small context, no secrets, no restart storm -------------------------------


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    for entry in (".env", ".venv", "data/", ".git"):
        assert entry in ignored


def test_compose_restarts_a_failing_bot_only_a_bounded_number_of_times():
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    policy = re.search(r"^\s+restart:\s*(\S+)", compose, re.MULTILINE)
    assert policy is not None
    assert re.fullmatch(r"on-failure:\d+", policy[1]), policy[1]
