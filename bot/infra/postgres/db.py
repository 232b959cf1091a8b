"""PostgreSQL access: an asyncpg pool, numbered migrations under an advisory lock."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Self

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from bot.core.errors import StorageDownError
from bot.infra.db import MigrationError, migrations

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "bot.infra.postgres.migrations"
# One fixed key for "migrating studybot's schema"; every process that starts takes it, so two
# processes started together on an empty database apply each migration once.
MIGRATION_LOCK = 0x5374_7564_7942_6F74  # "StudyBot"
Params = Sequence[Any]
Record = asyncpg.Record


class PostgresDatabase:
    """A pool of asyncpg connections; each statement commits on its own (autocommit).

    A connection that breaks (a restarted server, a cut TCP link) is dropped by the pool and
    replaced on the next acquire, so the statement that met the break fails and the next one
    runs on a fresh connection.
    """

    def __init__(self, pool: asyncpg.Pool[Record], dsn: str, schema: str | None) -> None:
        self._pool = pool
        self.dsn = dsn
        self.schema = schema

    @classmethod
    async def open(
        cls,
        dsn: str,
        *,
        schema: str | None = None,
        package: str = MIGRATIONS_PACKAGE,
        max_size: int = 10,
        migrate: bool = True,
    ) -> PostgresDatabase:
        """Connect a pool (in ``schema`` when given) and bring the schema up to date."""
        settings = {"search_path": schema} if schema else {}
        pool: asyncpg.Pool[Record] = await asyncpg.create_pool(
            dsn, min_size=1, max_size=max_size, server_settings=settings
        )
        db = cls(pool, dsn, schema)
        try:
            if migrate:
                await db.migrate(package)
        except BaseException:
            await pool.close()
            raise
        return db

    async def migrate(self, package: str = MIGRATIONS_PACKAGE) -> int:
        """Apply the migrations not yet recorded; return the newest applied number."""
        async with self._pool.acquire() as conn:
            await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
            try:
                return await _apply(conn, package)
            finally:
                await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)

    async def version(self) -> int:
        value = await self.fetchval("SELECT COALESCE(MAX(number), 0) FROM schema_migrations")
        return int(value)

    async def execute(self, sql: str, params: Params = ()) -> str:
        """Run one statement; return its status line (``UPDATE 1``)."""
        with _reported():
            return str(await self._pool.execute(sql, *params))

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        with _reported():
            await self._pool.executemany(sql, rows)

    async def fetch(self, sql: str, params: Params = ()) -> list[Record]:
        with _reported():
            return list(await self._pool.fetch(sql, *params))

    async def fetchrow(self, sql: str, params: Params = ()) -> Record | None:
        with _reported():
            return await self._pool.fetchrow(sql, *params)

    async def fetchval(self, sql: str, params: Params = ()) -> Any:  # noqa: ANN401 - a column's value
        with _reported():
            return await self._pool.fetchval(sql, *params)

    async def connect(self) -> asyncpg.Connection[Record]:
        """A connection outside the pool, in the same schema (for LISTEN)."""
        settings = {"search_path": self.schema} if self.schema else {}
        return await asyncpg.connect(self.dsn, server_settings=settings)

    def acquire(self) -> Any:  # noqa: ANN401 - asyncpg's acquire context is untyped
        """One connection for a transaction or a COPY (``async with db.acquire() as conn``)."""
        return self._pool.acquire()

    async def close(self) -> None:
        await self._pool.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


# A statement that met a dropped connection (a restarted server, a cut link). The pool
# replaces the connection for the next statement; this one may or may not have committed.
_DROPPED = (
    OSError, TimeoutError, asyncpg.InterfaceError, asyncpg.PostgresConnectionError,
    asyncpg.AdminShutdownError, asyncpg.CannotConnectNowError,
)  # fmt: skip


@contextlib.contextmanager
def _reported() -> Iterator[None]:
    try:
        yield
    except _DROPPED as exc:
        log.warning("a PostgreSQL statement met a dropped connection: %r", exc)
        raise StorageDownError(str(exc)) from exc


async def _apply(conn: PoolConnectionProxy[Record], package: str) -> int:
    try:
        return await _apply_each(conn, package)
    except asyncpg.PostgresError as exc:
        msg = f"migrating the PostgreSQL schema failed: {exc}"
        raise MigrationError(msg) from exc


async def _apply_each(conn: PoolConnectionProxy[Record], package: str) -> int:
    await conn.execute(
        """CREATE TABLE IF NOT EXISTS schema_migrations (
               number     INTEGER PRIMARY KEY,
               name       TEXT NOT NULL,
               applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"""
    )
    done = {row["number"] for row in await conn.fetch("SELECT number FROM schema_migrations")}
    latest = max(done, default=0)
    for number, name, sql in migrations(package):
        if number in done:
            continue
        log.info("applying migration %s", name)
        try:
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute(
                    "INSERT INTO schema_migrations (number, name) VALUES ($1, $2)", number, name
                )
        except asyncpg.PostgresError as exc:
            msg = f"migration {name} failed: {exc}"
            raise MigrationError(msg) from exc
        latest = max(latest, number)
    return latest
