"""The daily loop under test: a real Application on SQLite, a movable clock, the fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.discord.runner import serve
from bot.app import Application
from bot.core.daily import PostedItem
from bot.core.ports import Publisher
from bot.settings import Settings
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import running
from tests.adapters.discord.fake_discord import FakeDiscord, Sent
from tests.adapters.discord.fake_modals import member
from tests.adapters.discord.sample_content import sample_content
from tests.core.fakes import FixedClock

TIMEOUT = 5.0
SEOUL = ZoneInfo("Asia/Seoul")
MONDAY = dt.date(2025, 3, 3)
SPACE_KEY = f"discord:{p.GUILD_ID}"
CHANNEL = str(p.CHANNEL_ID)

MANAGER = member(900_000_000_000_000_301, "Mina", manage_guild=True)
ALICE = member(900_000_000_000_000_302, "Alice")
BORA = member(900_000_000_000_000_303, "Bora")
CHAN = member(900_000_000_000_000_304, "Chan")
NO_MENTIONS = {"parse": []}
MARKS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣")


def seoul(hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SEOUL)


@dataclass
class Loop:
    """One bot process's Application, the clock its services read and its schedule's starts."""

    app: Application
    clock: FixedClock
    started: asyncio.Event = field(default_factory=asyncio.Event)
    publishers: list[Publisher] = field(default_factory=list)

    async def start_schedule(self, publisher: Publisher) -> list[PostedItem]:
        posted = await self.app.start_schedule(publisher)
        self.publishers.append(publisher)
        self.started.set()
        return posted

    def job(self, kind: str) -> Any:
        scheduler = self.app.scheduler
        assert scheduler is not None
        job = scheduler.scheduler.get_job(f"daily:{SPACE_KEY}:{kind}")
        assert job is not None, f"no {kind} job is scheduled"
        return job

    async def fire(self, kind: str, at: dt.datetime) -> list[PostedItem]:
        """Move the clock to ``at`` and run the scheduler's own job, as its trigger would."""
        self.clock.set(at)
        job = self.job(kind)
        return await job.func(*job.args)

    def next_fire(self, kind: str) -> dt.datetime:
        """When the job of ``kind`` fires next, seen from the test's clock."""
        return self.job(kind).trigger.get_next_fire_time(None, self.clock.now())


@contextlib.asynccontextmanager
async def study_loop(settings: Settings, now: dt.datetime) -> AsyncIterator[Loop]:
    clock = FixedClock(now)
    async with Application(settings, sample_content(), "discord", clock=clock) as app:
        yield Loop(app, clock)


@contextlib.asynccontextmanager
async def online(fake: FakeDiscord, loop: Loop) -> AsyncIterator[None]:
    """Serve ``loop`` to the fake Discord until the block ends; enter once the schedule runs."""
    settings, services = loop.app.settings, loop.app.services

    async def main(stop: asyncio.Event) -> None:
        await serve(settings, services, stop=stop, on_ready=loop.start_schedule)

    async with running(fake, main):
        await asyncio.wait_for(loop.started.wait(), TIMEOUT)
        yield


async def change_settings(
    fake: FakeDiscord, who: dict[str, Any] = MANAGER, *, locale: str = "ko", **options: Any
) -> Sent:
    """Run `/settings` with Korean option names; a ``채널`` option is resolved like Discord does."""
    resolved = None
    if "채널" in options:
        channel = str(options["채널"])
        resolved = {"channels": {channel: fake.channels.resolved(channel)}}
    interaction = await fake.slash(
        "settings", options, member=who, resolved=resolved, locale=locale
    )
    return await interaction.reply()


async def click(fake: FakeDiscord, post: Sent, custom_id: str, who: dict[str, Any]) -> Sent:
    interaction = await fake.click(post, custom_id, member=who)
    return await interaction.reply()


async def right_choice(loop: Loop) -> int:
    """The index of the open daily round's right option.

    Read from the round the service stored: a daily acknowledgement no longer names the answer
    while the quiz is open.
    """
    quiz = loop.app.services.quiz
    assert quiz is not None
    [rnd] = await quiz.rounds_to_settle(seoul(18))
    return rnd.question.answer


def field_value(sent: Sent, name: str) -> str:
    return next(f["value"] for f in sent.embeds[0].get("fields", []) if f["name"] == name)
