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

from bot.core.errors import NotADatabaseError, StorageError, StorageUnavailableError

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


FileId = tuple[int, int]  # (device, inode)


def file_id(path: Path) -> FileId | None:
    """The identity of the file at ``path`` now, or None when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


# SQLite's codes (and words, for errors made without a code) for a place that cannot hold the
# data: full, read-only, not openable, failing I/O, no permission.
_STORAGE_CODES = frozenset({3, 8, 10, 13, 14})
_STORAGE_WORDS = ("disk is full", "readonly", "read-only", "unable to open", "disk i/o")


def _storage_fault(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _STORAGE_CODES:
        return True
    return any(word in str(exc).lower() for word in _STORAGE_WORDS)


def _unavailable(path: Path | str, exc: BaseException) -> StorageUnavailableError:
    """The one clear error for a database that cannot be opened, naming path and cause."""
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return NotADatabaseError(path=str(path), reason=reason)
    folder = isinstance(exc, OSError) or "unable to open" in reason
    where = Path(path).parent if folder else path
    return StorageUnavailableError(path=str(where), reason=reason)


class Database:
    """One aiosqlite connection in autocommit mode.

    Repositories keep every write to a single statement (upserts, ``INSERT … ON CONFLICT``),
    so each write is atomic on its own and several processes can share the file.

    A write is acknowledged only while the file at ``path`` is still the one the connection
    opened: when someone deletes or replaces it, SQLite goes on writing to the old, unlinked
    file and everything would be lost at exit, so each write (one check per coalesced batch)
    stats the path and raises StorageError instead. A write that SQLite refuses for lack of
    room or permission raises StorageError too, so no caller answers "saved".
    """

    def __init__(self, conn: aiosqlite.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self._path = path
        self._file = file_id(path) if path is not None else None
        self._reported = False

    @property
    def path(self) -> Path | None:
        return self._path

    def check_file(self) -> None:
        """StorageError (logged once, naming the path) when the database file is not ours."""
        if self._path is None or file_id(self._path) == self._file:
            return
        if not self._reported:
            self._reported = True
            log.error(
                "database file %s was deleted or replaced while the bot runs; writes no longer "
                "reach it and are refused: restore the file, or restart the bot to start a new one",
                self._path,
            )
        raise StorageError(path=str(self._path))

    def _refused(self, exc: sqlite3.Error) -> StorageError:
        log.error("a write to %s failed: %s", self._path or ":memory:", exc)
        return StorageError(path=str(self._path or ":memory:"))

    @classmethod
    async def open(cls, path: Path | str, package: str = MIGRATIONS_PACKAGE) -> Database:
        """Connect, switch to WAL and bring the schema up to date."""
        try:
            return await cls._open(path, package)
        except (OSError, sqlite3.Error) as exc:
            raise _unavailable(path, exc) from exc
        except MigrationError as exc:
            if isinstance(exc.__cause__, sqlite3.Error) and _storage_fault(exc.__cause__):
                raise _unavailable(path, exc.__cause__) from exc
            raise

    @classmethod
    async def _open(cls, path: Path | str, package: str) -> Database:
        on_disk = str(path) != ":memory:"
        if on_disk:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            await conn.execute("PRAGMA busy_timeout = 5000")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA synchronous = NORMAL")
            # The file exists from here on (WAL mode writes its header), so its identity is known.
            db = cls(conn, Path(path) if on_disk else None)
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
        try:
            await self._conn.execute_fetchall(sql, params)
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from exc
        self.check_file()

    # Each call below is one trip to aiosqlite's worker thread. A trip costs more than the SQL
    # of a typical statement here, so reads and inserts avoid the cursor's three trips
    # (execute, fetch, close).

    async def execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Run one statement for every row of parameters, each committing on its own."""
        try:
            cursor = await self._conn.executemany(sql, rows)
            await cursor.close()
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from exc
        self.check_file()

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; return the new row id."""
        try:
            row = await self._conn.execute_insert(sql, params)
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from exc
        self.check_file()
        return int(row[0]) if row is not None and row[0] is not None else 0

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def write_returning(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run one write with RETURNING; its rows, once the write is known to be on disk."""
        try:
            rows = await self.fetchall(sql, params)
        except sqlite3.OperationalError as exc:
            raise self._refused(exc) from exc
        self.check_file()
        return rows

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
