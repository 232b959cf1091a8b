"""Coalesced journal saves: a burst shares statements, and each save still stands alone."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3

import pytest

from bot.core.journal import SaveStatus
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from bot.infra.writes import Coalescer
from tests.infra.test_journal_repository import BODY, SPACE_KEY, draft


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


class _Counting:
    """Counts the statements the repository sends, as trips to the database thread."""

    def __init__(self, database):
        self.database = database
        self.statements = 0
        self._fetchall = database.fetchall

    async def fetchall(self, sql, params=()):
        self.statements += 1
        return await self._fetchall(sql, params)


async def test_a_burst_of_saves_shares_statements_and_every_one_is_stored(db):
    counting = _Counting(db)
    db.fetchall = counting.fetchall
    repo = SqliteJournalRepository(db)
    drafts = [draft(user_id=str(n), display_name=f"m{n}") for n in range(300)]

    results = await asyncio.gather(*(repo.save_entry(d) for d in drafts))

    assert [status for _, status in results] == [SaveStatus.CREATED] * 300
    assert [entry.user_id for entry, _ in results] == [d.user_id for d in drafts]
    assert counting.statements < 10
    stored = await repo.entries(SPACE_KEY)
    assert {e.user_id for e in stored} == {d.user_id for d in drafts}


async def test_two_saves_of_one_entry_in_a_burst_apply_in_order(db):
    repo = SqliteJournalRepository(db)
    first = draft()
    second = draft(body=dataclasses.replace(BODY, reflection="고쳐 쓴 회고"))

    (_, s1), (two, s2) = await asyncio.gather(repo.save_entry(first), repo.save_entry(second))

    assert (s1, s2) == (SaveStatus.CREATED, SaveStatus.UPDATED)
    assert two.version == 2
    assert two.body.reflection == "고쳐 쓴 회고"
    assert [v.body for v in await repo.versions(two.id)] == [BODY]


async def test_an_identical_save_in_a_burst_is_unchanged(db):
    repo = SqliteJournalRepository(db)
    await repo.save_entry(draft())
    results = await asyncio.gather(repo.save_entry(draft()), repo.save_entry(draft(user_id="2")))
    assert [status for _, status in results] == [SaveStatus.UNCHANGED, SaveStatus.CREATED]


async def test_one_bad_draft_fails_alone(db):
    repo = SqliteJournalRepository(db)

    @dataclasses.dataclass(frozen=True)
    class Bogus:
        value: str = "poem"  # the table's CHECK allows only scrum and retro

    bad = dataclasses.replace(draft(user_id="bad"), kind=Bogus())
    good = [draft(user_id=str(n)) for n in range(3)]

    results = await asyncio.gather(
        *(repo.save_entry(d) for d in [*good, bad]), return_exceptions=True
    )

    assert isinstance(results[-1], sqlite3.IntegrityError)
    assert [r[1] for r in results[:-1]] == [SaveStatus.CREATED] * 3
    assert {e.user_id for e in await repo.entries(SPACE_KEY)} == {"0", "1", "2"}


async def test_concurrent_member_updates_are_all_kept_and_the_last_name_wins(db):
    repo = SqliteJournalRepository(db)
    at = draft().at
    await asyncio.gather(
        *(repo.touch_member(SPACE_KEY, str(n), f"m{n}", at) for n in range(50)),
        repo.touch_member(SPACE_KEY, "7", "renamed", at),
    )
    members = {m.user_id: m.display_name for m in await repo.members(SPACE_KEY)}
    assert len(members) == 50
    assert members["7"] == "renamed"


class _Broken(Coalescer[int, int]):
    """A writer whose every batch raises: its callers must hear of it, not wait forever."""

    async def _run(self, items):
        raise RuntimeError("bug in a writer")


async def test_a_writer_that_breaks_fails_its_callers_instead_of_leaving_them_waiting():
    writer = _Broken()
    results = await asyncio.wait_for(
        asyncio.gather(*(writer.submit(n) for n in range(5)), return_exceptions=True), 5
    )
    assert all(isinstance(r, RuntimeError) for r in results)
