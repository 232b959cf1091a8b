"""`/help`: what the bot can do, shown only to the user who asked."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.translator import ls


def register(bot: StudyBot) -> None:
    """Add `/help` to the tree."""
    bot.tree.add_command(_help_command())


def _help_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="help", description=ls("command.help"))
    async def help_(interaction: discord.Interaction[StudyBot]) -> None:
        """스터디 봇 사용법을 알려줘요."""
        await dispatch(interaction, "help")

    return help_
