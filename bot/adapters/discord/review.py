"""`/review` and `/stats`; their ``review:*`` buttons are answered by the shared router."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch, member_ref
from bot.adapters.discord.translator import ls

REMINDER_CHOICES = [
    app_commands.Choice(name=ls("review.choice.on"), value="on"),
    app_commands.Choice(name=ls("review.choice.off"), value="off"),
]


def register(bot: StudyBot) -> None:
    """Add `/review` and `/stats` to the tree."""
    bot.tree.add_command(_review_command())
    bot.tree.add_command(_stats_command())


def _review_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="review", description=ls("command.review"))
    @app_commands.guild_only()
    @app_commands.rename(reminders=ls("option.review.reminders"))
    @app_commands.describe(reminders=ls("command.review.reminders"))
    @app_commands.choices(reminders=REMINDER_CHOICES)
    async def review(
        interaction: discord.Interaction[StudyBot], reminders: str | None = None
    ) -> None:
        """복습할 카드를 하나씩 봐요."""
        await dispatch(interaction, "review", {"reminders": reminders})

    return review


def _stats_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="stats", description=ls("command.stats"))
    @app_commands.guild_only()
    @app_commands.rename(member=ls("option.stats.member"))
    @app_commands.describe(member=ls("command.stats.member"))
    async def stats(
        interaction: discord.Interaction[StudyBot], member: discord.Member | None = None
    ) -> None:
        """내 학습 기록을 그림으로 봐요."""
        target = member_ref(member) if member is not None else None
        await dispatch(interaction, "stats", {"member": target})

    return stats
