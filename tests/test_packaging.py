"""Packaging: the Dockerfile installs what pyproject builds; the wheel carries the content."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

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
