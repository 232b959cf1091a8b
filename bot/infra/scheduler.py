"""APScheduler cron jobs per space and kind that call post_due; rebuilt on settings changes."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Self

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]

from bot.core.schedule import PostKind, kind_time

if TYPE_CHECKING:
    from bot.core.daily import DailyService, PostedItem
    from bot.core.ports import Clock
    from bot.core.spaces import SpaceService, SpaceSettings

log = logging.getLogger(__name__)

JOB_PREFIX = "daily:"
SWEEP_JOB = "daily:sweep"
DEFAULT_SWEEP = dt.timedelta(minutes=5)
_CRON_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class ScheduledJob:
    """A job as the scheduler holds it, for `/settings` previews, logs and tests."""

    job_id: str
    space: str | None
    kind: PostKind | None
    next_run: dt.datetime | None


def cron_trigger(settings: SpaceSettings, kind: PostKind) -> CronTrigger:
    """The trigger of one kind in one space, on its study days in its own timezone."""
    at = kind_time(settings, kind)
    days = ",".join(_CRON_DAYS[d] for d in settings.study_days)
    return CronTrigger(day_of_week=days, hour=at.hour, minute=at.minute, timezone=settings.tz)


class DailyScheduler:
    """Owns the AsyncIOScheduler: catch-up at start, one cron job per space and kind.

    The jobs only say "look now": every one of them calls ``DailyService.post_due``, which
    decides from the database what is due and not yet posted. A periodic sweep does the
    same, so a failed post is retried within the grace window and a round closes even when
    its cron tick was missed. Exactly-once comes from the post log, not from the scheduler.
    """

    def __init__(
        self,
        daily: DailyService,
        spaces: SpaceService,
        clock: Clock,
        *,
        scheduler: AsyncIOScheduler | None = None,
        sweep_every: dt.timedelta = DEFAULT_SWEEP,
    ) -> None:
        self._daily = daily
        self._spaces = spaces
        self._clock = clock
        self._sweep_every = sweep_every
        self._scheduler = scheduler or AsyncIOScheduler(
            timezone=dt.UTC,
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": int(daily.grace.total_seconds()),
            },
        )

    @property
    def scheduler(self) -> AsyncIOScheduler:
        return self._scheduler

    async def start(self) -> list[PostedItem]:
        """Catch up on what was missed while down, then schedule every space."""
        caught = await self.catch_up()
        await self.rebuild()
        if not self._scheduler.running:
            self._scheduler.start()
        return caught

    async def catch_up(self) -> list[PostedItem]:
        """Post whatever is due now within the grace window; our table, not APScheduler's."""
        posted = await self._daily.post_due(self._clock.now())
        if posted:
            log.info("caught up %d post(s) at start", len(posted))
        return posted

    async def rebuild(self) -> None:
        """Replace every daily job with jobs built from the spaces' current settings."""
        for job in self._scheduler.get_jobs():
            if job.id.startswith(JOB_PREFIX):
                job.remove()
        for settings in await self._spaces.all():
            if not settings.enabled or not settings.study_days:
                continue
            for kind in PostKind:
                self._scheduler.add_job(
                    self.run,
                    trigger=cron_trigger(settings, kind),
                    args=(settings.key,),
                    id=f"{JOB_PREFIX}{settings.key}:{kind.value}",
                    name=f"{kind.value} for {settings.key}",
                    replace_existing=True,
                )
        self._scheduler.add_job(
            self.run,
            trigger=IntervalTrigger(
                seconds=int(self._sweep_every.total_seconds()), timezone=dt.UTC
            ),
            id=SWEEP_JOB,
            name="daily sweep",
            replace_existing=True,
        )

    async def on_settings_changed(self, settings: SpaceSettings) -> None:
        """The SpaceService listener: a new time or timezone applies without a restart."""
        log.info("rescheduling after a settings change in %s", settings.key)
        await self.rebuild()

    async def run(self, space: str | None = None) -> list[PostedItem]:
        """What every job does: post what is due now (in one space, or all)."""
        return await self._daily.post_due(self._clock.now(), space)

    def jobs(self) -> list[ScheduledJob]:
        found = []
        for job in self._scheduler.get_jobs():
            if not job.id.startswith(JOB_PREFIX) or job.id == SWEEP_JOB:
                continue
            space, _, kind = job.id.removeprefix(JOB_PREFIX).rpartition(":")
            next_run = getattr(job, "next_run_time", None)
            if next_run is None and not self._scheduler.running:
                next_run = job.trigger.get_next_fire_time(None, self._clock.now())
            found.append(ScheduledJob(job.id, space, PostKind(kind), next_run))
        return found

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()
