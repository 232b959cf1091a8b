"""Replies of the team log: an entry's card, /log, /away, history and glossary suggestions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from bot.core.i18n import t
from bot.core.journal.models import (
    Entry,
    EntryBody,
    EntryKind,
    EntryVersion,
    SaveStatus,
    Suggestion,
)
from bot.core.models import Link, Term
from bot.core.replies import (
    MAX_BODY,
    MAX_BUTTONS,
    MAX_FIELD,
    MAX_TITLE,
    Reply,
    ReplyButton,
    ReplyField,
    Tone,
    safe,
)

BUTTON_FEATURE = "journal"
MAX_LOG_FIELDS = 20  # Discord allows 25 fields; a week of scrums and retros is at most 14
TermOf = Callable[[str], Term | None]


def edit_button_id(entry_id: int) -> str:
    return f"{BUTTON_FEATURE}:edit:{entry_id}"


def accept_button_id(suggestion_id: int) -> str:
    return f"{BUTTON_FEATURE}:accept:{suggestion_id}"


def parse_button(custom_id: str) -> tuple[str, int] | None:
    """``("edit" | "accept", id)`` from a ``journal:<action>:<id>`` button, else None."""
    feature, _, rest = custom_id.partition(":")
    action, _, arg = rest.partition(":")
    if feature != BUTTON_FEATURE or action not in {"edit", "accept"} or not arg.isdigit():
        return None
    return action, int(arg)


def _links(links: Sequence[Link]) -> str:
    return "\n".join(
        link.url if link.title == link.url else f"{link.title}: <{link.url}>" for link in links
    )


def linked_names(ids: Sequence[str], term_of: TermOf) -> list[str]:
    return [term.term for term in (term_of(i) for i in ids) if term is not None]


def entry_fields(entry: Entry, term_of: TermOf, locale: str) -> list[ReplyField]:
    body = entry.body
    rows: list[tuple[str, str]] = []
    if entry.kind is EntryKind.SCRUM:
        rows.append(("journal.field.goals", "\n".join(f"• {g.line}" for g in body.goals)))
    else:
        rows.append(("journal.field.learned", body.learned))
        rows.append(
            (
                "journal.field.terms",
                "\n".join([*(_row(r.term, r.definition) for r in body.terms), *body.term_text]),
            )
        )
        rows.append(("journal.field.links", _links(body.links)))
        rows.append(("journal.linked", ", ".join(linked_names(entry.linked, term_of))))
    return [ReplyField(t(key, locale), safe(value, MAX_FIELD)) for key, value in rows if value]


def _row(term: str, definition: str) -> str:
    return f"{term} — {definition}"


def entry_title(entry: Entry, locale: str) -> str:
    key = "journal.scrum.title" if entry.kind is EntryKind.SCRUM else "journal.retro.title"
    text = t(key, locale, name=entry.display_name, date=entry.local_date.isoformat())
    return safe(text, MAX_TITLE)


def entry_card(
    entry: Entry,
    term_of: TermOf,
    locale: str,
    status: SaveStatus | None = None,
    suggested: Sequence[str] = (),
) -> Reply:
    """The entry as posted: public in the channel, or only to its owner when private."""
    body = safe(entry.body.reflection, MAX_BODY) if entry.kind is EntryKind.RETRO else ""
    footer: list[str] = []
    if status is SaveStatus.CREATED:
        footer.append(t("journal.saved", locale))
    elif status is SaveStatus.UPDATED:
        footer.append(t("journal.updated", locale, version=entry.version))
    elif status is SaveStatus.UNCHANGED:
        footer.append(t("journal.unchanged", locale))
    if not entry.public:
        footer.append(t("journal.private", locale))
    if suggested:
        footer.append(t("journal.suggested", locale, terms=", ".join(suggested)))
    if entry.body.term_text:
        footer.append(t("journal.term_text_hint", locale, count=len(entry.body.term_text)))
    return Reply(
        title=entry_title(entry, locale),
        body=body,
        fields=tuple(entry_fields(entry, term_of, locale)),
        buttons=(ReplyButton(t("journal.edit", locale), edit_button_id(entry.id)),),
        footer=safe(" · ".join(footer), MAX_FIELD),
        ephemeral=not entry.public,
        tone=Tone.SUCCESS if status in {SaveStatus.CREATED, SaveStatus.UPDATED} else Tone.INFO,
    )


def withdrawn_card(entry: Entry, locale: str) -> Reply:
    """The earlier public card of an entry made private: its title only, no content."""
    return Reply(title=entry_title(entry, locale), body=t("journal.withdrawn", locale))


def _log_value(entry: Entry, term_of: TermOf, locale: str) -> str:
    body = entry.body
    if entry.kind is EntryKind.SCRUM:
        return "\n".join(f"• {g.line}" for g in body.goals)
    lines = [body.reflection]
    names = linked_names(entry.linked, term_of)
    if names:
        lines.append(f"{t('journal.linked', locale)}: {', '.join(names)}")
    return "\n".join(lines)


def log_reply(
    name: str,
    period: str,
    entries: Sequence[Entry],
    term_of: TermOf,
    locale: str,
) -> Reply:
    """Answer /log: each visible entry of the period, oldest first, only to the asker."""
    title = safe(t("journal.log.title", locale, name=name, period=period), MAX_TITLE)
    if not entries:
        return Reply(title=title, body=t("journal.log.empty", locale), ephemeral=True)
    ordered = sorted(entries, key=lambda e: (e.local_date, e.kind is EntryKind.RETRO))
    fields = []
    for entry in ordered[:MAX_LOG_FIELDS]:
        kind = t(f"journal.kind.{entry.kind.value}", locale)
        lock = " 🔒" if not entry.public else ""
        label = f"{entry.local_date.isoformat()} · {kind}{lock}"
        fields.append(ReplyField(label, safe(_log_value(entry, term_of, locale), MAX_FIELD)))
    more = len(ordered) - MAX_LOG_FIELDS
    footer = t("journal.log.more", locale, count=more) if more > 0 else ""
    return Reply(title=title, fields=tuple(fields), footer=footer, ephemeral=True)


def period_label(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} ~ {end.isoformat()}"


def history_reply(entry: Entry, versions: Sequence[EntryVersion], locale: str) -> Reply:
    """The owner's look at earlier versions of an entry, newest first."""
    fields = []
    for version in sorted(versions, key=lambda v: -v.version)[:MAX_LOG_FIELDS]:
        text = (
            "\n".join(g.line for g in version.body.goals)
            if entry.kind is EntryKind.SCRUM
            else version.body.reflection
        )
        label = t("journal.history.version", locale, version=version.version)
        saved = version.saved_at.strftime("%Y-%m-%d %H:%M UTC")
        fields.append(ReplyField(f"{label} · {saved}", safe(text, MAX_FIELD)))
    return Reply(
        title=entry_title(entry, locale),
        body=t("journal.history.body", locale, count=len(versions)),
        fields=tuple(fields),
        ephemeral=True,
    )


def _version_text(kind: EntryKind, body: EntryBody) -> str:
    if kind is EntryKind.SCRUM:
        return "\n".join(g.line for g in body.goals)
    return body.reflection


def versions_reply(
    name: str,
    period: str,
    history: Sequence[tuple[Entry, Sequence[EntryVersion]]],
    locale: str,
) -> Reply:
    """/log with a versions word: each entry of the period now, then its earlier versions."""
    title = safe(t("journal.versions.title", locale, name=name, period=period), MAX_TITLE)
    if not history:
        return Reply(title=title, body=t("journal.log.empty", locale), ephemeral=True)
    fields: list[ReplyField] = []
    ordered = sorted(history, key=lambda h: (h[0].local_date, h[0].kind is EntryKind.RETRO))
    for entry, versions in ordered:
        kind = t(f"journal.kind.{entry.kind.value}", locale)
        date = entry.local_date.isoformat()
        saved = entry.updated_at.strftime("%Y-%m-%d %H:%M UTC")
        label = t(
            "journal.versions.current", locale,
            date=date, kind=kind, version=entry.version, saved=saved,
        )  # fmt: skip
        fields.append(ReplyField(label, safe(_version_text(entry.kind, entry.body), MAX_FIELD)))
        for version in sorted(versions, key=lambda v: -v.version):
            saved = version.saved_at.strftime("%Y-%m-%d %H:%M UTC")
            label = t(
                "journal.versions.earlier", locale,
                date=date, kind=kind, version=version.version, saved=saved,
            )  # fmt: skip
            text = _version_text(entry.kind, version.body)
            fields.append(ReplyField(label, safe(text, MAX_FIELD)))
    shown = fields[:MAX_LOG_FIELDS]
    more = len(fields) - len(shown)
    count = sum(len(versions) for _, versions in history)
    return Reply(
        title=title,
        body=t("journal.versions.body", locale, entries=len(history), versions=count),
        fields=tuple(shown),
        footer=t("journal.log.more", locale, count=more) if more > 0 else "",
        ephemeral=True,
    )


def suggestions_reply(items: Sequence[Suggestion], locale: str) -> Reply:
    """Pending suggestions for managers, the first few with an accept button each."""
    if not items:
        return Reply(
            title=t("journal.suggestions.title", locale),
            body=t("journal.suggestions.empty", locale),
            ephemeral=True,
        )
    fields = tuple(
        ReplyField(
            safe(f"#{s.id} {s.row.term}", MAX_TITLE),
            safe(
                t(
                    "journal.suggestions.row",
                    locale,
                    definition=s.row.definition,
                    name=s.display_name,
                    date=s.local_date.isoformat(),
                ),
                MAX_FIELD,
            ),
        )
        for s in items[:MAX_LOG_FIELDS]
    )
    buttons = tuple(
        ReplyButton(safe(f"+ {s.row.term}", 80), accept_button_id(s.id))
        for s in items[:MAX_BUTTONS]
    )
    return Reply(
        title=t("journal.suggestions.title", locale),
        fields=fields,
        buttons=buttons,
        footer=t("journal.suggestions.footer", locale),
        ephemeral=True,
    )


def away_reply(until: dt.date | None, locale: str) -> Reply:
    if until is None:
        return Reply(body=t("journal.away.cleared", locale), ephemeral=True, tone=Tone.SUCCESS)
    return Reply(
        body=t("journal.away.set", locale, date=until.isoformat()),
        ephemeral=True,
        tone=Tone.SUCCESS,
    )


def accepted_reply(card: Reply, locale: str) -> Reply:
    """The new glossary term's card, titled as just added."""
    title = safe(f"{t('journal.accepted', locale)} · {card.title}", MAX_TITLE)
    return dataclasses.replace(card, title=title, tone=Tone.SUCCESS, ephemeral=False)
