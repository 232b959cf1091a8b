"""``copy-db``: every table of one database into another, SQLite and PostgreSQL either way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from bot.infra.backend import CopyError
from bot.infra.db import Database, to_db_time

if TYPE_CHECKING:
    from bot.infra.postgres.db import PostgresDatabase

Row = tuple[Any, ...]
Convert = Callable[[Any], Any]
Batch = tuple[str, list[str], list[Row]]  # table, columns, rows


@dataclass(frozen=True, slots=True)
class Counted:
    table: str
    source: int
    target: int

    @property
    def line(self) -> str:
        return f"{self.table}: {self.source} → {self.target}"


class Side(Protocol):
    """One database as copy-db sees it: tables, their columns, rows and foreign keys."""

    async def tables(self) -> list[str]: ...
    async def columns(self, table: str) -> dict[str, Convert]: ...
    async def parents(self, table: str) -> set[str]: ...
    async def count(self, table: str) -> int: ...
    async def rows(self, table: str, columns: Sequence[str]) -> list[Row]: ...
    async def replace_all(self, clear: Sequence[str], batches: Sequence[Batch]) -> None:
        """In one transaction, empty ``clear`` (parents first) and insert every batch."""
        ...


class SqliteSide:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def tables(self) -> list[str]:
        rows = await self._db.fetchall(
            """SELECT name FROM sqlite_master
               WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"""
        )
        return [row["name"] for row in rows]

    async def columns(self, table: str) -> dict[str, Convert]:
        rows = await self._db.fetchall("SELECT name FROM pragma_table_info(?)", (table,))
        return {row["name"]: _to_sqlite for row in rows}

    async def parents(self, table: str) -> set[str]:
        rows = await self._db.fetchall('SELECT "table" FROM pragma_foreign_key_list(?)', (table,))
        return {row[0] for row in rows} - {table}

    async def count(self, table: str) -> int:
        row = await self._db.fetchone(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - a known table
        return int(row[0]) if row is not None else 0

    async def rows(self, table: str, columns: Sequence[str]) -> list[Row]:
        names = ", ".join(f'"{c}"' for c in columns)
        found = await self._db.fetchall(f'SELECT {names} FROM "{table}"')  # noqa: S608 - known names
        return [tuple(row) for row in found]

    async def replace_all(self, clear: Sequence[str], batches: Sequence[Batch]) -> None:
        # One transaction: the target has all of the source or, after a failure, none of it.
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            for table in reversed(clear):
                await self._db.execute(f'DELETE FROM "{table}"')  # noqa: S608 - a known table
            for table, columns, rows in batches:
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
                await self._db.execute_many(sql, rows)
            await self._db.execute("COMMIT")
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise


class PostgresSide:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def tables(self) -> list[str]:
        rows = await self._db.fetch(
            """SELECT table_name FROM information_schema.tables
               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                 AND table_name <> 'schema_migrations'
               ORDER BY table_name"""
        )
        return [row[0] for row in rows]

    async def columns(self, table: str) -> dict[str, Convert]:
        rows = await self._db.fetch(
            """SELECT column_name, data_type FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = $1
               ORDER BY ordinal_position""",
            (table,),
        )
        return {row[0]: _TO_POSTGRES.get(row[1], _same) for row in rows}

    async def parents(self, table: str) -> set[str]:
        rows = await self._db.fetch(
            """SELECT DISTINCT confrelid::regclass::text FROM pg_constraint
               WHERE contype = 'f' AND conrelid = $1::regclass""",
            (table,),
        )
        return {row[0].strip('"') for row in rows} - {table}

    async def count(self, table: str) -> int:
        return int(await self._db.fetchval(f'SELECT COUNT(*) FROM "{table}"'))  # noqa: S608

    async def rows(self, table: str, columns: Sequence[str]) -> list[Row]:
        names = ", ".join(f'"{c}"' for c in columns)
        return [tuple(r) for r in await self._db.fetch(f'SELECT {names} FROM "{table}"')]  # noqa: S608

    async def replace_all(self, clear: Sequence[str], batches: Sequence[Batch]) -> None:
        async with self._db.acquire() as conn, conn.transaction():
            if clear:
                everything = ", ".join(f'"{table}"' for table in clear)
                await conn.execute(f"TRUNCATE {everything} RESTART IDENTITY")
            for table, columns, rows in batches:
                await conn.copy_records_to_table(table, records=rows, columns=columns)
                if "id" in columns:
                    # Ids were copied as they were; new rows continue after the largest one.
                    await conn.execute(
                        f"""SELECT setval(pg_get_serial_sequence('"{table}"', 'id'),
                               COALESCE(MAX(id), 0) + 1, false) FROM "{table}" """  # noqa: S608
                    )


def _same(value: Any) -> Any:  # noqa: ANN401 - any column value
    return value


def _to_sqlite(value: Any) -> Any:  # noqa: ANN401 - any column value
    if isinstance(value, dt.datetime):
        return to_db_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _instant(value: Any) -> Any:  # noqa: ANN401 - text from SQLite, or already a datetime
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _day(value: Any) -> Any:  # noqa: ANN401
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _flag(value: Any) -> Any:  # noqa: ANN401
    return bool(value) if value is not None else None


_TO_POSTGRES: dict[str, Convert] = {
    "timestamp with time zone": _instant,
    "date": _day,
    "boolean": _flag,
}


async def copy_all(source: Side, target: Side, *, force: bool) -> list[Counted]:
    """Replace the target's rows with the source's, table by table; return the counts after."""
    tables = await source.tables()
    known = set(await target.tables())
    missing = [t for t in tables if t not in known]
    if missing:
        msg = f"the target has no table {', '.join(missing)}; is it migrated by an older bot?"
        raise CopyError(msg)
    if not force:
        filled = [t for t in sorted(known) if await target.count(t)]
        if filled:
            msg = f"the target already has rows in {', '.join(filled)}; add --force to empty it"
            raise CopyError(msg)
    batches: list[Batch] = []
    for table in await _parents_first(target, tables):
        columns = await target.columns(table)
        wanted = list(await source.columns(table))
        absent = [c for c in wanted if c not in columns]
        if absent:
            msg = f"the target's {table} has no column {', '.join(absent)}"
            raise CopyError(msg)
        rows = [
            tuple(columns[c](v) for c, v in zip(wanted, row, strict=True))
            for row in await source.rows(table, wanted)
        ]
        batches.append((table, wanted, rows))
    await target.replace_all(await _parents_first(target, sorted(known)), batches)
    return [Counted(t, await source.count(t), await target.count(t)) for t in tables]


async def _parents_first(side: Side, tables: Sequence[str]) -> list[str]:
    parents = {t: await side.parents(t) & set(tables) for t in tables}
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:  # a cycle: copy the rest as they come and let the target judge
            ready = [t for t in tables if t not in ordered]
        ordered.extend(ready)
    return ordered
