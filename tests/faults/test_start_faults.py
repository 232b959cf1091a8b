"""Storage faults at start: one clear line (what, where, what to do) and exit 1 (issue 8).

The tests run as root, and permission bits do not stop root, so an unwritable data dir is
made the way that stops root too: a data dir *under a regular file* (``blocker/data``), where
every mkdir and open fails with "Not a directory" just as a read-only mount fails with
"Read-only file system". A full disk is a fake: the migration step raises SQLite's own
``database or disk is full``.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.infra.db import Database

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-11-26T09:05:00+09:00"
COMMANDS = {
    "run": ["run", "--platform", "console"],
    "post-due": ["post-due", "--platform", "console", "--at", AT],
    "export": ["export", "til", "--space", "console:local", "--member", "1", "--date", AT[:10]],
}  # fmt: skip


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("STUDYBOT_CONTENT_DIR", raising=False)


def _one_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err + captured.out
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_data_dir_that_cannot_be_written_is_one_clear_line(
    command, tmp_path, monkeypatch, capsys
):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file where a folder should be")
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(blocker / "data"))
    assert main(COMMANDS[command]) == 1
    line = _one_line(capsys)
    assert str(blocker / "data") in line
    assert "STUDYBOT_DATA_DIR" in line  # what to do


@pytest.mark.parametrize("command", COMMANDS)
def test_a_database_file_that_is_not_a_database_is_one_clear_line(
    command, tmp_path, monkeypatch, capsys
):
    data = tmp_path / "data"
    data.mkdir()
    (data / "studybot.sqlite3").write_bytes(b"this is a holiday photo, not a database\n" * 200)
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(data))
    assert main(COMMANDS[command]) == 1
    line = _one_line(capsys)
    assert str(data / "studybot.sqlite3") in line
    assert "backup" in line or "백업" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_at_start_is_one_clear_line(command, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path / "data"))

    async def full(self, package=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Database, "migrate", full)
    assert main(COMMANDS[command]) == 1
    line = _one_line(capsys)
    assert "database or disk is full" in line
    assert str(tmp_path / "data") in line


def test_a_started_process_shows_no_traceback_either(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYBOT_DATA_DIR": str(blocker / "data")}
    env.pop("DISCORD_TOKEN", None)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *COMMANDS["post-due"]],
        capture_output=True, text=True, env=env, timeout=60, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
