"""The team log on Discord: /scrum and /retro forms, /log, /away, /export and /glossary."""

from __future__ import annotations

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.journal.commands import journal_commands
from bot.adapters.discord.journal.forms import EDIT_BUTTON, open_edit, save_retro, save_scrum
from bot.adapters.discord.journal.glossary import ACCEPT_BUTTON, accept_suggestion, glossary_group
from bot.adapters.discord.journal.modals import RETRO_FORM, SCRUM_FORM

__all__ = ["register"]


def register(bot: StudyBot) -> None:
    """Add the team-log commands, their buttons and their forms' submits to ``bot``."""
    for command in journal_commands():
        bot.tree.add_command(command)
    bot.tree.add_command(glossary_group())
    bot.add_button_route(EDIT_BUTTON, open_edit)
    bot.add_button_route(ACCEPT_BUTTON, accept_suggestion)
    bot.add_modal_route(SCRUM_FORM, save_scrum)
    bot.add_modal_route(RETRO_FORM, save_retro)
