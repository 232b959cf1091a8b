"""Journal writes coalesced: the writes that arrive together share one trip to the database."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Sequence
from typing import Generic, TypeVar

from bot.core.journal import EntryDraft
from bot.infra.db import Database, Params, to_db_time

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Ten parameters a row; SQLite allows 32,766 per statement, and a batch this size still
# finishes in a few milliseconds.
MAX_BATCH = 500


class Coalescer(Generic[T, R]):
    """Runs the items submitted at the same moment as one batch, answering each caller after it.

    Each trip to aiosqlite's worker thread costs more than the SQL of a small write, so a
    burst (a whole team submitting its retro at 21:00) shares trips. Statements commit on
    their own in autocommit mode, and every caller is answered only after its batch ran: an
    acknowledged write is a committed one. A batch that fails is retried item by item, so a
    bad item fails alone.
    """

    def __init__(self) -> None:
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> R:
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await future

    def _batch_key(self, item: T) -> object:
        """Items with equal keys never share a batch; by default every item is distinct."""
        return id(item)

    async def _run(self, items: Sequence[T]) -> list[R]:
        raise NotImplementedError

    async def _flush(self) -> None:
        while self._waiting:
            batch = self._take()
            try:
                results = await self._run([item for item, _ in batch])
            except sqlite3.Error:
                log.warning("a batch of %d writes failed; writing one by one", len(batch))
                await self._one_by_one(batch)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)

    def _take(self) -> list[tuple[T, asyncio.Future[R]]]:
        batch: list[tuple[T, asyncio.Future[R]]] = []
        later: list[tuple[T, asyncio.Future[R]]] = []
        keys: set[object] = set()
        for entry in self._waiting:
            key = self._batch_key(entry[0])
            if key in keys or len(batch) >= MAX_BATCH:
                later.append(entry)  # a second write of one row waits for the first
            else:
                keys.add(key)
                batch.append(entry)
        self._waiting = later
        return batch

    async def _one_by_one(self, batch: Sequence[tuple[T, asyncio.Future[R]]]) -> None:
        for item, future in batch:
            try:
                (result,) = await self._run([item])
            except sqlite3.Error as exc:
                if not future.done():
                    future.set_exception(exc)
                continue
            if not future.done():
                future.set_result(result)


class BatchedWrite(Coalescer[Params, None]):
    """One write statement (an idempotent upsert) whose concurrent calls run as executemany."""

    def __init__(self, db: Database, sql: str) -> None:
        super().__init__()
        self._db = db
        self._sql = sql

    async def _run(self, items: Sequence[Params]) -> list[None]:
        await self._db.execute_many(self._sql, items)
        return [None] * len(items)


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
        rows = await self._db.fetchall(sql, params)
        found = {(r["space"], r["user_id"], r["local_date"], r["kind"]): r for r in rows}
        return [found.get(_key(draft)) for draft, _ in items]
