"""`/define`: a term's entry, with autocomplete, a private option and restart-proof buttons."""

from __future__ import annotations

import logging
import time
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.interact import dispatch, locale_for, log_interaction
from bot.adapters.discord.translator import ls
from bot.core.interaction.glossary import complete
from bot.core.models import SpaceRef
from bot.core.spaces import space_key

log = logging.getLogger(__name__)

MAX_CHOICES = 25
MAX_CHOICE_TEXT = 100


def register(bot: StudyBot) -> None:
    """Add `/define`; its ``define:show:<id>`` buttons are answered by the shared router."""
    bot.tree.add_command(_define_command())


def _define_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="define", description=ls("command.define"))
    @app_commands.rename(term=ls("option.define.term"), private=ls("option.define.private"))
    @app_commands.describe(term=ls("command.define.term"), private=ls("command.define.private"))
    async def define(
        interaction: discord.Interaction[StudyBot], term: str, private: bool = False
    ) -> None:
        """도커·쿠버네티스 용어의 뜻을 찾아봐요."""
        await dispatch(interaction, "define", {"term": term, "private": private})

    @define.autocomplete("term")
    async def complete_term(
        interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return await suggest(interaction, current)

    return define


async def suggest(
    interaction: discord.Interaction[StudyBot], current: str
) -> list[app_commands.Choice[str]]:
    """Up to 25 autocomplete choices; an error here only costs the user their suggestions."""
    started = time.perf_counter()
    try:
        space = space_key_of(interaction.guild_id)
        glossary = interaction.client.services.glossary
        locale = locale_for(interaction, interaction.client.settings.locale)
        found = await complete(glossary, current, MAX_CHOICES, space, locale)
    except Exception:
        log.exception("autocomplete id=%s failed", interaction.id)
        log_interaction(interaction, "define:complete", "error", started, level=logging.DEBUG)
        return []
    choices = [
        app_commands.Choice(name=c.name[:MAX_CHOICE_TEXT], value=c.value)
        for c in found[:MAX_CHOICES]
        if c.name and len(c.value) <= MAX_CHOICE_TEXT
    ]
    log_interaction(interaction, "define:complete", "ok", started, level=logging.DEBUG)
    return choices


def space_key_of(guild_id: int | None) -> str | None:
    """The glossary layer of a server; a DM reads the shared glossary only."""
    return None if guild_id is None else space_key(SpaceRef("discord", str(guild_id)))
