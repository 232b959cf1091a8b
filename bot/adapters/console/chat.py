"""The console chat engine: parse a line, call a handler, remember buttons, ask form fields."""

from __future__ import annotations

import asyncio
import getpass
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TextIO

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply, Tone, defang
from bot.core.services import Services, need

__all__ = ["CONSOLE_SPACE", "PROMPT", "ConsoleChat", "console_user", "need"]

from .render import render_text

log = logging.getLogger(__name__)

Handler = Callable[[str], Awaitable[Reply]]
Ask = Callable[[str], Awaitable[str]]
PROMPT = "studybot> "
CONSOLE_SPACE = SpaceRef("console", "local")
_QUIT = {"/quit", "/exit", "/종료"}


def console_user() -> UserRef:
    name = getpass.getuser()
    return UserRef("console", name, name)


async def _no_input(prompt: str) -> str:
    return ""


@dataclass
class ConsoleChat:
    """Parses a line, calls one service method and renders the Reply as text."""

    services: Services
    locale: str = "ko"
    user: UserRef = field(default_factory=console_user)
    space: SpaceRef = CONSOLE_SPACE
    handlers: dict[str, Handler] = field(default_factory=dict)
    # Button handlers by the feature part of ``<feature>:<action>:<arg>`` custom ids.
    components: dict[str, Handler] = field(default_factory=dict)
    # Asks for one form field (the console's modal); `run` reads it from the terminal.
    ask: Ask = _no_input
    _buttons: tuple[str, ...] = ()
    quiz_buttons: tuple[str, ...] = ()

    def remember(self, reply: Reply) -> None:
        """Keep a reply's buttons so typing their number (or `/answer N`) clicks them."""
        if not reply.buttons:
            return
        self._buttons = tuple(b.custom_id for b in reply.buttons)
        if self._buttons[0].startswith("quiz:"):
            self.quiz_buttons = self._buttons

    async def handle(self, line: str) -> Reply | None:
        """The reply to one typed line, or None for a blank line."""
        reply = await self._dispatch(line.strip())
        if reply is not None:
            self.remember(reply)
        return reply

    async def click(self, custom_id: str) -> Reply:
        """Press a button by its custom id, as a chat platform would."""
        feature = custom_id.partition(":")[0]
        component = self.components.get(feature)
        if component is None:
            return Reply(body=t("error.stale_button", self.locale), tone=Tone.WARNING)
        return await self._guarded(feature, component, custom_id)

    async def _dispatch(self, text: str) -> Reply | None:
        if not text:
            return None
        if text.isdigit() and 1 <= int(text) <= len(self._buttons):
            # Typing a button's number clicks it, through the same custom id as on Discord.
            return await self.click(self._buttons[int(text) - 1])
        if not text.startswith("/"):
            # A line without a slash is a lookup, which is what a learner usually means.
            return await self._guarded("define", self.handlers["define"], text)
        name, _, args = text.removeprefix("/").partition(" ")
        handler = self.handlers.get(name.lower())
        if handler is None:
            command = text.split()[0][:40]
            return Reply(
                body=t("error.unknown_command", self.locale, command=defang(command)),
                tone=Tone.WARNING,
            )
        return await self._guarded(name, handler, args)

    async def _guarded(self, name: str, handler: Handler, args: str) -> Reply:
        try:
            return await handler(args)
        except StudyBotError as exc:
            return Reply(body=t(exc.key, self.locale, **exc.params), tone=Tone.WARNING)
        except Exception:
            log.exception("console command failed: %s", name)
            return Reply(body=t("error.generic", self.locale), tone=Tone.ERROR)

    async def run(self, stdin: TextIO, stdout: TextIO, *, interactive: bool) -> None:
        """Read commands until end of input (or /quit) and print each answer."""
        self.ask = _terminal_ask(stdin, stdout, interactive=interactive)
        if interactive:
            stdout.write(render_text(self.services.glossary.help(self.locale)) + "\n\n")
        while True:
            if interactive:
                stdout.write(PROMPT)
                stdout.flush()
            # Reading in a thread keeps the event loop free for scheduled posts.
            line = await asyncio.to_thread(stdin.readline)
            if not line or line.strip().lower() in _QUIT:
                break
            reply = await self.handle(line)
            if reply is not None:
                stdout.write(render_text(reply) + "\n\n")
                stdout.flush()


def _terminal_ask(stdin: TextIO, stdout: TextIO, *, interactive: bool) -> Ask:
    async def ask(prompt: str) -> str:
        """Print the field's prompt and read lines until an empty line or end of input."""
        if interactive:
            stdout.write(prompt + "\n")
            stdout.flush()
        lines: list[str] = []
        while True:
            if interactive:
                stdout.write("… ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line or not line.strip():
                return "\n".join(lines)
            lines.append(line.rstrip("\n"))

    return ask
