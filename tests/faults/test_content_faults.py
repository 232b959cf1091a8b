"""Content faults at start: damaged caches and odd files answer with a line, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.infra.content import shipped_content_dir
from bot.infra.content_cache import FORMAT

ROOT = Path(__file__).resolve().parents[2]


def _bot(*args: str, data: Path, stdin: str = "", **env_extra: str) -> subprocess.CompletedProcess:
    """Run `python -m bot ARGS` as its own process, as an operator would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYBOT_DATA_DIR": str(data)}
    for name in ("DISCORD_TOKEN", "STUDYBOT_CONTENT_DIR", "STUDYBOT_LOG_LEVEL"):
        env.pop(name, None)
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        cwd=data.parent,
    )


def _cache_file(data: Path) -> Path:
    (path,) = (data / "cache").glob("content-*")
    return path


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


DAMAGES = {
    "flipped-byte": _flip,
    "truncated": lambda data: data[: len(data) - 100],
    "garbage": lambda _: os.urandom(4096),
    "older-version": lambda data: data.replace(
        b"\n" + FORMAT.to_bytes(4, "big"), b"\n" + (FORMAT - 1).to_bytes(4, "big"), 1
    ),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_corrupt_content_cache_is_rebuilt_and_every_start_answers(tmp_path, damage):
    data = tmp_path / "data"
    assert _bot("define", "cgroup", data=data).returncode == 0
    cache = _cache_file(data)
    good = cache.read_bytes()
    cache.write_bytes(damage(good))
    first = _bot("define", "cgroup", data=data)
    assert first.returncode == 0, first.stderr
    assert "[Cgroup]" in first.stdout
    assert "Traceback" not in first.stderr
    (warning,) = first.stderr.strip().splitlines()
    assert "content cache" in warning
    assert "discarded" in warning
    second = _bot("define", "cgroup", data=data)
    assert (second.returncode, second.stderr) == (0, "")
    assert _cache_file(data).read_bytes() == good


def _content_with(tmp_path: Path, odd: str) -> tuple[Path, Path]:
    content = tmp_path / "content"
    shutil.copytree(shipped_content_dir(), content, ignore=shutil.ignore_patterns("*.py"))
    path = content / "glossary" / "odd.yaml"
    if odd == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "gone.yaml")
    return content, path


COMMANDS = {
    "check": lambda content, note: ["check", "--content", str(content)],
    "define": lambda content, note: ["define", "--content", str(content), "cgroup"],
    "run": lambda content, note: ["run"],
    "import": lambda content, note: ["import", "til", str(note), "--out", str(content)],
}


@pytest.mark.parametrize("odd", ["folder", "dangling-symlink"])
@pytest.mark.parametrize("command", COMMANDS.keys())
def test_odd_yaml_entry_is_one_line_in_every_command(tmp_path, odd, command):
    content, path = _content_with(tmp_path, odd)
    note = tmp_path / "note.md"
    note.write_text("# 2025-02-10\n\n| 용어 | 정의 |\n|---|---|\n| 파드 | 컨테이너 묶음 |\n")
    proc = _bot(
        *COMMANDS[command](content, note),
        data=tmp_path / "data",
        stdin="/define cgroup\n",
        STUDYBOT_CONTENT_DIR=str(content),
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith(f"{path}: ")
