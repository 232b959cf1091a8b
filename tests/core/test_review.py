"""The review service over real SQLite: cards, FSRS grades, buttons, quiz ratings and /stats."""

import asyncio
import datetime as dt
from dataclasses import dataclass

import pytest

from bot.core.i18n import t
from bot.core.models import SpaceRef, UserRef
from bot.core.quiz import QuestionKind, QuizRound, parse_answer_button
from bot.core.quiz.models import Question
from bot.core.review.errors import (
    AlreadyRatedError,
    CardNotDueError,
    InvalidReviewButtonError,
    UnknownCardError,
)
from bot.core.review.models import Activity, Grade, Source
from bot.core.review.service import ReviewService
from bot.infra.db import Database
from bot.infra.review_repository import SqliteReviewRepository
from tests.core.fakes import COMMANDS, SPACE, TERMS, Stack, at, make_stack

ALICE = UserRef("discord", "u1", "Alice")
BOB = UserRef("discord", "u2", "Bob")
# A Monday, 10:00 in Seoul (the default timezone of a new space).
START = at("Asia/Seoul", 2024, 3, 4, 10)


@dataclass
class Review:
    stack: Stack
    repo: SqliteReviewRepository
    service: ReviewService
    terms: list


@pytest.fixture
async def rv(tmp_path):
    stack = make_stack(START)
    db = await Database.open(tmp_path / "review.db")
    repo = SqliteReviewRepository(db)
    terms = list(TERMS)
    service = ReviewService(
        repo,
        stack.spaces,
        stack.clock,
        lambda _space: tuple(terms),
        commands=COMMANDS,
        day_terms=stack.morning.day_terms,
    )
    stack.quiz.answered = service.quiz_answered
    stack.daily.today_lines.append(("review.today.name", service.today_line))
    yield Review(stack, repo, service, terms)
    await db.close()


def button_ids(reply):
    return [b.custom_id for b in reply.buttons]


async def add(rv, term_id, user=ALICE):
    return await rv.service.click(SPACE, user, f"review:add:{term_id}")


async def test_member_with_no_cards_is_told_how_to_get_some(rv):
    reply = await rv.service.review(SPACE, ALICE)
    assert reply.title == t("review.none.title")
    assert "복습에 추가" in reply.body
    assert "/quiz" in reply.body
    assert reply.ephemeral


async def test_define_button_adds_a_card_once_and_review_shows_its_term(rv):
    first = await add(rv, "docker")
    again = await add(rv, "docker")
    assert first.body == t("review.added", term="도커")
    assert again.body == t("review.already_added", term="도커")
    reply = await rv.service.review(SPACE, ALICE)
    assert "도커" in reply.body
    assert reply.title == t("review.title", left=1)
    [flip] = button_ids(reply)
    assert flip.startswith("review:flip:")


async def test_add_button_for_an_unknown_term_is_refused(rv):
    with pytest.raises(UnknownCardError):
        await add(rv, "no-such-term")


async def flip_and_rate(rv, grade, user=ALICE):
    front = await rv.service.review(SPACE, user)
    back = await rv.service.click(SPACE, user, button_ids(front)[0])
    labels = [b.label for b in back.buttons]
    assert labels == ["다시", "어려움", "알맞음", "쉬움"]
    rate = next(i for i in button_ids(back) if i.endswith(f".{grade.value}"))
    return rate, await rv.service.click(SPACE, user, rate)


async def test_first_good_is_due_on_a_later_local_day_and_nothing_is_left_today(rv):
    await add(rv, "docker")
    _, reply = await flip_and_rate(rv, Grade.GOOD)
    assert reply.title == t("review.done.title")
    # py-fsrs gives a first Good 2 days; the reply names the local date and time.
    assert "2024-03-06 10:00" in reply.body
    card = await rv.repo.card_for("discord:guild-1", "u1", "docker")
    assert card.due.astimezone(dt.UTC) == START.astimezone(dt.UTC) + dt.timedelta(days=2)


async def test_first_again_comes_back_the_next_local_day(rv):
    await add(rv, "docker")
    await flip_and_rate(rv, Grade.AGAIN)
    assert (await rv.service.review(SPACE, ALICE)).title == t("review.done.title")
    rv.stack.clock.advance(dt.timedelta(days=1) - dt.timedelta(hours=5))
    reply = await rv.service.review(SPACE, ALICE)
    assert button_ids(reply)[0].startswith("review:flip:")


async def test_front_alternates_between_term_and_definition(rv):
    await add(rv, "docker")
    first = await rv.service.review(SPACE, ALICE)
    assert "도커" in first.body
    await flip_and_rate(rv, Grade.AGAIN)
    rv.stack.clock.advance(dt.timedelta(days=1))
    second = await rv.service.review(SPACE, ALICE)
    assert "컨테이너를 만들고 실행하는 플랫폼" in second.body
    assert "도커" not in second.body
    assert "Docker" not in second.body


async def test_a_second_click_on_the_same_rating_counts_once(rv):
    await add(rv, "docker")
    rate, _ = await flip_and_rate(rv, Grade.GOOD)
    with pytest.raises(AlreadyRatedError):
        await rv.service.click(SPACE, ALICE, rate)
    logs = await rv.repo.logs("discord:guild-1", "u1", START - dt.timedelta(days=1))
    assert [(x.grade, x.source) for x in logs] == [(Grade.GOOD, Source.REVIEW)]


async def test_two_racing_clicks_on_one_card_store_one_review(rv):
    await add(rv, "docker")
    front = await rv.service.review(SPACE, ALICE)
    back = await rv.service.click(SPACE, ALICE, button_ids(front)[0])
    good, easy = button_ids(back)[2], button_ids(back)[3]
    results = await asyncio.gather(
        rv.service.click(SPACE, ALICE, good),
        rv.service.click(SPACE, ALICE, easy),
        return_exceptions=True,
    )
    assert sum(isinstance(r, AlreadyRatedError) for r in results) == 1
    logs = await rv.repo.logs("discord:guild-1", "u1", START - dt.timedelta(days=1))
    assert len(logs) == 1


async def test_forged_buttons_are_refused_and_change_nothing(rv):
    await add(rv, "docker")
    front = await rv.service.review(SPACE, ALICE)
    card_id = button_ids(front)[0].split(":")[2].split(".")[0]
    with pytest.raises(UnknownCardError):
        await rv.service.click(SPACE, BOB, f"review:rate:{card_id}.0.good")
    with pytest.raises(InvalidReviewButtonError):
        await rv.service.click(SPACE, ALICE, f"review:rate:{card_id}.0.perfect")
    with pytest.raises(InvalidReviewButtonError):
        await rv.service.click(SPACE, ALICE, "review:rate:x")
    await rv.service.click(SPACE, ALICE, f"review:rate:{card_id}.0.good")
    with pytest.raises(CardNotDueError):
        await rv.service.click(SPACE, ALICE, f"review:rate:{card_id}.1.good")
    other = SpaceRef("discord", "guild-2")
    with pytest.raises(UnknownCardError):
        await rv.service.click(other, ALICE, f"review:rate:{card_id}.1.good")
    logs = await rv.repo.logs("discord:guild-1", "u1", START - dt.timedelta(days=1))
    assert len(logs) == 1


async def test_a_removed_term_keeps_its_card_hidden_until_it_returns(rv):
    await add(rv, "docker")
    removed = next(x for x in rv.terms if x.id == "docker")
    rv.terms.remove(removed)
    reply = await rv.service.review(SPACE, ALICE)
    assert reply.title == t("review.done.title")
    assert await rv.service.due_count(SPACE, "u1") == 0
    rv.terms.append(removed)
    assert "도커" in (await rv.service.review(SPACE, ALICE)).body


async def answer_quiz(rv, reply, user, *, right):
    round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
    rnd = await rv.stack.quiz_repo.get_round(round_id)
    wrong = next(i for i in range(len(rnd.question.options)) if i != rnd.question.answer)
    choice = rnd.question.answer if right else wrong
    await rv.stack.quiz.answer(SPACE, user, f"quiz:answer:{round_id}:{choice}")
    return rnd


async def test_a_practice_answer_creates_and_rates_its_terms_cards(rv):
    reply = await rv.stack.quiz.practice(SPACE, ALICE)
    rnd = await answer_quiz(rv, reply, ALICE, right=False)
    term_ids = next(
        (c.terms for c in COMMANDS if c.id == rnd.question.subject_id), (rnd.question.subject_id,)
    )
    for term_id in term_ids:
        card = await rv.repo.card_for("discord:guild-1", "u1", term_id)
        assert card.reps == 1
    logs = await rv.repo.logs("discord:guild-1", "u1", START - dt.timedelta(days=1))
    assert {(x.grade, x.source, x.moved) for x in logs} == {(Grade.AGAIN, Source.PRACTICE, True)}


def make_round(kind, subject, practice):
    question = Question(kind, "prompt", ("a", "b"), 0, "why", subject)
    return QuizRound(1, "discord:guild-1", question, START, None, START.date(), practice, "u1")


async def test_a_command_question_rates_the_terms_its_card_lists(rv):
    from bot.core.quiz import Answer

    rnd = make_round(QuestionKind.COMMAND_TO_EXPLANATION, "docker-run", practice=True)
    answer = Answer(1, "u1", "Alice", 0, True, START)
    await rv.service.quiz_answered(SPACE, rnd, answer)
    cards = await rv.repo.cards("discord:guild-1", "u1")
    assert sorted(c.term_id for c in cards) == ["container", "image"]
    assert all(c.reps == 1 for c in cards)


async def test_practice_on_a_card_that_is_not_due_is_logged_without_moving_it(rv):
    from bot.core.quiz import Answer

    rnd = make_round(QuestionKind.TERM_TO_DEFINITION, "pod", practice=True)
    await rv.service.quiz_answered(SPACE, rnd, Answer(1, "u1", "Alice", 0, True, START))
    before = await rv.repo.card_for("discord:guild-1", "u1", "pod")
    later = START + dt.timedelta(minutes=5)
    await rv.service.quiz_answered(SPACE, rnd, Answer(1, "u1", "Alice", 0, True, later))
    after = await rv.repo.card_for("discord:guild-1", "u1", "pod")
    assert (after.due, after.reps) == (before.due, before.reps)
    logs = await rv.repo.logs("discord:guild-1", "u1", START - dt.timedelta(days=1))
    assert [x.moved for x in logs] == [True, False]


async def test_a_daily_answer_counts_as_taking_part_and_adds_the_days_terms(rv):
    from bot.core.quiz import Answer

    rnd = make_round(QuestionKind.TERM_TO_DEFINITION, "pod", practice=False)
    await rv.service.quiz_answered(SPACE, rnd, Answer(1, "u1", "Alice", 1, False, START))
    cards = {c.term_id: c for c in await rv.repo.cards("discord:guild-1", "u1")}
    # Day 1 of the curriculum lists docker and container; the term of the day joins them.
    assert {"pod", "docker", "container"} <= cards.keys()
    assert cards["pod"].reps == 1
    assert cards["docker"].reps == 0


async def test_a_saved_scrum_adds_the_days_terms_and_the_retros_term_rows(rv):
    day = START.date()
    await rv.service.entry_saved(SPACE, "u1", day, Activity.RETRO.value, ["volume"])
    ids = {c.term_id for c in await rv.repo.cards("discord:guild-1", "u1")}
    assert {"volume", "docker", "container"} <= ids
    assert await rv.repo.cards("discord:guild-1", "u2") == []


async def test_today_says_how_many_cards_are_due(rv):
    await add(rv, "docker")
    await add(rv, "pod")
    reply = await rv.stack.daily.today(SPACE, None, member="u1")
    assert any(f.value == "복습할 카드 2장" for f in reply.fields)
    english = await rv.stack.daily.today(SPACE, "en", member="u1")
    assert any(f.value == "2 cards to review" for f in english.fields)
    plain = await rv.stack.daily.today(SPACE, None)
    assert not any("복습할 카드" in f.value for f in plain.fields)


async def test_review_reminders_are_off_until_a_member_turns_them_on(rv):
    assert await rv.service.reminded("discord:guild-1") == set()
    on = await rv.service.set_reminders(SPACE, ALICE, "켜기")
    assert on.body == t("review.reminders.on")
    assert await rv.service.reminded("discord:guild-1") == {"u1"}
    await rv.service.set_reminders(SPACE, ALICE, "off")
    assert await rv.service.reminded("discord:guild-1") == set()
    usage = await rv.service.set_reminders(SPACE, ALICE, "maybe")
    assert usage.body == t("review.reminders.usage")


async def test_review_works_on_a_rest_day(rv):
    await add(rv, "docker")
    rv.stack.clock.set(at("Asia/Seoul", 2024, 3, 9, 10))  # a Saturday
    assert button_ids(await rv.service.review(SPACE, ALICE))[0].startswith("review:flip:")


async def test_stats_counts_reviews_quiz_accuracy_and_the_forecast(rv):
    from bot.core.quiz import Answer

    await add(rv, "docker")
    await flip_and_rate(rv, Grade.GOOD)
    rnd = make_round(QuestionKind.TERM_TO_DEFINITION, "pod", practice=True)
    await rv.service.quiz_answered(SPACE, rnd, Answer(1, "u1", "Alice", 0, True, START))
    stats = await rv.service.study_stats(SPACE, "u1", "Alice")
    assert stats.reviews_done == 1
    assert stats.streak == 1
    assert [(w.answered, w.correct) for w in stats.accuracy if w.answered] == [(1, 1)]
    assert dict(stats.forecast)[dt.date(2024, 3, 6)] == 2  # docker (review) and pod (quiz)
    assert len(stats.heatmap) >= 11 * 7
    public = await rv.service.study_stats(SPACE, "u1", "Alice", public=True)
    assert public.cards == 0
    assert all(count == 0 for _, count in public.forecast)


async def test_stats_for_a_member_with_no_history_says_so(rv):
    reply = await rv.service.stats(SPACE, BOB)
    assert t("stats.empty") in reply.body
    assert reply.attachments == ()


async def test_daily_quiz_asks_about_the_term_the_team_remembers_worst_and_says_so(rv):
    from bot.core.review.loop import ReviewLoop

    for term_id, grade in (("pod", Grade.AGAIN), ("docker", Grade.EASY)):
        await add(rv, term_id)
        card = await rv.repo.card_for("discord:guild-1", "u1", term_id)
        await rv.service.click(SPACE, ALICE, f"review:rate:{card.id}.0.{grade.value}")
    loop = ReviewLoop(rv.repo)
    quiz_time = at("Asia/Seoul", 2024, 3, 5, 13)
    assert await loop.weakest_terms(await rv.stack.spaces.settings(SPACE), quiz_time) == ["pod"]
    rv.stack.daily.quiz_prefer = (loop.weakest_terms, "review.quiz.weakest")
    rv.stack.clock.set(quiz_time)
    await rv.stack.daily.post_due(quiz_time)
    rnd = await rv.stack.quiz_repo.daily_round("discord:guild-1", quiz_time.date())
    assert "pod" in rv.stack.morning.subject_terms(rnd.question.subject_id)
    [post] = [s.reply for s in rv.stack.publisher.posts if s.reply.buttons]
    assert t("review.quiz.weakest") in post.footer


async def test_evening_reminder_lists_the_due_cards_of_members_who_opted_in(rv):
    from bot.core.daily import Draft
    from bot.core.replies import Reply
    from bot.core.review.loop import ReviewLoop

    await add(rv, "docker")
    await add(rv, "pod")
    await add(rv, "pod", BOB)
    await rv.service.set_reminders(SPACE, ALICE, "on")
    loop = ReviewLoop(rv.repo)
    settings = await rv.stack.spaces.settings(SPACE)
    evening = at("Asia/Seoul", 2024, 3, 4, 21)
    alone = await loop.with_due_reviews(None)(settings, evening.date(), evening)
    assert alone.reply.title == t("review.reminder.title")
    assert [f.value for f in alone.reply.fields] == ["Alice 2장"]

    async def retro_reminder(settings, day, at):
        return Draft(Reply(title="retro"))

    joined = await loop.with_due_reviews(retro_reminder)(settings, evening.date(), evening)
    assert joined.reply.title == "retro"
    assert joined.reply.fields[-1].value == "Alice 2장"
    await rv.service.set_reminders(SPACE, ALICE, "off")
    assert await loop.with_due_reviews(None)(settings, evening.date(), evening) is None


async def test_buttons_work_after_a_restart_because_they_carry_only_ids(rv):
    await add(rv, "docker")
    front = await rv.service.review(SPACE, ALICE)
    restarted = ReviewService(
        rv.repo, rv.stack.spaces, rv.stack.clock, lambda _space: tuple(rv.terms)
    )
    back = await restarted.click(SPACE, ALICE, button_ids(front)[0])
    assert len(back.buttons) == 4
    done = await restarted.click(SPACE, ALICE, button_ids(back)[2])
    assert done.title == t("review.done.title")


async def test_the_anki_button_is_refused_where_no_deck_builder_is_wired(rv):
    with pytest.raises(InvalidReviewButtonError):
        await rv.service.click(SPACE, ALICE, "review:anki:deck")
