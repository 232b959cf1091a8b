import sqlite3
from importlib import resources

import pytest
import yaml

from bot.core.journal import (
    RetroForm,
)
from bot.core.models import GlossaryFile, SpaceRef, Term, UserRef
from bot.infra.db import Database, migrations
from bot.infra.journal_repository import (
    SqliteJournalRepository,
    body_json,
    body_of,
    export_glossary_layer,
)
from bot.infra.repositories import SqliteSpaceRepository
from tests.core.fakes import SPACE, at, make_journal, make_stack
from tests.infra.contract.test_journal_repositories import BODY, MONDAY, NOW, SPACE_KEY, draft


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


def only_first_migration(tmp_path, monkeypatch) -> str:
    package = tmp_path / "v1_migrations"
    package.mkdir()
    (package / "__init__.py").write_text("")
    sql = resources.files("bot.infra.migrations").joinpath("001_daily.sql").read_text("utf-8")
    (package / "001_daily.sql").write_text(sql, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return "v1_migrations"


async def test_a_daily_loop_database_is_migrated_and_keeps_its_spaces(tmp_path, monkeypatch):
    path = tmp_path / "bot.sqlite3"
    old = only_first_migration(tmp_path, monkeypatch)
    async with await Database.open(path, package=old) as v1:
        assert await v1.user_version() == 1
        await v1.execute(
            """INSERT INTO spaces (space, platform, space_id, timezone, morning_time, quiz_time,
                   quiz_close_time, retro_time, study_days, started_on, created_at, updated_at)
               VALUES ('discord:g', 'discord', 'g', 'Asia/Seoul', '09:00', '13:00', '18:00',
                   '21:00', '0,1,2,3,4', '2024-03-04', 't', 't')"""
        )
    async with await Database.open(path) as db:
        assert await db.user_version() == migrations()[-1][0] >= 2
        tables = {r["name"] for r in await db.fetchall("SELECT name FROM sqlite_master")}
        assert {
            "journal_entries", "journal_entry_history", "journal_members", "journal_away",
            "glossary_suggestions", "glossary_layer",
        } <= tables  # fmt: skip
        stored = await SqliteSpaceRepository(db).get(SpaceRef("discord", "g"))
        assert stored is not None
        assert stored.mention_reminders is False


async def test_older_bodies_read_without_loose_link_lines():
    assert "link_text" not in body_json(BODY)  # older rows stay byte-for-byte equal
    assert body_of(body_json(BODY)) == BODY


async def test_the_sqlite_schema_refuses_a_second_entry_for_one_day_key(db):
    await SqliteJournalRepository(db).save_entry(draft())
    with pytest.raises(sqlite3.IntegrityError):
        await db.execute(
            """INSERT INTO journal_entries (space, user_id, display_name, local_date, kind,
                   body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (SPACE_KEY, "111", "x", MONDAY.isoformat(), "retro", "{}", "t", "t"),
        )


async def test_the_layer_exports_as_content(db):
    repo = SqliteJournalRepository(db)
    term = Term(id="replicaset", term="레플리카셋", aliases=("ReplicaSet",), definition="복제",
                notes=("롤링 업데이트",), source="민지 · 2024-03-04")  # fmt: skip
    assert await repo.add_layer_term(SPACE_KEY, term, "레플리카셋", "333", NOW)
    assert await repo.add_layer_term("discord:other", term, "레플리카셋", "333", NOW)
    for space in (SPACE_KEY, "g"):
        text = await export_glossary_layer(db, space)
        assert text.startswith("terms:")
        assert GlossaryFile.model_validate(yaml.safe_load(text)).terms == (term,)


async def test_the_service_over_sqlite_commits_before_it_returns(db, tmp_path):
    now = at("Asia/Seoul", 2024, 3, 4, 21)
    stack = make_stack(now, space_repo=SqliteSpaceRepository(db))
    js = make_journal(now, stack=stack, repo=SqliteJournalRepository(db))
    user = UserRef("discord", "111", "민지")
    saved = await js.journal.save_retro(
        SPACE, user, RetroForm(reflection="오늘은 도커랑 파드를 공부했다")
    )
    assert saved.entry.linked == ("docker", "pod")
    other = sqlite3.connect(tmp_path / "bot.sqlite3")  # another connection sees it at once
    try:
        row = other.execute("SELECT body, linked FROM journal_entries").fetchone()
    finally:
        other.close()
    assert "도커랑 파드를" in row[0]
    assert row[1] == '["docker", "pod"]'
    await js.journal.save_scrum(SPACE, user, "도커\n✅ 파드")
    stack.clock.set(at("Asia/Seoul", 2024, 3, 5, 9))
    assert (await js.journal.scrum_form(SPACE, user)).goals == "도커"
