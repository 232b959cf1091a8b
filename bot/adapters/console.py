"""A local chat in the terminal: the same slash commands as on Discord, as plain text."""

from __future__ import annotations

import asyncio
import getpass
import itertools
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from bot.core.errors import StudyBotError, UnknownTermError
from bot.core.glossary import parse_show_button
from bot.core.i18n import t
from bot.core.models import SpaceRef, UserRef
from bot.core.ports import Publisher
from bot.core.replies import Reply, Tone, defang
from bot.core.services import Services
from bot.core.spaces import SettingsUpdate

log = logging.getLogger(__name__)

Handler = Callable[[str], Awaitable[Reply]]
StartSchedule = Callable[[Publisher], Awaitable[object]]
PROMPT = "studybot> "
CONSOLE_SPACE = SpaceRef("console", "local")
CONSOLE_CHANNEL = "console"
_QUIT = {"/quit", "/exit", "/종료"}
_TONE_MARK = {Tone.INFO: "", Tone.SUCCESS: "✅ ", Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}


def render_text(reply: Reply) -> str:
    """A Reply as terminal text: title, body, fields, numbered buttons, footer."""
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


def console_user() -> UserRef:
    name = getpass.getuser()
    return UserRef("console", name, name)


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
    _buttons: tuple[str, ...] = ()
    _quiz_buttons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        defaults: dict[str, Handler] = {
            "define": self._define,
            "help": self._help,
            "today": self._today,
            "quiz": self._quiz,
            "answer": self._answer,
            "leaderboard": self._leaderboard,
            "settings": self._settings,
        }
        for name, handler in defaults.items():
            self.handlers.setdefault(name, handler)
        self.components.setdefault("define", self._show)
        self.components.setdefault("quiz", self._click_quiz)

    async def _define(self, args: str) -> Reply:
        return self.services.glossary.define(args, self.locale)

    async def _show(self, custom_id: str) -> Reply:
        term_id = parse_show_button(custom_id)
        if term_id is None:
            raise UnknownTermError(term_id=custom_id)
        return self.services.glossary.show(term_id, self.locale)

    async def _help(self, _args: str) -> Reply:
        return self.services.glossary.help(self.locale)

    async def _today(self, _args: str) -> Reply:
        return await _need(self.services.daily).today(self.space, self.locale)

    async def _quiz(self, _args: str) -> Reply:
        return await _need(self.services.quiz).practice(self.space, self.user, self.locale)

    async def _answer(self, args: str) -> Reply:
        choice = args.strip()
        if not choice.isdigit() or not 1 <= int(choice) <= len(self._quiz_buttons):
            return Reply(body=t("console.answer.usage", self.locale), tone=Tone.WARNING)
        return await self._click_quiz(self._quiz_buttons[int(choice) - 1])

    async def _click_quiz(self, custom_id: str) -> Reply:
        quiz = _need(self.services.quiz)
        return await quiz.answer(self.space, self.user, custom_id, self.locale)

    async def _leaderboard(self, args: str) -> Reply:
        period = args.strip() or "week"
        return await _need(self.services.quiz).leaderboard(self.space, period, self.locale)

    async def _settings(self, args: str) -> Reply:
        spaces = _need(self.services.spaces)
        if not args.strip():
            return await spaces.show(self.space, self.locale)
        pairs = dict(part.partition("=")[::2] for part in args.split())
        update = SettingsUpdate.from_pairs(pairs)
        # The person at the terminal runs the bot, so they manage the console space.
        return await spaces.change(self.space, update, can_manage=True, locale=self.locale)

    def remember(self, reply: Reply) -> None:
        """Keep a reply's buttons so typing their number (or `/answer N`) clicks them."""
        if not reply.buttons:
            return
        self._buttons = tuple(b.custom_id for b in reply.buttons)
        if self._buttons[0].startswith("quiz:"):
            self._quiz_buttons = self._buttons

    async def handle(self, line: str) -> Reply | None:
        """The reply to one typed line, or None for a blank line."""
        reply = await self._dispatch(line.strip())
        if reply is not None:
            self.remember(reply)
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


class ConsolePublisher:
    """Prints the bot's scheduled posts in the terminal; buttons stay clickable by number."""

    def __init__(self, stdout: TextIO, chat: ConsoleChat | None = None, locale: str = "ko") -> None:
        self._chat = chat
        self._stdout = stdout
        self._locale = locale
        self._ids = itertools.count(1)

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        if self._chat is not None:
            self._chat.remember(reply)
        self._stdout.write(f"\n{render_text(reply)}\n\n")
        self._stdout.flush()
        return str(next(self._ids))

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        label = t("console.edited", self._locale, message_id=message_id)
        self._stdout.write(f"\n{label}\n{render_text(reply)}\n\n")
        self._stdout.flush()


S = TypeVar("S")


def _need(service: S | None) -> S:
    if service is None:
        raise StudyBotError("this command needs the database-backed services")
    return service


async def serve(services: Services, locale: str, start_schedule: StartSchedule) -> None:
    """Run the console chat on this terminal, or on piped input without the schedule."""
    chat = ConsoleChat(services, locale=locale)
    interactive = sys.stdin.isatty()
    if interactive:
        # Piped input is a batch of commands; scheduled posts belong to the live chat only.
        await prepare_space(services)
        await start_schedule(ConsolePublisher(sys.stdout, chat, locale))
    await chat.run(sys.stdin, sys.stdout, interactive=interactive)


async def prepare_space(services: Services) -> None:
    """Make the console a space of its own whose scheduled posts print in the terminal."""
    spaces = _need(services.spaces)
    settings = await spaces.settings(CONSOLE_SPACE)
    if settings.channel_id is None:
        update = SettingsUpdate(channel=CONSOLE_CHANNEL)
        await spaces.change(CONSOLE_SPACE, update, can_manage=True)
