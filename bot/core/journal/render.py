"""Replies of the team log: an entry's card, /log, /away, history and glossary suggestions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from bot.core.i18n import t
from bot.core.interaction.ids import action_id
from bot.core.journal.export import export_day, export_entries
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
    Attachment,
    Reply,
    ReplyButton,
    ReplyField,
    Tone,
    clip,
    defang,
    safe,
)

BUTTON_FEATURE = "journal"
MAX_LOG_FIELDS = 20  # Discord allows 25 fields; a week of scrums and retros is at most 14
# Discord caps the text of one card (title, body, fields and footer together) at 6,000
# characters. Member text is never cut silently: a card that would pass this shows the start
# of each part, says so, and carries the whole entry as a Markdown file.
MAX_CARD = 6000
SHORT_BODY = 1500
SHORT_FIELD = 700
TermOf = Callable[[str], Term | None]


def edit_button_id(entry_id: int) -> str:
    return action_id(BUTTON_FEATURE, "edit", entry_id)


def accept_button_id(suggestion_id: int) -> str:
    return action_id(BUTTON_FEATURE, "accept", suggestion_id)


def _links(links: Sequence[Link]) -> str:
    return "\n".join(
        link.url if link.title == link.url else f"{link.title}: <{link.url}>" for link in links
    )


def linked_names(ids: Sequence[str], term_of: TermOf) -> list[str]:
    return [term.term for term in (term_of(i) for i in ids) if term is not None]


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters that, joined, give it back.

    A piece ends after a line break where there is one, else after a space; blank pieces are
    left out.
    """
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit) + 1 or rest.rfind(" ", 0, limit) + 1 or limit
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    return [piece for piece in pieces if piece.strip()]


def _parts(label: str, text: str, locale: str, limit: int = MAX_FIELD) -> list[ReplyField]:
    """One field, or several numbered ones when the text is longer than a field holds."""
    pieces = split_text(text, limit)
    if len(pieces) <= 1:
        return [ReplyField(label, text)] if text.strip() else []
    total = len(pieces)
    return [
        ReplyField(safe(t("journal.field.part", locale, name=label, part=n, total=total), 256), p)
        for n, p in enumerate(pieces, start=1)
    ]


def card_size(reply: Reply) -> int:
    """The characters of a reply that count toward Discord's 6,000 per card."""
    fields = sum(len(f.name) + len(f.value) for f in reply.fields)
    return len(reply.title) + len(reply.body) + len(reply.footer) + fields


def _fits(reply: Reply, max_fields: int = 25) -> bool:
    return card_size(reply) <= MAX_CARD and len(reply.fields) <= max_fields


def _field_texts(entry: Entry, term_of: TermOf, locale: str) -> list[tuple[str, str]]:
    """Each part of the card as (label, whole defanged text), empty parts left out."""
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
        rows.append(("journal.field.links", "\n".join([_links(body.links), *body.link_text])))
        rows.append(("journal.linked", ", ".join(linked_names(entry.linked, term_of))))
    return [(t(key, locale), defang(value).strip()) for key, value in rows if value.strip()]


def entry_fields(entry: Entry, term_of: TermOf, locale: str) -> list[ReplyField]:
    """The card's fields; a part longer than a field holds continues in numbered fields."""
    return [
        field
        for label, text in _field_texts(entry, term_of, locale)
        for field in _parts(label, text, locale)
    ]


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
    """The entry as posted: public in the channel, or only to its owner when private.

    Nothing the member wrote is cut silently: a part longer than a field continues in the next
    field, and a card that would pass Discord's 6,000 characters shows the start of each part
    with a note and carries the whole entry as an attached Markdown file.
    """
    reflection = defang(entry.body.reflection) if entry.kind is EntryKind.RETRO else ""
    pieces = split_text(reflection, MAX_BODY) or [""]
    body = pieces[0]
    more = [
        ReplyField(
            safe(
                t(
                    "journal.field.part",
                    locale,
                    name=t("journal.field.reflection", locale),
                    part=n,
                    total=len(pieces),
                ),
                MAX_TITLE,
            ),
            piece,
        )
        for n, piece in enumerate(pieces[1:], start=2)
    ]
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
    if entry.body.link_text:
        footer.append(t("journal.link_text_hint", locale, count=len(entry.body.link_text)))
    card = Reply(
        title=entry_title(entry, locale),
        body=body,
        fields=(*more, *entry_fields(entry, term_of, locale)),
        buttons=(ReplyButton(t("journal.edit", locale), edit_button_id(entry.id)),),
        footer=safe(" · ".join(footer), MAX_FIELD),
        ephemeral=not entry.public,
        tone=Tone.SUCCESS if status in {SaveStatus.CREATED, SaveStatus.UPDATED} else Tone.INFO,
    )
    if _fits(card):
        return card
    name = f"{entry.kind.value}-{entry.local_date.isoformat()}.md"
    footer.append(t("journal.card.attached", locale, name=name))
    short = [
        ReplyField(label, clip(text, SHORT_FIELD))
        for label, text in _field_texts(entry, term_of, locale)
    ]
    return dataclasses.replace(
        card,
        body=clip(reflection, SHORT_BODY),
        fields=tuple(short),
        footer=safe(" · ".join(footer), MAX_FIELD),
        attachments=(entry_file(entry, name),),
    )


def entry_file(entry: Entry, name: str) -> Attachment:
    """The whole entry in the team's TIL format, as a Markdown file."""
    scrum, retro = (entry, None) if entry.kind is EntryKind.SCRUM else (None, entry)
    return Attachment(name, export_day(entry.local_date, scrum, retro).encode("utf-8"))


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
    per_entry: list[list[ReplyField]] = []
    for entry in ordered:
        kind = t(f"journal.kind.{entry.kind.value}", locale)
        lock = " 🔒" if not entry.public else ""
        label = f"{entry.local_date.isoformat()} · {kind}{lock}"
        per_entry.append(_parts(label, defang(_log_value(entry, term_of, locale)), locale))
    everything = Reply(
        title=title, fields=tuple(f for group in per_entry for f in group), ephemeral=True
    )
    if _fits(everything, MAX_LOG_FIELDS):
        return everything
    # Too much for one card: whole entries while they fit, and the period as a file.
    name = f"log-{period.replace(' ~ ', '_')}.md"
    shown: list[ReplyField] = []
    room = MAX_CARD - len(title) - MAX_FIELD  # the footer's room
    for group in per_entry:
        size = sum(len(f.name) + len(f.value) for f in group)
        if size > room or len(shown) + len(group) > MAX_LOG_FIELDS:
            break
        shown += group
        room -= size
    left = len(per_entry) - sum(1 for group in per_entry if group and group[0] in shown)
    footer = t("journal.log.attached", locale, count=left, name=name)
    data = export_entries(ordered, {}).encode("utf-8")
    return Reply(
        title=title,
        fields=tuple(shown),
        footer=safe(footer, MAX_FIELD),
        ephemeral=True,
        attachments=(Attachment(name, data),),
    )


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
