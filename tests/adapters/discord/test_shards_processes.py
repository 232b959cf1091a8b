"""Two bot processes on one PostgreSQL, each holding two of four shards, against the fake
Discord over real sockets: every guild's morning post and quiz is posted once, by its shard's
process, and a killed and restarted process posts nothing twice."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.models import SpaceRef
from bot.core.shards import shard_of
from bot.core.spaces import SpaceSettings
from bot.infra.postgres.db import PostgresDatabase
from bot.infra.postgres.repositories import PostgresSpaceRepository
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.fake_discord import FakeDiscord
from tests.infra.contract.pg import throwaway_schema, with_schema

pytestmark = pytest.mark.postgres

SHARDS = 4
GUILDS = [((n + 1) << 22) * 977 + n for n in range(40)]  # snowflake-like, spread over shards
HALVES = {"a": "0-1", "b": "2-3"}
# A guild on B's shards whose space key sorts after every other ("discord:9…" > "discord:1…").
LATE_FROM = 9 * 10**18
LATE = next(g for g in range(LATE_FROM, LATE_FROM + (8 << 22), 1 << 22) if shard_of(g, SHARDS) > 1)
WAIT = 30.0


def local_noon_zone(now: dt.datetime) -> str:
    """An Etc/GMT zone where it is now between 12:00 and 13:00, so morning and quiz are due."""
    offset = 12 - now.hour
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


async def seed_spaces(url: str, schema: str, zone: str, guilds: list[int] = GUILDS) -> None:
    db = await PostgresDatabase.open(url, schema=schema)
    try:
        repo = PostgresSpaceRepository(db)
        today = dt.datetime.now(ZoneInfo(zone)).date()
        for guild in guilds:
            await repo.add(
                SpaceSettings(
                    SpaceRef("discord", str(guild)), today, channel_id=str(guild + 1),
                    timezone=zone, morning_time=dt.time(11, 58), quiz_time=dt.time(11, 58),
                    quiz_close_time=dt.time(23, 0), retro_time=dt.time(23, 30),
                    study_days=tuple(range(7)),
                )
            )  # fmt: skip
    finally:
        await db.close()


async def start(fake: FakeDiscord, name: str, url: str, data: Path) -> asyncio.subprocess.Process:
    env = os.environ | {
        "DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url, "DISCORD_GUILD_IDS": str(p.GUILD_ID),
        "DISCORD_SHARD_COUNT": str(SHARDS), "DISCORD_SHARD_IDS": HALVES[name],
        "STUDYBOT_DATABASE_URL": url, "STUDYBOT_DATA_DIR": str(data / name),
    }  # fmt: skip
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--platform", "discord", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


def held(name: str) -> set[int]:
    first, last = (int(x) for x in HALVES[name].split("-"))
    return {g for g in GUILDS if first <= shard_of(g, SHARDS) <= last}


async def posts(fake: FakeDiscord, count: int) -> list[int]:
    """The guilds of the next ``count`` channel posts."""
    guilds = []
    for _ in range(count):
        sent = await fake.channels.next(WAIT)
        guilds.append(fake.channels.channels[sent.message["channel_id"]][0])
    return guilds


async def end(proc: asyncio.subprocess.Process) -> None:
    """Kill a bot process: everything it did is in PostgreSQL and the fake already."""
    if proc.returncode is None:
        proc.kill()
        await proc.wait()


async def test_two_processes_post_each_guild_once_from_the_shard_that_holds_it(tmp_path):
    zone = local_noon_zone(dt.datetime.now(dt.UTC))
    async with throwaway_schema() as (url, schema), FakeDiscord(guild_ids=tuple(GUILDS)) as fake:
        for guild in GUILDS:
            fake.channels.add(guild + 1, guild_id=guild)
        await seed_spaces(url, schema, zone)
        db_url = with_schema(url, schema)
        procs = []
        try:
            procs.append(await start(fake, "a", db_url, tmp_path))
            by_a = await posts(fake, 2 * len(held("a")))
            procs.append(await start(fake, "b", db_url, tmp_path))
            by_b = await posts(fake, 2 * len(held("b")))
            # B is killed without warning and started again, with one guild added meanwhile
            # whose key sorts last: its two posts end B's catch-up walk over every space.
            procs[1].send_signal(signal.SIGKILL)
            await procs[1].wait()
            fake.channels.add(LATE + 1, guild_id=LATE)
            await seed_spaces(url, schema, zone, [LATE])
            procs[1] = await start(fake, "b", db_url, tmp_path)
            after_restart = await posts(fake, 2)
        finally:
            await asyncio.gather(*(end(proc) for proc in procs))
    assert sorted(by_a) == sorted([*held("a"), *held("a")])
    assert sorted(by_b) == sorted([*held("b"), *held("b")])
    assert after_restart == [LATE, LATE]
    assert len(fake.channels.posts) == 2 * len(GUILDS) + 2
    assert {tuple(i["shard"]) for i in fake.identifies} >= {(0, 4), (2, 4)}
