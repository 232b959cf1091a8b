"""``terms``: the glossary terms a piece of text mentions, found by the retro linker.

Slack's message shortcut 용어 찾기 sends a whole message here; the console can type
``/terms <text>``. The text is never parsed as options: any words may be in a message.
"""

from __future__ import annotations

from bot.core.glossary import show_button_id
from bot.core.i18n import t
from bot.core.interaction.options import Command, Option, text_option
from bot.core.interaction.router import Call, Router
from bot.core.journal import TermLinker
from bot.core.replies import MAX_BUTTONS, Reply, ReplyButton, Tone, clip, safe

TERMS = Command("terms", (Option("text", positional=True),))
MAX_LISTED = 10
_SUMMARY = 120


def _linker(call: Call) -> TermLinker:
    space = call.actor.space_key
    journal = call.services.journal
    if journal is not None and space is not None:
        return journal.team_glossary.linker(space)
    return TermLinker(call.services.glossary.terms(space))


async def terms_in(call: Call) -> Reply:
    """The terms ``text`` mentions, each with its first line, and buttons to open them."""
    locale = call.actor.locale
    text = text_option(call.options, "text") or ""
    linker = _linker(call)
    terms = [term for tid in linker.scan([text]) if (term := linker.term(tid)) is not None]
    if not terms:
        return Reply(body=t("terms.none", locale), ephemeral=True, tone=Tone.WARNING)
    lines = [
        f"• **{safe(term.term, 100)}** — {safe(term.definition.splitlines()[0], _SUMMARY)}"
        for term in terms[:MAX_LISTED]
    ]
    buttons = tuple(
        ReplyButton(clip(term.term, 80), show_button_id(term.id)) for term in terms[:MAX_BUTTONS]
    )
    return Reply(
        title=t("terms.found", locale, count=len(terms)),
        body="\n".join(lines),
        buttons=buttons,
        ephemeral=True,
    )


def register(router: Router) -> None:
    router.add_command(TERMS, terms_in)
