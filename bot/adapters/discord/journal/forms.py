"""Opening the /scrum and /retro forms (also from an entry's edit button) and saving them."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import discord

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.errors import error_reply
from bot.adapters.discord.journal.context import journal_of, where
from bot.adapters.discord.journal.modals import (
    FormFlags,
    open_modal,
    retro_modal,
    scrum_modal,
    submitted,
)
from bot.adapters.discord.respond import respond
from bot.core.errors import StudyBotError, UnknownEntryError
from bot.core.i18n import Locale, has, t
from bot.core.journal import EntryKind, RetroForm, parse_button
from bot.core.journal import forms as journal_forms
from bot.core.replies import Reply, ReplyField, safe

EDIT_BUTTON = "journal:edit"
# An embed field holds 1,024 characters; a refused draft is shown up to that.
MAX_DRAFT = 1000
Interaction = discord.Interaction[StudyBot]


def _visibility(private: bool | None, prefilled_public: bool) -> bool:
    """Public unless asked otherwise; without the option, an entry keeps its visibility."""
    return prefilled_public if private is None else not private


async def open_scrum(interaction: Interaction, private: bool | None) -> None:
    """/scrum: the form, prefilled with today's goals or the last day's unfinished ones."""

    async def build(locale: Locale) -> discord.ui.Modal:
        space, actor = where(interaction)
        prefill = await journal_of(interaction).scrum_form(space, actor)
        flags = FormFlags(public=_visibility(private, prefill.public))
        return scrum_modal(prefill.goals, flags, locale)

    await open_modal(interaction, "scrum", build, default_locale=interaction.client.settings.locale)


async def open_retro(interaction: Interaction, private: bool | None) -> None:
    """/retro: the form, prefilled with today's retro when there is one to edit."""

    async def build(locale: Locale) -> discord.ui.Modal:
        space, actor = where(interaction)
        prefill = await journal_of(interaction).retro_form(space, actor)
        flags = FormFlags(public=_visibility(private, prefill.public))
        return retro_modal(prefill.form, flags, locale)

    await open_modal(interaction, "retro", build, default_locale=interaction.client.settings.locale)


async def open_edit(interaction: Interaction, entry_id: str) -> None:
    """A ``journal:edit:<id>`` click: the owner gets the entry's form; others a refusal."""

    async def build(locale: Locale) -> discord.ui.Modal:
        parsed = parse_button(f"{EDIT_BUTTON}:{entry_id}")
        if parsed is None:
            raise UnknownEntryError(entry_id=entry_id)
        space, actor = where(interaction)
        entry = await journal_of(interaction).entry_for_edit(space, actor, parsed[1])
        # The form remembers the entry's day and owner, so the save edits this very entry.
        flags = FormFlags(public=entry.public, day=entry.local_date, owner_id=entry.user_id)
        if entry.kind is EntryKind.SCRUM:
            return scrum_modal(journal_forms.goals_text(entry.body.goals), flags, locale)
        return retro_modal(journal_forms.retro_form(entry.body), flags, locale)

    await open_modal(
        interaction, EDIT_BUTTON, build, default_locale=interaction.client.settings.locale
    )


def _private(flags_text: str) -> bool:
    try:
        return not FormFlags.decode(flags_text).public
    except Exception:  # a stale form: its refusal is private anyway
        return True


def _keeping_the_draft(error: StudyBotError, values: dict[str, str], locale: Locale) -> Reply:
    """The refusal, followed by what the member typed: Discord cannot reopen the form with it."""
    refusal = error_reply(error, locale)
    kept = tuple(
        ReplyField(t(f"form.draft.{name}", locale), safe(text, MAX_DRAFT))
        for name, text in values.items()
        if text.strip() and has(f"form.draft.{name}")
    )
    return replace(refusal, fields=(*refusal.fields, *kept))


async def save_scrum(interaction: Interaction, flags_text: str) -> None:
    """A submitted scrum form; the card is sent once the service has committed the entry."""
    await _save(interaction, flags_text, EntryKind.SCRUM)


async def save_retro(interaction: Interaction, flags_text: str) -> None:
    """A submitted retro form; terms are linked and unknown 용어 rows suggested by the core."""
    await _save(interaction, flags_text, EntryKind.RETRO)


async def _save(interaction: Interaction, flags_text: str, kind: EntryKind) -> None:
    async def produce(locale: Locale) -> Reply:
        flags = FormFlags.decode(flags_text)
        space, actor = where(interaction)
        values = submitted(interaction)
        journal = journal_of(interaction)
        save = (
            partial(journal.save_scrum, space, actor, values.get("goals", ""))
            if kind is EntryKind.SCRUM
            else partial(journal.save_retro, space, actor, _retro_form(values))
        )
        try:
            saved = await save(
                public=flags.public, day=flags.day, owner_id=flags.owner_id, locale=locale
            )
        except StudyBotError as error:
            return _keeping_the_draft(error, values, locale)
        return saved.reply

    await respond(
        interaction,
        f"{kind.value}:submit",
        produce,
        default_locale=interaction.client.settings.locale,
        private=_private(flags_text),
    )


def _retro_form(values: dict[str, str]) -> RetroForm:
    return RetroForm(
        learned=values.get("learned", ""),
        reflection=values.get("reflection", ""),
        links=values.get("links", ""),
        terms=values.get("terms", ""),
    )
