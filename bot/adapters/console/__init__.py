"""A local chat in the terminal: the same commands as on Discord and Slack, as plain text."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.core.interaction.router import Router
from bot.core.ports import Publisher
from bot.core.services import Services
from bot.core.spaces import SettingsUpdate

from .chat import CONSOLE_CHANNEL, CONSOLE_SPACE, ConsoleChat
from .publisher import ConsolePublisher
from .render import render_text
from .terminal import run

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


def make_chat(
    services: Services,
    locale: str = "ko",
    router: Router | None = None,
    files_dir: Path | None = None,
) -> ConsoleChat:
    """A console chat over the shared router (built here when none is given).

    Files a terminal cannot show (a ``/stats`` picture, a deck) are written under
    ``files_dir`` (the data dir): charts in ``stats/``, the rest in ``exports/``.
    """
    return ConsoleChat(services, locale=locale, router=router, files_dir=files_dir)


async def prepare_space(services: Services) -> None:
    """Make the console a space of its own whose scheduled posts print in the terminal.

    A console built without the database (lookups only) has no space to prepare.
    """
    if services.spaces is None:
        return
    spaces = services.spaces
    settings = await spaces.settings(CONSOLE_SPACE)
    if settings.channel_id is None:
        update = SettingsUpdate(channel=CONSOLE_CHANNEL)
        await spaces.change(CONSOLE_SPACE, update, can_manage=True)


async def serve(
    services: Services,
    locale: str,
    start_schedule: StartSchedule,
    router: Router | None = None,
    *,
    history: Path | None = None,
    files_dir: Path | None = None,
) -> None:
    """Run the console chat on this terminal, or on piped input without the schedule.

    A terminal gets the line editor (history in ``history``); piped input is a batch of
    commands, read as plain lines, and scheduled posts belong to the live chat only.
    """
    chat = make_chat(services, locale, router, files_dir)
    if sys.stdin.isatty() and sys.stdout.isatty():
        from .editor import run_interactive

        await prepare_space(services)
        await run_interactive(chat, start_schedule, history)
        return
    await run(chat, sys.stdin, sys.stdout, interactive=False)
