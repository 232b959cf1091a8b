"""A PostgreSQL connection cut while the bot runs: one clear error, then the pool reconnects."""

import asyncio
import dataclasses
import datetime as dt
from urllib.parse import urlsplit

import pytest

from bot.core.errors import StorageDownError
from bot.core.i18n import t
from bot.core.journal import EntryBody, EntryDraft, EntryKind
from bot.core.models import Term
from bot.infra.postgres.db import PostgresDatabase
from bot.infra.postgres.journal import PostgresJournalRepository
from bot.infra.postgres.notify import ChangeListener
from tests.infra.contract.pg import throwaway_schema
from tests.infra.contract.tcp_proxy import CuttingProxy

pytestmark = pytest.mark.postgres

NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
BASE = EntryDraft("discord:g", "0", "m", dt.date(2024, 3, 4), EntryKind.RETRO, True,
                  EntryBody(reflection="회고"), (), NOW)  # fmt: skip


def draft(n):
    return dataclasses.replace(BASE, user_id=str(n), display_name=f"m{n}")


def through(proxy, url):
    parts = urlsplit(url)
    user = f"{parts.username}@" if parts.username else ""
    return parts._replace(netloc=f"{user}127.0.0.1:{proxy.port}").geturl()


async def test_a_cut_write_fails_clearly_and_the_next_one_reconnects():
    async with throwaway_schema() as (url, schema):
        parts = urlsplit(url)
        async with CuttingProxy(parts.hostname, parts.port or 5432) as proxy:
            db = await PostgresDatabase.open(through(proxy, url), schema=schema, max_size=2)
            try:
                repo = PostgresJournalRepository(db)
                await repo.save_entry(draft(1))
                proxy.drop_next()
                with pytest.raises(StorageDownError) as failed:
                    await repo.save_entry(draft(2))
                assert proxy.cut == 1
                await repo.save_entry(draft(3))
                stored = {e.user_id for e in await repo.entries("discord:g")}
            finally:
                await db.close()
    assert stored == {"1", "3"}
    assert "다시 보내 주세요" in t(failed.value.key, "ko")
    assert "send it again" in t(failed.value.key, "en")


async def test_nothing_acknowledged_is_lost_when_connections_drop_mid_burst():
    async with throwaway_schema() as (url, schema):
        parts = urlsplit(url)
        async with CuttingProxy(parts.hostname, parts.port or 5432) as proxy:
            db = await PostgresDatabase.open(through(proxy, url), schema=schema, max_size=4)
            try:
                repo = PostgresJournalRepository(db)
                proxy.drop_next(3)
                results = await asyncio.gather(
                    *(repo.save_entry(draft(n)) for n in range(200)), return_exceptions=True
                )
                stored = {e.user_id for e in await repo.entries("discord:g")}
            finally:
                await db.close()
    acknowledged = {str(n) for n, r in enumerate(results) if not isinstance(r, BaseException)}
    failures = [r for r in results if isinstance(r, BaseException)]
    assert proxy.cut == 3
    assert failures
    assert all(isinstance(f, StorageDownError) for f in failures)
    assert acknowledged <= stored


async def test_the_change_listener_reconnects_and_asks_for_a_full_refresh():
    heard: asyncio.Queue = asyncio.Queue()

    async def on_change(what, space):
        heard.put_nowait((what, space))

    async with throwaway_schema() as (url, schema):
        parts = urlsplit(url)
        async with CuttingProxy(parts.hostname, parts.port or 5432) as proxy:
            db = await PostgresDatabase.open(through(proxy, url), schema=schema, max_size=2)
            try:
                async with ChangeListener(db, on_change):
                    await db.execute("UPDATE spaces SET locale = 'en'")  # no rows: no notice
                    await PostgresJournalRepository(db).add_layer_term(
                        "discord:g", Term(id="t", term="t", definition="d"), "t", "u", NOW
                    )
                    assert await asyncio.wait_for(heard.get(), 1.0) == ("glossary", "discord:g")
                    proxy.cut_all()
                    assert await asyncio.wait_for(heard.get(), 5.0) == ("all", "")
                    await PostgresJournalRepository(db).add_layer_term(
                        "discord:h", Term(id="t", term="t", definition="d"), "t", "u", NOW
                    )
                    assert await asyncio.wait_for(heard.get(), 1.0) == ("glossary", "discord:h")
            finally:
                await db.close()
