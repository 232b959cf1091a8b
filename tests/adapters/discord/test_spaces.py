"""`/settings` end to end: shown privately, changed by managers only, applied without restart."""

from __future__ import annotations

import datetime as dt

from bot.core.i18n import t
from bot.core.models import SpaceRef
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.daily_loop import (
    ALICE,
    CHANNEL,
    MANAGER,
    NO_MENTIONS,
    change_settings,
    field_value,
    online,
    seoul,
    study_loop,
)
from tests.adapters.discord.fake_channels import VOICE

SPACE = SpaceRef("discord", str(p.GUILD_ID))
ENGLISH = ("en-US", "en-GB")
SETTINGS_OPTIONS = {
    "채널": "channel",
    "시간대": "timezone",
    "아침": "morning",
    "퀴즈": "quiz",
    "퀴즈마감": "quiz_close",
    "회고": "retro",
    "요일": "days",
    "자동게시": "enabled",
    "회고멘션": "mention_reminders",
}


async def test_settings_without_options_shows_the_card_privately(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        card = await change_settings(fake, ALICE)

    assert card.ephemeral
    assert card.embeds[0]["title"] == t("settings.title", "ko")
    assert field_value(card, t("settings.quiz", "ko")) == "13:00"
    assert card.data["allowed_mentions"] == NO_MENTIONS


async def test_change_by_a_non_manager_is_refused_even_if_discord_showed_it(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        refused = await change_settings(fake, ALICE, 채널=CHANNEL, 퀴즈="14:00")
        stored = await loop.app.services.spaces.settings(SPACE)

    assert refused.ephemeral
    assert refused.embeds[0]["description"] == t("error.permission_denied", "ko")
    assert stored.channel_id is None
    assert stored.quiz_time == dt.time(13)


async def test_change_by_a_manager_reschedules_without_a_restart(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        await change_settings(fake, 채널=CHANNEL)
        before = loop.next_fire("quiz")
        saved = await change_settings(fake, MANAGER, 퀴즈="14:00", 퀴즈마감="19:00")
        after = loop.next_fire("quiz")
        at_one = await loop.fire("quiz", seoul(13))
        at_two = await loop.fire("quiz", seoul(14))

    assert saved.ephemeral
    assert saved.embeds[0]["title"] == t("settings.saved", "ko")
    assert field_value(saved, t("settings.quiz", "ko")) == "14:00"
    assert before == seoul(13)
    assert after == seoul(14)
    assert at_one == []
    assert len(at_two) == 1
    [post] = fake.channels.posts
    assert "19:00" in post.embeds[0]["footer"]["text"]


async def test_every_option_reaches_the_space(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        await change_settings(
            fake,
            채널=CHANNEL,
            시간대="Europe/Berlin",
            아침="08:30",
            퀴즈="12:00",
            퀴즈마감="17:00",
            회고="20:30",
            요일="월수금",
            자동게시=False,
            회고멘션=True,
        )
        stored = await loop.app.services.spaces.settings(SPACE)

    assert stored.channel_id == CHANNEL
    assert stored.timezone == "Europe/Berlin"
    assert (stored.morning_time, stored.quiz_time) == (dt.time(8, 30), dt.time(12))
    assert (stored.quiz_close_time, stored.retro_time) == (dt.time(17), dt.time(20, 30))
    assert stored.study_days == (0, 2, 4)
    assert stored.enabled is False
    assert stored.mention_reminders is True


async def test_bad_values_are_explained_and_nothing_is_saved(fake, settings):
    voice = fake.channels.add(p.CHANNEL_ID + 7, kind=VOICE)
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        bad_time = await change_settings(fake, 아침="9시")
        bad_channel = await change_settings(fake, 채널=voice)
        bad_zone = await change_settings(fake, 시간대="KST", locale="en-US")
        stored = await loop.app.services.spaces.settings(SPACE)

    assert bad_time.embeds[0]["description"] == t("error.invalid_time", "ko", value="9시")
    voice_name = fake.channels.resolved(voice)["name"]
    assert bad_channel.embeds[0]["description"] == t(
        "error.invalid_setting", "ko", name="channel", value=voice_name
    )
    assert bad_zone.embeds[0]["description"] == t("error.invalid_timezone", "en", value="KST")
    assert all(s.ephemeral for s in (bad_time, bad_channel, bad_zone))
    assert stored.channel_id is None
    assert stored.morning_time == dt.time(9)


async def test_timezone_autocomplete_suggests_seoul_first(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        interaction = await fake.autocomplete("settings", {"시간대": "se"}, focused="시간대")
        sent = await interaction.reply()

    choices = [c["value"] for c in sent.data["choices"]]
    assert choices[0] == "Asia/Seoul"
    assert len(choices) <= 25
    assert all("se" in c.casefold() for c in choices)


async def test_settings_is_hidden_from_non_managers_and_localised(fake, settings):
    async with study_loop(settings, seoul(8)) as loop, online(fake, loop):
        pass

    command = {c["name"]: c for c in fake.command_puts[0].payload}["settings"]
    assert int(command["default_member_permissions"]) == 1 << 5  # Manage Server
    assert command["contexts"] == [0]  # servers only, never DMs
    assert command["description"] == t("command.settings", "ko")
    options = {o["name"]: o for o in command["options"]}
    assert {k: o["name_localizations"]["en-US"] for k, o in options.items()} == SETTINGS_OPTIONS
    assert options["채널"]["channel_types"] == [0, 5]
    assert options["시간대"]["autocomplete"] is True
    assert not any(o.get("required") for o in options.values())
    assert all(o["description_localizations"]["en-GB"] for o in options.values())
