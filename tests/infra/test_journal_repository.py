import dataclasses
import datetime as dt
import sqlite3
from importlib import resources

import pytest
import yaml

from bot.core.journal import (
    EntryBody,
    EntryDraft,
    EntryKind,
    Goal,
    Member,
    RetroForm,
    SaveStatus,
    SuggestionDraft,
    TermRow,
)
from bot.core.models import GlossaryFile, Link, SpaceRef, Term, UserRef
from bot.core.spaces import SpaceSettings
from bot.infra.db import Database, migrations
from bot.infra.journal_repository import (
    SqliteJournalRepository,
    body_json,
    body_of,
    export_glossary_layer,
)
from bot.infra.repositories import SqliteSpaceRepository
from tests.core.fakes import SPACE, at, make_journal, make_stack

SPACE_KEY = "discord:g"
MONDAY = dt.date(2024, 3, 4)
NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
BODY = EntryBody(
    goals=(Goal("도커"), Goal("볼륨", done=True)),
    learned="배운 것",
    reflection="회고",
    links=(Link(title="문서", url="https://d.example"),),
    terms=(TermRow("파드", "단위", "비고"),),
    term_text=("형식 없는 줄",),
)


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


def draft(**changes) -> EntryDraft:
    base = EntryDraft(
        SPACE_KEY, "111", "민지", MONDAY, EntryKind.RETRO, True, BODY, ("docker",), NOW
    )
    return dataclasses.replace(base, **changes)


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


async def test_mention_reminders_round_trips_through_the_space_repository(db):
    repo = SqliteSpaceRepository(db)
    settings = SpaceSettings(SpaceRef("discord", "g"), MONDAY)
    await repo.add(settings)
    await repo.save(dataclasses.replace(settings, mention_reminders=True))
    assert (await repo.get(settings.space)).mention_reminders is True


async def test_an_entry_round_trips_every_field(db):
    repo = SqliteJournalRepository(db)
    entry, status = await repo.save_entry(draft())
    assert status is SaveStatus.CREATED
    assert (entry.space, entry.user_id, entry.display_name) == (SPACE_KEY, "111", "민지")
    assert (entry.local_date, entry.kind, entry.public) == (MONDAY, EntryKind.RETRO, True)
    assert entry.body == BODY
    assert entry.linked == ("docker",)
    assert (entry.version, entry.created_at, entry.updated_at) == (1, NOW, NOW)
    assert await repo.get_entry(entry.id) == entry


async def test_loose_link_lines_round_trip_and_older_bodies_read_without_them(db):
    repo = SqliteJournalRepository(db)
    body = dataclasses.replace(BODY, link_text=("쿠버네티스 문서 kubernetes.io/docs",))
    entry, _ = await repo.save_entry(dataclasses.replace(draft(), body=body))
    assert (await repo.get_entry(entry.id)).body == body
    assert "link_text" not in body_json(BODY)  # older rows stay byte-for-byte equal
    assert body_of(body_json(BODY)) == BODY


async def test_the_day_key_is_unique_per_space_user_date_and_kind(db):
    repo = SqliteJournalRepository(db)
    first, _ = await repo.save_entry(draft())
    later = NOW + dt.timedelta(hours=1)
    second, status = await repo.save_entry(draft(body=EntryBody(reflection="고침"), at=later))
    assert status is SaveStatus.UPDATED
    assert second.id == first.id
    assert (second.version, second.created_at, second.updated_at) == (2, NOW, later)
    others = [
        draft(kind=EntryKind.SCRUM),
        draft(user_id="222"),
        draft(local_date=MONDAY + dt.timedelta(days=1)),
        draft(space="discord:other"),
    ]
    for other in others:
        assert (await repo.save_entry(other))[1] is SaveStatus.CREATED
    count = await db.fetchone("SELECT COUNT(*) FROM journal_entries")
    assert count[0] == 5
    with pytest.raises(sqlite3.IntegrityError):
        await db.execute(
            """INSERT INTO journal_entries (space, user_id, display_name, local_date, kind,
                   body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (SPACE_KEY, "111", "x", MONDAY.isoformat(), "retro", "{}", "t", "t"),
        )


async def test_every_changing_save_moves_the_old_version_into_the_history(db):
    repo = SqliteJournalRepository(db)
    first, _ = await repo.save_entry(draft())
    t1, t2 = NOW + dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=2)
    await repo.save_entry(draft(body=EntryBody(reflection="둘째"), at=t1))
    await repo.save_entry(draft(body=EntryBody(reflection="셋째"), public=False, at=t2))
    again = draft(body=EntryBody(reflection="셋째"), public=False, at=t2 + dt.timedelta(1))
    unchanged, status = await repo.save_entry(again)
    assert status is SaveStatus.UNCHANGED
    assert unchanged.version == 3
    versions = await repo.versions(first.id)
    assert [(v.version, v.body.reflection, v.public) for v in versions] == [
        (1, "회고", True),
        (2, "둘째", True),
    ]
    assert [(v.saved_at, v.replaced_at) for v in versions] == [(NOW, t1), (t1, t2)]


async def test_entries_filter_by_user_dates_and_kind_and_find_the_previous_one(db):
    repo = SqliteJournalRepository(db)
    for offset in (0, 1, 3):
        day = MONDAY + dt.timedelta(days=offset)
        await repo.save_entry(draft(local_date=day, kind=EntryKind.SCRUM))
        await repo.save_entry(draft(local_date=day, user_id="222"))
    mine = await repo.entries(SPACE_KEY, user_id="111")
    assert [e.local_date.day for e in mine] == [4, 5, 7]
    window = await repo.entries(
        SPACE_KEY, date_from=dt.date(2024, 3, 5), date_to=dt.date(2024, 3, 6)
    )
    assert [(e.user_id, e.kind) for e in window] == [
        ("222", EntryKind.RETRO),
        ("111", EntryKind.SCRUM),
    ]
    retros = await repo.entries(SPACE_KEY, kind=EntryKind.RETRO)
    assert {e.user_id for e in retros} == {"222"}
    previous = await repo.previous_entry(SPACE_KEY, "111", EntryKind.SCRUM, dt.date(2024, 3, 7))
    assert previous.local_date == dt.date(2024, 3, 5)
    assert await repo.previous_entry(SPACE_KEY, "111", EntryKind.SCRUM, MONDAY) is None


async def test_members_and_away_are_kept_per_space(db):
    repo = SqliteJournalRepository(db)
    await repo.touch_member(SPACE_KEY, "111", "민지", NOW)
    await repo.touch_member(SPACE_KEY, "111", "민지2", NOW)
    await repo.touch_member("discord:other", "222", "준호", NOW)
    assert await repo.members(SPACE_KEY) == [Member("111", "민지2")]
    await repo.set_away(SPACE_KEY, "111", dt.date(2024, 3, 8), NOW)
    await repo.set_away(SPACE_KEY, "111", dt.date(2024, 3, 9), NOW)
    assert await repo.away(SPACE_KEY) == {"111": dt.date(2024, 3, 9)}
    assert await repo.away("discord:other") == {}
    await repo.set_away(SPACE_KEY, "111", None, NOW)
    assert await repo.away(SPACE_KEY) == {}


def suggestion(user_id: str = "111", definition: str = "복제") -> SuggestionDraft:
    row = TermRow("레플리카셋", definition)
    return SuggestionDraft(SPACE_KEY, "레플리카셋", row, user_id, "민지", MONDAY, NOW)


async def test_suggestions_are_one_per_member_and_name_and_settle_together(db):
    repo = SqliteJournalRepository(db)
    await repo.add_suggestions(
        [suggestion(), suggestion(definition="고친 정의"), suggestion("222")]
    )
    pending = await repo.suggestions(SPACE_KEY)
    assert [(s.user_id, s.row.definition) for s in pending] == [
        ("111", "고친 정의"),
        ("222", "복제"),
    ]
    term = Term(id="replicaset", term="레플리카셋", definition="복제")
    assert await repo.add_layer_term(SPACE_KEY, term, "레플리카셋", "333", NOW)
    await repo.mark_accepted(SPACE_KEY, "레플리카셋", "replicaset", NOW)
    assert await repo.suggestions(SPACE_KEY) == []
    settled = await repo.suggestions(SPACE_KEY, pending_only=False)
    assert {(s.accepted, s.term_id) for s in settled} == {(True, "replicaset")}
    await repo.add_suggestions([suggestion(definition="늦은 정의")])  # accepted stays accepted
    assert (await repo.get_suggestion(settled[0].id)).row.definition == "고친 정의"


async def test_the_layer_refuses_a_taken_id_or_name_and_exports_as_content(db):
    repo = SqliteJournalRepository(db)
    term = Term(id="replicaset", term="레플리카셋", aliases=("ReplicaSet",), definition="복제",
                notes=("롤링 업데이트",), source="민지 · 2024-03-04")  # fmt: skip
    assert await repo.add_layer_term(SPACE_KEY, term, "레플리카셋", "333", NOW)
    same_id = term.model_copy(update={"term": "다른 이름"})
    assert not await repo.add_layer_term(SPACE_KEY, same_id, "다른이름", "333", NOW)
    same_name = term.model_copy(update={"id": "rs"})
    assert not await repo.add_layer_term(SPACE_KEY, same_name, "레플리카셋", "333", NOW)
    assert await repo.add_layer_term("discord:other", term, "레플리카셋", "333", NOW)
    assert await repo.layer_terms(SPACE_KEY) == [term]
    assert set(await repo.layers()) == {SPACE_KEY, "discord:other"}
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
