"""Fixtures: a fake Discord on a random port and the real bot connected to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.discord.runner import serve
from bot.core.glossary import GlossaryService
from bot.core.services import Services
from bot.settings import Settings
from tests.adapters.discord.fake_discord import FakeDiscord
from tests.adapters.discord.sample_content import sample_content

STOP_TIMEOUT = 10.0


def make_settings(fake: FakeDiscord, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "discord_token": fake.token,
        "discord_guild_ids": fake.guild_ids,
        "discord_api_base": fake.api_base,
        "discord_gateway_url": fake.gateway_url,
        "data_dir": data_dir,
        "locale": "ko",
    }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]


def make_services(glossary: GlossaryService | None = None) -> Services:
    return Services(glossary=glossary or GlossaryService(sample_content()))


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


@pytest.fixture
def settings(fake: FakeDiscord, tmp_path: Path) -> Settings:
    return make_settings(fake, tmp_path)


@pytest.fixture
def services() -> Services:
    return make_services()


Main = Callable[[asyncio.Event], Coroutine[Any, Any, None]]


def serving(settings: Settings, services: Services, **kwargs: Any) -> Main:
    return lambda stop: serve(settings, services, stop=stop, **kwargs)


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord, main: Main) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``main(stop)`` until the block ends; enter once the bot has identified."""
    stop = asyncio.Event()
    task = asyncio.create_task(main(stop))
    session = asyncio.ensure_future(fake.wait_session())
    done, _ = await asyncio.wait({task, session}, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        session.cancel()
        task.result()
        raise AssertionError("the bot stopped before it identified")
    assert session.result() == "identify"
    try:
        yield task
    finally:
        stop.set()
        await asyncio.wait_for(task, STOP_TIMEOUT)


@pytest.fixture
async def bot(
    fake: FakeDiscord, settings: Settings, services: Services
) -> AsyncIterator[asyncio.Task[None]]:
    async with running(fake, serving(settings, services)) as task:
        yield task
