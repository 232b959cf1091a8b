"""The PostgreSQL team log: entries with their history, members, /away, suggestions, the layer."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from bot.core.journal.models import (
    Entry,
    EntryDraft,
    EntryKind,
    EntryVersion,
    Member,
    SaveStatus,
    Suggestion,
    SuggestionDraft,
    TermRow,
)
from bot.core.models import GlossaryFile, Term
from bot.infra.importers.yamlio import dump
from bot.infra.journal_repository import body_json, body_of
from bot.infra.postgres.db import PostgresDatabase, Record

# The unique day key picks the row; the trigger in 002_journal.sql copies the old version into
# the history; an identical save touches nothing and returns no row.
_SAVE_ENTRY = """INSERT INTO journal_entries (space, user_id, display_name, local_date, kind,
        public, body, linked, version, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)
    ON CONFLICT (space, user_id, local_date, kind) DO UPDATE SET
        display_name = EXCLUDED.display_name, public = EXCLUDED.public,
        body = EXCLUDED.body, linked = EXCLUDED.linked,
        version = journal_entries.version + 1, updated_at = EXCLUDED.updated_at
    WHERE journal_entries.body IS DISTINCT FROM EXCLUDED.body
       OR journal_entries.public IS DISTINCT FROM EXCLUDED.public
       OR journal_entries.linked IS DISTINCT FROM EXCLUDED.linked
    RETURNING *"""
_TOUCH_MEMBER = """INSERT INTO journal_members (space, user_id, display_name, first_seen_at,
        last_seen_at)
    VALUES ($1, $2, $3, $4, $4)
    ON CONFLICT (space, user_id) DO UPDATE SET
        display_name = EXCLUDED.display_name, last_seen_at = EXCLUDED.last_seen_at"""
_ADD_SUGGESTION = """INSERT INTO glossary_suggestions (space, name_key, term, definition, note,
        user_id, display_name, local_date, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
    ON CONFLICT (space, user_id, name_key) DO UPDATE SET
        term = EXCLUDED.term, definition = EXCLUDED.definition,
        note = EXCLUDED.note, display_name = EXCLUDED.display_name,
        local_date = EXCLUDED.local_date, updated_at = EXCLUDED.updated_at
    WHERE glossary_suggestions.status = 'pending'"""


def _entry(row: Record) -> Entry:
    return Entry(
        id=row["id"],
        space=row["space"],
        user_id=row["user_id"],
        display_name=row["display_name"],
        local_date=row["local_date"],
        kind=EntryKind(row["kind"]),
        public=row["public"],
        body=body_of(row["body"]),
        linked=tuple(json.loads(row["linked"])),
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _suggestion(row: Record) -> Suggestion:
    return Suggestion(
        id=row["id"],
        space=row["space"],
        name_key=row["name_key"],
        row=TermRow(row["term"], row["definition"], row["note"]),
        user_id=row["user_id"],
        display_name=row["display_name"],
        local_date=row["local_date"],
        accepted=row["status"] == "accepted",
        term_id=row["term_id"],
    )


class PostgresJournalRepository:
    """Every write is one statement in autocommit: committed when the await returns.

    Concurrent saves run on the pool's connections side by side; PostgreSQL's group commit
    shares the WAL flushes of a burst, so there is nothing to coalesce here.
    """

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def save_entry(self, draft: EntryDraft) -> tuple[Entry, SaveStatus]:
        row = await self._db.fetchrow(
            _SAVE_ENTRY,
            (draft.space, draft.user_id, draft.display_name, draft.local_date, draft.kind.value,
             draft.public, body_json(draft.body), json.dumps(list(draft.linked)), draft.at),
        )  # fmt: skip
        if row is not None:
            stored = _entry(row)
            return stored, SaveStatus.CREATED if stored.version == 1 else SaveStatus.UPDATED
        unchanged = await self.entry_on(draft.space, draft.user_id, draft.local_date, draft.kind)
        if unchanged is None:  # pragma: no cover - the conflict means the row exists
            msg = f"journal entry of {draft.user_id} on {draft.local_date} was not stored"
            raise RuntimeError(msg)
        return unchanged, SaveStatus.UNCHANGED

    async def get_entry(self, entry_id: int) -> Entry | None:
        row = await self._db.fetchrow("SELECT * FROM journal_entries WHERE id = $1", (entry_id,))
        return _entry(row) if row is not None else None

    async def entry_on(
        self, space: str, user_id: str, day: dt.date, kind: EntryKind
    ) -> Entry | None:
        row = await self._db.fetchrow(
            """SELECT * FROM journal_entries
               WHERE space = $1 AND user_id = $2 AND local_date = $3 AND kind = $4""",
            (space, user_id, day, kind.value),
        )
        return _entry(row) if row is not None else None

    async def previous_entry(
        self, space: str, user_id: str, kind: EntryKind, before: dt.date
    ) -> Entry | None:
        row = await self._db.fetchrow(
            """SELECT * FROM journal_entries
               WHERE space = $1 AND user_id = $2 AND kind = $3 AND local_date < $4
               ORDER BY local_date DESC LIMIT 1""",
            (space, user_id, kind.value, before),
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
        rows = await self._db.fetch(
            """SELECT * FROM journal_entries
               WHERE space = $1
                 AND ($2::text IS NULL OR user_id = $2) AND ($3::date IS NULL OR local_date >= $3)
                 AND ($4::date IS NULL OR local_date <= $4) AND ($5::text IS NULL OR kind = $5)
               ORDER BY local_date, kind, user_id""",
            (space, user_id, date_from, date_to, kind.value if kind else None),
        )
        return [_entry(row) for row in rows]

    async def versions(self, entry_id: int) -> list[EntryVersion]:
        rows = await self._db.fetch(
            "SELECT * FROM journal_entry_history WHERE entry_id = $1 ORDER BY version",
            (entry_id,),
        )
        return [
            EntryVersion(
                entry_id=row["entry_id"],
                version=row["version"],
                display_name=row["display_name"],
                public=row["public"],
                body=body_of(row["body"]),
                linked=tuple(json.loads(row["linked"])),
                saved_at=row["saved_at"],
                replaced_at=row["replaced_at"],
            )
            for row in rows
        ]

    async def touch_member(
        self, space: str, user_id: str, display_name: str, at: dt.datetime
    ) -> None:
        await self._db.execute(_TOUCH_MEMBER, (space, user_id, display_name, at))

    async def remember_card(self, entry_id: int, channel: str, message_id: str) -> None:
        await self._db.execute(
            """INSERT INTO journal_cards (entry_id, channel, message_id) VALUES ($1, $2, $3)
               ON CONFLICT (entry_id) DO UPDATE
               SET channel = excluded.channel, message_id = excluded.message_id""",
            (entry_id, channel, message_id),
        )

    async def card_of(self, entry_id: int) -> tuple[str, str] | None:
        rows = await self._db.fetch(
            "SELECT channel, message_id FROM journal_cards WHERE entry_id = $1", (entry_id,)
        )
        return None if not rows else (str(rows[0]["channel"]), str(rows[0]["message_id"]))

    async def forget_card(self, entry_id: int) -> None:
        await self._db.execute("DELETE FROM journal_cards WHERE entry_id = $1", (entry_id,))

    async def members(self, space: str) -> list[Member]:
        rows = await self._db.fetch(
            "SELECT user_id, display_name FROM journal_members WHERE space = $1 ORDER BY user_id",
            (space,),
        )
        return [Member(row["user_id"], row["display_name"]) for row in rows]

    async def set_away(
        self, space: str, user_id: str, until: dt.date | None, at: dt.datetime
    ) -> None:
        if until is None:
            await self._db.execute(
                "DELETE FROM journal_away WHERE space = $1 AND user_id = $2", (space, user_id)
            )
            return
        await self._db.execute(
            """INSERT INTO journal_away (space, user_id, until, set_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (space, user_id) DO UPDATE SET
                   until = EXCLUDED.until, set_at = EXCLUDED.set_at""",
            (space, user_id, until, at),
        )

    async def away(self, space: str) -> dict[str, dt.date]:
        rows = await self._db.fetch(
            "SELECT user_id, until FROM journal_away WHERE space = $1", (space,)
        )
        return {row["user_id"]: row["until"] for row in rows}

    async def add_suggestions(self, drafts: Sequence[SuggestionDraft]) -> None:
        # In order, one statement each: a later draft of the same member and name wins.
        for d in drafts:
            await self._db.execute(
                _ADD_SUGGESTION,
                (d.space, d.name_key, d.row.term, d.row.definition, d.row.note, d.user_id,
                 d.display_name, d.local_date, d.at),
            )  # fmt: skip

    async def suggestions(self, space: str, *, pending_only: bool = True) -> list[Suggestion]:
        rows = await self._db.fetch(
            """SELECT * FROM glossary_suggestions
               WHERE space = $1 AND (NOT $2 OR status = 'pending')
               ORDER BY created_at, id""",
            (space, pending_only),
        )
        return [_suggestion(row) for row in rows]

    async def get_suggestion(self, suggestion_id: int) -> Suggestion | None:
        row = await self._db.fetchrow(
            "SELECT * FROM glossary_suggestions WHERE id = $1", (suggestion_id,)
        )
        return _suggestion(row) if row is not None else None

    async def add_layer_term(
        self, space: str, term: Term, name_key: str, added_by: str, at: dt.datetime
    ) -> bool:
        added = await self._db.fetch(
            """INSERT INTO glossary_layer (space, term_id, name_key, data, added_by, added_at)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT DO NOTHING
               RETURNING 1""",
            (space, term.id, name_key, term.model_dump_json(), added_by, at),
        )
        return len(added) == 1

    async def mark_accepted(self, space: str, name_key: str, term_id: str, at: dt.datetime) -> None:
        await self._db.execute(
            """UPDATE glossary_suggestions SET status = 'accepted', term_id = $1, updated_at = $2
               WHERE space = $3 AND name_key = $4 AND status = 'pending'""",
            (term_id, at, space, name_key),
        )

    async def layer_terms(self, space: str) -> list[Term]:
        rows = await self._db.fetch(
            "SELECT data FROM glossary_layer WHERE space = $1 ORDER BY added_at, term_id",
            (space,),
        )
        return [Term.model_validate_json(row["data"]) for row in rows]

    async def layers(self) -> dict[str, list[Term]]:
        rows = await self._db.fetch(
            "SELECT space, data FROM glossary_layer ORDER BY space, added_at, term_id"
        )
        found: dict[str, list[Term]] = {}
        for row in rows:
            found.setdefault(row["space"], []).append(Term.model_validate_json(row["data"]))
        return found


async def export_glossary_layer(db: PostgresDatabase, space: str) -> str:
    """A space's glossary layer as a content file; ``space`` is its key or its platform id."""
    rows = await db.fetch(
        """SELECT data FROM glossary_layer
           WHERE space = $1 OR substr(space, strpos(space, ':') + 1) = $1
           ORDER BY added_at, term_id""",
        (space,),
    )
    return dump(GlossaryFile(terms=tuple(Term.model_validate_json(row["data"]) for row in rows)))
