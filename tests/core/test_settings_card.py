"""The settings card links the study channel; saving the same values again is no change."""

import logging

import pytest

from bot.core.i18n import t
from bot.core.models import SpaceRef
from bot.core.spaces import SettingsUpdate, SpaceService
from tests.core.fakes import FixedClock, InMemorySpaceRepository, at


def _service():
    return SpaceService(InMemorySpaceRepository(), FixedClock(at("Asia/Seoul", 2024, 3, 4, 8)))


def _channel_field(reply, locale="ko"):
    return next(f.value for f in reply.fields if f.name == t("settings.channel", locale))


@pytest.mark.parametrize(
    ("platform", "channel", "shown"),
    [
        ("discord", "123456789012345678", "<#123456789012345678>"),  # renders as #study
        ("slack", "C024BE7LR", "<#C024BE7LR>"),
        ("console", "console", "console"),  # the console has no channel links
        ("discord", "<@&1>", "<@&\u200b1>"),  # anything else stays inert text
    ],
)
async def test_settings_card_shows_the_channel_as_its_platform_links_it(platform, channel, shown):
    spaces = _service()
    space = SpaceRef(platform, "s1")
    reply = await spaces.change(space, SettingsUpdate(channel=channel), can_manage=True)
    assert _channel_field(reply) == shown
    assert "@" not in shown or "\u200b" in shown  # a channel link pings nobody


async def test_settings_card_without_a_channel_says_none():
    spaces = _service()
    reply = await spaces.show(SpaceRef("discord", "s1"))
    assert _channel_field(reply) == t("settings.channel.none", "ko")


async def test_saving_the_same_settings_again_changes_and_reschedules_nothing(caplog):
    spaces = _service()
    space = SpaceRef("discord", "s1")
    notified = []

    async def listener(settings):
        notified.append(settings)

    await spaces.settings(space)
    spaces.on_change(listener)
    caplog.set_level(logging.INFO, logger="bot.core.spaces.service")
    await spaces.change(space, SettingsUpdate(channel="42"), can_manage=True)
    await spaces.change(space, SettingsUpdate(channel="42"), can_manage=True)
    changed = [r.getMessage() for r in caplog.records if "changed" in r.getMessage()]
    assert changed == ["settings of discord:s1 changed: channel_id: None → 42"]
    assert len(notified) == 1
