"""The composition root: builds settings, content, db, services, scheduler and the chat face."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import gc
import logging
import signal
from collections.abc import Awaitable, Callable, Collection, Mapping
from pathlib import Path
from types import TracebackType
from typing import Self

from bot.core.daily import DailyService, MorningService, PostedItem
from bot.core.glossary import GlossaryService
from bot.core.interaction.setup import build_router
from bot.core.journal import JournalService
from bot.core.lookup import GlossaryIndex
from bot.core.models import Content, SpaceRef, Term
from bot.core.ports import Clock, Publisher
from bot.core.quiz import QuizService
from bot.core.review.digest import with_team_heatmap
from bot.core.review.loop import ReviewLoop
from bot.core.review.ports import ReviewRepository
from bot.core.review.service import ReviewService
from bot.core.schedule import PostKind
from bot.core.services import Services
from bot.core.spaces import SpaceDefaults, SpaceService
from bot.faces import Face, Relay, Serving, chosen, run_faces
from bot.infra.backend import ScheduledSpaces, Storage, open_storage, parse_database_url
from bot.infra.clock import SystemClock
from bot.infra.content import shipped_content_dir
from bot.infra.content_cache import load_indexed
from bot.infra.importers.slug import term_slug
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


class Application:
    """Owns the database, the services and the scheduler for one process."""

    def __init__(
        self,
        settings: Settings,
        content: Content,
        platforms: Platform | Collection[Platform],
        *,
        index: GlossaryIndex | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        # Tests pass a clock they can move; a running bot keeps the system's.
        self.clock: Clock = clock or SystemClock()
        self.content = content
        self.platforms: tuple[Platform, ...] = (
            (platforms,) if isinstance(platforms, str) else tuple(platforms)
        )
        self.relay = Relay()
        self._exit = contextlib.AsyncExitStack()
        self._storage: Storage | None = None
        self._scheduler: DailyScheduler | None = None
        self.services = Services(
            glossary=GlossaryService(content, index, linked=settings.linked_spaces)
        )

    async def __aenter__(self) -> Self:
        clock = self.clock
        url = parse_database_url(self.settings.database_url, self.settings.data_dir)
        self._storage = store = await self._exit.enter_async_context(open_storage(url, clock))
        defaults = SpaceDefaults.from_env(self.settings.space_defaults())
        # Several processes may share one database; each schedules only its shards' spaces.
        scheduled = ScheduledSpaces(store.spaces, self.settings.shard_plan())
        spaces = SpaceService(scheduled, clock, defaults)
        glossary = self.services.glossary
        quiz_repo = store.quiz
        quiz = QuizService(self.content, quiz_repo, spaces, clock, terms=glossary.terms)
        morning = MorningService(self.content, store.rotation)
        daily = DailyService(
            spaces=spaces,
            posts=store.posts,
            publisher=self.relay,
            clock=clock,
            morning=morning,
            quiz=quiz,
            platforms=set(self.platforms),
        )
        journal = JournalService(
            repo=store.journal,
            spaces=spaces,
            clock=clock,
            glossary=glossary,
            content=self.content,
            quiz_repo=quiz_repo,
            slugify=term_slug,
        )
        journal.publisher = self.relay
        journal.register(daily)
        await journal.load_glossary_layers()
        review = (
            None
            if store.review is None
            else self._review(store.review, spaces, morning, daily, quiz, journal)
        )
        self.services = Services(
            glossary=glossary, spaces=spaces, daily=daily, quiz=quiz, journal=journal, review=review
        )
        self._scheduler = DailyScheduler(daily, spaces, clock)
        spaces.on_change(self._scheduler.on_settings_changed)
        await self._exit.enter_async_context(store.watch(self._changed_elsewhere))
        return self

    async def _changed_elsewhere(self, what: str, space: str) -> None:
        """Another process (sharing PostgreSQL) changed a space's settings or glossary."""
        services = self.services
        if what in ("spaces", "all") and services.spaces is not None:
            keys = [space] if space else await self._every_space()
            for key in keys:
                platform, _, space_id = key.partition(":")
                await services.spaces.refresh(SpaceRef(platform, space_id))
        if what in ("glossary", "all") and services.journal is not None:
            await services.journal.load_glossary_layers()

    async def _every_space(self) -> list[str]:
        """Every stored space's key, not only those this process schedules."""
        if self._storage is None:
            return []
        return [s.key for s in await self._storage.spaces.all()]

    def _review(
        self,
        repo: ReviewRepository,
        spaces: SpaceService,
        morning: MorningService,
        daily: DailyService,
        quiz: QuizService,
        journal: JournalService,
    ) -> ReviewService:
        """The review service, hooked into the quiz, the journal, /today and /define."""
        from bot.infra.anki import GenankiDecks
        from bot.infra.charts import MatplotlibCharts

        glossary = self.services.glossary
        review = ReviewService(
            repo,
            spaces,
            self.clock,
            glossary.terms,
            commands=self.content.commands,
            day_terms=morning.day_terms,
            charts=MatplotlibCharts(),
            decks=GenankiDecks(),
        )
        quiz.answered = review.quiz_answered
        journal.saved = review.entry_saved
        daily.today_lines.append(("review.today.name", review.today_line))
        loop = ReviewLoop(repo)
        daily.quiz_prefer = (loop.weakest_terms, "review.quiz.weakest")
        reminder = daily.composer(PostKind.RETRO_REMINDER)
        daily.register(PostKind.RETRO_REMINDER, loop.with_due_reviews(reminder))
        digest = daily.composer(PostKind.WEEKLY_DIGEST)
        daily.register(PostKind.WEEKLY_DIGEST, with_team_heatmap(review, digest))
        glossary.offer_review()
        return review

    @property
    def scheduler(self) -> DailyScheduler | None:
        """The running schedule (None outside ``async with``); tests fire its jobs."""
        return self._scheduler

    async def start_schedule(
        self, publisher: Publisher, platform: Platform | None = None
    ) -> list[PostedItem]:
        """Connect a face's publisher; once every face is connected, catch up and start.

        With one face, ``platform`` may be left out.
        """
        self.relay.connect(platform or self.platforms[0], publisher)
        if self._scheduler is None:
            raise RuntimeError("use Application as an async context manager")
        if any(name not in self.relay.targets for name in self.platforms):
            return []
        return await self._scheduler.start()

    def on_ready(self, platform: Platform) -> Callable[[Publisher], Awaitable[object]]:
        """The callback a face calls once connected, with its publisher."""
        return functools.partial(self.start_schedule, platform=platform)

    async def post_due(
        self,
        publishers: Publisher | Mapping[Platform, Publisher],
        at: dt.datetime,
        space: str | None,
    ) -> list[PostedItem]:
        """Post what is due at ``at`` once, through the same path as the scheduler."""
        if isinstance(publishers, Mapping):
            for platform, publisher in publishers.items():
                self.relay.connect(platform, publisher)
        else:
            self.relay.connect(self.platforms[0], publishers)
        if self.services.daily is None:
            raise RuntimeError("use Application as an async context manager")
        return await self.services.daily.post_due(at, space)

    async def export_glossary(self, space: str) -> str:
        """A space's accepted glossary terms as content YAML."""
        if self._storage is None:
            raise RuntimeError("use Application as an async context manager")
        return await self._storage.export_glossary(space)

    async def anki_terms(self, space: str, member: str | None) -> tuple[Term, ...]:
        """The glossary a space sees, or only the terms ``member`` has review cards for."""
        terms = self.services.glossary.terms(space)
        if member is None or self.services.review is None:
            return terms
        mine = await self.services.review.card_terms(space, member)
        return tuple(term for term in terms if term.id in mine)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown()
        await self._exit.aclose()


async def run(
    settings: Settings,
    platform: Platform | None = None,
    *,
    force_sync: bool = False,
    clock: Clock | None = None,
) -> None:
    """Start every configured face (or ``platform``) and run until they end or SIGTERM/SIGINT.

    The faces share one database, one content index and one router, so a team on both
    Discord and Slack sees one glossary.
    """
    content, index = load(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    heartbeat = asyncio.create_task(_beat(settings.data_dir / HEARTBEAT_FILE))
    faces = chosen(settings, platform)
    try:
        async with Application(
            settings, content, [face.name for face in faces], index=index, clock=clock
        ) as application:
            await _serve(application, faces, force_sync=force_sync)
    finally:
        heartbeat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await heartbeat


async def _serve(application: Application, faces: list[Face], *, force_sync: bool) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    router = build_router(application.services)
    tasks: list[asyncio.Task[None]] = [
        asyncio.create_task(
            face.serve(
                Serving(
                    settings=application.settings,
                    services=application.services,
                    router=router,
                    stop=stop,
                    on_ready=application.on_ready(face.name),
                    force_sync=force_sync,
                )
            ),
            name=f"face-{face.name}",
        )
        for face in faces
    ]
    await run_faces(tasks, stop)


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
    """Force a command sync on every face that registers commands; one line per face."""
    services = Services(glossary=GlossaryService(*load(settings)))
    lines = [
        await face.sync(settings, services) for face in chosen(settings) if face.sync is not None
    ]
    return "\n".join(lines)
