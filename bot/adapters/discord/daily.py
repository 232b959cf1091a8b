"""`/today`: today's morning post, shown only to the member who asked."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.translator import ls


def register(bot: StudyBot) -> None:
    """Add `/today` to the tree."""
    bot.tree.add_command(_today_command())


def _today_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="today", description=ls("command.today"))
    @app_commands.guild_only()
    async def today(interaction: discord.Interaction[StudyBot]) -> None:
        """오늘의 스터디 내용을 봐요."""
        await dispatch(interaction, "today")

    return today
