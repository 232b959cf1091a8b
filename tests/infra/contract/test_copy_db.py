"""copy-db: every table, one row per row, SQLite to PostgreSQL and back."""

import asyncio
import dataclasses
import datetime as dt
import os

import pytest

from bot import cli
from bot.core.journal import EntryBody, EntryDraft, EntryKind, SuggestionDraft, TermRow
from bot.core.models import SpaceRef, Term
from bot.core.ports import PostKey, RotationPick
from bot.core.quiz import Answer, Question, QuestionKind, RoundDraft
from bot.core.review.models import Activity, Grade, Rating, Source
from bot.core.schedule import PostKind
from bot.core.spaces import SpaceSettings
from bot.infra.backend import DatabaseUrl, open_storage
from tests.core.fakes import FixedClock
from tests.infra.contract.pg import throwaway_schema, with_schema

pytestmark = pytest.mark.postgres

NOW = dt.datetime(2024, 3, 4, 12, 30, 15, 123456, tzinfo=dt.UTC)
MONDAY = dt.date(2024, 3, 4)
SPACE = SpaceRef("discord", "g")
QUESTION = Question(QuestionKind.TERM_TO_DEFINITION, "파드", ("a", "b", "c", "d"), 0, "설명", "pod")
TABLES = {
    "glossary_layer", "glossary_suggestions", "journal_away", "journal_entries",
    "journal_entry_history", "journal_members", "posts", "quiz_answers", "quiz_rounds",
    "spaces", "term_rotation",
    "review_activity", "review_cards", "review_logs", "review_members", "journal_cards",
}  # fmt: skip


async def fill(store):
    """One or more rows in every table, through the repositories."""
    await store.spaces.add(SpaceSettings(SPACE, MONDAY, channel_id="c1", study_days=(0, 2)))
    key = PostKey("discord:g", MONDAY, PostKind.MORNING)
    await store.posts.claim(key, NOW, dt.timedelta(minutes=5))
    await store.posts.mark_sent(key, NOW, "c1", "m1", "ref")
    await store.rotation.record("discord:g", RotationPick(MONDAY, "pod", 1))
    rnd = await store.quiz.open_round(RoundDraft("discord:g", QUESTION, NOW, NOW, MONDAY))
    await store.quiz.add_answer(Answer(rnd.id, "u1", "민지", 0, True, NOW))
    entry = EntryDraft("discord:g", "u1", "민지", MONDAY, EntryKind.RETRO, True,
                       EntryBody(reflection="첫"), ("pod",), NOW)  # fmt: skip
    await store.journal.save_entry(entry)
    later = dataclasses.replace(entry, body=EntryBody(reflection="둘"), at=NOW + dt.timedelta(1))
    saved, _ = await store.journal.save_entry(later)
    await store.journal.remember_card(saved.id, "c1", "m-card")
    await store.journal.touch_member("discord:g", "u1", "민지", NOW)
    await store.journal.set_away("discord:g", "u1", MONDAY, NOW)
    row = TermRow("레플리카셋", "복제")
    await store.journal.add_suggestions(
        [SuggestionDraft("discord:g", "레플리카셋", row, "u1", "민지", MONDAY, NOW)]
    )
    term = Term(id="replicaset", term="레플리카셋", definition="복제")
    await store.journal.add_layer_term("discord:g", term, "레플리카셋", "u1", NOW)
    await store.journal.mark_accepted("discord:g", "레플리카셋", "replicaset", NOW)
    await fill_review(store.review)
    return rnd.id


async def fill_review(review):
    await review.add_cards("discord:g", "u1", ["pod", "image"], "{}", NOW, NOW)
    card = await review.card_for("discord:g", "u1", "pod")
    rating = Rating(card.id, Grade.GOOD, Source.REVIEW, NOW)
    assert await review.rate(card, Grade.GOOD, rating, '{"s":1}', NOW + dt.timedelta(days=2))
    practice = Rating(card.id, Grade.HARD, Source.PRACTICE, NOW + dt.timedelta(1), moved=False)
    await review.log(card, practice)
    await review.record_activity("discord:g", "u1", MONDAY, Activity.RETRO)
    await review.set_reminders("discord:g", "u1", True, "민지")


async def review_snapshot(review):
    """What the review repository reads back: cards with their ids, logs, days, reminders."""
    return (
        await review.cards("discord:g"),
        await review.logs("discord:g", "u1", NOW - dt.timedelta(days=1)),
        await review.activity_days("discord:g", "u1", MONDAY),
        await review.reminded_names("discord:g"),
        await review.reviewed_states("discord:g"),
        await review.due_between("discord:g", "u1", NOW, NOW + dt.timedelta(days=7)),
    )


async def snapshot(store, round_id):
    """What the repositories read back, as plain values."""
    entry = (await store.journal.entries("discord:g"))[0]
    return (
        await store.spaces.all(),
        await store.posts.for_space("discord:g"),
        await store.rotation.pick_on("discord:g", MONDAY),
        await store.quiz.get_round(round_id),
        await store.quiz.answers(round_id),
        entry,
        await store.journal.versions(entry.id),
        await store.journal.card_of(entry.id),
        await store.journal.members("discord:g"),
        await store.journal.away("discord:g"),
        await store.journal.suggestions("discord:g", pending_only=False),
        await store.journal.layers(),
        await review_snapshot(store.review),
    )


async def run_cli(*argv):
    return await asyncio.to_thread(cli.main, list(argv))


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("STUDYBOT_DATABASE_URL", raising=False)
    return tmp_path


async def test_everything_copies_to_postgresql_and_back_row_for_row(data_dir, capsys):
    first = DatabaseUrl("sqlite", path=data_dir / "first.sqlite3")
    async with open_storage(first, FixedClock(NOW)) as store:
        round_id = await fill(store)
        before = await snapshot(store, round_id)
    async with throwaway_schema() as (url, schema):
        pg_url = with_schema(url, schema)
        assert await run_cli("copy-db", "--from", "sqlite:///first.sqlite3", "--to", pg_url) == 0
        out = capsys.readouterr().out
        async with open_storage(DatabaseUrl("postgresql", dsn=url), FixedClock(NOW),
                                schema=schema) as store:  # fmt: skip
            assert await snapshot(store, round_id) == before
            # New rows get new ids after the copied ones, so old buttons keep their rounds.
            again = await store.quiz.open_round(
                RoundDraft("discord:g", QUESTION, NOW, NOW, MONDAY, True, "u1")
            )
            assert again.id > round_id
            # A new card and its review log continue after the copied ids too (another space,
            # so the copy back still compares equal).
            await store.review.add_cards("discord:other", "u1", ["pod"], "{}", NOW, NOW)
            fresh = await store.review.card_for("discord:other", "u1", "pod")
            assert fresh.id > max(c.id for c in await store.review.cards("discord:g"))
            rating = Rating(fresh.id, Grade.EASY, Source.REVIEW, NOW)
            assert await store.review.rate(fresh, Grade.EASY, rating, "{}", NOW)
            assert len(await store.review.logs("discord:other", "u1", NOW)) == 1
        assert await run_cli("copy-db", "--from", pg_url, "--to", "sqlite:///back.sqlite3") == 0
    async with open_storage(DatabaseUrl("sqlite", path=data_dir / "back.sqlite3"),
                            FixedClock(NOW)) as store:  # fmt: skip
        assert await snapshot(store, round_id) == before
    lines = dict(line.split(": ", 1) for line in out.splitlines())
    assert set(lines) == TABLES
    assert lines["journal_entry_history"] == "1 → 1"
    assert all(a == b and int(a) >= 1 for a, b in (v.split(" → ") for v in lines.values()))


async def test_a_target_with_rows_is_refused_unless_forced(data_dir, capsys):
    for name in ("a.sqlite3", "b.sqlite3"):
        async with open_storage(DatabaseUrl("sqlite", path=data_dir / name), FixedClock(NOW)) as s:
            await fill(s)
    async with throwaway_schema() as (url, schema):
        pg_url = with_schema(url, schema)
        assert await run_cli("copy-db", "--from", "sqlite:///a.sqlite3", "--to", pg_url) == 0
        refused = await run_cli("copy-db", "--from", "sqlite:///b.sqlite3", "--to", pg_url)
        assert refused == cli.EXIT_PROBLEM
        assert "--force" in capsys.readouterr().err
        forced = ("copy-db", "--from", "sqlite:///b.sqlite3", "--to", pg_url, "--force")
        assert await run_cli(*forced) == cli.EXIT_OK
    assert "spaces: 1 → 1" in capsys.readouterr().out


async def test_a_source_with_a_running_bot_is_refused(data_dir, capsys):
    async with open_storage(DatabaseUrl("sqlite", path=data_dir / "live.sqlite3"),
                            FixedClock(NOW)) as store:  # fmt: skip
        await fill(store)
    (data_dir / "heartbeat").touch()
    async with throwaway_schema() as (url, schema):
        code = await run_cli(
            "copy-db", "--from", "sqlite:///live.sqlite3", "--to", with_schema(url, schema)
        )
    assert code == cli.EXIT_PROBLEM
    assert "running" in capsys.readouterr().err
    os.utime(data_dir / "heartbeat", (0, 0))  # stale: the bot has stopped
    async with throwaway_schema() as (url, schema):
        code = await run_cli(
            "copy-db", "--from", "sqlite:///live.sqlite3", "--to", with_schema(url, schema)
        )
    assert code == cli.EXIT_OK
