"""The team log's slash commands: /scrum, /retro, /log, /away and /export."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.journal.context import journal_of, user_ref, where
from bot.adapters.discord.journal.export import send_export
from bot.adapters.discord.journal.forms import open_retro, open_scrum
from bot.adapters.discord.respond import respond
from bot.adapters.discord.translator import ls
from bot.core.i18n import Locale
from bot.core.replies import Reply

Command = app_commands.Command[Any, ..., None]


def journal_commands() -> list[Command]:
    """Every team-log slash command but /glossary."""
    return [_scrum(), _retro(), _log(), _away(), _export()]


def _scrum() -> Command:
    @app_commands.command(name="scrum", description=ls("command.scrum"))
    @app_commands.guild_only()
    @app_commands.rename(private=ls("option.journal.private"))
    @app_commands.describe(private=ls("command.scrum.private"))
    async def scrum(
        interaction: discord.Interaction[StudyBot], private: bool | None = None
    ) -> None:
        """오늘의 학습 목표를 남겨요 (지난번에 못 끝낸 목표는 미리 채워져요)."""
        await open_scrum(interaction, private)

    return scrum


def _retro() -> Command:
    @app_commands.command(name="retro", description=ls("command.retro"))
    @app_commands.guild_only()
    @app_commands.rename(private=ls("option.journal.private"))
    @app_commands.describe(private=ls("command.retro.private"))
    async def retro(
        interaction: discord.Interaction[StudyBot], private: bool | None = None
    ) -> None:
        """오늘 배운 내용과 회고를 남겨요."""
        await open_retro(interaction, private)

    return retro


def _log() -> Command:
    @app_commands.command(name="log", description=ls("command.log"))
    @app_commands.guild_only()
    @app_commands.rename(member=ls("option.log.member"), when=ls("option.log.when"))
    @app_commands.describe(member=ls("command.log.member"), when=ls("command.log.when"))
    async def log(
        interaction: discord.Interaction[StudyBot],
        member: discord.User | None = None,
        when: str | None = None,
    ) -> None:
        """스크럼·회고 기록을 봐요 (팀원 것은 공개된 것만)."""

        async def produce(locale: Locale) -> Reply:
            space, viewer = where(interaction)
            target = user_ref(member) if member is not None else None
            return await journal_of(interaction).log(space, viewer, target, when, locale)

        await respond(
            interaction,
            "log",
            produce,
            default_locale=interaction.client.settings.locale,
            private=True,
        )

    return log


def _away() -> Command:
    @app_commands.command(name="away", description=ls("command.away"))
    @app_commands.guild_only()
    @app_commands.rename(until=ls("option.away.until"))
    @app_commands.describe(until=ls("command.away.until"))
    async def away(interaction: discord.Interaction[StudyBot], until: str) -> None:
        """회고 알림을 잠시 쉬어요."""

        async def produce(locale: Locale) -> Reply:
            space, actor = where(interaction)
            return await journal_of(interaction).away(space, actor, until, locale)

        await respond(
            interaction,
            "away",
            produce,
            default_locale=interaction.client.settings.locale,
            private=True,
        )

    return away


def _export() -> Command:
    @app_commands.command(name="export", description=ls("command.export"))
    @app_commands.guild_only()
    @app_commands.rename(when=ls("option.log.when"))
    @app_commands.describe(when=ls("command.export.when"))
    async def export(interaction: discord.Interaction[StudyBot], when: str | None = None) -> None:
        """내 스크럼·회고를 TIL 마크다운 파일로 받아요."""
        await send_export(interaction, when)

    return export
