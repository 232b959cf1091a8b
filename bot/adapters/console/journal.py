"""Console commands for the team log; form fields are asked one after another."""

from __future__ import annotations

from dataclasses import replace

from bot.core.i18n import t
from bot.core.journal import parse_button
from bot.core.replies import Reply, ReplyField, Tone

from .chat import ConsoleChat, need

_PRIVATE = {"private", "비공개", "나만보기"}
_RETRO_FIELDS = ("learned", "reflection", "links", "terms")


def _private(args: str) -> tuple[bool, str]:
    words = args.split()
    private = any(w.lower() in _PRIVATE for w in words)
    return private, " ".join(w for w in words if w.lower() not in _PRIVATE)


def register(chat: ConsoleChat) -> None:
    services = chat.services

    async def field(label_key: str, current: str) -> str:
        """Ask one field; an empty answer keeps what the form was prefilled with."""
        shown = f"\n{current}" if current else ""
        prompt = f"[{t(label_key, chat.locale)}] {t('console.form.hint', chat.locale)}{shown}"
        answer = await chat.ask(prompt)
        return answer if answer.strip() else current

    async def scrum(args: str) -> Reply:
        journal = need(services.journal)
        private, inline = _private(args)
        if inline:
            goals = inline.replace(";", "\n")
        else:
            prefill = await journal.scrum_form(chat.space, chat.user)
            goals = await field("form.scrum.goals", prefill.goals)
        saved = await journal.save_scrum(
            chat.space, chat.user, goals, public=not private, locale=chat.locale
        )
        return saved.reply

    async def retro(args: str) -> Reply:
        journal = need(services.journal)
        private, _ = _private(args)
        form = (await journal.retro_form(chat.space, chat.user)).form
        for name in _RETRO_FIELDS:
            value = await field(f"form.retro.{name}", getattr(form, name))
            form = replace(form, **{name: value})
        saved = await journal.save_retro(
            chat.space, chat.user, form, public=not private, locale=chat.locale
        )
        return saved.reply

    async def log(args: str) -> Reply:
        journal = need(services.journal)
        return await journal.log(chat.space, chat.user, None, args.strip() or None, chat.locale)

    async def away(args: str) -> Reply:
        return await need(services.journal).away(chat.space, chat.user, args.strip(), chat.locale)

    async def export(args: str) -> Reply:
        journal = need(services.journal)
        name, text = await journal.export_period(chat.space, chat.user, args.strip() or None)
        if not text.strip():
            return Reply(body=t("console.export.empty", chat.locale), tone=Tone.WARNING)
        return Reply(title=name, body=text)

    async def glossary(args: str) -> Reply:
        journal = need(services.journal)
        action, _, arg = args.strip().partition(" ")
        if action in {"accept", "수락"}:
            return await journal.accept_suggestion(
                chat.space, arg.strip(), can_manage=True, locale=chat.locale, actor=chat.user
            )
        return await journal.glossary_suggestions(chat.space, can_manage=True, locale=chat.locale)

    async def button(custom_id: str) -> Reply:
        journal = need(services.journal)
        parsed = parse_button(custom_id)
        if parsed is None:
            return Reply(body=t("error.stale_button", chat.locale), tone=Tone.WARNING)
        action, number = parsed
        if action == "accept":
            return await journal.accept_suggestion(
                chat.space, str(number), can_manage=True, locale=chat.locale, actor=chat.user
            )
        entry = await journal.entry_for_edit(chat.space, chat.user, number)
        command = "/retro" if entry.kind == "retro" else "/scrum"
        hint = t("console.edit.hint", chat.locale, command=command)
        return Reply(body=hint, fields=(ReplyField(command, str(entry.local_date)),))

    chat.handlers.update(
        {
            "scrum": scrum,
            "retro": retro,
            "log": log,
            "away": away,
            "export": export,
            "glossary": glossary,
        }
    )
    chat.components["journal"] = button
