"""The team log's commands, buttons and forms: /scrum, /retro, /log, /away, /export, /glossary."""

from __future__ import annotations

import dataclasses

from bot.core.errors import UnknownEntryError
from bot.core.i18n import t
from bot.core.interaction.forms import Form
from bot.core.interaction.ids import action_id
from bot.core.interaction.journal_forms import FormFlags, private_form, retro_form, scrum_form
from bot.core.interaction.options import Command, Option, OptionValue, parse_flag, text_option
from bot.core.interaction.router import Call, Router
from bot.core.journal import EntryKind, JournalService, RetroForm, SavedEntry
from bot.core.journal import forms as journal_forms
from bot.core.models import UserRef
from bot.core.replies import Attachment, Reply, ReplyButton, Tone
from bot.core.services import Services, need

SCRUM_FORM = "journal:scrum"
RETRO_FORM = "journal:retro"
EDIT_BUTTON = "journal:edit"
ACCEPT_BUTTON = "journal:accept"
_PRIVATE_WORDS = ("private", "비공개", "나만보기")
RETRO_FIELDS = ("learned", "reflection", "links", "terms")
DRAFT_LABELS = {name: f"form.draft.{name}" for name in ("goals", *RETRO_FIELDS)}

_PRIVATE_OPTION = Option(
    "private", "flag", label_key="option.journal.private", words=_PRIVATE_WORDS
)
# Goals typed after the command (``/scrum 볼륨 실습; 컴포즈``) are saved without a form.
SCRUM = Command(
    "scrum",
    (_PRIVATE_OPTION, Option("goals", positional=True)),
    form_fields=("goals",),
)
RETRO = Command("retro", (_PRIVATE_OPTION,), form_fields=RETRO_FIELDS)
LOG = Command(
    "log",
    (
        Option("member", "member", label_key="option.log.member"),
        Option("when", positional=True, label_key="option.log.when"),
    ),
)
AWAY = Command("away", (Option("until", positional=True, label_key="option.away.until"),))
EXPORT = Command("export", (Option("when", positional=True, label_key="option.log.when"),))
GLOSSARY = Command("glossary", (Option("action", positional=True),))
_ACCEPT_WORDS = {"accept", "수락"}


def _journal(call: Call) -> JournalService:
    return need(call.services.journal)


def _visibility(options: dict[str, OptionValue], prefilled_public: bool) -> bool:
    """Public unless asked otherwise; without the option, an entry keeps its visibility."""
    private = parse_flag(options.get("private"))
    return prefilled_public if private is None else not private


async def open_scrum(call: Call) -> Form | Reply:
    """/scrum: the form, prefilled with today's goals or the last day's unfinished ones.

    Goals typed with the command, one per ``;``, are saved at once instead.
    """
    actor = call.actor
    prefill = await _journal(call).scrum_form(actor.team, actor.member)
    flags = FormFlags(public=_visibility(dict(call.options), prefill.public))
    inline = text_option(call.options, "goals")
    if inline:
        goals = "\n".join(part.strip() for part in inline.split(";"))
        saved = await _journal(call).save_scrum(
            actor.team, actor.member, goals, public=flags.public, locale=actor.locale
        )
        return _card(saved, flags.public)
    return scrum_form(prefill.goals, flags, actor.locale)


async def open_retro(call: Call) -> Form:
    """/retro: the form, prefilled with today's retro when there is one to edit."""
    actor = call.actor
    prefill = await _journal(call).retro_form(actor.team, actor.member)
    flags = FormFlags(public=_visibility(dict(call.options), prefill.public))
    return retro_form(prefill.form, flags, actor.locale)


async def open_edit(call: Call) -> Form:
    """A ``journal:edit:<id>`` click: the owner gets the entry's form; others a refusal."""
    if not call.arg.isdigit():
        raise UnknownEntryError(entry_id=call.arg[:20])
    actor = call.actor
    entry = await _journal(call).entry_for_edit(actor.team, actor.member, int(call.arg))
    # The form remembers the entry's day and owner, so the save edits this very entry.
    flags = FormFlags(public=entry.public, day=entry.local_date, owner_id=entry.user_id)
    if entry.kind is EntryKind.SCRUM:
        return scrum_form(journal_forms.goals_text(entry.body.goals), flags, actor.locale)
    return retro_form(journal_forms.retro_form(entry.body), flags, actor.locale)


async def save_scrum(call: Call) -> Reply:
    flags, actor = FormFlags.decode(call.arg), call.actor
    saved = await _journal(call).save_scrum(
        actor.team,
        actor.member,
        call.values.get("goals", ""),
        public=flags.public,
        day=flags.day,
        owner_id=flags.owner_id,
        locale=actor.locale,
    )
    return _card(saved, flags.public)


async def save_retro(call: Call) -> Reply:
    flags, actor = FormFlags.decode(call.arg), call.actor
    form = RetroForm(**{name: call.values.get(name, "") for name in RETRO_FIELDS})
    saved = await _journal(call).save_retro(
        actor.team,
        actor.member,
        form,
        public=flags.public,
        day=flags.day,
        owner_id=flags.owner_id,
        locale=actor.locale,
    )
    return _card(saved, flags.public)


def _card(saved: SavedEntry, public: bool) -> Reply:
    """The saved card; a public one names its entry, so where it is posted is remembered."""
    if public:
        return dataclasses.replace(saved.reply, ref=f"journal:{saved.entry.id}")
    return dataclasses.replace(saved.reply, ephemeral=True)


async def card_posted(services: Services, arg: str, channel: str, message_id: str) -> None:
    if arg.isdigit():
        await need(services.journal).card_posted(int(arg), channel, message_id)


def member_option(value: OptionValue, platform: str) -> UserRef | None:
    """A member named in an option: a platform's own user, or an id typed as text."""
    if isinstance(value, UserRef):
        return value
    text = text_option({"v": value}, "v")
    if text is None:
        return None
    member_id = text.removeprefix("@")
    return UserRef(platform=platform, id=member_id, display_name=member_id)


async def log(call: Call) -> Reply:
    actor = call.actor
    target = member_option(call.options.get("member"), actor.member.platform)
    when = text_option(call.options, "when")
    return await _journal(call).log(actor.team, actor.member, target, when, actor.locale)


async def away(call: Call) -> Reply:
    actor = call.actor
    until = text_option(call.options, "until") or ""
    return await _journal(call).away(actor.team, actor.member, until, actor.locale)


async def export(call: Call) -> Reply:
    """The member's own days as a TIL Markdown file, attached to a private reply."""
    actor = call.actor
    when = text_option(call.options, "when")
    name, markdown = await _journal(call).export_period(actor.team, actor.member, when)
    if not markdown.strip():
        return Reply(body=t("journal.log.empty", actor.locale), ephemeral=True)
    # Members who study in Anki can take the space's glossary home from the same reply.
    anki = (
        (ReplyButton(t("review.anki.button", actor.locale), action_id("review", "anki", "deck")),)
        if call.services.review is not None
        else ()
    )
    return Reply(
        body=t("journal.export.ready", actor.locale, name=name),
        tone=Tone.SUCCESS,
        ephemeral=True,
        attachments=(Attachment(name=name, data=markdown.encode("utf-8")),),
        buttons=anki,
    )


async def glossary(call: Call) -> Reply:
    """``/glossary suggestions`` lists; ``/glossary accept N`` (typed) accepts one."""
    actor, journal = call.actor, _journal(call)
    action, _, number = (text_option(call.options, "action") or "").partition(" ")
    if action.lower() in _ACCEPT_WORDS:
        return await journal.accept_suggestion(
            actor.team, number.strip(), actor.can_manage, actor.locale, actor.member
        )
    return await journal.glossary_suggestions(actor.team, actor.can_manage, actor.locale)


async def accept(call: Call) -> Reply:
    """A ``journal:accept:<id>`` click: a manager adds the term and the channel sees its card."""
    actor = call.actor
    return await _journal(call).accept_suggestion(
        actor.team, call.arg, actor.can_manage, actor.locale, actor.member
    )


def register(router: Router) -> None:
    router.add_command(SCRUM, open_scrum)
    router.add_command(RETRO, open_retro)
    router.add_command(LOG, log)
    router.add_command(AWAY, away)
    router.add_command(EXPORT, export)
    router.add_command(GLOSSARY, glossary)
    router.add_button(EDIT_BUTTON, open_edit, opens_form=True)
    router.add_button(ACCEPT_BUTTON, accept, private=False)
    router.add_posted("journal", card_posted)
    router.add_form(SCRUM_FORM, save_scrum, labels=DRAFT_LABELS, private=private_form)
    router.add_form(RETRO_FORM, save_retro, labels=DRAFT_LABELS, private=private_form)
