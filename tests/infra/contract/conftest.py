"""The contract suite's backends: every repository test runs on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.infra.backend import DatabaseUrl, open_storage
from tests.core.fakes import (
    FixedClock,
    InMemoryJournalRepository,
    InMemoryPostLog,
    InMemoryQuizRepository,
    InMemoryRotationRepository,
    InMemorySpaceRepository,
)
from tests.infra.contract.pg import throwaway_schema

NOW = dt.datetime(2024, 3, 4, 0, 0, tzinfo=dt.UTC)


@dataclass
class Repos:
    spaces: Any
    posts: Any
    rotation: Any
    quiz: Any
    journal: Any


@dataclass
class Backend:
    """One place where data lives; ``open`` may be called again, as a restarted process does."""

    name: str
    url: DatabaseUrl | None = None
    schema: str | None = None
    _memory: Repos | None = None

    @contextlib.asynccontextmanager
    async def open(self, clock: Any = None) -> AsyncIterator[Repos]:
        if self.url is None:
            if self._memory is None:
                self._memory = Repos(
                    InMemorySpaceRepository(), InMemoryPostLog(), InMemoryRotationRepository(),
                    InMemoryQuizRepository(), InMemoryJournalRepository(),
                )  # fmt: skip
            yield self._memory
            return
        async with open_storage(self.url, clock or FixedClock(NOW), schema=self.schema) as store:
            yield Repos(store.spaces, store.posts, store.rotation, store.quiz, store.journal)


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    if request.param == "memory":
        yield Backend("memory")
    elif request.param == "sqlite":
        yield Backend("sqlite", DatabaseUrl("sqlite", path=tmp_path / "bot.sqlite3"))
    else:
        async with throwaway_schema() as (url, schema):
            yield Backend("postgres", DatabaseUrl("postgresql", dsn=url), schema)


@pytest.fixture
async def repos(backend: Backend) -> AsyncIterator[Repos]:
    async with backend.open() as opened:
        yield opened
