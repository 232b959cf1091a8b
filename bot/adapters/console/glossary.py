"""Console commands for the glossary: /define, /help and the define buttons."""

from __future__ import annotations

from bot.core.errors import UnknownTermError
from bot.core.glossary import parse_show_button
from bot.core.replies import Reply
from bot.core.spaces import space_key

from .chat import ConsoleChat


def register(chat: ConsoleChat) -> None:
    glossary = chat.services.glossary
    space = space_key(chat.space)

    async def define(args: str) -> Reply:
        return glossary.define(args, chat.locale, space=space)

    async def show(custom_id: str) -> Reply:
        term_id = parse_show_button(custom_id)
        if term_id is None:
            raise UnknownTermError(term_id=custom_id)
        return glossary.show(term_id, chat.locale, space=space)

    async def help_(_args: str) -> Reply:
        return glossary.help(chat.locale)

    chat.handlers.update({"define": define, "help": help_})
    chat.components["define"] = show
