"""Journal saves coalesced: the drafts that arrive together are upserted by one statement."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3

from bot.core.journal import EntryDraft
from bot.infra.db import Database, to_db_time

log = logging.getLogger(__name__)

# Ten parameters a row; SQLite allows 32,766 per statement, and a batch this size still
# finishes in a few milliseconds.
MAX_BATCH = 500
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
Waiting = tuple[EntryDraft, str, "asyncio.Future[sqlite3.Row | None]"]


def _key(draft: EntryDraft) -> Key:
    return draft.space, draft.user_id, draft.local_date.isoformat(), draft.kind.value


def _row_key(row: sqlite3.Row) -> Key:
    return row["space"], row["user_id"], row["local_date"], row["kind"]


def _params(draft: EntryDraft, body: str) -> tuple[object, ...]:
    at = to_db_time(draft.at)
    return (
        draft.space, draft.user_id, draft.display_name, draft.local_date.isoformat(),
        draft.kind.value, int(draft.public), body, json.dumps(list(draft.linked)), at, at,
    )  # fmt: skip


class EntryWriter:
    """Upserts journal entries, many per trip to the database thread when many arrive at once.

    Each trip to aiosqlite's worker thread costs more than the SQL of a save, so a burst of
    saves (a whole team submitting its retro at 21:00) shares one multi-row statement. The
    statement commits on its own in autocommit mode, and every waiting save is answered only
    after it: an acknowledged save is a committed one. A batch that fails is retried row by
    row, so one bad draft fails alone.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._waiting: list[Waiting] = []
        self._flusher: asyncio.Task[None] | None = None

    async def save(self, draft: EntryDraft, body: str) -> sqlite3.Row | None:
        """The stored row after the upsert, or None when the save changed nothing."""
        future: asyncio.Future[sqlite3.Row | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((draft, body, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        while self._waiting:
            batch = self._take_batch()
            try:
                rows = await self._upsert(batch)
            except sqlite3.Error:
                log.warning("a batch of %d journal saves failed; saving one by one", len(batch))
                await self._one_by_one(batch)
                continue
            found = {_row_key(row): row for row in rows}
            for draft, _, future in batch:
                if not future.done():
                    future.set_result(found.get(_key(draft)))

    def _take_batch(self) -> list[Waiting]:
        """Up to MAX_BATCH waiting saves with distinct day keys, in arrival order."""
        batch: list[Waiting] = []
        later: list[Waiting] = []
        keys: set[Key] = set()
        for item in self._waiting:
            key = _key(item[0])
            if key in keys or len(batch) >= MAX_BATCH:
                later.append(item)  # a second save of one entry waits for the first
            else:
                keys.add(key)
                batch.append(item)
        self._waiting = later
        return batch

    async def _upsert(self, batch: list[Waiting]) -> list[sqlite3.Row]:
        values = ", ".join([_ROW] * len(batch))
        sql = f"INSERT INTO journal_entries ({_COLUMNS}) VALUES {values}{_ON_CONFLICT}"  # noqa: S608 - only placeholders are interpolated
        params = [p for draft, body, _ in batch for p in _params(draft, body)]
        return await self._db.fetchall(sql, params)

    async def _one_by_one(self, batch: list[Waiting]) -> None:
        for draft, body, future in batch:
            try:
                rows = await self._upsert([(draft, body, future)])
            except sqlite3.Error as exc:
                if not future.done():
                    future.set_exception(exc)
                continue
            if not future.done():
                future.set_result(rows[0] if rows else None)
