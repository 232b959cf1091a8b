"""`/quiz`, `/leaderboard` and the ``quiz:answer:<round>:<choice>`` buttons of every question."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.context import member_of, need, space_of
from bot.adapters.discord.respond import respond
from bot.adapters.discord.translator import ls
from bot.core.quiz import Period

ANSWER_BUTTON = "quiz:answer"
PERIODS = [
    app_commands.Choice(name=ls(f"leaderboard.{period.value}"), value=period.value)
    for period in Period
]


def register(bot: StudyBot) -> None:
    """Add `/quiz` and `/leaderboard`, and answer every quiz button, old or new."""
    bot.tree.add_command(_quiz_command())
    bot.tree.add_command(_leaderboard_command())
    bot.add_button_route(ANSWER_BUTTON, answer)


def _quiz_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="quiz", description=ls("command.quiz"))
    @app_commands.guild_only()
    async def quiz(interaction: discord.Interaction[StudyBot]) -> None:
        """연습 문제를 풀어봐요 (점수에 들어가지 않아요)."""
        service = interaction.client.services.quiz
        await respond(
            interaction,
            "quiz",
            lambda locale: need(service).practice(
                space_of(interaction), member_of(interaction), locale
            ),
            default_locale=interaction.client.settings.locale,
            private=True,
        )

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
        service = interaction.client.services.quiz
        await respond(
            interaction,
            "leaderboard",
            lambda locale: need(service).leaderboard(space_of(interaction), period, locale),
            default_locale=interaction.client.settings.locale,
        )

    return leaderboard


async def answer(interaction: discord.Interaction[StudyBot], arg: str) -> None:
    """A click on an answer: recorded once per member, acknowledged privately at once.

    The round and who answered live in the database, so a button posted before a restart
    counts the same; a forged, unknown or closed round gets a polite private refusal.
    """
    service = interaction.client.services.quiz
    custom_id = f"{ANSWER_BUTTON}:{arg}"
    await respond(
        interaction,
        ANSWER_BUTTON,
        lambda locale: need(service).answer(
            space_of(interaction), member_of(interaction), custom_id, locale
        ),
        default_locale=interaction.client.settings.locale,
        private=True,
    )
