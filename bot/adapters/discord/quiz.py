"""`/quiz` and `/leaderboard`; every ``quiz:answer`` button is answered by the shared router."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.translator import ls
from bot.core.quiz import Period

PERIODS = [
    app_commands.Choice(name=ls(f"leaderboard.{period.value}"), value=period.value)
    for period in Period
]


def register(bot: StudyBot) -> None:
    """Add `/quiz` and `/leaderboard`."""
    bot.tree.add_command(_quiz_command())
    bot.tree.add_command(_leaderboard_command())


def _quiz_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="quiz", description=ls("command.quiz"))
    @app_commands.guild_only()
    async def quiz(interaction: discord.Interaction[StudyBot]) -> None:
        """연습 문제를 풀어봐요 (점수에 들어가지 않아요)."""
        await dispatch(interaction, "quiz")

    return quiz


def _leaderboard_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="leaderboard", description=ls("command.leaderboard"))
    @app_commands.guild_only()
    @app_commands.rename(period=ls("option.leaderboard.period"))
    @app_commands.describe(period=ls("command.leaderboard.period"))
    @app_commands.choices(period=PERIODS)
    async def leaderboard(
        interaction: discord.Interaction[StudyBot], period: str = Period.WEEK.value
    ) -> None:
        """퀴즈 순위를 봐요."""
        await dispatch(interaction, "leaderboard", {"period": period})

    return leaderboard
