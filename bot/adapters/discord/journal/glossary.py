"""`/glossary suggestions` and its ``journal:accept:<id>`` buttons, for server managers."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.context import can_manage
from bot.adapters.discord.journal.context import journal_of, where
from bot.adapters.discord.respond import respond
from bot.adapters.discord.translator import ls
from bot.core.i18n import Locale
from bot.core.replies import Reply

ACCEPT_BUTTON = "journal:accept"


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

        async def produce(locale: Locale) -> Reply:
            space, _ = where(interaction)
            journal = journal_of(interaction)
            return await journal.glossary_suggestions(space, can_manage(interaction), locale)

        await respond(
            interaction,
            "glossary suggestions",
            produce,
            default_locale=interaction.client.settings.locale,
            private=True,
        )

    return group


async def accept_suggestion(interaction: discord.Interaction[StudyBot], suggestion_id: str) -> None:
    """A ``journal:accept:<id>`` click: a manager adds the term and the channel sees its card."""

    async def produce(locale: Locale) -> Reply:
        space, actor = where(interaction)
        return await journal_of(interaction).accept_suggestion(
            space, suggestion_id, can_manage(interaction), locale, actor
        )

    await respond(
        interaction,
        ACCEPT_BUTTON,
        produce,
        default_locale=interaction.client.settings.locale,
    )
