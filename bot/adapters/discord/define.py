"""`/define`: a term's entry, with autocomplete, a private option and restart-proof buttons."""

from __future__ import annotations

import logging
import time
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.respond import log_interaction, respond, space_key_for
from bot.adapters.discord.translator import ls

log = logging.getLogger(__name__)

MAX_CHOICES = 25
MAX_CHOICE_TEXT = 100
SHOW_BUTTON = "define:show"


def register(bot: StudyBot) -> None:
    """Add `/define` to the tree and answer its ``define:show:<id>`` buttons."""
    bot.tree.add_command(_define_command())
    bot.add_button_route(SHOW_BUTTON, show_entry)


def _define_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="define", description=ls("command.define"))
    @app_commands.rename(term=ls("option.define.term"), private=ls("option.define.private"))
    @app_commands.describe(term=ls("command.define.term"), private=ls("command.define.private"))
    async def define(
        interaction: discord.Interaction[StudyBot], term: str, private: bool = False
    ) -> None:
        """도커·쿠버네티스 용어의 뜻을 찾아봐요."""
        glossary, space = interaction.client.services.glossary, space_key_for(interaction)
        await respond(
            interaction,
            "define",
            lambda locale: glossary.define(term, locale, space=space),
            default_locale=interaction.client.settings.locale,
            private=private,
        )

    @define.autocomplete("term")
    async def complete_term(
        interaction: discord.Interaction[StudyBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return suggest(interaction, current)

    return define


def suggest(
    interaction: discord.Interaction[StudyBot], current: str
) -> list[app_commands.Choice[str]]:
    """Up to 25 autocomplete choices; an error here only costs the user their suggestions."""
    started = time.perf_counter()
    try:
        glossary, space = interaction.client.services.glossary, space_key_for(interaction)
        found = glossary.complete(current, MAX_CHOICES, space=space)
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


async def show_entry(interaction: discord.Interaction[StudyBot], term_id: str) -> None:
    """A ``define:show:<id>`` click: a private miss becomes the entry; else a private answer."""
    glossary, space = interaction.client.services.glossary, space_key_for(interaction)
    message = interaction.message
    await respond(
        interaction,
        SHOW_BUTTON,
        lambda locale: glossary.show(term_id, locale, space=space),
        default_locale=interaction.client.settings.locale,
        private=True,
        update=message is not None and message.flags.ephemeral,
    )
