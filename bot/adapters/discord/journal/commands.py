"""The team log's slash commands: /scrum, /retro, /log, /away and /export."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch, member_ref
from bot.adapters.discord.translator import ls

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
        await dispatch(interaction, "scrum", {"private": private})

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
        await dispatch(interaction, "retro", {"private": private})

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
        target = member_ref(member) if member is not None else None
        await dispatch(interaction, "log", {"member": target, "when": when})

    return log


def _away() -> Command:
    @app_commands.command(name="away", description=ls("command.away"))
    @app_commands.guild_only()
    @app_commands.rename(until=ls("option.away.until"))
    @app_commands.describe(until=ls("command.away.until"))
    async def away(interaction: discord.Interaction[StudyBot], until: str) -> None:
        """회고 알림을 잠시 쉬어요."""
        await dispatch(interaction, "away", {"until": until})

    return away


def _export() -> Command:
    @app_commands.command(name="export", description=ls("command.export"))
    @app_commands.guild_only()
    @app_commands.rename(when=ls("option.log.when"))
    @app_commands.describe(when=ls("command.export.when"))
    async def export(interaction: discord.Interaction[StudyBot], when: str | None = None) -> None:
        """내 스크럼·회고를 TIL 마크다운 파일로 받아요."""
        await dispatch(interaction, "export", {"when": when})

    return export
