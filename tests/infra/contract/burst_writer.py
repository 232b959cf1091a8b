"""A separate process for the two-process tests: saves retros and prints each one it was told
is stored (``python -m tests.infra.contract.burst_writer URL SCHEMA FIRST COUNT``)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import sys

from bot.core.journal import EntryBody, EntryDraft, EntryKind
from bot.infra.postgres.db import PostgresDatabase
from bot.infra.postgres.journal import PostgresJournalRepository

NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
BASE = EntryDraft("discord:g", "0", "m", dt.date(2024, 3, 4), EntryKind.RETRO, True,
                  EntryBody(reflection="회고"), (), NOW)  # fmt: skip


async def main(url: str, schema: str, first: int, count: int) -> None:
    db = await PostgresDatabase.open(url, schema=schema)
    repo = PostgresJournalRepository(db)
    sys.stdout.write("ready\n")
    sys.stdout.flush()

    async def save(n: int) -> None:
        await repo.save_entry(dataclasses.replace(BASE, user_id=str(n)))
        sys.stdout.write(f"{n}\n")  # acknowledged: the statement has committed
        sys.stdout.flush()

    await asyncio.gather(*(save(n) for n in range(first, first + count)))
    await db.close()


if __name__ == "__main__":
    url, schema, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    asyncio.run(main(url, schema, first, count))
