"""LISTEN/NOTIFY: another process's settings or glossary change, seen here within a second."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Self

import asyncpg

from bot.infra.postgres.db import PostgresDatabase, Record

log = logging.getLogger(__name__)

# (what, space key): ("spaces", "discord:123") or ("glossary", "discord:123"); ("all", "")
# after a reconnect, when notifications may have been missed.
OnChange = Callable[[str, str], Awaitable[None]]
RETRY_FIRST, RETRY_MOST = 0.5, 30.0


class ChangeListener:
    """Holds one connection that LISTENs on the schema's channel and calls ``on_change``.

    Notifications are handled one at a time, in order. When the connection drops, it
    reconnects with a growing pause and then reports ("all", "") so the caller re-reads.
    """

    def __init__(self, db: PostgresDatabase, on_change: OnChange) -> None:
        self._db = db
        self._on_change = on_change
        self._queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        self._conn: asyncpg.Connection[Record] | None = None
        self._channel = ""
        self._worker: asyncio.Task[None] | None = None
        self._reconnect: asyncio.Task[None] | None = None
        self._closed = False

    async def __aenter__(self) -> Self:
        await self._listen()
        self._worker = asyncio.create_task(self._work(), name="postgres-notify")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closed = True
        for task in (self._worker, self._reconnect):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._conn is not None and not self._conn.is_closed():
            await self._conn.close()

    async def _listen(self) -> None:
        conn = await self._db.connect()
        schema = await conn.fetchval("SELECT current_schema()")
        self._channel = f"studybot:{schema}"
        await conn.add_listener(self._channel, self._heard)
        conn.add_termination_listener(self._lost)
        self._conn = conn

    def _heard(self, conn: object, pid: int, channel: str, payload: object) -> None:
        what, _, space = str(payload).partition(" ")
        self._queue.put_nowait((what, space))

    def _lost(self, conn: object) -> None:
        if not self._closed and (self._reconnect is None or self._reconnect.done()):
            log.warning("lost the PostgreSQL notification connection; reconnecting")
            self._reconnect = asyncio.create_task(self._again(), name="postgres-notify-again")

    async def _again(self) -> None:
        pause = RETRY_FIRST
        while not self._closed:
            try:
                await self._listen()
            except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
                log.warning("PostgreSQL notifications still down (%s); retry in %.1fs", exc, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RETRY_MOST)
                continue
            self._queue.put_nowait(("all", ""))
            return

    async def _work(self) -> None:
        while True:
            what, space = await self._queue.get()
            try:
                await self._on_change(what, space)
            except Exception:  # one bad refresh must not end the listening
                log.exception("refreshing after a %s change in %s failed", what, space)
