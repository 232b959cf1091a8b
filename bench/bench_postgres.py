"""PostgreSQL benchmark: bursts of retro saves and quiz answers through the repositories, beside
a raw asyncpg floor with the same durability, SQLite for reference, and two processes at once.

Every mode writes N rows into a fresh schema of the server at STUDYBOT_TEST_POSTGRES_URL
(default postgresql://postgres@127.0.0.1:5432/test), all at once with asyncio.gather:

- "studybot": PostgresJournalRepository.save_entry / PostgresQuizRepository.add_answer on a
  PostgresDatabase (pool of 10), the path the bot takes;
- "floor": the same INSERT … ON CONFLICT statements with the same values through a bare asyncpg
  pool of 10, autocommit (one transaction per row, synchronous_commit as the server has it);
- "sqlite": the SQLite repositories (Database.open, WAL, synchronous=NORMAL) for reference;
- "2 processes": two processes each saving N/2 retros through the studybot path at once
  (wall time from the first start signal to the last acknowledgement).

Modes alternate in rounds; the median round of each is shown. Run:
    .venv/bin/python bench/bench_postgres.py [--rounds 5] [--rows 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

import asyncpg  # noqa: E402

from bot.core.journal import EntryBody, EntryDraft, EntryKind  # noqa: E402
from bot.core.quiz import Answer, Question, QuestionKind, RoundDraft  # noqa: E402
from bot.infra.db import Database  # noqa: E402
from bot.infra.journal_repository import SqliteJournalRepository, body_json  # noqa: E402
from bot.infra.postgres.db import PostgresDatabase  # noqa: E402
from bot.infra.postgres.journal import _SAVE_ENTRY, PostgresJournalRepository  # noqa: E402
from bot.infra.postgres.quiz import PostgresQuizRepository  # noqa: E402
from bot.infra.quiz_repository import SqliteQuizRepository  # noqa: E402

URL = os.environ.get("STUDYBOT_TEST_POSTGRES_URL") or "postgresql://postgres@127.0.0.1:5432/test"
NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
DAY = dt.date(2024, 3, 4)
BODY = EntryBody(learned="파드와 cgroup", reflection="도커 네트워크가 아직 어렵다")
QUESTION = Question(QuestionKind.TERM_TO_DEFINITION, "파드", ("a", "b", "c", "d"), 0, "", "pod")
ANSWER_SQL = """INSERT INTO quiz_answers
        (round_id, user_id, display_name, choice, correct, answered_at)
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (round_id, user_id) DO NOTHING RETURNING 1"""
GOAL = 2.0


def entry(n: int) -> EntryDraft:
    return EntryDraft("discord:g", str(n), f"m{n}", DAY, EntryKind.RETRO, True, BODY, (), NOW)


class Schema:
    """A fresh schema for one mode, migrated, dropped afterwards."""

    async def __aenter__(self) -> str:
        self.name = f"bench_{uuid.uuid4().hex[:12]}"
        self.conn = await asyncpg.connect(URL)
        await self.conn.execute(f'CREATE SCHEMA "{self.name}"')
        await (await PostgresDatabase.open(URL, schema=self.name)).close()
        return self.name

    async def __aexit__(self, *exc: object) -> None:
        await self.conn.execute(f'DROP SCHEMA "{self.name}" CASCADE')
        await self.conn.close()


async def timed(burst: Callable[[], Awaitable[object]]) -> float:
    start = time.perf_counter()
    await burst()
    return (time.perf_counter() - start) * 1000


# -- retro saves ----------------------------------------------------------------------------


async def saves_studybot(rows: int) -> float:
    async with Schema() as schema:
        db = await PostgresDatabase.open(URL, schema=schema, migrate=False)
        repo = PostgresJournalRepository(db)
        try:
            return await timed(lambda: asyncio.gather(*(repo.save_entry(entry(n))
                                                        for n in range(rows))))  # fmt: skip
        finally:
            await db.close()


async def saves_floor(rows: int) -> float:
    async with Schema() as schema:
        pool = await asyncpg.create_pool(URL, min_size=1, max_size=10,
                                         server_settings={"search_path": schema})  # fmt: skip
        body = body_json(BODY)

        async def one(n: int) -> None:
            d = entry(n)
            await pool.fetchrow(_SAVE_ENTRY, d.space, d.user_id, d.display_name, d.local_date,
                                d.kind.value, d.public, body, "[]", d.at)  # fmt: skip

        try:
            return await timed(lambda: asyncio.gather(*(one(n) for n in range(rows))))
        finally:
            await pool.close()


async def saves_sqlite(rows: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        async with await Database.open(Path(tmp) / "bench.sqlite3") as db:
            repo = SqliteJournalRepository(db)
            return await timed(lambda: asyncio.gather(*(repo.save_entry(entry(n))
                                                        for n in range(rows))))  # fmt: skip


async def saves_two_processes(rows: int) -> float:
    async with Schema() as schema:
        half = rows // 2
        procs = [await _writer(schema, first, half) for first in (0, half)]
        for proc in procs:  # both connected and migrated: "ready"
            await proc.stdout.readline()
        start = time.perf_counter()
        for proc in procs:
            proc.stdin.write(b"go\n")
            await proc.stdin.drain()
        for proc in procs:
            await proc.stdout.readline()  # "done": every save acknowledged
        elapsed = (time.perf_counter() - start) * 1000
        for proc in procs:
            await proc.wait()
        return elapsed


async def _writer(schema: str, first: int, count: int) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--child", schema, str(first), str(count),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def _writer(schema: str, first: int, count: int) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--child", schema, str(first), str(count),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def child(schema: str, first: int, count: int) -> None:
    db = await PostgresDatabase.open(URL, schema=schema, migrate=False)
    repo = PostgresJournalRepository(db)
    await db.fetchval("SELECT 1")
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    await asyncio.gather(*(repo.save_entry(entry(n)) for n in range(first, first + count)))
    print("done", flush=True)
    await db.close()


# -- quiz answers ---------------------------------------------------------------------------


def answers(round_id: int, rows: int) -> list[Answer]:
    return [Answer(round_id, f"u{n}", f"m{n}", n % 4, n % 4 == 0, NOW) for n in range(rows)]


async def answers_studybot(rows: int) -> float:
    async with Schema() as schema:
        db = await PostgresDatabase.open(URL, schema=schema, migrate=False)
        repo = PostgresQuizRepository(db)
        try:
            rnd = await repo.open_round(RoundDraft("discord:g", QUESTION, NOW, NOW, DAY))
            batch = answers(rnd.id, rows)
            return await timed(lambda: asyncio.gather(*(repo.add_answer(a) for a in batch)))
        finally:
            await db.close()


async def answers_floor(rows: int) -> float:
    async with Schema() as schema:
        db = await PostgresDatabase.open(URL, schema=schema, migrate=False)
        rnd = await PostgresQuizRepository(db).open_round(
            RoundDraft("discord:g", QUESTION, NOW, NOW, DAY)
        )
        await db.close()
        pool = await asyncpg.create_pool(URL, min_size=1, max_size=10,
                                         server_settings={"search_path": schema})  # fmt: skip
        batch = answers(rnd.id, rows)

        async def one(a: Answer) -> None:
            await pool.fetch(ANSWER_SQL, a.round_id, a.user_id, a.display_name, a.choice,
                             a.correct, a.answered_at)  # fmt: skip

        try:
            return await timed(lambda: asyncio.gather(*(one(a) for a in batch)))
        finally:
            await pool.close()


async def answers_sqlite(rows: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        async with await Database.open(Path(tmp) / "bench.sqlite3") as db:
            repo = SqliteQuizRepository(db)
            rnd = await repo.open_round(RoundDraft("discord:g", QUESTION, NOW, NOW, DAY))
            batch = answers(rnd.id, rows)
            return await timed(lambda: asyncio.gather(*(repo.add_answer(a) for a in batch)))


MODES = {
    "retro saves": [("floor (raw asyncpg)", saves_floor), ("studybot on PostgreSQL",
                    saves_studybot), ("studybot on SQLite", saves_sqlite),
                    ("studybot on PostgreSQL, 2 processes", saves_two_processes)],
    "quiz answers": [("floor (raw asyncpg)", answers_floor), ("studybot on PostgreSQL",
                     answers_studybot), ("studybot on SQLite", answers_sqlite)],
}  # fmt: skip


async def main(rounds: int, rows: int) -> None:
    conn = await asyncpg.connect(URL)
    version = await conn.fetchval("SHOW server_version")
    sync = await conn.fetchval("SHOW synchronous_commit")
    await conn.close()
    print(f"PostgreSQL {version} (synchronous_commit={sync}) at {URL}; {rows} rows a burst, "
          f"median of {rounds} rounds\n")  # fmt: skip
    for what, modes in MODES.items():
        times: dict[str, list[float]] = {name: [] for name, _ in modes}
        for _ in range(rounds):
            for name, run in modes:
                times[name].append(await run(rows))
        floor = statistics.median(times[modes[0][0]])
        print(f"### {rows} concurrent {what}\n")
        print("| mode | median ms | rows/s | × floor |")
        print("|---|---:|---:|---:|")
        for name, _ in modes:
            ms = statistics.median(times[name])
            print(f"| {name} | {ms:.1f} | {rows / ms * 1000:,.0f} | {ms / floor:.2f} |")
        ratio = statistics.median(times["studybot on PostgreSQL"]) / floor
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"\ngoal: studybot on PostgreSQL within {GOAL:.0f}× the floor — {verdict} "
              f"({ratio:.2f}×)\n")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        asyncio.run(child(args.child[0], int(args.child[1]), int(args.child[2])))
    else:
        asyncio.run(main(args.rounds, args.rows))
