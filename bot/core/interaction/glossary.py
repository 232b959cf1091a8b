"""The glossary's commands and buttons: /define, /help and ``define:show:<term>``."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import TypeVar

from bot.core.glossary import Choice, GlossaryService
from bot.core.interaction.options import Command, Option, parse_flag, text_option
from bot.core.interaction.router import Call, Router
from bot.core.replies import Reply

_T = TypeVar("_T")

DEFINE = Command(
    "define",
    (
        Option("term", positional=True, label_key="option.define.term"),
        Option("private", "flag", label_key="option.define.private", words=("private",)),
    ),
    private=False,
)
HELP = Command("help")


async def warmed(
    glossary: GlossaryService, space: str | None, work: Callable[[], _T], *, quick: bool
) -> _T:
    """Run a lookup; in a worker thread when it may load the analyser or a description index.

    Loading them takes seconds, and a chat face's event loop must keep answering (and
    Discord's heartbeat must keep beating) meanwhile. A ``quick`` lookup (a name) and every
    lookup once they are loaded run in place, with no thread hop.
    """
    if quick or glossary.index_for(space).warm():
        return work()
    return await asyncio.to_thread(work)


async def complete(
    glossary: GlossaryService, prefix: str, limit: int, space: str | None, locale: str
) -> list[Choice]:
    """Autocomplete for every face, without blocking it on a first description query."""
    # Description hits are offered from two words on; fewer never reach the analyser.
    return await warmed(
        glossary,
        space,
        lambda: glossary.complete(prefix, limit, space=space, locale=locale),
        quick=len(prefix.split()) < 2,
    )


async def define(call: Call) -> Reply:
    actor = call.actor
    term = text_option(call.options, "term") or ""
    glossary, space = call.services.glossary, actor.space_key
    private = bool(parse_flag(call.options.get("private")))
    reply = await warmed(
        glossary,
        space,
        lambda: glossary.define(term, actor.locale, space=space, shareable=private),
        quick=glossary.index_for(space).named(term),
    )
    return dataclasses.replace(reply, ephemeral=True) if private else reply


async def show(call: Call) -> Reply:
    """A related-term or "did you mean" button: the entry, replacing a private miss."""
    actor = call.actor
    reply = call.services.glossary.show(call.arg, actor.locale, space=actor.space_key)
    return dataclasses.replace(reply, update=True)


async def share(call: Call) -> Reply:
    """A share button under a private entry: the same entry, for the whole channel."""
    actor = call.actor
    reply = call.services.glossary.show(call.arg, actor.locale, space=actor.space_key)
    return dataclasses.replace(reply, ephemeral=False, update=False)


async def help_(call: Call) -> Reply:
    return call.services.glossary.help(call.actor.locale)


def register(router: Router) -> None:
    router.add_command(DEFINE, define)
    router.add_command(HELP, help_)
    router.add_button("define:show", show)
    router.add_button("define:share", share, private=False)
