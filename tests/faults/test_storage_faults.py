"""Storage faults while the bot runs: a member is told, never answered "saved" (issue 8).

The database file deleted or replaced under the running bot, and a full disk (a fake that
raises SQLite's own "database or disk is full", since a small loop or tmpfs mount needs
privileges the test machine does not give).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.adapters.console import make_chat
from bot.core.errors import StorageError
from bot.core.i18n import t
from bot.core.journal import RetroForm
from bot.core.models import UserRef
from bot.core.services import Services
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from tests.core.fakes import SPACE, at, make_journal
from tests.faults.burst_saver import reflection

ROOT = Path(__file__).resolve().parents[2]

MINJI = UserRef("discord", "111", "민지")
NOW = at("Asia/Seoul", 2024, 3, 4, 21)
SAVED = t("journal.saved", "ko")


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "studybot.sqlite3")
    yield database
    await database.close()


def _remove_database(path):
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


async def test_a_save_after_the_database_file_is_deleted_is_refused_not_acknowledged(
    db, tmp_path, caplog
):
    path = tmp_path / "studybot.sqlite3"
    js = make_journal(NOW, repo=SqliteJournalRepository(db))
    first = await js.journal.save_scrum(SPACE, MINJI, "도커 설치")
    assert SAVED in first.reply.footer
    _remove_database(path)

    with caplog.at_level(logging.ERROR, logger="bot.infra.db"):
        for attempt in ("볼륨", "네트워크"):
            with pytest.raises(StorageError):
                await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection=attempt))
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, "one clear line, not one per write"
    assert str(path) in errors[0]
    assert "deleted or replaced" in errors[0]


async def test_a_database_file_replaced_under_the_bot_is_noticed_too(db, tmp_path):
    repo = SqliteJournalRepository(db)
    js = make_journal(NOW, repo=repo)
    await js.journal.save_scrum(SPACE, MINJI, "도커 설치")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()
    other.replace(tmp_path / "studybot.sqlite3")
    with pytest.raises(StorageError):
        await js.journal.save_scrum(SPACE, MINJI, "볼륨")


async def test_the_member_reads_a_clear_error_in_the_chat_not_saved(db, tmp_path):
    js = make_journal(NOW, repo=SqliteJournalRepository(db))
    chat = make_chat(Services(glossary=js.glossary, spaces=js.stack.spaces, journal=js.journal))
    assert SAVED in (await chat.handle("/scrum 도커 설치")).footer
    _remove_database(tmp_path / "studybot.sqlite3")
    reply = await chat.handle("/scrum 볼륨")
    assert reply.body == t("error.storage", chat.locale)
    assert SAVED not in reply.footer


class _FullDisk:
    """Stands in for the aiosqlite connection's write calls once the disk has filled up."""

    def __init__(self, conn):
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    async def execute_fetchall(self, sql, params=()):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return await self._conn.execute_fetchall(sql, params)

    async def executemany(self, sql, rows):
        raise sqlite3.OperationalError("database or disk is full")

    async def execute_insert(self, sql, params=()):
        raise sqlite3.OperationalError("database or disk is full")


async def test_a_full_disk_gives_every_waiting_member_a_clear_error(db, caplog):
    js = make_journal(NOW, repo=SqliteJournalRepository(db))
    db._conn = _FullDisk(db._conn)
    with caplog.at_level(logging.ERROR, logger="bot.infra.db"), pytest.raises(StorageError):
        await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="회고"))
    assert any("database or disk is full" in r.getMessage() for r in caplog.records)
    assert "studybot.sqlite3" in caplog.records[-1].getMessage()
    db._conn = db._conn._conn
    assert await js.repo.entries("discord:guild-1") == []


# --- kill -9 in the middle of a burst --------------------------------------------------------

BURST = 200
KILL_AFTER = 120  # acknowledged saves; the rest are in flight or not sent when it dies
LINE_TIMEOUT = 20.0


async def test_kill_9_during_a_burst_of_200_retros_keeps_every_acknowledged_one(tmp_path):
    path = tmp_path / "studybot.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.faults.burst_saver", str(path), str(BURST),
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    acknowledged: list[str] = []
    try:
        assert process.stdout is not None
        while len(acknowledged) < KILL_AFTER:
            line = (await asyncio.wait_for(process.stdout.readline(), LINE_TIMEOUT)).decode()
            assert line, (await process.stderr.read()).decode()[-2000:]  # type: ignore[union-attr]
            if line.startswith("ack "):
                acknowledged.append(line.split()[1])
        process.send_signal(signal.SIGKILL)  # no shutdown, no flush, no close
        rest, _ = await asyncio.wait_for(process.communicate(), LINE_TIMEOUT)
        acknowledged += [x.split()[1] for x in rest.decode().splitlines() if x.startswith("ack ")]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == -signal.SIGKILL

    db = await Database.open(path)
    try:
        stored = await SqliteJournalRepository(db).entries("discord:guild-1")
    finally:
        await db.close()
    by_user = {e.user_id: e.body.reflection for e in stored}
    assert len(acknowledged) >= KILL_AFTER
    assert {u: by_user.get(u) for u in acknowledged} == {u: reflection(u) for u in acknowledged}
