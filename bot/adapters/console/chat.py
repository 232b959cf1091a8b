"""The console chat engine: read a line, ask the shared router, print what it answers.

A typed number presses a button of the last reply, a line without a slash is looked up,
and a form is asked field by field. Everything else is the router's: the same commands,
options, buttons, forms and error replies as on every other face.
"""

from __future__ import annotations

import asyncio
import getpass
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.core.glossary import Choice
from bot.core.i18n import Locale, normalize_locale, t
from bot.core.interaction.actor import Actor
from bot.core.interaction.forms import CONSOLE_FORM, Form, Refusal, keep_draft
from bot.core.interaction.router import Outcome, Router
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Attachment, Reply, ReplyField, Tone
from bot.core.services import Services

__all__ = ["CONSOLE_CHANNEL", "CONSOLE_SPACE", "ConsoleChat", "console_user"]

log = logging.getLogger(__name__)

Ask = Callable[[str], Awaitable[str]]
CONSOLE_SPACE = SpaceRef("console", "local")
CONSOLE_CHANNEL = "console"
QUIZ_FEATURE = "quiz:"


def console_user() -> UserRef:
    name = getpass.getuser()
    return UserRef("console", name, name)


async def _no_input(prompt: str) -> str:
    return ""


@dataclass
class ConsoleChat:
    """One member at the terminal: parses a line, asks the router, renders the answer."""

    services: Services
    locale: str = "ko"
    user: UserRef = field(default_factory=console_user)
    space: SpaceRef = CONSOLE_SPACE
    router: Router | None = None
    # Where files a terminal cannot show (a chart, a deck) are written; None keeps them out.
    files_dir: Path | None = None
    # Asks for one form field (the console's modal); the terminal front end sets it.
    ask: Ask = _no_input
    _buttons: tuple[str, ...] = ()
    quiz_buttons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.router is None:
            self.router = build_router(self.services)

    @property
    def actor(self) -> Actor:
        # The person at the terminal runs the bot, so they manage the console space.
        locale: Locale = normalize_locale(self.locale)
        return Actor(self.user, locale, self.space, can_manage=True, channel=CONSOLE_CHANNEL)

    def _router(self) -> Router:
        if self.router is None:  # pragma: no cover - set in __post_init__
            raise RuntimeError("no router")
        return self.router

    def commands(self) -> tuple[str, ...]:
        """Every command the router knows, for completion."""
        return tuple(self._router().commands)

    def complete(self, query: str, limit: int) -> list[Choice]:
        """Glossary entries for a partly typed term, from the same index as autocomplete."""
        return self.services.glossary.complete(query, limit, space=self.actor.space_key)

    def remember(self, reply: Reply) -> None:
        """Keep a reply's buttons so typing their number (or `/answer N`) presses them."""
        if not reply.buttons:
            return
        self._buttons = tuple(b.custom_id for b in reply.buttons)
        if self._buttons[0].startswith(QUIZ_FEATURE):
            self.quiz_buttons = self._buttons

    async def handle(self, line: str) -> Reply | None:
        """The reply to one typed line, or None for a blank line."""
        text = line.strip()
        if not text:
            return None
        reply = await self._dispatch(text)
        self.remember(reply)
        return reply

    async def click(self, custom_id: str) -> Reply:
        """Press a button by its custom id, as a chat platform would."""
        return await self._finish(await self._router().press(self.actor, custom_id))

    async def _dispatch(self, text: str) -> Reply:
        if text.isdigit():
            return await self._press_number(int(text), self._buttons)
        if not text.startswith("/"):
            # A line without a slash is a lookup, which is what a learner usually means.
            define = await self._router().command(self.actor, "define", {"term": text})
            return await self._finish(define)
        name, _, args = text.removeprefix("/").partition(" ")
        name = name.lower()
        if name == "answer":
            choice = args.strip()
            if not choice.isdigit() or not self.quiz_buttons:
                return Reply(body=t("console.answer.usage", self.locale), tone=Tone.WARNING)
            return await self._press_number(int(choice), self.quiz_buttons)
        if name == "help":
            return self._help(await self._finish(await self._router().command(self.actor, "help")))
        outcome = await self._router().command_text(self.actor, name, args)
        if outcome.status == "ok" or not self._opens_form(name):
            return await self._finish(outcome)
        draft = await self._consume_unopened_form(name)
        refusal = await self._finish(outcome)
        return replace(
            refusal,
            fields=(*refusal.fields, *draft.fields),
            attachments=(*refusal.attachments, *draft.attachments),
        )

    async def _press_number(self, number: int, buttons: tuple[str, ...]) -> Reply:
        if not buttons:
            body = t("console.button.none", self.locale, number=number)
            return Reply(body=body, tone=Tone.WARNING)
        if not 1 <= number <= len(buttons):
            body = t("console.button.unknown", self.locale, number=number, count=len(buttons))
            return Reply(body=body, tone=Tone.WARNING)
        return await self.click(buttons[number - 1])

    def _help(self, reply: Reply) -> Reply:
        extra = ReplyField(t("console.help.name", self.locale), t("console.help", self.locale))
        return replace(reply, fields=(*reply.fields, extra))

    def _opens_form(self, name: str) -> bool:
        return name in self._router().commands and self._router().commands[name].opens_form

    async def _finish(self, outcome: Outcome) -> Reply:
        response = outcome.response
        if isinstance(response, Form):
            return await self._fill(response)
        reply = response.reply if isinstance(response, Refusal) else response
        return await self.save_files(_inline_files(reply))

    async def save_files(self, reply: Reply) -> Reply:
        """Write the files a terminal cannot show and say where each one is."""
        if not reply.attachments or self.files_dir is None:
            return reply
        lines = []
        for attachment in reply.attachments:
            folder = self.files_dir / ("stats" if attachment.mime == "image/png" else "exports")
            path = await asyncio.to_thread(_write, folder, attachment)
            lines.append(t("console.file.saved", self.locale, path=path))
        body = "\n\n".join(part for part in (*lines, reply.body) if part)
        return replace(reply, body=body, attachments=())

    async def _fill(self, form: Form) -> Reply:
        """Ask each field in turn; an empty answer keeps what the form was prefilled with."""
        fitted = form.fit(CONSOLE_FORM)
        values: dict[str, str] = {}
        for item in fitted.fields:
            shown = f"\n{item.value}" if item.value else ""
            prompt = f"[{item.label}] {t('console.form.hint', self.locale)}{shown}"
            answer = await self.ask(prompt)
            values[item.name] = answer if answer.strip() else item.value
        return await self._finish(await self._router().submit(self.actor, fitted.id, values))

    async def _consume_unopened_form(self, name: str) -> Reply:
        """A form that could not open still reads its fields, so they never run as commands.

        What was typed comes back with the refusal: nothing is saved, and nothing is lost.
        """
        fields = self._router().commands[name].form_fields
        typed = {f: await self.ask(t("console.form.unavailable", self.locale)) for f in fields}
        return keep_draft(Reply(), typed, {f: t(f"form.draft.{f}", self.locale) for f in fields})


def _write(folder: Path, attachment: Attachment) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / Path(attachment.name).name).resolve()
    path.write_bytes(attachment.data)
    return path


def _inline_files(reply: Reply) -> Reply:
    """A terminal shows a text file itself: its name as the title, its text as the body."""
    texts = [a for a in reply.attachments if a.mime.startswith("text/")]
    if not texts:
        return reply
    body = "\n\n".join(a.data.decode("utf-8", errors="replace") for a in texts)
    others = tuple(a for a in reply.attachments if a not in texts)
    title = texts[0].name if len(texts) == 1 else reply.title
    # The file holds the whole text, so the shortened fields that announced it are dropped.
    return replace(reply, title=title, body=body, fields=(), attachments=others)
