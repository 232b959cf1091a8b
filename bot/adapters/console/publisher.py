"""The console's Publisher: scheduled posts print in the terminal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TextIO

from bot.core.i18n import t
from bot.core.models import SpaceRef
from bot.core.replies import Reply

from .chat import ConsoleChat
from .render import render_text


class ConsolePublisher:
    """Prints the bot's scheduled posts; their buttons stay clickable by number."""

    def __init__(
        self,
        stdout: TextIO,
        chat: ConsoleChat | None = None,
        locale: str = "ko",
        *,
        prompt: str = "",
        wrap: Callable[[str], str] | None = None,
    ) -> None:
        self._chat = chat
        self._stdout = stdout
        self._locale = locale
        # A post lands while the person may be typing; the prompt is shown again after it.
        self._prompt = prompt
        self._wrap = wrap or (lambda text: text)
        self._ids = itertools.count(1)

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        if self._chat is not None:
            self._chat.remember(reply)
            # A picture in a post (the weekly heatmap) is saved under the data dir.
            reply = await self._chat.save_files(reply)
        self._stdout.write(f"\n{self._wrap(render_text(reply))}\n\n{self._prompt}")
        self._stdout.flush()
        return str(next(self._ids))

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        label = t("console.edited", self._locale, message_id=message_id)
        self._stdout.write(f"\n{label}\n{self._wrap(render_text(reply))}\n\n{self._prompt}")
        self._stdout.flush()
