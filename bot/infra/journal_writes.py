"""Journal entry saves coalesced: the saves that arrive together share one upsert."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from bot.core.journal import EntryDraft
from bot.infra.db import Database, to_db_time
from bot.infra.writes import Coalescer

_COLUMNS = (
    "space, user_id, display_name, local_date, kind, public, body, linked, version, "
    "created_at, updated_at"
)
_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
# The unique day key picks the row; the trigger in 002_journal.sql copies the old version into
# the history; an identical save touches nothing and returns no row.
_ON_CONFLICT = """
    ON CONFLICT (space, user_id, local_date, kind) DO UPDATE SET
        display_name = excluded.display_name, public = excluded.public,
        body = excluded.body, linked = excluded.linked,
        version = journal_entries.version + 1, updated_at = excluded.updated_at
    WHERE journal_entries.body IS NOT excluded.body
       OR journal_entries.public IS NOT excluded.public
       OR journal_entries.linked IS NOT excluded.linked
    RETURNING *"""

Key = tuple[str, str, str, str]
Save = tuple[EntryDraft, str]  # the draft and its body as stored JSON


def _key(draft: EntryDraft) -> Key:
    return draft.space, draft.user_id, draft.local_date.isoformat(), draft.kind.value


def _params(draft: EntryDraft, body: str) -> tuple[object, ...]:
    at = to_db_time(draft.at)
    return (
        draft.space, draft.user_id, draft.display_name, draft.local_date.isoformat(),
        draft.kind.value, int(draft.public), body, json.dumps(list(draft.linked)), at, at,
    )  # fmt: skip


class EntryWriter(Coalescer[Save, "sqlite3.Row | None"]):
    """Upserts journal entries, many in one statement; a save's result is its stored row.

    The result is None when the save changed nothing (an identical save returns no row).
    """

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db

    def _batch_key(self, item: Save) -> object:
        return _key(item[0])

    async def _run(self, items: Sequence[Save]) -> list[sqlite3.Row | None]:
        values = ", ".join([_ROW] * len(items))
        sql = f"INSERT INTO journal_entries ({_COLUMNS}) VALUES {values}{_ON_CONFLICT}"  # noqa: S608 - only placeholders are interpolated
        params = [p for draft, body in items for p in _params(draft, body)]
        rows = await self._db.write_returning(sql, params)
        found = {(r["space"], r["user_id"], r["local_date"], r["kind"]): r for r in rows}
        return [found.get(_key(draft)) for draft, _ in items]
