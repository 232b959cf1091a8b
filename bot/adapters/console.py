"""A local chat in the terminal: the same slash commands as on Discord, as plain text."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TextIO

from bot.core.errors import StudyBotError, UnknownTermError
from bot.core.glossary import parse_show_button
from bot.core.i18n import t
from bot.core.replies import Reply, Tone, defang
from bot.core.services import Services

log = logging.getLogger(__name__)

Handler = Callable[[str], Awaitable[Reply]]
PROMPT = "studybot> "
_QUIT = {"/quit", "/exit", "/종료"}
_TONE_MARK = {Tone.INFO: "", Tone.SUCCESS: "✅ ", Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}


def render_text(reply: Reply) -> str:
    """A Reply as terminal text: title, body, fields, buttons as commands to type, footer."""
    lines: list[str] = []
    if reply.title:
        lines.append(f"{_TONE_MARK[reply.tone]}[{reply.title}]")
    if reply.body:
        lines.append(reply.body)
    for item in reply.fields:
        value = item.value.replace("\n", "\n  ")
        lines.append(f"— {item.name}\n  {value}")
    if reply.buttons:
        choices = "  ".join(f"[{n}] {b.label}" for n, b in enumerate(reply.buttons, start=1))
        lines.append(f"→ {choices}")
    if reply.footer:
        lines.append(f"({reply.footer})")
    return "\n".join(lines)


@dataclass
class ConsoleChat:
    """Parses a line, calls one service method and renders the Reply as text."""

    services: Services
    locale: str = "ko"
    handlers: dict[str, Handler] = field(default_factory=dict)
    # Button handlers by the feature part of ``<feature>:<action>:<arg>`` custom ids.
    components: dict[str, Handler] = field(default_factory=dict)
    _buttons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.handlers.setdefault("define", self._define)
        self.handlers.setdefault("help", self._help)
        self.components.setdefault("define", self._show)

    async def _define(self, args: str) -> Reply:
        return self.services.glossary.define(args, self.locale)

    async def _show(self, custom_id: str) -> Reply:
        term_id = parse_show_button(custom_id)
        if term_id is None:
            raise UnknownTermError(term_id=custom_id)
        return self.services.glossary.show(term_id, self.locale)

    async def _help(self, _args: str) -> Reply:
        return self.services.glossary.help(self.locale)

    async def handle(self, line: str) -> Reply | None:
        """The reply to one typed line, or None for a blank line."""
        reply = await self._dispatch(line.strip())
        if reply is not None:
            self._buttons = tuple(b.custom_id for b in reply.buttons)
        return reply

    async def _dispatch(self, text: str) -> Reply | None:
        if not text:
            return None
        if text.isdigit() and 1 <= int(text) <= len(self._buttons):
            # Typing a button's number clicks it, through the same custom id as on Discord.
            custom_id = self._buttons[int(text) - 1]
            feature = custom_id.partition(":")[0]
            component = self.components.get(feature)
            if component is not None:
                return await self._guarded(feature, component, custom_id)
        if not text.startswith("/"):
            # A line without a slash is a lookup, which is what a learner usually means.
            return await self._guarded("define", self._define, text)
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


async def serve(services: Services, locale: str) -> None:
    """Run the console chat on this process's terminal or piped input."""
    chat = ConsoleChat(services, locale=locale)
    await chat.run(sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
