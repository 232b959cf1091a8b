import asyncio
import dataclasses
import datetime as dt

from bot.core.models import SpaceRef
from bot.core.ports import PostKey, PostStatus, RotationPick
from bot.core.quiz import Answer, Question, QuestionKind, RoundDraft
from bot.core.schedule import PostKind
from bot.core.spaces import SpaceSettings
from tests.core.fakes import TERMS, make_stack

UTC = dt.UTC
NOW = dt.datetime(2024, 3, 4, 0, 0, tzinfo=UTC)
MONDAY = dt.date(2024, 3, 4)
KEY = PostKey("discord:g", MONDAY, PostKind.MORNING)
LEASE = dt.timedelta(minutes=10)


def settings(**changes):
    base = SpaceSettings(SpaceRef("discord", "g"), MONDAY, channel_id="c1")
    return dataclasses.replace(base, **changes)


async def test_spaces_round_trip_every_field(repos):
    repo = repos.spaces
    s = settings(
        timezone="Europe/Berlin",
        morning_time=dt.time(8, 15),
        quiz_close_time=dt.time(19, 45),
        study_days=(0, 2, 4),
        enabled=False,
        locale="en",
    )
    assert await repo.add(s) == s
    assert await repo.get(s.space) == s
    assert await repo.get(SpaceRef("discord", "missing")) is None
    changed = dataclasses.replace(s, channel_id=None, study_days=())
    await repo.save(changed)
    assert await repo.all() == [changed]


async def test_adding_an_existing_space_keeps_what_is_stored(repos):
    first = await repos.spaces.add(settings(timezone="Asia/Seoul"))
    second = await repos.spaces.add(settings(timezone="UTC"))
    assert second == first


async def test_mention_reminders_round_trips_through_the_space_repository(repos):
    s = SpaceSettings(SpaceRef("discord", "g"), MONDAY)
    await repos.spaces.add(s)
    await repos.spaces.save(dataclasses.replace(s, mention_reminders=True))
    assert (await repos.spaces.get(s.space)).mention_reminders is True


async def test_a_post_is_claimed_once_until_released_or_sent(repos):
    log = repos.posts
    assert await log.claim(KEY, NOW, LEASE)
    assert not await log.claim(KEY, NOW, LEASE)
    await log.release(KEY, "boom")
    record = await log.get(KEY)
    assert (record.status, record.last_error) == (PostStatus.PENDING, "boom")
    assert await log.claim(KEY, NOW, LEASE)
    await log.mark_sent(KEY, NOW, "c1", "m1", "7")
    assert not await log.claim(KEY, NOW + dt.timedelta(days=1), LEASE)
    record = await log.get(KEY)
    assert (record.status, record.message_id, record.ref, record.attempts) == (
        PostStatus.SENT,
        "m1",
        "7",
        2,
    )
    assert record.sent_at == NOW
    assert await log.for_space("discord:g") == [record]


async def test_an_abandoned_claim_is_retaken_after_its_lease(repos):
    log = repos.posts
    assert await log.claim(KEY, NOW, LEASE)
    assert not await log.claim(KEY, NOW + LEASE - dt.timedelta(seconds=1), LEASE)
    assert await log.claim(KEY, NOW + LEASE, LEASE)


async def test_racing_claims_from_two_connections_have_one_winner(backend):
    async with backend.open() as one, backend.open() as two:
        logs = [one.posts, two.posts] * 5
        results = await asyncio.gather(*(log.claim(KEY, NOW, LEASE) for log in logs))
    assert results.count(True) == 1


async def test_rotation_keeps_the_first_pick_of_a_day(repos):
    repo = repos.rotation
    assert await repo.latest_cycle("s") == 0
    stored = await repo.record("s", RotationPick(MONDAY, "pod", 1))
    again = await repo.record("s", RotationPick(MONDAY, "image", 1))
    assert stored == again == RotationPick(MONDAY, "pod", 1)
    await repo.record("s", RotationPick(MONDAY + dt.timedelta(1), "image", 2))
    assert await repo.latest_cycle("s") == 2
    assert await repo.shown_in_cycle("s", 1) == {"pod"}
    assert await repo.pick_on("other", MONDAY) is None


async def test_rotation_continues_without_repeats_after_a_restart(backend):
    shown = []
    for chunk in (range(3), range(3, len(TERMS))):
        async with backend.open() as repos:
            stack = make_stack(NOW, rotation=repos.rotation)
            s = await stack.spaces.settings(SpaceRef("discord", "g"))
            for offset in chunk:
                term = await stack.morning.term_of_day(s, MONDAY + dt.timedelta(offset))
                shown.append(term.id)
    assert sorted(shown) == sorted(t.id for t in TERMS)


QUESTION = Question(
    kind=QuestionKind.TERM_TO_DEFINITION,
    prompt="파드",
    options=("가장 작은 단위", "이름 공간", '"따옴표" 설명', "주소"),
    answer=0,
    explanation="파드 — 가장 작은 단위",
    subject_id="pod",
    requested_kind=QuestionKind.NOTE_TO_TERM,
)


def draft(day=MONDAY, *, practice=False, owner=None):
    closes = dt.datetime.combine(day, dt.time(9), tzinfo=UTC)
    return RoundDraft("discord:g", QUESTION, NOW, closes, day, practice, owner)


async def test_a_daily_round_is_unique_per_space_and_date(repos):
    repo = repos.quiz
    first = await repo.open_round(draft())
    second = await repo.open_round(draft())
    assert first == second
    assert first.question == QUESTION
    practice = [await repo.open_round(draft(practice=True, owner="u1")) for _ in range(2)]
    assert len({first.id, *(p.id for p in practice)}) == 3
    assert await repo.daily_round_dates("discord:g") == [MONDAY]


async def test_answers_are_stored_once_per_member(repos):
    repo = repos.quiz
    rnd = await repo.open_round(draft())
    answer = Answer(rnd.id, "u1", "Alice", 0, True, NOW)
    assert await repo.add_answer(answer)
    assert not await repo.add_answer(dataclasses.replace(answer, choice=1))
    assert await repo.answers(rnd.id) == [answer]


async def test_a_burst_of_clicks_keeps_each_members_first_answer_only(repos):
    repo = repos.quiz
    rnd = await repo.open_round(draft())
    firsts = [Answer(rnd.id, f"u{n}", f"m{n}", n % 4, n % 4 == 0, NOW) for n in range(200)]
    repeats = [dataclasses.replace(a, choice=(a.choice + 1) % 4) for a in firsts[:50]]

    results = await asyncio.gather(*(repo.add_answer(a) for a in [*firsts, *repeats]))

    assert results == [True] * 200 + [False] * 50
    stored = {a.user_id: a.choice for a in await repo.answers(rnd.id)}
    assert stored == {a.user_id: a.choice for a in firsts}


async def test_rounds_to_settle_are_daily_rounds_past_their_close(repos):
    repo = repos.quiz
    rnd = await repo.open_round(draft())
    await repo.open_round(draft(practice=True, owner="u1"))
    assert await repo.rounds_to_settle(rnd.closes_at - dt.timedelta(seconds=1)) == []
    assert [r.id for r in await repo.rounds_to_settle(rnd.closes_at)] == [rnd.id]
    await repo.set_message(rnd.id, "c1", "m9")
    closed = await repo.close_round(rnd.id, rnd.closes_at)
    again = await repo.close_round(rnd.id, rnd.closes_at + dt.timedelta(hours=1))
    assert closed.closed_at == again.closed_at == rnd.closes_at
    assert (again.channel_id, again.message_id) == ("c1", "m9")
    await repo.mark_settled(rnd.id, rnd.closes_at)
    assert await repo.rounds_to_settle(rnd.closes_at) == []


async def test_daily_answers_leave_out_practice(repos):
    repo = repos.quiz
    daily = await repo.open_round(draft())
    practice = await repo.open_round(draft(practice=True, owner="u1"))
    await repo.add_answer(Answer(daily.id, "u1", "Alice", 0, True, NOW))
    await repo.add_answer(Answer(practice.id, "u1", "Alice", 0, True, NOW))
    scored = await repo.daily_answers("discord:g")
    assert [(a.local_date, a.user_id, a.correct) for a in scored] == [(MONDAY, "u1", True)]
