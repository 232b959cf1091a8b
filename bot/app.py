"""The composition root: builds settings, content, db, services, scheduler and the chat face."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import signal
from collections.abc import Coroutine
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from bot.core.daily import DailyService, MorningService, PostedItem
from bot.core.errors import StudyBotError
from bot.core.glossary import GlossaryService
from bot.core.journal import JournalService
from bot.core.lookup import GlossaryIndex
from bot.core.models import Content, SpaceRef
from bot.core.ports import Clock, Publisher
from bot.core.quiz import QuizService
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.spaces import SpaceDefaults, SpaceService
from bot.infra.clock import SystemClock
from bot.infra.content import shipped_content_dir
from bot.infra.content_cache import load_indexed
from bot.infra.db import Database
from bot.infra.importers.slug import term_slug
from bot.infra.journal_repository import SqliteJournalRepository, export_glossary_layer
from bot.infra.repositories import (
    SqlitePostLog,
    SqliteQuizRepository,
    SqliteRotationRepository,
    SqliteSpaceRepository,
)
from bot.infra.scheduler import DailyScheduler
from bot.settings import Platform, Settings

log = logging.getLogger(__name__)

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_EVERY = 30.0
HEARTBEAT_STALE_AFTER = 120.0


def content_dir(settings: Settings) -> Path:
    """The configured content folder, or the one shipped with the package."""
    return settings.content_dir if settings.content_dir is not None else shipped_content_dir()


def load(settings: Settings) -> tuple[Content, GlossaryIndex]:
    """The validated content and its index; raises ContentError (`path:line: message`)."""
    loaded = load_indexed(content_dir(settings), cache_dir=settings.data_dir / "cache")
    # The content lives as long as the process; freezing it keeps full collections from
    # walking every term of a large glossary again and again.
    gc.freeze()
    return loaded


LOG_FILE = "studybot.log"


# Libraries whose DEBUG lines carry what passes through them (aiosqlite logs SQL parameters,
# so a private retro's text): they stay at INFO or above unless STUDYBOT_DEBUG_LOGGERS names them.
THIRD_PARTY_LOGGERS = (
    "aiosqlite",
    "discord",
    "asyncio",
    "apscheduler",
    "slack_sdk",
    "slack_bolt",
    "asyncpg",
)


def configure_logging(settings: Settings, *, to_file: bool = False) -> None:
    """Log to stderr, or to the data dir's log file when the terminal is the chat itself."""
    handler: logging.Handler
    if to_file:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(settings.data_dir / LOG_FILE, encoding="utf-8")
    else:
        handler = logging.StreamHandler()
    level = logging.getLevelName(settings.log_level.upper())
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[handler],
    )
    floor = max(logging.INFO, level if isinstance(level, int) else logging.INFO)
    wanted = {name.strip() for name in settings.debug_loggers.split(",") if name.strip()}
    for name in THIRD_PARTY_LOGGERS:
        logging.getLogger(name).setLevel(floor)
    # APScheduler narrates every job it adds at INFO; our own lines already say what ran.
    logging.getLogger("apscheduler").setLevel(max(floor, logging.WARNING))
    for name in wanted:
        logging.getLogger(name).setLevel(logging.DEBUG)


class PublisherUnavailableError(StudyBotError):
    key = "error.generic"


class Relay:
    """The Publisher the services hold; it forwards to the chat face once that face is up.

    The services are built before the face (the face needs them), and the face's publisher
    exists only once it is connected, so the link is made late, here, in one place.
    """

    def __init__(self) -> None:
        self.target: Publisher | None = None

    def _target(self) -> Publisher:
        if self.target is None:
            raise PublisherUnavailableError("no chat face is connected yet")
        return self.target

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        return await self._target().post(space, channel, reply)

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        await self._target().edit(space, channel, message_id, reply)


class Application:
    """Owns the database, the services and the scheduler for one process."""

    def __init__(
        self,
        settings: Settings,
        content: Content,
        platform: Platform,
        *,
        index: GlossaryIndex | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        # Tests pass a clock they can move; a running bot keeps the system's.
        self.clock: Clock = clock or SystemClock()
        self.content = content
        self.platform = platform
        self.relay = Relay()
        self._db: Database | None = None
        self._scheduler: DailyScheduler | None = None
        self.services = Services(glossary=GlossaryService(content, index))

    async def __aenter__(self) -> Self:
        clock = self.clock
        self._db = db = await Database.open(self.settings.database_path)
        defaults = SpaceDefaults.from_env(self.settings.space_defaults())
        spaces = SpaceService(SqliteSpaceRepository(db, clock), clock, defaults)
        glossary = self.services.glossary
        quiz_repo = SqliteQuizRepository(db)
        quiz = QuizService(self.content, quiz_repo, spaces, clock, terms=glossary.terms)
        daily = DailyService(
            spaces=spaces,
            posts=SqlitePostLog(db),
            publisher=self.relay,
            clock=clock,
            morning=MorningService(self.content, SqliteRotationRepository(db)),
            quiz=quiz,
            platforms={self.platform},
        )
        journal = JournalService(
            repo=SqliteJournalRepository(db),
            spaces=spaces,
            clock=clock,
            glossary=glossary,
            content=self.content,
            quiz_repo=quiz_repo,
            slugify=term_slug,
        )
        journal.register(daily)
        await journal.load_glossary_layers()
        self.services = Services(
            glossary=glossary, spaces=spaces, daily=daily, quiz=quiz, journal=journal
        )
        self._scheduler = DailyScheduler(daily, spaces, clock)
        spaces.on_change(self._scheduler.on_settings_changed)
        return self

    @property
    def scheduler(self) -> DailyScheduler | None:
        """The running schedule (None outside ``async with``); tests fire its jobs."""
        return self._scheduler

    async def start_schedule(self, publisher: Publisher) -> list[PostedItem]:
        """Connect the face's publisher, catch up on missed posts and start the schedule."""
        self.relay.target = publisher
        if self._scheduler is None:
            raise RuntimeError("use Application as an async context manager")
        return await self._scheduler.start()

    async def post_due(
        self, publisher: Publisher, at: dt.datetime, space: str | None
    ) -> list[PostedItem]:
        """Post what is due at ``at`` once, through the same path as the scheduler."""
        self.relay.target = publisher
        if self.services.daily is None:
            raise RuntimeError("use Application as an async context manager")
        return await self.services.daily.post_due(at, space)

    async def export_glossary(self, space: str) -> str:
        """A space's accepted glossary terms as content YAML."""
        if self._db is None:
            raise RuntimeError("use Application as an async context manager")
        return await export_glossary_layer(self._db, space)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown()
        if self._db is not None:
            await self._db.close()


async def run(settings: Settings, platform: Platform, *, force_sync: bool = False) -> None:
    """Start the bot on ``platform`` and run until the chat face ends or SIGTERM/SIGINT."""
    content, index = load(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    heartbeat = asyncio.create_task(_beat(settings.data_dir / HEARTBEAT_FILE))
    try:
        async with Application(settings, content, platform, index=index) as application:
            await _serve(application, force_sync=force_sync)
    finally:
        heartbeat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await heartbeat


async def _serve(application: Application, *, force_sync: bool) -> None:
    settings = application.settings
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    # The chat faces are imported on demand: discord.py alone costs a noticeable part of a
    # cold start, which `define` and the console should not pay.
    if application.platform == "discord":
        from bot.adapters.discord.runner import serve as serve_discord

        await serve_discord(
            settings,
            application.services,
            stop=stop,
            force_sync=force_sync,
            on_ready=application.start_schedule,
        )
        return
    from bot.adapters import console

    await _until(
        console.serve(application.services, settings.locale, application.start_schedule), stop
    )


async def _beat(path: Path) -> None:
    """Touch the heartbeat file while the event loop runs; `python -m bot health` reads it."""
    while True:
        await asyncio.to_thread(path.touch)
        await asyncio.sleep(HEARTBEAT_EVERY)


def healthy(settings: Settings, now: float) -> bool:
    """Whether the running bot touched its heartbeat recently (the container HEALTHCHECK)."""
    path = settings.data_dir / HEARTBEAT_FILE
    try:
        return now - path.stat().st_mtime < HEARTBEAT_STALE_AFTER
    except OSError:
        return False


async def sync_commands(settings: Settings) -> str:
    """Force a Discord command sync and return its one-line summary."""
    from bot.adapters.discord.runner import sync_commands as sync

    return await sync(settings, Services(glossary=GlossaryService(*load(settings))))


async def _until(main: Coroutine[Any, Any, None], stop: asyncio.Event) -> None:
    task = asyncio.ensure_future(main)
    stopper = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    for pending in (task, stopper):
        if pending not in done:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pending
    if task in done:
        task.result()
