import asyncio
import dataclasses
import datetime as dt
import logging

from bot.core.daily import CurriculumState, curriculum_position
from bot.core.daily.service import Draft, post_nonce
from bot.core.i18n import t
from bot.core.models import Content, SpaceRef, StudyDay, UserRef
from bot.core.ports import PostKey, PostStatus
from bot.core.quiz import parse_answer_button
from bot.core.replies import Reply
from bot.core.schedule import PostKind
from bot.core.spaces import SettingsUpdate
from tests.core.fakes import (
    CONTENT,
    DAYS,
    SPACE,
    TERMS,
    InMemoryRotationRepository,
    at,
    make_stack,
)

MONDAY = dt.date(2024, 3, 4)
WEEKDAYS = (0, 1, 2, 3, 4)


def seoul(day, hour, minute=0):
    return at("Asia/Seoul", 2024, 3, day, hour, minute)


async def stack_at(now, content=CONTENT, **kwargs):
    stack = make_stack(now, content, **kwargs)
    await stack.spaces.settings(SPACE)  # the space starts today
    return stack


def field(reply, key, locale="ko"):
    return next((f.value for f in reply.fields if f.name == t(key, locale)), None)


# --- curriculum ------------------------------------------------------------------------------


def test_curriculum_counts_study_days_since_the_start_skipping_weekends():
    thursday = dt.date(2024, 3, 7)
    assert curriculum_position(DAYS, thursday, WEEKDAYS, thursday).day.day == 1
    assert curriculum_position(DAYS, thursday, WEEKDAYS, dt.date(2024, 3, 8)).day.day == 2
    assert curriculum_position(DAYS, thursday, WEEKDAYS, dt.date(2024, 3, 11)).day.day == 3
    finished = curriculum_position(DAYS, thursday, WEEKDAYS, dt.date(2024, 3, 12))
    assert finished.state is CurriculumState.FINISHED
    before = curriculum_position(DAYS, thursday, WEEKDAYS, dt.date(2024, 3, 6))
    assert before.state is CurriculumState.NOT_STARTED


def test_a_dated_curriculum_uses_the_day_whose_date_is_today():
    days = (
        StudyDay(day=1, date=dt.date(2024, 3, 5), title="A"),
        StudyDay(day=2, date=dt.date(2024, 3, 7), title="B"),
    )
    start = dt.date(2024, 1, 1)
    assert curriculum_position(days, start, WEEKDAYS, dt.date(2024, 3, 7)).day.title == "B"
    free = curriculum_position(days, start, WEEKDAYS, dt.date(2024, 3, 6))
    assert free.state is CurriculumState.FREE
    assert curriculum_position(days, start, WEEKDAYS, dt.date(2024, 3, 4)).starts_on == (
        dt.date(2024, 3, 5)
    )
    done = curriculum_position(days, start, WEEKDAYS, dt.date(2024, 3, 8))
    assert done.state is CurriculumState.FINISHED


def test_dates_before_the_space_started_are_history_and_the_days_are_counted():
    # The shipped day 1 keeps the date of the note it came from; a team starting later
    # still begins with it.
    days = (
        StudyDay(day=1, date=dt.date(2025, 2, 10), title="A"),
        StudyDay(day=2, title="B"),
    )
    start = dt.date(2026, 11, 26)  # a Thursday
    assert curriculum_position(days, start, WEEKDAYS, start).day.title == "A"
    assert curriculum_position(days, start, WEEKDAYS, dt.date(2026, 11, 27)).day.title == "B"


# --- the morning post ------------------------------------------------------------------------


async def test_morning_post_shows_todays_day_goals_scrum_and_a_term_of_the_day():
    stack = await stack_at(seoul(4, 8))
    stack.clock.set(seoul(4, 9))
    posted = await stack.daily.post_due()
    assert [(p.kind, p.local_date) for p in posted] == [(PostKind.MORNING, MONDAY)]
    reply = stack.publisher.posts[0].reply
    assert stack.publisher.posts[0].channel == "study"
    assert reply.body == t("morning.day", "ko", number=1, title="도커 시작하기")
    assert field(reply, "morning.goals") == "• 도커 설치\n• 첫 컨테이너 실행"
    assert "/scrum" in field(reply, "morning.scrum.title")
    term = field(reply, "morning.term")
    assert term.startswith(("도커 —", "컨테이너 —"))  # today's curriculum terms come first
    assert "docker run -d nginx" in field(reply, "morning.practice")


async def test_curriculum_advances_with_study_days_and_says_when_it_is_finished():
    stack = await stack_at(seoul(4, 8))
    bodies = []
    for day in (4, 5, 6, 7, 8, 11):
        stack.clock.set(seoul(day, 9, 1))
        await stack.daily.post_due()
        bodies.append(stack.publisher.posts[-1].reply)
    assert [r.body for r in bodies[:3]] == [
        t("morning.day", "ko", number=d.day, title=d.title) for d in DAYS
    ]
    assert bodies[3].body == t("morning.finished", "ko")
    assert bodies[5].body == t("morning.finished", "ko")
    assert all(field(r, "morning.term") for r in bodies)


async def test_term_of_the_day_repeats_nothing_until_every_term_was_shown():
    stack = await stack_at(seoul(4, 8))
    shown = []
    for offset in range(len(TERMS) + 2):
        term = await stack.morning.term_of_day(
            await stack.spaces.settings(SPACE), MONDAY + dt.timedelta(days=offset)
        )
        shown.append(term.id)
    first_cycle = shown[: len(TERMS)]
    assert sorted(first_cycle) == sorted(x.id for x in TERMS)
    assert len(set(shown[len(TERMS) :])) == 2


async def test_term_of_the_day_is_stable_for_a_date_and_survives_a_restart():
    rotation = InMemoryRotationRepository()
    stack = await stack_at(seoul(4, 8), rotation=rotation)
    settings = await stack.spaces.settings(SPACE)
    first = [await stack.morning.term_of_day(settings, MONDAY + dt.timedelta(d)) for d in range(3)]
    again = await stack.morning.term_of_day(settings, MONDAY)
    assert again == first[0]
    # "restart": brand-new services over the same stored rotation
    restarted = make_stack(seoul(7, 8), rotation=rotation, space_repo=stack.space_repo)
    rest = [
        await restarted.morning.term_of_day(settings, MONDAY + dt.timedelta(d))
        for d in range(3, len(TERMS))
    ]
    ids = [x.id for x in first + rest]
    assert sorted(ids) == sorted(x.id for x in TERMS)


async def test_rotation_is_kept_per_space():
    stack = await stack_at(seoul(4, 8))
    other = SpaceRef("discord", "guild-2")
    a = await stack.spaces.settings(SPACE)
    b = await stack.spaces.settings(other)
    for d in range(len(TERMS)):
        await stack.morning.term_of_day(a, MONDAY + dt.timedelta(d))
    term_b = await stack.morning.term_of_day(b, MONDAY)
    assert term_b is not None
    assert await stack.rotation.latest_cycle(b.key) == 1


async def test_morning_post_without_a_curriculum_keeps_the_term_of_the_day():
    stack = await stack_at(seoul(4, 8), Content(terms=TERMS))
    stack.clock.set(seoul(4, 9))
    await stack.daily.post_due()
    reply = stack.publisher.posts[0].reply
    assert reply.body == t("morning.finished", "ko")
    assert field(reply, "morning.term")


async def test_today_shows_the_morning_post_privately_or_says_it_is_a_rest_day():
    stack = await stack_at(seoul(4, 8))
    reply = await stack.daily.today(SPACE)
    assert reply.ephemeral
    assert reply.body == t("morning.day", "ko", number=1, title="도커 시작하기")
    stack.clock.set(seoul(9, 10))
    rest = await stack.daily.today(SPACE, "en")
    assert rest.title == t("morning.rest.title", "en")


# --- post_due ----------------------------------------------------------------------------------


async def test_post_due_posts_once_and_a_second_run_posts_nothing():
    stack = await stack_at(seoul(4, 9, 5))
    assert len(await stack.daily.post_due()) == 1
    assert await stack.daily.post_due() == []
    assert await stack.daily.post_due(seoul(4, 10, 30)) == []
    assert len(stack.publisher.posts) == 1
    record = await stack.posts.get(PostKey("discord:guild-1", MONDAY, PostKind.MORNING))
    assert record.status is PostStatus.SENT
    assert record.message_id == "m1"


async def test_two_concurrent_post_due_calls_post_each_item_once():
    stack = await stack_at(seoul(4, 13, 1), grace=dt.timedelta(hours=5))
    results = await asyncio.gather(stack.daily.post_due(), stack.daily.post_due())
    kinds = sorted(p.kind for r in results for p in r)
    assert kinds == [PostKind.MORNING, PostKind.QUIZ]
    assert len(stack.publisher.posts) == 2


async def test_the_daily_quiz_is_posted_with_buttons_and_closed_by_an_edit():
    stack = await stack_at(seoul(4, 13))
    posted = await stack.daily.post_due(seoul(4, 13))
    quiz = next(p for p in posted if p.kind is PostKind.QUIZ)
    sent = next(s for s in stack.publisher.posts if s.message_id == quiz.message_id)
    assert len(sent.reply.buttons) == 4
    round_id, _ = parse_answer_button(sent.reply.buttons[0].custom_id)
    rnd = await stack.quiz_repo.get_round(round_id)
    assert rnd.message_id == quiz.message_id
    assert rnd.channel_id == "study"

    stack.clock.set(seoul(4, 14))
    await stack.quiz.answer(
        SPACE, UserRef("discord", "u1", "Alice"), sent.reply.buttons[rnd.question.answer].custom_id
    )
    assert await stack.daily.post_due(seoul(4, 17, 59)) == []
    closed = await stack.daily.post_due(seoul(4, 18))
    assert [(p.kind, p.message_id) for p in closed] == [(PostKind.QUIZ_CLOSE, quiz.message_id)]
    edit = stack.publisher.edits[0]
    assert edit.message_id == quiz.message_id
    assert field(edit.reply, "quiz.result.winners") == "Alice"
    assert await stack.daily.post_due(seoul(4, 18, 5)) == []
    assert len(stack.publisher.edits) == 1


async def test_a_round_left_open_by_a_long_outage_is_still_closed():
    stack = await stack_at(seoul(4, 13))
    await stack.daily.post_due(seoul(4, 13))
    closed = await stack.daily.post_due(seoul(5, 8))  # long after the grace window
    assert [p.kind for p in closed] == [PostKind.QUIZ_CLOSE]
    assert len(stack.publisher.edits) == 1


async def test_nothing_is_posted_on_non_study_days_or_to_disabled_spaces():
    stack = await stack_at(seoul(9, 9))
    assert await stack.daily.post_due() == []
    await stack.spaces.change(SPACE, SettingsUpdate(enabled="off"), can_manage=True)
    assert await stack.daily.post_due(seoul(11, 9)) == []
    await stack.spaces.change(SPACE, SettingsUpdate(enabled="on", channel="-"), can_manage=True)
    assert await stack.daily.post_due(seoul(11, 9)) == []
    assert stack.publisher.posts == []


async def test_a_failed_publish_is_retried_within_the_grace_window():
    stack = await stack_at(seoul(4, 9))
    stack.publisher.fail = 1
    assert await stack.daily.post_due() == []
    key = PostKey("discord:guild-1", MONDAY, PostKind.MORNING)
    record = await stack.posts.get(key)
    assert record.status is PostStatus.PENDING
    assert "platform unavailable" in record.last_error
    posted = await stack.daily.post_due(seoul(4, 9, 5))
    assert [p.kind for p in posted] == [PostKind.MORNING]
    assert (await stack.posts.get(key)).attempts == 2


async def test_a_failed_publish_is_not_retried_after_the_grace_window():
    stack = await stack_at(seoul(4, 9))
    stack.publisher.fail = 1
    await stack.daily.post_due()
    assert await stack.daily.post_due(seoul(4, 11, 0)) == []
    assert stack.publisher.posts == []


async def test_a_failed_quiz_post_reuses_its_round_on_retry():
    stack = await stack_at(seoul(4, 13))
    await stack.daily.post_due(seoul(4, 9))
    stack.publisher.fail = 1
    assert await stack.daily.post_due(seoul(4, 13)) == []
    await stack.daily.post_due(seoul(4, 13, 5))
    assert len(stack.quiz_repo.rounds) == 1
    assert stack.quiz_repo.rounds[1].message_id == stack.publisher.posts[-1].message_id


async def test_a_failed_close_edit_is_retried():
    stack = await stack_at(seoul(4, 13))
    await stack.daily.post_due(seoul(4, 13))
    stack.publisher.fail = 1
    assert await stack.daily.post_due(seoul(4, 18)) == []
    assert [p.kind for p in await stack.daily.post_due(seoul(4, 18, 5))] == [PostKind.QUIZ_CLOSE]


async def test_post_due_can_be_limited_to_one_space_and_to_the_publishers_platforms():
    stack = await stack_at(seoul(4, 9))
    other = SpaceRef("console", "local")
    await stack.spaces.settings(other)
    only = await stack.daily.post_due(space_id="guild-1")
    assert [p.space for p in only] == [SPACE]
    assert [p.space for p in await stack.daily.post_due(space_id="console:local")] == [other]

    fresh = await stack_at(seoul(4, 9), platforms=frozenset({"console"}))
    await fresh.spaces.settings(other)
    assert [p.space for p in await fresh.daily.post_due()] == [other]


async def test_a_registered_retro_reminder_is_posted_at_its_time():
    stack = await stack_at(seoul(4, 21))

    async def retro(settings, day, at):
        return Draft(Reply(title=f"retro {day}"))

    stack.daily.register(PostKind.RETRO_REMINDER, retro)
    posted = await stack.daily.post_due(seoul(4, 21, 1))
    assert [p.kind for p in posted] == [PostKind.RETRO_REMINDER]
    assert stack.publisher.posts[-1].reply.title == "retro 2024-03-04"


async def test_retro_reminder_without_a_composer_is_skipped():
    stack = await stack_at(seoul(4, 21))
    assert await stack.daily.post_due(seoul(4, 21, 1)) == []


async def test_with_fewer_than_two_terms_the_quiz_post_says_no_quiz_can_be_made():
    stack = await stack_at(seoul(4, 13), Content(terms=TERMS[:1]))
    posted = await stack.daily.post_due(seoul(4, 13))
    assert [p.kind for p in posted] == [PostKind.QUIZ]
    assert stack.publisher.posts[-1].reply.title == t("quiz.none.title", "ko")
    assert await stack.daily.post_due(seoul(4, 18)) == []


async def test_changed_times_apply_to_the_next_post_due_without_a_restart():
    stack = await stack_at(seoul(4, 8))
    await stack.spaces.change(SPACE, SettingsUpdate(morning="07:30"), can_manage=True)
    posted = await stack.daily.post_due(seoul(4, 7, 31))
    assert [p.kind for p in posted] == [PostKind.MORNING]


async def test_posts_use_the_space_locale():
    stack = await stack_at(seoul(4, 9))
    await stack.spaces.change(SPACE, SettingsUpdate(locale="en"), can_manage=True)
    await stack.daily.post_due()
    reply = stack.publisher.posts[0].reply
    assert reply.title.startswith("☀️ Good morning!")
    assert dataclasses.asdict(reply)["ephemeral"] is False


async def test_one_broken_space_does_not_stop_the_others():
    stack = await stack_at(seoul(4, 9))
    broken = dataclasses.replace(
        await stack.spaces.settings(SpaceRef("discord", "broken")), timezone="Gone/Away"
    )
    await stack.space_repo.save(broken)
    posted = await stack.daily.post_due()
    assert [p.space for p in posted] == [SPACE]


async def test_a_post_whose_recording_fails_is_not_released_for_an_immediate_repost():
    stack = await stack_at(seoul(4, 9))

    async def broken_mark_sent(*args, **kwargs):
        raise OSError("disk full")

    stack.posts.mark_sent = broken_mark_sent
    assert len(await stack.daily.post_due()) == 1
    assert await stack.daily.post_due(seoul(4, 9, 5)) == []
    assert len(stack.publisher.posts) == 1


def test_a_scheduled_post_carries_the_same_nonce_in_every_process():
    key = PostKey("discord:1", dt.date(2026, 11, 30), PostKind.MORNING)
    nonce = post_nonce(key)
    assert nonce == post_nonce(PostKey("discord:1", dt.date(2026, 11, 30), PostKind.MORNING))
    assert nonce.isdigit()
    assert len(nonce) <= 19
    others = {
        post_nonce(PostKey("discord:1", dt.date(2026, 11, 30), PostKind.QUIZ)),
        post_nonce(PostKey("discord:1", dt.date(2026, 12, 1), PostKind.MORNING)),
        post_nonce(PostKey("discord:2", dt.date(2026, 11, 30), PostKind.MORNING)),
    }
    assert nonce not in others
    assert len(others) == 3


async def test_a_failed_publish_is_one_line_for_the_operator_without_a_traceback(caplog):
    stack = await stack_at(seoul(4, 9))
    stack.publisher.fail = 1
    with caplog.at_level(logging.INFO):
        assert await stack.daily.post_due() == []
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "ConnectionError: platform unavailable" in errors[0].getMessage()
    assert errors[0].exc_info is None
