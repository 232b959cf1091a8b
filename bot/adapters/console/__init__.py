"""A local chat in the terminal: the same slash commands as on Discord, as plain text."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable

from bot.core.ports import Publisher
from bot.core.services import Services
from bot.core.spaces import SettingsUpdate

from . import daily, glossary, journal, review
from .chat import CONSOLE_SPACE, PROMPT, ConsoleChat, need
from .publisher import ConsolePublisher
from .render import render_text

__all__ = [
    "CONSOLE_SPACE",
    "ConsoleChat",
    "ConsolePublisher",
    "make_chat",
    "prepare_space",
    "render_text",
    "serve",
]

StartSchedule = Callable[[Publisher], Awaitable[object]]
CONSOLE_CHANNEL = "console"


def make_chat(services: Services, locale: str = "ko") -> ConsoleChat:
    """A console chat with every feature's commands and buttons."""
    chat = ConsoleChat(services, locale=locale)
    for feature in (glossary, daily, journal, review):
        feature.register(chat)
    return chat


async def prepare_space(services: Services) -> None:
    """Make the console a space of its own whose scheduled posts print in the terminal."""
    spaces = need(services.spaces)
    settings = await spaces.settings(CONSOLE_SPACE)
    if settings.channel_id is None:
        update = SettingsUpdate(channel=CONSOLE_CHANNEL)
        await spaces.change(CONSOLE_SPACE, update, can_manage=True)


async def serve(services: Services, locale: str, start_schedule: StartSchedule) -> None:
    """Run the console chat on this terminal, or on piped input without the schedule."""
    chat = make_chat(services, locale)
    interactive = sys.stdin.isatty()
    if interactive:
        # Piped input is a batch of commands; scheduled posts belong to the live chat only.
        await prepare_space(services)
        await start_schedule(ConsolePublisher(sys.stdout, chat, locale, prompt=PROMPT))
    await chat.run(sys.stdin, sys.stdout, interactive=interactive)
