"""SQLite access: open with WAL, apply numbered migrations, run parameterised statements."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import aiosqlite

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "bot.infra.migrations"
_MIGRATION = re.compile(r"^(\d{3,})_[\w-]+\.sql$")
Params = Sequence[Any]


def to_db_time(instant: dt.datetime) -> str:
    """UTC ISO-8601 with a fixed width (microseconds, +00:00), so text order is time order."""
    return instant.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_db_time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class MigrationError(RuntimeError):
    """The migration files are inconsistent (two files with one number) or one failed."""


def migrations(package: str = MIGRATIONS_PACKAGE) -> list[tuple[int, str, str]]:
    """Every ``NNN_name.sql`` in the package as (number, file name, SQL), in order."""
    found: dict[int, tuple[str, str]] = {}
    for entry in resources.files(package).iterdir():
        match = _MIGRATION.match(entry.name)
        if match is None or not entry.is_file():
            continue
        number = int(match.group(1))
        if number in found:
            msg = f"two migrations numbered {number}: {found[number][0]} and {entry.name}"
            raise MigrationError(msg)
        found[number] = (entry.name, entry.read_text(encoding="utf-8"))
    return [(n, name, sql) for n, (name, sql) in sorted(found.items())]


class Database:
    """One aiosqlite connection in autocommit mode.

    Repositories keep every write to a single statement (upserts, ``INSERT … ON CONFLICT``),
    so each write is atomic on its own and several processes can share the file.
    """

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    @classmethod
    async def open(cls, path: Path | str, package: str = MIGRATIONS_PACKAGE) -> Database:
        """Connect, switch to WAL and bring the schema up to date."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        conn.row_factory = sqlite3.Row
        db = cls(conn)
        try:
            await conn.execute("PRAGMA busy_timeout = 5000")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA synchronous = NORMAL")
            await db.migrate(package)
        except BaseException:
            await conn.close()
            raise
        return db

    async def migrate(self, package: str = MIGRATIONS_PACKAGE) -> int:
        """Apply the migrations newer than ``PRAGMA user_version``; return the new version."""
        version = await self.user_version()
        for number, name, sql in migrations(package):
            if number <= version:
                continue
            log.info("applying migration %s", name)
            # executescript runs outside any implicit transaction, so the BEGIN/COMMIT here
            # make the whole file and its version bump one atomic step.
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;"
            try:
                await self._conn.executescript(script)
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    await self._conn.rollback()
                msg = f"migration {name} failed: {exc}"
                raise MigrationError(msg) from exc
            version = number
        return version

    async def user_version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        return int(row[0]) if row is not None else 0

    async def execute(self, sql: str, params: Params = ()) -> None:
        """Run one statement. A caller that needs to know what changed adds RETURNING."""
        await self._conn.execute_fetchall(sql, params)

    # Each call below is one trip to aiosqlite's worker thread. A trip costs more than the SQL
    # of a typical statement here, so reads and inserts avoid the cursor's three trips
    # (execute, fetch, close).

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for every row of parameters, each committing on its own."""
        cursor = await self._conn.executemany(sql, rows)
        await cursor.close()

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; return the new row id."""
        row = await self._conn.execute_insert(sql, params)
        return int(row[0]) if row is not None and row[0] is not None else 0

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def close(self) -> None:
        await self._conn.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
