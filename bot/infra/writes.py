"""Writes coalesced: the writes that arrive together share one trip to the database thread."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from bot.infra.db import Database, Params

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Ten parameters a row; SQLite allows 32,766 per statement, and a batch this size still
# finishes in a few milliseconds.
MAX_BATCH = 500


class Coalescer(ABC, Generic[T, R]):
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

    @abstractmethod
    async def _run(self, items: Sequence[T]) -> list[R]:
        """Write ``items`` in as few statements as possible; one result per item, in order."""

    async def _flush(self) -> None:
        while self._waiting:
            batch = self._take()
            try:
                results = await self._run([item for item, _ in batch])
            except sqlite3.Error:
                log.warning("a batch of %d writes failed; writing one by one", len(batch))
                await self._one_by_one(batch)
                continue
            except Exception as exc:  # a bug: every waiting caller hears of it, none hangs
                _settle(batch, exc)
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
            except Exception as exc:
                _settle([(item, future)], exc)
                continue
            if not future.done():
                future.set_result(result)


def _settle(batch: Sequence[tuple[object, asyncio.Future[Any]]], error: Exception) -> None:
    for _, future in batch:
        if not future.done():
            future.set_exception(error)


class BatchedWrite(Coalescer[Params, None]):
    """One write statement (an idempotent upsert) whose concurrent calls run as executemany."""

    def __init__(self, db: Database, sql: str) -> None:
        super().__init__()
        self._db = db
        self._sql = sql

    async def _run(self, items: Sequence[Params]) -> list[None]:
        await self._db.execute_many(self._sql, items)
        return [None] * len(items)
