"""The console in a real terminal: a line editor with history, Tab completion and safe posts.

prompt_toolkit gives what a chat prompt needs: arrow keys and history, Tab completion of
commands and of glossary terms (from the same index as Discord's autocomplete), and scheduled
posts printed above the prompt without losing what is being typed. Piped input never comes
here; it keeps the plain line reader in ``terminal.py``.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory
from prompt_toolkit.patch_stdout import patch_stdout

from bot.core.ports import Publisher

from .chat import ConsoleChat
from .publisher import ConsolePublisher
from .render import render_text
from .terminal import PROMPT, QUIT

StartSchedule = Callable[[Publisher], Awaitable[object]]
_EXTRA_COMMANDS = ("answer", "quit")
_MAX_TERMS = 12


class StudyCompleter(Completer):
    """Commands after a slash; glossary terms after `/define` or on a line without a slash."""

    def __init__(self, chat: ConsoleChat) -> None:
        self._chat = chat

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        text = document.text_before_cursor
        if text.startswith("/") and " " not in text:
            names = sorted({*self._chat.commands(), *_EXTRA_COMMANDS})
            for name in names:
                if name.startswith(text[1:].lower()):
                    yield Completion(f"/{name} ", start_position=-len(text))
            return
        command, _, rest = text.partition(" ")
        query = rest if command == "/define" else text if not text.startswith("/") else ""
        if not query.strip():
            return
        for choice in self._chat.complete(query, _MAX_TERMS):
            yield Completion(choice.value, start_position=-len(query), display=choice.name)


def wrap(text: str, width: int | None = None) -> str:
    """``text`` wrapped at spaces to the terminal's width; URLs and long words stay whole."""
    columns = width or shutil.get_terminal_size((100, 24)).columns
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        wrapped = textwrap.fill(
            line,
            width=max(20, columns),
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
            replace_whitespace=False,
        )
        lines.append(wrapped or line)
    return "\n".join(lines)


async def run_interactive(
    chat: ConsoleChat, start_schedule: StartSchedule, history: Path | None
) -> None:
    """The interactive chat: help first, then one line at a time until /quit or Ctrl-D."""
    history_file = FileHistory(str(history)) if history is not None else None
    session: PromptSession[str] = PromptSession(
        history=history_file, completer=StudyCompleter(chat), complete_while_typing=False
    )
    fields: PromptSession[str] = PromptSession()

    async def ask(prompt: str) -> str:
        """One form field: lines until an empty line."""
        print(wrap(prompt))
        lines: list[str] = []
        while True:
            try:
                line = await fields.prompt_async("… ")
            except (EOFError, KeyboardInterrupt):
                line = ""
            if not line.strip():
                return "\n".join(lines)
            lines.append(line)

    chat.ask = ask
    with patch_stdout(raw=True):
        # Posts print through the patched stdout, above the prompt and what is typed on it.
        await start_schedule(ConsolePublisher(sys.stdout, chat, chat.locale, wrap=wrap))
        intro = await chat.handle("/help")
        if intro is not None:
            print(wrap(render_text(intro)) + "\n")
        while True:
            try:
                line = await session.prompt_async(PROMPT)
            except KeyboardInterrupt:
                continue
            except EOFError:
                break
            if line.strip().lower() in QUIT:
                break
            reply = await chat.handle(line)
            if reply is not None:
                print(wrap(render_text(reply)) + "\n")
