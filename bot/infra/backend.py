"""The storage backend from ``STUDYBOT_DATABASE_URL``: SQLite in the data dir, or PostgreSQL."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit, urlunsplit

from bot.core.models import SpaceRef
from bot.core.ports import (
    Clock,
    JournalRepository,
    PostLog,
    QuizRepository,
    RotationRepository,
    SpaceRepository,
)
from bot.core.review.ports import ReviewRepository
from bot.core.shards import ShardPlan
from bot.core.spaces import SpaceSettings
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from bot.infra.journal_repository import export_glossary_layer as export_sqlite_layer
from bot.infra.repositories import (
    SqlitePostLog,
    SqliteQuizRepository,
    SqliteRotationRepository,
    SqliteSpaceRepository,
)
from bot.infra.review_repository import SqliteReviewRepository

if TYPE_CHECKING:
    from bot.infra.postgres.copy import Counted, Side
    from bot.infra.postgres.db import PostgresDatabase

DEFAULT_SQLITE_NAME = "studybot.sqlite3"
OnChange = Callable[[str, str], Awaitable[None]]
Kind = Literal["sqlite", "postgresql"]


class DatabaseUrlError(ValueError):
    """``STUDYBOT_DATABASE_URL`` (or a ``--from``/``--to``) is not a URL the bot can use."""


class CopyError(RuntimeError):
    """copy-db cannot start (a non-empty target, a table the target lacks) or did not add up."""


class StorageUnavailableError(RuntimeError):
    """The database server did not answer; the message names it (without a password)."""


@dataclass(frozen=True, slots=True)
class DatabaseUrl:
    """Where the data lives: a SQLite file, or a PostgreSQL server (``dsn``)."""

    kind: Kind
    path: Path | None = None
    dsn: str | None = None

    def __str__(self) -> str:
        """The URL for messages, without a password."""
        if self.path is not None:
            return f"sqlite:///{self.path}"
        parts = urlsplit(self.dsn or "")
        host = parts.hostname or ""
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


def parse_database_url(text: str | None, data_dir: Path) -> DatabaseUrl:
    """The URL's backend and place; unset means ``studybot.sqlite3`` in ``data_dir``.

    ``sqlite:////abs/path.sqlite3`` is absolute, ``sqlite:///name.sqlite3`` is in ``data_dir``;
    ``postgresql://…`` and ``postgres://…`` name a server.
    """
    if text is None or not text.strip():
        return DatabaseUrl("sqlite", path=data_dir / DEFAULT_SQLITE_NAME)
    text = text.strip()
    scheme, sep, rest = text.partition("://")
    scheme = scheme.lower()
    if sep and scheme in ("postgresql", "postgres"):
        if not rest:
            msg = f"{text!r}: give a server, e.g. postgresql://user@host:5432/dbname"
            raise DatabaseUrlError(msg)
        return DatabaseUrl("postgresql", dsn=text)
    if sep and scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            msg = (
                f"{text!r}: a SQLite URL is sqlite:///name.sqlite3 (in the data dir) "
                "or sqlite:////absolute/path.sqlite3"
            )
            raise DatabaseUrlError(msg)
        name = rest[1:]
        path = Path(name) if name.startswith("/") else data_dir / name
        return DatabaseUrl("sqlite", path=path)
    msg = f"{text!r}: STUDYBOT_DATABASE_URL starts with sqlite:/// or postgresql://"
    raise DatabaseUrlError(msg)


class ScheduledSpaces:
    """The space repository as one process of several sees it.

    ``all()`` (what the scheduler and ``post_due`` walk) lists only the spaces this process
    schedules; reads and writes of a single space pass through, so a process still answers an
    interaction for any guild, from the current settings.
    """

    def __init__(self, repo: SpaceRepository, plan: ShardPlan) -> None:
        self._repo = repo
        self._plan = plan

    async def get(self, space: SpaceRef) -> SpaceSettings | None:
        return await self._repo.get(space)

    async def add(self, settings: SpaceSettings) -> SpaceSettings:
        return await self._repo.add(settings)

    async def save(self, settings: SpaceSettings) -> None:
        await self._repo.save(settings)

    async def all(self) -> list[SpaceSettings]:
        return [s for s in await self._repo.all() if self._plan.schedules(s.space)]


@dataclass(slots=True)
class Storage:
    """Every repository of one backend, over one open database."""

    url: DatabaseUrl
    spaces: SpaceRepository
    posts: PostLog
    rotation: RotationRepository
    quiz: QuizRepository
    journal: JournalRepository
    database: Database | PostgresDatabase  # for the few tools that are not ports
    # Every backend keeps review cards; None only where a test builds storage without them.
    review: ReviewRepository | None = None

    @contextlib.asynccontextmanager
    async def watch(self, on_change: OnChange) -> AsyncIterator[None]:
        """Call ``on_change(what, space)`` when another process changes settings or glossary.

        Only PostgreSQL is shared between hosts; on SQLite this watches nothing.
        """
        if isinstance(self.database, Database):
            yield
            return
        from bot.infra.postgres.notify import ChangeListener

        async with ChangeListener(self.database, on_change):
            yield

    async def export_glossary(self, space: str) -> str:
        """A space's accepted glossary terms as content YAML."""
        if isinstance(self.database, Database):
            return await export_sqlite_layer(self.database, space)
        from bot.infra.postgres.journal import export_glossary_layer

        return await export_glossary_layer(self.database, space)


@contextlib.asynccontextmanager
async def open_storage(
    url: DatabaseUrl, clock: Clock, *, schema: str | None = None
) -> AsyncIterator[Storage]:
    """Open the database (running its migrations) and build every repository over it."""
    if url.path is not None:
        async with await Database.open(url.path) as db:
            yield Storage(
                url, SqliteSpaceRepository(db, clock), SqlitePostLog(db),
                SqliteRotationRepository(db), SqliteQuizRepository(db),
                SqliteJournalRepository(db), db, SqliteReviewRepository(db),
            )  # fmt: skip
        return
    # asyncpg is imported only for PostgreSQL, so a SQLite bot starts no slower.
    from bot.infra.postgres.journal import PostgresJournalRepository
    from bot.infra.postgres.quiz import PostgresQuizRepository
    from bot.infra.postgres.repositories import (
        PostgresPostLog,
        PostgresRotationRepository,
        PostgresSpaceRepository,
    )
    from bot.infra.postgres.review import PostgresReviewRepository

    async with await _open_postgres(url, schema) as pg:
        yield Storage(
            url, PostgresSpaceRepository(pg, clock), PostgresPostLog(pg),
            PostgresRotationRepository(pg), PostgresQuizRepository(pg),
            PostgresJournalRepository(pg), pg, PostgresReviewRepository(pg),
        )  # fmt: skip


async def migrate(url: DatabaseUrl) -> int:
    """Bring the schema up to date (what every start does); return the newest migration."""
    if url.path is not None:
        async with await Database.open(url.path) as db:
            return await db.user_version()
    async with await _open_postgres(url, None) as pg:
        return await pg.version()


async def _open_postgres(url: DatabaseUrl, schema: str | None) -> PostgresDatabase:
    import asyncpg

    from bot.infra.postgres.db import PostgresDatabase

    refused = (
        OSError, TimeoutError, asyncpg.PostgresConnectionError, asyncpg.InvalidCatalogNameError,
        asyncpg.InvalidAuthorizationSpecificationError,
    )  # fmt: skip
    try:
        return await PostgresDatabase.open(_dsn(url), schema=schema)
    except refused as exc:
        msg = f"could not connect to PostgreSQL at {url}: {exc}"
        raise StorageUnavailableError(msg) from exc


async def copy_database(source: DatabaseUrl, target: DatabaseUrl, *, force: bool) -> list[Counted]:
    """Migrate both databases, then copy every table of ``source`` into ``target``."""
    from bot.infra.postgres.copy import PostgresSide, SqliteSide, copy_all

    async with contextlib.AsyncExitStack() as stack:
        sides: list[Side] = []
        for url in (source, target):
            if url.path is not None:
                db = await stack.enter_async_context(await Database.open(url.path))
                sides.append(SqliteSide(db))
            else:
                pg = await stack.enter_async_context(await _open_postgres(url, None))
                sides.append(PostgresSide(pg))
        return await copy_all(sides[0], sides[1], force=force)


def _dsn(url: DatabaseUrl) -> str:
    if url.dsn is None:
        msg = f"{url}: not a PostgreSQL URL"
        raise DatabaseUrlError(msg)
    return url.dsn
