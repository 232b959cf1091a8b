"""`/glossary suggestions`, for server managers; its accept buttons go through the router."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.translator import ls


def glossary_group() -> app_commands.Group:
    """``/glossary``; Discord shows it to managers, and the bot checks again on every use."""
    group = app_commands.Group(
        name="glossary",
        description=ls("command.glossary"),
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    @group.command(name="suggestions", description=ls("command.suggestions"))
    async def suggestions(interaction: discord.Interaction[StudyBot]) -> None:
        """팀원들이 제안한 용어를 보고 용어집에 추가해요 (관리자)."""
        await dispatch(interaction, "glossary", {"action": "suggestions"})

    return group
