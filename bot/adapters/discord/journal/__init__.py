"""The team log on Discord: /scrum, /retro, /log, /away, /export and /glossary.

Their buttons (``journal:edit``, ``journal:accept``) and forms (``journal:scrum``,
``journal:retro``) are answered by the shared router; only the commands are declared here.
"""

from __future__ import annotations

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.journal.commands import journal_commands
from bot.adapters.discord.journal.glossary import glossary_group

__all__ = ["register"]


def register(bot: StudyBot) -> None:
    """Add the team-log commands to ``bot``."""
    for command in journal_commands():
        bot.tree.add_command(command)
    bot.tree.add_command(glossary_group())
