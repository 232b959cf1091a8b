"""The console on a terminal or a pipe: read lines, hand them to the chat, print the answers."""

from __future__ import annotations

import asyncio
from typing import TextIO

from .chat import Ask, ConsoleChat
from .render import render_text

PROMPT = "studybot> "
QUIT = {"/quit", "/exit", "/종료"}


async def run(chat: ConsoleChat, stdin: TextIO, stdout: TextIO, *, interactive: bool) -> None:
    """Read commands until end of input (or /quit) and print each answer."""
    chat.ask = _field_reader(stdin, stdout, interactive=interactive)
    if interactive:
        help_reply = await chat.handle("/help")
        if help_reply is not None:
            stdout.write(render_text(help_reply) + "\n\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        # Reading in a thread keeps the event loop free for scheduled posts.
        line = await asyncio.to_thread(stdin.readline)
        if not line or line.strip().lower() in QUIT:
            break
        reply = await chat.handle(line)
        if reply is not None:
            stdout.write(render_text(reply) + "\n\n")
            stdout.flush()


def _field_reader(stdin: TextIO, stdout: TextIO, *, interactive: bool) -> Ask:
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
