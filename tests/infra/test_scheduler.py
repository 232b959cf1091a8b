import asyncio
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.models import SpaceRef
from bot.core.schedule import PostKind
from bot.core.spaces import EVERY_DAY, SettingsUpdate, SpaceSettings
from bot.infra.clock import SystemClock
from bot.infra.db import Database
from bot.infra.repositories import (
    SqlitePostLog,
    SqliteQuizRepository,
    SqliteRotationRepository,
    SqliteSpaceRepository,
)
from bot.infra.scheduler import DailyScheduler, cron_trigger
from tests.core.fakes import SPACE, FixedClock, RecordingPublisher, at, make_stack

UTC = dt.UTC


def seoul(day, hour, minute=0, second=0):
    return at("Asia/Seoul", 2024, 3, day, hour, minute, second)


def sqlite_stack(db, clock, publisher=None):
    return make_stack(
        clock.now(),
        clock=clock,
        publisher=publisher,
        space_repo=SqliteSpaceRepository(db, clock),
        posts=SqlitePostLog(db),
        rotation=SqliteRotationRepository(db),
        quiz_repo=SqliteQuizRepository(db),
    )


def fire_times(trigger, start, end):
    times, previous, now = [], None, start
    while True:
        nxt = trigger.get_next_fire_time(previous, now)
        if nxt is None or nxt > end:
            return times
        times.append(nxt.astimezone(UTC))
        previous, now = nxt, nxt


@pytest.fixture
async def db(tmp_path):
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield database
    await database.close()


def space_settings(**changes):
    base = {"space": SPACE, "started_on": dt.date(2024, 3, 4), "channel_id": "c"}
    return SpaceSettings(**{**base, **changes})


def test_morning_trigger_fires_at_nine_in_seoul_on_study_days_only():
    trigger = cron_trigger(space_settings(), PostKind.MORNING)
    times = fire_times(trigger, seoul(8, 9, 0, 1), seoul(12, 12))
    assert times == [
        dt.datetime(2024, 3, 11, 0, 0, tzinfo=UTC),
        dt.datetime(2024, 3, 12, 0, 0, tzinfo=UTC),
    ]


def test_quiz_close_trigger_uses_the_space_timezone():
    trigger = cron_trigger(space_settings(timezone="Europe/Berlin"), PostKind.QUIZ_CLOSE)
    times = fire_times(
        trigger, dt.datetime(2024, 3, 4, tzinfo=UTC), dt.datetime(2024, 3, 5, tzinfo=UTC)
    )
    assert times == [dt.datetime(2024, 3, 4, 17, 0, tzinfo=UTC)]


def test_trigger_keeps_local_time_across_the_berlin_dst_change():
    s = space_settings(timezone="Europe/Berlin", study_days=EVERY_DAY)
    times = fire_times(
        cron_trigger(s, PostKind.MORNING),
        dt.datetime(2024, 3, 29, tzinfo=UTC),
        dt.datetime(2024, 4, 2, tzinfo=UTC),
    )
    assert [t.hour for t in times] == [8, 8, 7, 7]
    assert {t.astimezone(ZoneInfo("Europe/Berlin")).hour for t in times} == {9}


async def test_jobs_at_a_dst_fold_and_gap_post_each_day_once(db):
    clock = FixedClock(dt.datetime(2024, 11, 2, 12, tzinfo=UTC))
    stack = sqlite_stack(db, clock)
    update = SettingsUpdate(timezone="America/New_York", morning="01:30", days="매일", channel="c")
    await stack.spaces.change(SPACE, update, can_manage=True)
    scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
    trigger = cron_trigger(await stack.spaces.settings(SPACE), PostKind.MORNING)
    times = fire_times(trigger, clock.now(), dt.datetime(2024, 11, 4, 12, tzinfo=UTC))
    # APScheduler fires at both 01:30s of the fold; the post log keeps it to one post.
    assert dt.datetime(2024, 11, 3, 5, 30, tzinfo=UTC) in times
    assert dt.datetime(2024, 11, 3, 6, 30, tzinfo=UTC) in times
    for fire in times:
        clock.set(fire)
        await scheduler.run(SPACE.id)
    days = [p.reply.title for p in stack.publisher.posts]
    assert len(days) == 2
    assert "2024-11-03" in days[0]
    assert "2024-11-04" in days[1]

    await stack.spaces.change(SPACE, SettingsUpdate(morning="02:30"), can_manage=True)
    trigger = cron_trigger(await stack.spaces.settings(SPACE), PostKind.MORNING)
    start, end = dt.datetime(2024, 3, 9, 12, tzinfo=UTC), dt.datetime(2024, 3, 11, 12, tzinfo=UTC)
    for fire in [*fire_times(trigger, start, end), dt.datetime(2024, 3, 10, 7, 35, tzinfo=UTC)]:
        clock.set(fire)
        await scheduler.run()
    titles = [p.reply.title for p in stack.publisher.posts[2:]]
    assert len(titles) == 2
    assert "2024-03-10" in titles[0]
    assert "2024-03-11" in titles[1]


async def test_start_catches_up_inside_the_grace_window(db):
    clock = FixedClock(seoul(4, 8))
    stack = sqlite_stack(db, clock)
    await stack.spaces.settings(SPACE)
    clock.set(seoul(4, 10, 30))
    scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
    try:
        caught = await scheduler.start()
        assert [(p.kind, p.local_date) for p in caught] == [(PostKind.MORNING, dt.date(2024, 3, 4))]
        kinds = sorted(j.kind for j in scheduler.jobs())
        assert kinds == sorted(PostKind)
    finally:
        scheduler.shutdown()


async def test_start_outside_the_grace_window_posts_nothing(db):
    clock = FixedClock(seoul(4, 8))
    stack = sqlite_stack(db, clock)
    await stack.spaces.settings(SPACE)
    clock.set(seoul(4, 11, 30))
    scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
    try:
        assert await scheduler.start() == []
        assert stack.publisher.posts == []
    finally:
        scheduler.shutdown()


async def test_a_restart_does_not_post_again(tmp_path):
    path = tmp_path / "bot.sqlite3"
    clock = FixedClock(seoul(4, 9, 30))
    async with await Database.open(path) as db:
        stack = sqlite_stack(db, clock)
        await stack.spaces.settings(SPACE)
        scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
        assert len(await scheduler.start()) == 1
        scheduler.shutdown()
    clock.set(seoul(4, 10))
    async with await Database.open(path) as db:
        stack = sqlite_stack(db, clock)
        scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
        assert await scheduler.start() == []
        assert await stack.daily.post_due() == []
        assert stack.publisher.posts == []
        scheduler.shutdown()


async def test_post_due_racing_on_two_connections_posts_once(tmp_path):
    path = tmp_path / "bot.sqlite3"
    clock = FixedClock(seoul(4, 13, 1))
    publisher = RecordingPublisher()
    one, two = await Database.open(path), await Database.open(path)
    try:
        first = sqlite_stack(one, clock, publisher)
        second = sqlite_stack(two, clock, publisher)
        await first.spaces.settings(SPACE)
        results = await asyncio.gather(*(s.daily.post_due() for s in (first, second) * 3))
        assert [p.kind for r in results for p in r] == [PostKind.QUIZ]
        assert len(publisher.posts) == 1
        assert await first.daily.post_due() == []
        assert await second.daily.post_due() == []
        clock.set(seoul(4, 18))
        results = await asyncio.gather(first.daily.post_due(), second.daily.post_due())
        assert [p.kind for r in results for p in r] == [PostKind.QUIZ_CLOSE]
        assert len(publisher.edits) == 1
    finally:
        await one.close()
        await two.close()


async def test_a_settings_change_rebuilds_the_jobs(db):
    clock = FixedClock(seoul(4, 8))
    stack = sqlite_stack(db, clock)
    await stack.spaces.settings(SPACE)
    scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
    stack.spaces.on_change(scheduler.on_settings_changed)
    try:
        await scheduler.rebuild()  # not started: next runs are computed from the fixed clock
        quiz = next(j for j in scheduler.jobs() if j.kind is PostKind.QUIZ)
        assert quiz.next_run == seoul(4, 13)
        await stack.spaces.change(SPACE, SettingsUpdate(quiz="14:30"), can_manage=True)
        quiz = next(j for j in scheduler.jobs() if j.kind is PostKind.QUIZ)
        assert quiz.next_run == seoul(4, 14, 30)
        await stack.spaces.change(SPACE, SettingsUpdate(enabled="off"), can_manage=True)
        assert scheduler.jobs() == []
    finally:
        scheduler.shutdown()


class SignallingPublisher(RecordingPublisher):
    def __init__(self):
        super().__init__()
        self.posted = asyncio.Event()

    async def post(self, space, channel, reply):
        message_id = await super().post(space, channel, reply)
        self.posted.set()
        return message_id


async def test_the_morning_job_fires_when_time_reaches_its_trigger(tmp_path):
    with time_machine.travel(seoul(4, 8, 59, 50), tick=False) as traveller:
        async with await Database.open(tmp_path / "bot.sqlite3") as db:
            clock = SystemClock()
            publisher = SignallingPublisher()
            stack = make_stack(
                clock.now(),
                clock=clock,
                publisher=publisher,
                space_repo=SqliteSpaceRepository(db, clock),
                posts=SqlitePostLog(db),
                rotation=SqliteRotationRepository(db),
                quiz_repo=SqliteQuizRepository(db),
            )
            await stack.spaces.settings(SPACE)
            scheduler = DailyScheduler(stack.daily, stack.spaces, clock)
            try:
                assert await scheduler.start() == []
                traveller.move_to(seoul(4, 9, 0, 1))
                scheduler.scheduler.wakeup()
                await asyncio.wait_for(publisher.posted.wait(), timeout=10)
                assert [p.reply.title for p in publisher.posts] == [publisher.posts[0].reply.title]
                assert "2024-03-04" in publisher.posts[0].reply.title
            finally:
                scheduler.shutdown()
                await asyncio.sleep(0)


def test_scheduler_uses_a_timezone_on_every_cron_trigger():
    trigger = cron_trigger(space_settings(timezone="Asia/Seoul"), PostKind.RETRO_REMINDER)
    assert str(trigger.timezone) == "Asia/Seoul"
    assert SpaceRef("discord", "x") != SPACE
