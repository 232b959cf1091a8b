"""The daily loop through the Slack publisher: morning, quiz, answers, close, reminder, digest."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.slack.runner import SlackLoginError
from bot.core.i18n import t
from bot.core.models import SpaceRef
from bot.core.replies import Attachment, Reply
from bot.core.schedule import PostKind
from bot.faces import FACES
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.conftest import make_settings, running
from tests.adapters.slack.fake_slack import TEAM
from tests.adapters.slack.fake_users import ALICE, BORA
from tests.core.fakes import FixedClock

SEOUL = ZoneInfo("Asia/Seoul")
MONDAY = dt.date(2025, 3, 3)
FRIDAY = dt.date(2025, 3, 7)


def seoul(hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SEOUL)


async def fire(bot, clock, kind: str, at: dt.datetime):
    clock.set(at)
    scheduler = bot.app.scheduler
    job = scheduler.scheduler.get_job(f"daily:slack:{TEAM}:{kind}")
    assert job is not None, f"no {kind} job"
    return await job.func(*job.args)


async def write_retro(bot):
    await (await bot.fake.envelope("slash_commands", p.command(bot.fake, "retro")))
    view = (await bot.view())["view"]
    assert await bot.submit(view, {"reflection": "도커 네트워크를 공부했다"}) == {}
    await bot.post()


def _buttons(sent):
    return [e["action_id"] for b in sent["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def test_the_whole_day_posts_through_the_slack_publisher(fake, settings):
    clock = FixedClock(seoul(8))
    async with running(fake, settings, clock=clock) as bot:
        [morning] = await fire(bot, clock, "morning", seoul(9))
        posted = await bot.post()
        assert morning.kind is PostKind.MORNING
        assert posted["channel"] == p.CHANNEL
        assert morning.message_id == posted["ts"]

        [quiz] = await fire(bot, clock, "quiz", seoul(13))
        question = await bot.post()
        answers = [b for b in _buttons(question) if b.startswith("quiz:answer:")]
        assert quiz.message_id == question["ts"]
        first = await bot.click(answers[0], user=ALICE, ephemeral=False, message_ts=question["ts"])
        await bot.click(answers[1], user=BORA, ephemeral=False, message_ts=question["ts"])
        assert first["response_type"] == "ephemeral"

        await fire(bot, clock, "quiz_close", seoul(18))
        closed = await bot.post()
        assert closed["method"] == "chat.update"
        assert closed["ts"] == question["ts"]
        assert "quiz:answer" not in json.dumps(closed["blocks"])

        await fire(bot, clock, "retro_reminder", seoul(21))
        reminder = await bot.post()
        assert reminder["method"] == "chat.postMessage"
        title = t("journal.reminder.title", "ko", date=MONDAY.isoformat())
        assert reminder["blocks"][0]["text"]["text"] == title

        await write_retro(bot)
        posted = await fire(bot, clock, "weekly_digest", seoul(21, day=FRIDAY))
        digest = next(item for item in posted if item.kind is PostKind.WEEKLY_DIGEST)
        weekly = [await bot.post() for _ in posted][-1]
        assert digest.kind is PostKind.WEEKLY_DIGEST
        assert weekly["ts"] == digest.message_id
    assert fake.problems == []


async def test_a_channel_the_bot_was_not_invited_to_is_logged_for_the_admin(fake, settings, caplog):
    clock = FixedClock(seoul(8))
    fake.not_in_channel.add(p.CHANNEL)
    async with running(fake, settings, clock=clock) as bot:
        posted = await fire(bot, clock, "morning", seoul(9))
    assert posted == []
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.adapters.slack.publisher"]
    assert any("invite" in line and p.CHANNEL in line for line in lines)


async def test_the_one_off_publisher_posts_and_edits_over_the_web_api(fake, settings):
    space = SpaceRef("slack", TEAM)
    async with FACES["slack"].publisher(settings) as publisher:
        ts = await publisher.post(space, p.CHANNEL, Reply(title="<!channel> 오늘", body="a & b"))
        await publisher.edit(space, p.CHANNEL, ts, Reply(title="닫힘"))
    [posted] = fake.messages[p.CHANNEL]
    assert posted["ts"] == ts
    assert posted["blocks"][0]["text"]["text"] == "닫힘"
    assert fake.problems == []


async def test_a_retried_scheduled_post_finds_itself_in_the_channel_and_posts_once(fake, settings):
    # A crash between posting and recording retries the post with the same nonce: the
    # publisher finds it in the channel's recent messages by its metadata and posts nothing.
    space = SpaceRef("slack", TEAM)
    scheduled = Reply(title="오늘의 퀴즈", nonce="424242")
    async with FACES["slack"].publisher(settings) as publisher:
        first = await publisher.post(space, p.CHANNEL, scheduled)
        again = await publisher.post(space, p.CHANNEL, scheduled)
        other = await publisher.post(space, p.CHANNEL, Reply(title="내일 퀴즈", nonce="434343"))
    assert first == again
    assert other != first
    titles = [m["blocks"][0]["text"]["text"] for m in fake.messages[p.CHANNEL]]
    assert titles == ["오늘의 퀴즈", "내일 퀴즈"]
    assert fake.problems == []


async def test_the_one_off_publisher_refuses_a_rejected_token(fake, tmp_path):
    settings = make_settings(fake, tmp_path, slack_bot_token="xoxb-wrong")
    with pytest.raises(SlackLoginError):
        async with FACES["slack"].publisher(settings):
            pass


async def test_a_post_with_a_picture_uploads_it_in_the_posts_thread(fake, settings):
    space = SpaceRef("slack", TEAM)
    picture = Attachment("team-2025-03-07.png", b"\x89PNG-team", "image/png")
    async with FACES["slack"].publisher(settings) as publisher:
        ts = await publisher.post(
            space, p.CHANNEL, Reply(title="주간 요약", attachments=(picture,))
        )
    [upload] = fake.uploads.values()
    assert upload["filename"] == "team-2025-03-07.png"
    assert upload["data"] == b"\x89PNG-team"
    assert upload["channel"] == p.CHANNEL
    assert upload["thread_ts"] == ts
    assert fake.problems == []
