"""The SQLite team log: entries with their history, members, /away, suggestions, the layer."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from bot.core.journal.models import (
    Entry,
    EntryBody,
    EntryDraft,
    EntryKind,
    EntryVersion,
    Goal,
    Member,
    SaveStatus,
    Suggestion,
    SuggestionDraft,
    TermRow,
)
from bot.core.models import GlossaryFile, Link, Term
from bot.infra.db import Database, to_db_time
from bot.infra.journal_writes import EntryWriter
from bot.infra.writes import BatchedWrite


def body_json(body: EntryBody) -> str:
    """The stored form of an entry body; keys are sorted so equal bodies are equal text."""
    data = {
        "goals": [{"text": g.text, "done": g.done} for g in body.goals],
        "learned": body.learned,
        "reflection": body.reflection,
        "links": [{"title": x.title, "url": x.url} for x in body.links],
        "terms": [{"term": r.term, "definition": r.definition, "note": r.note} for r in body.terms],
        "term_text": list(body.term_text),
    }
    if body.link_text:  # written only when there is some, so older rows keep their text
        data["link_text"] = list(body.link_text)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def body_of(text: str) -> EntryBody:
    data: dict[str, Any] = json.loads(text)
    return EntryBody(
        goals=tuple(Goal(g["text"], bool(g["done"])) for g in data.get("goals", [])),
        learned=data.get("learned", ""),
        reflection=data.get("reflection", ""),
        links=tuple(Link(title=x["title"], url=x["url"]) for x in data.get("links", [])),
        terms=tuple(
            TermRow(r["term"], r["definition"], r.get("note", "")) for r in data.get("terms", [])
        ),
        term_text=tuple(data.get("term_text", [])),
        link_text=tuple(data.get("link_text", [])),
    )


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=row["id"],
        space=row["space"],
        user_id=row["user_id"],
        display_name=row["display_name"],
        local_date=dt.date.fromisoformat(row["local_date"]),
        kind=EntryKind(row["kind"]),
        public=bool(row["public"]),
        body=body_of(row["body"]),
        linked=tuple(json.loads(row["linked"])),
        version=row["version"],
        created_at=_instant(row["created_at"]),
        updated_at=_instant(row["updated_at"]),
    )


def _suggestion(row: sqlite3.Row) -> Suggestion:
    return Suggestion(
        id=row["id"],
        space=row["space"],
        name_key=row["name_key"],
        row=TermRow(row["term"], row["definition"], row["note"]),
        user_id=row["user_id"],
        display_name=row["display_name"],
        local_date=dt.date.fromisoformat(row["local_date"]),
        accepted=row["status"] == "accepted",
        term_id=row["term_id"],
    )


# Both are idempotent upserts, so a batch retried row by row after a failure is harmless.
_TOUCH_MEMBER = """INSERT INTO journal_members (space, user_id, display_name, first_seen_at,
        last_seen_at)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (space, user_id) DO UPDATE SET
        display_name = excluded.display_name, last_seen_at = excluded.last_seen_at"""
_ADD_SUGGESTION = """INSERT INTO glossary_suggestions (space, name_key, term, definition, note,
        user_id, display_name, local_date, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (space, user_id, name_key) DO UPDATE SET
        term = excluded.term, definition = excluded.definition,
        note = excluded.note, display_name = excluded.display_name,
        local_date = excluded.local_date, updated_at = excluded.updated_at
    WHERE glossary_suggestions.status = 'pending'"""


class SqliteJournalRepository:
    """Every write is one statement in autocommit: committed when the await returns.

    Entry saves go through an EntryWriter, which puts saves that arrive together in one
    statement; each still returns only after that statement has committed.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._writer = EntryWriter(db)
        self._touch = BatchedWrite(db, _TOUCH_MEMBER)
        self._suggest = BatchedWrite(db, _ADD_SUGGESTION)

    async def save_entry(self, draft: EntryDraft) -> tuple[Entry, SaveStatus]:
        row = await self._writer.submit((draft, body_json(draft.body)))
        if row is not None:
            stored = _entry(row)
            return stored, SaveStatus.CREATED if stored.version == 1 else SaveStatus.UPDATED
        # An identical save writes nothing and returns no row; read what is there.
        unchanged = await self.entry_on(draft.space, draft.user_id, draft.local_date, draft.kind)
        if unchanged is None:  # pragma: no cover - the conflict means the row exists
            msg = f"journal entry of {draft.user_id} on {draft.local_date} was not stored"
            raise RuntimeError(msg)
        return unchanged, SaveStatus.UNCHANGED

    async def get_entry(self, entry_id: int) -> Entry | None:
        row = await self._db.fetchone("SELECT * FROM journal_entries WHERE id = ?", (entry_id,))
        return _entry(row) if row is not None else None

    async def entry_on(
        self, space: str, user_id: str, day: dt.date, kind: EntryKind
    ) -> Entry | None:
        row = await self._db.fetchone(
            """SELECT * FROM journal_entries
               WHERE space = ? AND user_id = ? AND local_date = ? AND kind = ?""",
            (space, user_id, day.isoformat(), kind.value),
        )
        return _entry(row) if row is not None else None

    async def previous_entry(
        self, space: str, user_id: str, kind: EntryKind, before: dt.date
    ) -> Entry | None:
        row = await self._db.fetchone(
            """SELECT * FROM journal_entries
               WHERE space = ? AND user_id = ? AND kind = ? AND local_date < ?
               ORDER BY local_date DESC LIMIT 1""",
            (space, user_id, kind.value, before.isoformat()),
        )
        return _entry(row) if row is not None else None

    async def entries(
        self,
        space: str,
        *,
        user_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        kind: EntryKind | None = None,
    ) -> list[Entry]:
        # NULL parameters switch a condition off, so the statement text never varies.
        rows = await self._db.fetchall(
            """SELECT * FROM journal_entries
               WHERE space = ?1
                 AND (?2 IS NULL OR user_id = ?2) AND (?3 IS NULL OR local_date >= ?3)
                 AND (?4 IS NULL OR local_date <= ?4) AND (?5 IS NULL OR kind = ?5)
               ORDER BY local_date, kind, user_id""",
            (
                space,
                user_id,
                date_from.isoformat() if date_from else None,
                date_to.isoformat() if date_to else None,
                kind.value if kind else None,
            ),
        )
        return [_entry(row) for row in rows]

    async def versions(self, entry_id: int) -> list[EntryVersion]:
        rows = await self._db.fetchall(
            "SELECT * FROM journal_entry_history WHERE entry_id = ? ORDER BY version",
            (entry_id,),
        )
        return [
            EntryVersion(
                entry_id=row["entry_id"],
                version=row["version"],
                display_name=row["display_name"],
                public=bool(row["public"]),
                body=body_of(row["body"]),
                linked=tuple(json.loads(row["linked"])),
                saved_at=_instant(row["saved_at"]),
                replaced_at=_instant(row["replaced_at"]),
            )
            for row in rows
        ]

    async def touch_member(
        self, space: str, user_id: str, display_name: str, at: dt.datetime
    ) -> None:
        await self._touch.submit((space, user_id, display_name, to_db_time(at), to_db_time(at)))

    async def remember_card(self, entry_id: int, channel: str, message_id: str) -> None:
        await self._db.execute(
            """INSERT INTO journal_cards (entry_id, channel, message_id) VALUES (?, ?, ?)
               ON CONFLICT (entry_id) DO UPDATE
               SET channel = excluded.channel, message_id = excluded.message_id""",
            (entry_id, channel, message_id),
        )

    async def card_of(self, entry_id: int) -> tuple[str, str] | None:
        row = await self._db.fetchone(
            "SELECT channel, message_id FROM journal_cards WHERE entry_id = ?", (entry_id,)
        )
        return None if row is None else (str(row[0]), str(row[1]))

    async def forget_card(self, entry_id: int) -> None:
        await self._db.execute("DELETE FROM journal_cards WHERE entry_id = ?", (entry_id,))

    async def members(self, space: str) -> list[Member]:
        rows = await self._db.fetchall(
            "SELECT user_id, display_name FROM journal_members WHERE space = ? ORDER BY user_id",
            (space,),
        )
        return [Member(row["user_id"], row["display_name"]) for row in rows]

    async def set_away(
        self, space: str, user_id: str, until: dt.date | None, at: dt.datetime
    ) -> None:
        if until is None:
            await self._db.execute(
                "DELETE FROM journal_away WHERE space = ? AND user_id = ?", (space, user_id)
            )
            return
        await self._db.execute(
            """INSERT INTO journal_away (space, user_id, until, set_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (space, user_id) DO UPDATE SET
                   until = excluded.until, set_at = excluded.set_at""",
            (space, user_id, until.isoformat(), to_db_time(at)),
        )

    async def away(self, space: str) -> dict[str, dt.date]:
        rows = await self._db.fetchall(
            "SELECT user_id, until FROM journal_away WHERE space = ?", (space,)
        )
        return {row["user_id"]: dt.date.fromisoformat(row["until"]) for row in rows}

    async def add_suggestions(self, drafts: Sequence[SuggestionDraft]) -> None:
        await asyncio.gather(
            *(
                self._suggest.submit(
                    (d.space, d.name_key, d.row.term, d.row.definition, d.row.note, d.user_id,
                     d.display_name, d.local_date.isoformat(), to_db_time(d.at),
                     to_db_time(d.at))
                )
                for d in drafts
            )
        )  # fmt: skip

    async def suggestions(self, space: str, *, pending_only: bool = True) -> list[Suggestion]:
        rows = await self._db.fetchall(
            """SELECT * FROM glossary_suggestions
               WHERE space = ? AND (? = 0 OR status = 'pending')
               ORDER BY created_at, id""",
            (space, int(pending_only)),
        )
        return [_suggestion(row) for row in rows]

    async def get_suggestion(self, suggestion_id: int) -> Suggestion | None:
        row = await self._db.fetchone(
            "SELECT * FROM glossary_suggestions WHERE id = ?", (suggestion_id,)
        )
        return _suggestion(row) if row is not None else None

    async def add_layer_term(
        self, space: str, term: Term, name_key: str, added_by: str, at: dt.datetime
    ) -> bool:
        added = await self._db.write_returning(
            """INSERT INTO glossary_layer (space, term_id, name_key, data, added_by, added_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT DO NOTHING
               RETURNING 1""",
            (space, term.id, name_key, term.model_dump_json(), added_by, to_db_time(at)),
        )
        return len(added) == 1

    async def mark_accepted(self, space: str, name_key: str, term_id: str, at: dt.datetime) -> None:
        await self._db.execute(
            """UPDATE glossary_suggestions SET status = 'accepted', term_id = ?, updated_at = ?
               WHERE space = ? AND name_key = ? AND status = 'pending'""",
            (term_id, to_db_time(at), space, name_key),
        )

    async def layer_terms(self, space: str) -> list[Term]:
        rows = await self._db.fetchall(
            "SELECT data FROM glossary_layer WHERE space = ? ORDER BY added_at, term_id",
            (space,),
        )
        return [Term.model_validate_json(row["data"]) for row in rows]

    async def layers(self) -> dict[str, list[Term]]:
        rows = await self._db.fetchall(
            "SELECT space, data FROM glossary_layer ORDER BY space, added_at, term_id"
        )
        found: dict[str, list[Term]] = {}
        for row in rows:
            found.setdefault(row["space"], []).append(Term.model_validate_json(row["data"]))
        return found


async def export_glossary_layer(db: Database, space: str) -> str:
    """A space's glossary layer as a content file (``terms:``), for ``export glossary``.

    ``space`` is the space's ``<platform>:<id>`` key or just its platform id.
    """
    rows = await db.fetchall(
        """SELECT data FROM glossary_layer
           WHERE space = ? OR substr(space, instr(space, ':') + 1) = ?
           ORDER BY added_at, term_id""",
        (space, space),
    )
    terms = tuple(Term.model_validate_json(row["data"]) for row in rows)
    # The YAML writer (ruamel) is imported only by the export that needs it.
    from bot.infra.importers.yamlio import dump

    return dump(GlossaryFile(terms=terms))
