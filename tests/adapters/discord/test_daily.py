"""The morning post and `/today` end to end: the schedule posts through the fake Discord."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.discord.runner import serve
from bot.cli import main
from bot.core.i18n import t
from bot.core.models import SpaceRef
from bot.core.schedule import PostKind
from bot.core.spaces import SettingsUpdate
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import make_settings
from tests.adapters.discord.daily_loop import (
    ALICE,
    CHANNEL,
    MONDAY,
    NO_MENTIONS,
    TIMEOUT,
    change_settings,
    online,
    seoul,
    study_loop,
)

SPACE = SpaceRef("discord", str(p.GUILD_ID))
MORNING_TITLE = t("morning.title", "ko", date=MONDAY.isoformat(), weekday="월")


async def test_morning_post_reaches_the_configured_channel_at_its_time(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        saved = await change_settings(fake, 채널=CHANNEL)
        early = await loop.fire("morning", seoul(8, 59))
        due = await loop.fire("morning", seoul(9))
        again = await loop.fire("morning", seoul(9, 5))

    assert saved.embeds[0]["title"] == t("settings.saved", "ko")
    assert early == []
    assert again == []
    [item] = due
    assert item.kind is PostKind.MORNING
    [post] = fake.channels.posts
    assert post.message["channel_id"] == CHANNEL
    assert item.message_id == post.message["id"]
    assert post.embeds[0]["title"] == MORNING_TITLE
    assert post.body["allowed_mentions"] == NO_MENTIONS


async def test_a_server_gets_its_space_and_jobs_without_anyone_typing_a_command(fake, tmp_path):
    settings = make_settings(fake, tmp_path, channel_id=CHANNEL)  # STUDYBOT_CHANNEL_ID
    async with study_loop(settings, seoul(8)) as loop:
        created = asyncio.Event()

        async def heard(space_settings):
            if space_settings.space == SPACE:
                created.set()

        # Registered after the scheduler's own listener, so the jobs exist when this runs.
        loop.app.services.spaces.on_change(heard)
        async with online(fake, loop):
            await asyncio.wait_for(created.wait(), TIMEOUT)
            due = await loop.fire("morning", seoul(9))

    [item] = due
    [post] = fake.channels.posts
    assert post.message["channel_id"] == CHANNEL
    assert item.message_id == post.message["id"]


async def test_missed_morning_post_is_caught_up_once_the_gateway_is_ready(fake, settings):
    async with study_loop(settings, seoul(9, 30)) as loop:
        await loop.app.services.spaces.change(
            SPACE, SettingsUpdate(channel=CHANNEL), can_manage=True
        )
        async with online(fake, loop):
            post = await fake.channels.next()

    assert post.embeds[0]["title"] == MORNING_TITLE
    assert post.body["allowed_mentions"] == NO_MENTIONS


async def test_schedule_starts_once_and_not_again_on_resume(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        await fake.reconnect()
        assert await fake.wait_session() == "resume"
        await change_settings(fake, 채널=CHANNEL)  # the resumed session still answers
        await loop.fire("morning", seoul(9))

    assert len(loop.publishers) == 1
    assert len(fake.channels.posts) == 1


async def test_failing_schedule_start_stops_the_bot_with_its_error(fake, settings, services):
    async def broken(_publisher: object) -> None:
        raise RuntimeError("database is gone")

    with pytest.raises(RuntimeError, match="database is gone"):
        await asyncio.wait_for(serve(settings, services, on_ready=broken), TIMEOUT)


async def test_today_is_private_and_shows_todays_morning_post(fake, settings):
    async with study_loop(settings, seoul(10)) as loop, online(fake, loop):
        interaction = await fake.slash("today", member=ALICE)
        sent = await interaction.reply()

    assert sent.ephemeral
    assert sent.embeds[0]["title"] == MORNING_TITLE
    assert sent.data["allowed_mentions"] == NO_MENTIONS
    assert fake.channels.posts == []  # a private look posts nothing to the channel


async def test_today_on_a_rest_day_says_so(fake, settings):
    sunday = MONDAY.replace(day=MONDAY.day - 1)
    async with study_loop(settings, seoul(10, day=sunday)) as loop, online(fake, loop):
        sent = await (await fake.slash("today", member=ALICE, locale="en-US")).reply()

    assert sent.ephemeral
    assert sent.embeds[0]["title"] == t("morning.rest.title", "en")


async def test_post_due_command_twice_posts_once(fake, tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    async with study_loop(make_settings(fake, data), seoul(8)) as loop:
        spaces = loop.app.services.spaces
        await spaces.change(SPACE, SettingsUpdate(channel=CHANNEL), can_manage=True)
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "DISCORD_TOKEN": fake.token,
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "STUDYBOT_DATA_DIR": str(data),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("STUDYBOT_CONTENT_DIR", raising=False)
    command = ["post-due", "--platform", "discord", "--at", "2025-03-03T09:00:00+09:00"]

    # The command runs its own event loop, as from cron; the fake keeps serving in this one.
    first = await asyncio.to_thread(main, command)
    printed = capsys.readouterr().out
    second = await asyncio.to_thread(main, command)

    assert first == second == 0
    [post] = fake.channels.posts
    assert f"posted morning 2025-03-03 discord:{p.GUILD_ID} message={post.message['id']}" in printed
    assert capsys.readouterr().out == ""
    assert post.body["allowed_mentions"] == NO_MENTIONS
    assert fake.identifies == []  # REST only: the running bot keeps the one gateway session
