"""`/settings`: the study channel, times and days of a server; only managers change them."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.context import can_manage, need, space_of
from bot.adapters.discord.respond import respond
from bot.adapters.discord.translator import ls
from bot.core.errors import InvalidSettingError
from bot.core.replies import Reply
from bot.core.spaces import SettingsUpdate
from bot.core.spaces.parsing import suggest_timezones

OPTIONS = (
    "channel",
    "timezone",
    "morning",
    "quiz",
    "quiz_close",
    "retro",
    "days",
    "enabled",
    "mention_reminders",
)
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

        async def produce(locale: str) -> Reply:
            update = SettingsUpdate(
                channel=channel_value(channel),
                timezone=timezone,
                morning=morning,
                quiz=quiz,
                quiz_close=quiz_close,
                retro=retro,
                days=days,
                enabled=enabled,
                mention_reminders=mention_reminders,
            )
            return await apply(interaction, update, locale)

        await respond(
            interaction,
            "settings",
            produce,
            default_locale=interaction.client.settings.locale,
            private=True,
        )

    @settings.autocomplete("timezone")
    async def complete_timezone(
        interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=zone, value=zone)
            for zone in suggest_timezones(current, MAX_CHOICES)
        ]

    return settings


async def apply(
    interaction: discord.Interaction[StudyBot], update: SettingsUpdate, locale: str
) -> Reply:
    """Show the settings, or change them; the service refuses members who cannot manage."""
    spaces = need(interaction.client.services.spaces)
    space = space_of(interaction)
    if update.is_empty():
        return await spaces.show(space, locale)
    return await spaces.change(space, update, can_manage=can_manage(interaction), locale=locale)


def channel_value(channel: AnyChannel | None) -> str | None:
    """The chosen channel's id; a voice or forum channel slipped past Discord is refused."""
    if channel is None:
        return None
    kind = getattr(channel, "type", discord.ChannelType.text)
    if kind not in TEXT_CHANNELS:
        raise InvalidSettingError(name="channel", value=getattr(channel, "name", channel.id))
    return str(channel.id)
