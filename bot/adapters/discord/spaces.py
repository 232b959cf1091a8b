"""`/settings`: the study channel, times and days of a server; only managers change them."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.translator import ls
from bot.core.errors import InvalidSettingError
from bot.core.interaction.daily import SETTING_NAMES
from bot.core.spaces.parsing import suggest_timezones

# The options every face offers /settings with, named once in the core.
OPTIONS = SETTING_NAMES
TEXT_CHANNELS = (discord.ChannelType.text, discord.ChannelType.news)
MAX_CHOICES = 25

# Discord sends the channel it resolved; without resolved data discord.py gives an Object.
AnyChannel = app_commands.AppCommandChannel | discord.Object


def register(bot: StudyBot) -> None:
    """Add `/settings` to the tree."""
    bot.tree.add_command(_settings_command())


class TextChannelOption(app_commands.Transformer):
    """A channel option offering text channels, taken as Discord resolved it (no cache)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return list(TEXT_CHANNELS)

    async def transform(
        self, interaction: discord.Interaction[Any], value: AnyChannel, /
    ) -> AnyChannel:
        return value


def _settings_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="settings", description=ls("command.settings"))
    @app_commands.guild_only()
    # Discord hides the command from other members by default; the check that counts is
    # can_manage() below, since a server may show it to everyone.
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.rename(**{name: ls(f"option.settings.{name}") for name in OPTIONS})
    @app_commands.describe(**{name: ls(f"command.settings.{name}") for name in OPTIONS})
    async def settings(
        interaction: discord.Interaction[StudyBot],
        channel: app_commands.Transform[app_commands.AppCommandChannel, TextChannelOption]
        | None = None,
        timezone: str | None = None,
        morning: str | None = None,
        quiz: str | None = None,
        quiz_close: str | None = None,
        retro: str | None = None,
        days: str | None = None,
        enabled: bool | None = None,
        mention_reminders: bool | None = None,
    ) -> None:
        """스터디 채널·시간·요일 설정을 보거나 바꿔요."""
        options = {
            "channel": channel_value(channel),
            "timezone": timezone,
            "morning": morning,
            "quiz": quiz,
            "quiz_close": quiz_close,
            "retro": retro,
            "days": days,
            "enabled": enabled,
            "mention_reminders": mention_reminders,
        }
        await dispatch(interaction, "settings", options)

    @settings.autocomplete("timezone")
    async def complete_timezone(
        interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=zone, value=zone)
            for zone in suggest_timezones(current, MAX_CHOICES)
        ]

    return settings


def channel_value(channel: AnyChannel | None) -> str | None:
    """The chosen channel's id; a voice or forum channel slipped past Discord is refused.

    Raised here, the refusal reaches the member through the tree's error hook.
    """
    if channel is None:
        return None
    kind = getattr(channel, "type", discord.ChannelType.text)
    if kind not in TEXT_CHANNELS:
        raise InvalidSettingError(name="channel", value=getattr(channel, "name", channel.id))
    return str(channel.id)
