"""Two processes writing to one PostgreSQL, one of them killed with SIGKILL mid-burst."""

import asyncio
import signal
import sys

import pytest

from bot.infra.postgres.db import PostgresDatabase
from bot.infra.postgres.journal import PostgresJournalRepository
from tests.infra.contract.pg import throwaway_schema

pytestmark = pytest.mark.postgres

EACH = 500
WAIT = 60.0


async def writer(url, schema, first):
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.infra.contract.burst_writer", url, schema, str(first),
        str(EACH), stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def acks(proc, into, *, until=None):
    """Read acknowledged ids into ``into``; return once ``until`` are read or the stream ends."""
    while line := await proc.stdout.readline():
        text = line.decode().strip()
        if text.isdigit():
            into.add(text)
        if until is not None and len(into) >= until:
            return


async def test_every_acknowledged_retro_survives_a_sigkilled_writer():
    async with throwaway_schema() as (url, schema):
        # Migrate once first, as the bot's start does, so both writers find the schema.
        await (await PostgresDatabase.open(url, schema=schema)).close()
        steady, doomed = await writer(url, schema, 0), await writer(url, schema, EACH)
        kept, cut = set(), set()
        try:
            await asyncio.wait_for(acks(doomed, cut, until=50), WAIT)
            doomed.send_signal(signal.SIGKILL)
            await asyncio.wait_for(acks(doomed, cut), WAIT)  # what it acknowledged before dying
            await asyncio.wait_for(acks(steady, kept), WAIT)
            assert await asyncio.wait_for(steady.wait(), WAIT) == 0
            assert await doomed.wait() == -signal.SIGKILL
        finally:
            for proc in (steady, doomed):
                if proc.returncode is None:
                    proc.kill()
                    await proc.wait()
        db = await PostgresDatabase.open(url, schema=schema)
        try:
            stored = {e.user_id for e in await PostgresJournalRepository(db).entries("discord:g")}
        finally:
            await db.close()
    assert len(kept) == EACH
    assert len(cut) >= 50
    assert kept | cut <= stored
