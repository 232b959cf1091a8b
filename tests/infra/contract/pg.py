"""The test PostgreSQL server: its URL, whether it answers, and a throwaway schema per test."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
_reachable: dict[str, str | None] = {}


def postgres_url() -> str:
    return os.environ.get("STUDYBOT_TEST_POSTGRES_URL") or DEFAULT_URL


def required() -> bool:
    """Under CI the PostgreSQL leg must run; elsewhere a missing server skips it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "false", "0")


async def _problem(url: str) -> str | None:
    if url not in _reachable:
        try:
            conn = await asyncpg.connect(url, timeout=3)
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            _reachable[url] = f"{type(exc).__name__}: {exc}"
        else:
            await conn.close()
            _reachable[url] = None
    return _reachable[url]


async def need_postgres() -> str:
    """The server's URL; fails (under CI) or skips the test when it does not answer."""
    url = postgres_url()
    problem = await _problem(url)
    if problem is not None:
        reason = f"PostgreSQL at {url} is unreachable ({problem})"
        if required():
            pytest.fail(reason + "; CI requires it", pytrace=False)
        pytest.skip(reason + "; set STUDYBOT_TEST_POSTGRES_URL to run these tests")
    return url


@contextlib.asynccontextmanager
async def throwaway_schema() -> AsyncIterator[tuple[str, str]]:
    """A new, empty schema on the test server as (url, schema); dropped afterwards."""
    url = await need_postgres()
    schema = f"studybot_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield url, schema
        finally:
            await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        await conn.close()


def with_schema(url: str, schema: str) -> str:
    """The URL with the schema as the connection's search path (for the CLI and subprocesses)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}search_path={schema}"
