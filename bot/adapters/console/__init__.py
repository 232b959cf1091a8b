"""A local chat in the terminal: the same commands as on Discord and Slack, as plain text."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable

from bot.core.interaction.router import Router
from bot.core.ports import Publisher
from bot.core.services import Services, need
from bot.core.spaces import SettingsUpdate

from .chat import CONSOLE_CHANNEL, CONSOLE_SPACE, ConsoleChat
from .publisher import ConsolePublisher
from .render import render_text
from .terminal import PROMPT, run

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


def make_chat(services: Services, locale: str = "ko", router: Router | None = None) -> ConsoleChat:
    """A console chat over the shared router (built here when none is given)."""
    return ConsoleChat(services, locale=locale, router=router)


async def prepare_space(services: Services) -> None:
    """Make the console a space of its own whose scheduled posts print in the terminal."""
    spaces = need(services.spaces)
    settings = await spaces.settings(CONSOLE_SPACE)
    if settings.channel_id is None:
        update = SettingsUpdate(channel=CONSOLE_CHANNEL)
        await spaces.change(CONSOLE_SPACE, update, can_manage=True)


async def serve(
    services: Services, locale: str, start_schedule: StartSchedule, router: Router | None = None
) -> None:
    """Run the console chat on this terminal, or on piped input without the schedule."""
    chat = make_chat(services, locale, router)
    interactive = sys.stdin.isatty()
    if interactive:
        # Piped input is a batch of commands; scheduled posts belong to the live chat only.
        await prepare_space(services)
        await start_schedule(ConsolePublisher(sys.stdout, chat, locale, prompt=PROMPT))
    await run(chat, sys.stdin, sys.stdout, interactive=interactive)
