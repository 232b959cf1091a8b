"""The review repository contract: one card per member and term, guarded ratings, due order.

There is no in-memory review repository (the core's review tests run on SQLite), so this
contract runs on SQLite and PostgreSQL only.
"""

import asyncio
import contextlib
import datetime as dt
from urllib.parse import urlsplit

import pytest

from bot.core.errors import StorageDownError
from bot.core.review.models import Activity, Grade, Rating, Source
from bot.infra.backend import DatabaseUrl, open_storage
from bot.infra.db import to_db_time
from bot.infra.postgres.db import PostgresDatabase
from bot.infra.postgres.review import COUNT_DUE, DUE_CARDS, PostgresReviewRepository
from tests.core.fakes import FixedClock
from tests.infra.contract.pg import throwaway_schema
from tests.infra.contract.tcp_proxy import CuttingProxy

T0 = dt.datetime(2024, 3, 4, 1, tzinfo=dt.UTC)
SPACE = "discord:g"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def place(request, tmp_path):
    """Where the data lives, as (url, schema): the storage each test opens, as the bot does."""
    if request.param == "sqlite":
        yield DatabaseUrl("sqlite", path=tmp_path / "bot.sqlite3"), None
    else:
        async with throwaway_schema() as (url, schema):
            yield DatabaseUrl("postgresql", dsn=url), schema


@pytest.fixture
async def repo(place):
    url, schema = place
    async with open_storage(url, FixedClock(T0), schema=schema) as store:
        assert store.review is not None
        yield store.review


async def test_cards_are_made_once_per_member_and_term(repo):
    assert await repo.add_cards(SPACE, "u1", ["pod", "pod", "image"], "{}", T0, T0) == 2
    assert await repo.add_cards(SPACE, "u1", ["pod", "volume"], "{}", T0, T0) == 1
    assert await repo.add_cards(SPACE, "u2", ["pod"], "{}", T0, T0) == 1
    assert await repo.add_cards(SPACE, "u2", [], "{}", T0, T0) == 0
    assert sorted(c.term_id for c in await repo.cards(SPACE, "u1")) == ["image", "pod", "volume"]
    assert await repo.count_cards(SPACE, "u2") == 1


async def test_cards_get_ids_in_the_order_their_terms_were_given(repo):
    await repo.add_cards(SPACE, "u1", ["c", "a", "b"], "{}", T0, T0)
    await repo.add_cards(SPACE, "u2", ["z"], "{}", T0, T0)
    assert [c.term_id for c in await repo.cards(SPACE, "u1")] == ["c", "a", "b"]
    assert [(c.user_id, c.term_id) for c in await repo.cards(SPACE)] == [
        ("u1", "c"), ("u1", "a"), ("u1", "b"), ("u2", "z"),
    ]  # fmt: skip


async def test_a_card_round_trips_every_field_in_utc(repo):
    seoul = dt.timezone(dt.timedelta(hours=9))
    due = dt.datetime(2024, 3, 5, 9, 30, 15, 123456, tzinfo=seoul)
    await repo.add_cards(SPACE, "u1", ["pod"], '{"s":0}', due, T0)
    card = await repo.card_for(SPACE, "u1", "pod")
    assert (card.space, card.user_id, card.term_id, card.state) == (SPACE, "u1", "pod", '{"s":0}')
    assert (card.due, card.reps, card.created_at) == (due, 0, T0)
    assert card.due.utcoffset() == dt.timedelta(0)
    assert await repo.get(card.id) == card
    assert await repo.get(card.id + 1000) is None
    assert await repo.card_for(SPACE, "u2", "pod") is None


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
    assert await repo.rate(stored, Grade.EASY, rating, '{"s":2}', later)
    assert (await repo.get(card.id)).reps == 2


async def test_a_logged_rating_leaves_the_card_alone_and_logs_read_from_an_instant(repo):
    await repo.add_cards(SPACE, "u1", ["pod"], "{}", T0, T0)
    card = await repo.card_for(SPACE, "u1", "pod")
    early = Rating(card.id, Grade.AGAIN, Source.PRACTICE, T0, moved=False)
    late = Rating(card.id, Grade.HARD, Source.QUIZ, T0 + dt.timedelta(hours=1), moved=False)
    await repo.log(card, early)
    await repo.log(card, late)
    assert await repo.get(card.id) == card
    logs = await repo.logs(SPACE, "u1", T0)
    assert [(x.term_id, x.grade, x.source, x.at, x.moved) for x in logs] == [
        ("pod", Grade.AGAIN, Source.PRACTICE, T0, False),
        ("pod", Grade.HARD, Source.QUIZ, late.at, False),
    ]
    assert [x.grade for x in await repo.logs(SPACE, "u1", T0 + dt.timedelta(minutes=1))] == [
        Grade.HARD
    ]
    assert await repo.logs(SPACE, "u2", T0) == []


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
    assert await repo.next_due(SPACE, "u1", T0 + dt.timedelta(days=6)) is None


async def test_cards_due_at_one_instant_come_in_id_order_past_the_paging_id(repo):
    await repo.add_cards(SPACE, "u1", ["x", "y", "z"], "{}", T0, T0)
    await repo.add_cards(SPACE, "u2", ["x"], "{}", T0, T0)
    before = T0 + dt.timedelta(seconds=1)
    page = await repo.due_cards(SPACE, "u1", before, 10)
    assert [c.term_id for c in page] == ["x", "y", "z"]
    rest = await repo.due_cards(SPACE, "u1", before, 10, after_id=page[0].id)
    assert [c.term_id for c in rest] == ["y", "z"]
    assert await repo.due_cards(SPACE, "u1", T0, 10) == []  # due at T0 is not due before it


async def test_the_forecast_window_is_half_open(repo):
    for n, term_id in enumerate(["d0", "d1", "d2"]):
        await repo.add_cards(SPACE, "u1", [term_id], "{}", T0 + dt.timedelta(days=n), T0)
    window = await repo.due_between(SPACE, "u1", T0, T0 + dt.timedelta(days=2))
    assert sorted(window) == [("d0", T0), ("d1", T0 + dt.timedelta(days=1))]


async def test_only_reviewed_cards_have_reviewed_states(repo):
    await repo.add_cards(SPACE, "u1", ["pod", "image"], "{}", T0, T0)
    await repo.add_cards("discord:other", "u1", ["pod"], "{}", T0, T0)
    card = await repo.card_for(SPACE, "u1", "pod")
    rating = Rating(card.id, Grade.AGAIN, Source.QUIZ, T0)
    assert await repo.rate(card, Grade.AGAIN, rating, '{"s":9}', T0)
    assert await repo.reviewed_states(SPACE) == [("pod", '{"s":9}')]
    assert await repo.reviewed_states("discord:other") == []


async def test_activity_and_reminders_are_stored_per_member(repo):
    day = dt.date(2024, 3, 4)
    await repo.record_activity(SPACE, "u1", day, Activity.SCRUM)
    await repo.record_activity(SPACE, "u1", day, Activity.SCRUM)
    await repo.record_activity(SPACE, "u1", day, Activity.RETRO)
    assert await repo.activity_days(SPACE, "u1", day) == [day, day]
    await repo.set_reminders(SPACE, "u1", True)
    await repo.set_reminders(SPACE, "u2", False)
    assert await repo.reminded(SPACE) == {"u1"}


async def test_quiz_days_and_earlier_days_are_not_activity_days(repo):
    day = dt.date(2024, 3, 4)
    await repo.record_activity(SPACE, "u1", day, Activity.QUIZ)
    await repo.record_activity(SPACE, "u1", day - dt.timedelta(days=1), Activity.SCRUM)
    await repo.record_activity(SPACE, "u1", day + dt.timedelta(days=1), Activity.RETRO)
    assert await repo.activity_days(SPACE, "u1", day) == [day + dt.timedelta(days=1)]


async def test_reminders_keep_the_latest_choice_and_name(repo):
    await repo.set_reminders(SPACE, "u1", True, "민지")
    await repo.set_reminders(SPACE, "u2", True)
    await repo.set_reminders(SPACE, "u3", True, "준")
    await repo.set_reminders(SPACE, "u3", False, "준")
    await repo.set_reminders("discord:other", "u4", True, "다른")
    assert await repo.reminded_names(SPACE) == {"u1": "민지", "u2": "u2"}
    assert await repo.reminded(SPACE) == {"u1", "u2"}


@contextlib.asynccontextmanager
async def _postgres_review():
    async with (
        throwaway_schema() as (url, schema),
        await PostgresDatabase.open(url, schema=schema) as db,
    ):
        yield db, PostgresReviewRepository(db)


async def _plan(db, sql, params):
    rows = await db.fetch(f"EXPLAIN (FORMAT TEXT) {sql}", params)
    return "\n".join(row[0] for row in rows)


@pytest.mark.postgres
async def test_the_postgres_due_queries_use_the_due_index():
    async with _postgres_review() as (db, repo):
        # 60 members with 100 cards each, one falling due per day, as after weeks of use.
        await db.execute(
            """INSERT INTO review_cards (space, user_id, term_id, state, due, created_at)
               SELECT $1, 'u' || m, 't' || lpad(d::text, 3, '0'), '{}',
                      to_char(($2::timestamptz + d * interval '1 day' + m * interval '1 minute')
                              AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                      $3
               FROM generate_series(0, 59) AS m, generate_series(0, 99) AS d""",
            (SPACE, T0, to_db_time(T0)),
        )
        await db.execute("VACUUM ANALYZE review_cards")
        before = T0 + dt.timedelta(days=5)
        due_plan = await _plan(db, DUE_CARDS, (SPACE, "u7", to_db_time(before), 0, 20))
        assert "using review_cards_due" in due_plan, due_plan
        assert "(due < " in due_plan, due_plan  # the index range, not a filter on every card
        count_plan = await _plan(db, COUNT_DUE, (SPACE, "u7", to_db_time(before), ["t001"]))
        assert "Index Only Scan using review_cards_due" in count_plan, count_plan
        assert await repo.count_due(SPACE, "u7", before, {"t001"}) == 4
        card = await repo.card_for(SPACE, "u7", "t004")
        assert card.due == T0 + dt.timedelta(days=4, minutes=7)


async def _queued_behind(db, blocker_pid, count):
    """Wait (at most 10 s) until ``count`` sessions queue behind the blocker's row lock."""
    async with asyncio.timeout(10):
        while True:
            waiting = await db.fetchval(
                """WITH w AS (SELECT pid, pg_blocking_pids(pid) AS behind FROM pg_stat_activity
                              WHERE wait_event_type = 'Lock')
                   SELECT COUNT(*) FROM w
                   WHERE $1 = ANY(behind)
                      OR behind && (SELECT array_agg(pid) FROM w WHERE $1 = ANY(behind))""",
                (blocker_pid,),
            )
            if waiting >= count:
                return
            await asyncio.sleep(0.01)  # a poll of the server's lock table, not a wait for time


@pytest.mark.postgres
async def test_racing_ratings_on_postgres_store_one_review():
    async with _postgres_review() as (db, repo):
        await repo.add_cards(SPACE, "u1", ["pod"], "{}", T0, T0)
        card = await repo.card_for(SPACE, "u1", "pod")
        later = T0 + dt.timedelta(days=1)
        clicks = [Rating(card.id, g, Source.REVIEW, T0) for g in (Grade.GOOD, Grade.EASY)]
        # A third session holds the card's row lock, so both clicks reach the UPDATE before
        # either can commit: they race for real, not one after the other.
        async with db.acquire() as blocker, blocker.transaction():
            await blocker.execute("SELECT 1 FROM review_cards WHERE id = $1 FOR UPDATE", card.id)
            racing = [
                asyncio.ensure_future(repo.rate(card, c.grade, c, f'"{c.grade}"', later))
                for c in clicks
            ]
            await _queued_behind(db, blocker.get_server_pid(), 2)
        results = await asyncio.gather(*racing)
        assert sorted(results) == [False, True]
        stored = await repo.get(card.id)
        assert stored.reps == 1
        logs = await repo.logs(SPACE, "u1", T0)
        assert len(logs) == 1
        assert stored.state == f'"{logs[0].grade}"'


@pytest.mark.postgres
async def test_a_rating_cut_by_a_dropped_connection_fails_clearly_and_can_be_clicked_again():
    async with throwaway_schema() as (url, schema):
        parts = urlsplit(url)
        async with CuttingProxy(parts.hostname, parts.port or 5432) as proxy:
            user = f"{parts.username}@" if parts.username else ""
            via_proxy = parts._replace(netloc=f"{user}127.0.0.1:{proxy.port}").geturl()
            async with await PostgresDatabase.open(via_proxy, schema=schema, max_size=2) as db:
                repo = PostgresReviewRepository(db)
                await repo.add_cards(SPACE, "u1", ["pod"], "{}", T0, T0)
                card = await repo.card_for(SPACE, "u1", "pod")
                rating = Rating(card.id, Grade.GOOD, Source.REVIEW, T0)
                proxy.drop_next()
                with pytest.raises(StorageDownError):
                    await repo.rate(card, Grade.GOOD, rating, "{}", T0)
                assert proxy.cut == 1
                assert (await repo.get(card.id)).reps == 0  # cut before the server saw it
                assert await repo.rate(card, Grade.GOOD, rating, "{}", T0)
                assert len(await repo.logs(SPACE, "u1", T0)) == 1
