"""The SQLite review repository: one card per member and term, guarded ratings, the due index."""

import datetime as dt

import pytest

from bot.core.review.models import Activity, Grade, Rating, Source
from bot.infra.db import Database
from bot.infra.review_repository import SqliteReviewRepository

T0 = dt.datetime(2024, 3, 4, 1, tzinfo=dt.UTC)
SPACE = "discord:g"


@pytest.fixture
async def db(tmp_path):
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        yield db


@pytest.fixture
def repo(db):
    return SqliteReviewRepository(db)


async def test_cards_are_made_once_per_member_and_term(repo):
    assert await repo.add_cards(SPACE, "u1", ["pod", "pod", "image"], "{}", T0, T0) == 2
    assert await repo.add_cards(SPACE, "u1", ["pod", "volume"], "{}", T0, T0) == 1
    assert await repo.add_cards(SPACE, "u2", ["pod"], "{}", T0, T0) == 1
    assert sorted(c.term_id for c in await repo.cards(SPACE, "u1")) == ["image", "pod", "volume"]
    assert await repo.count_cards(SPACE, "u2") == 1


async def test_a_rating_needs_the_reps_it_was_shown_with_and_logs_in_the_same_step(repo):
    await repo.add_cards(SPACE, "u1", ["pod"], "{}", T0, T0)
    card = await repo.card_for(SPACE, "u1", "pod")
    rating = Rating(card.id, Grade.GOOD, Source.REVIEW, T0)
    later = T0 + dt.timedelta(days=2)
    assert await repo.rate(card, Grade.GOOD, rating, '{"s":1}', later)
    assert not await repo.rate(card, Grade.EASY, rating, '{"s":2}', later)
    stored = await repo.get(card.id)
    assert (stored.reps, stored.state, stored.due) == (1, '{"s":1}', later)
    logs = await repo.logs(SPACE, "u1", T0)
    assert [(x.grade, x.source, x.moved) for x in logs] == [(Grade.GOOD, Source.REVIEW, True)]


async def test_due_cards_come_soonest_first_and_page_by_id(repo):
    for n, term_id in enumerate(["c", "a", "b"]):
        await repo.add_cards(SPACE, "u1", [term_id], "{}", T0 + dt.timedelta(hours=n), T0)
    await repo.add_cards(SPACE, "u1", ["late"], "{}", T0 + dt.timedelta(days=5), T0)
    before = T0 + dt.timedelta(days=1)
    first = await repo.due_cards(SPACE, "u1", before, 2)
    assert [c.term_id for c in first] == ["c", "a"]
    assert await repo.count_due(SPACE, "u1", before) == 3
    assert await repo.count_due(SPACE, "u1", before, excluding={"a", "zz"}) == 2
    assert await repo.term_ids(SPACE) == {"a", "b", "c", "late"}
    assert (await repo.next_due(SPACE, "u1", before)).term_id == "late"


async def test_the_due_query_uses_the_covering_index(db):
    plan = await db.fetchall(
        """EXPLAIN QUERY PLAN SELECT COUNT(*) FROM review_cards
           WHERE space = ? AND user_id = ? AND due < ?
           AND term_id NOT IN (SELECT value FROM json_each(?))""",
        (SPACE, "u1", "2024", "[]"),
    )
    assert "COVERING INDEX review_cards_due" in " ".join(str(row["detail"]) for row in plan)
    plan = await db.fetchall(
        """EXPLAIN QUERY PLAN SELECT * FROM review_cards
           WHERE space = ? AND user_id = ? AND due < ? AND id > ? ORDER BY due, id LIMIT 5""",
        (SPACE, "u1", "2024", 0),
    )
    assert "INDEX review_cards_due" in " ".join(str(row["detail"]) for row in plan)


async def test_activity_and_reminders_are_stored_per_member(repo):
    day = dt.date(2024, 3, 4)
    await repo.record_activity(SPACE, "u1", day, Activity.SCRUM)
    await repo.record_activity(SPACE, "u1", day, Activity.SCRUM)
    await repo.record_activity(SPACE, "u1", day, Activity.RETRO)
    assert await repo.activity_days(SPACE, "u1", day) == [day, day]
    await repo.set_reminders(SPACE, "u1", True)
    await repo.set_reminders(SPACE, "u2", False)
    assert await repo.reminded(SPACE) == {"u1"}
