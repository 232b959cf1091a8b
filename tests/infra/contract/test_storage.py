"""The backends' own machinery: migrations under a lock, the CLI, the glossary export."""

import asyncio
import contextlib
import datetime as dt
from importlib import resources

import asyncpg
import pytest
import yaml

from bot import cli
from bot.core.models import GlossaryFile, Term
from bot.infra.backend import DatabaseUrl, migrate, open_storage
from bot.infra.postgres.db import PostgresDatabase
from tests.core.fakes import FixedClock
from tests.infra.contract import pg
from tests.infra.contract.pg import throwaway_schema, with_schema

NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
# The newest PostgreSQL migration's number: every migration file, counted.
LATEST = sum(
    1 for f in resources.files("bot.infra.postgres.migrations").iterdir() if f.name.endswith(".sql")
)
real_backends = pytest.mark.parametrize(
    "kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)


@pytest.mark.postgres
async def test_two_processes_on_an_empty_database_both_come_up_with_one_schema():
    async with throwaway_schema() as (url, schema):
        opened = await asyncio.gather(
            *(PostgresDatabase.open(url, schema=schema) for _ in range(4))
        )
        try:
            versions = {await db.version() for db in opened}
            applied = await opened[0].fetchval("SELECT COUNT(*) FROM schema_migrations")
        finally:
            for db in opened:
                await db.close()
    assert versions == {LATEST}
    assert applied == LATEST


@pytest.mark.postgres
async def test_migrate_is_idempotent_from_the_command_line(tmp_path, monkeypatch, capsys):
    async with throwaway_schema() as (url, schema):
        monkeypatch.setenv("STUDYBOT_DATABASE_URL", with_schema(url, schema))
        monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path))
        assert await asyncio.to_thread(cli.main, ["migrate"]) == cli.EXIT_OK
        assert await asyncio.to_thread(cli.main, ["migrate"]) == cli.EXIT_OK
        conn = await asyncpg.connect(url)
        try:
            tables = await conn.fetchval(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = $1", schema
            )
        finally:
            await conn.close()
    assert capsys.readouterr().out.count(f"schema up to date (migration {LATEST})") == 2
    assert tables == 17  # sixteen of the bot's (four of them review's) and schema_migrations


def test_migrate_names_an_unreachable_server_without_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYBOT_DATABASE_URL", "postgresql://bot:secret@127.0.0.1:9/x")
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path))
    assert cli.main(["migrate"]) == cli.EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "could not connect to PostgreSQL at postgresql://bot@127.0.0.1:9/x" in err
    assert "secret" not in err
    assert "Traceback" not in err


async def test_migrating_sqlite_twice_applies_nothing_twice(tmp_path):
    url = DatabaseUrl("sqlite", path=tmp_path / "bot.sqlite3")
    newest = sum(
        1 for f in resources.files("bot.infra.migrations").iterdir() if f.name.endswith(".sql")
    )
    assert await migrate(url) == await migrate(url) == newest


async def test_ci_makes_an_unreachable_test_server_a_failure(monkeypatch):
    monkeypatch.setenv("STUDYBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:9/test")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"PostgreSQL at postgresql://.*:9/test"):
        await pg.need_postgres()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL at"):
        await pg.need_postgres()


@real_backends
async def test_the_glossary_layer_exports_as_content_by_key_or_platform_id(kind, tmp_path):
    term = Term(id="replicaset", term="레플리카셋", aliases=("ReplicaSet",), definition="복제")
    async with _storage(kind, tmp_path) as store:
        assert await store.journal.add_layer_term("discord:g", term, "레플리카셋", "333", NOW)
        for space in ("discord:g", "g"):
            text = await store.export_glossary(space)
            assert text.startswith("terms:")
            assert GlossaryFile.model_validate(yaml.safe_load(text)).terms == (term,)


@contextlib.asynccontextmanager
async def _storage(kind, tmp_path):
    """open_storage on SQLite in tmp_path or in a throwaway PostgreSQL schema."""
    if kind == "sqlite":
        url = DatabaseUrl("sqlite", path=tmp_path / "bot.sqlite3")
        async with open_storage(url, FixedClock(NOW)) as store:
            yield store
        return
    async with throwaway_schema() as (dsn, schema):
        url = DatabaseUrl("postgresql", dsn=dsn)
        async with open_storage(url, FixedClock(NOW), schema=schema) as store:
            yield store
