"""Fixtures: a fake Slack on a random port and the real Slack face, on a real Application."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack.runner import serve
from bot.app import Application
from bot.core.interaction.setup import build_router
from bot.faces import Serving
from bot.settings import Settings
from tests.adapters.discord.sample_content import sample_content
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.fake_users import LISTED

TIMEOUT = 5.0


def make_settings(fake: FakeSlack, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": fake.bot_token,
        "slack_app_token": fake.app_token,
        "slack_api_base": fake.api_base,
        "slack_managers": (LISTED["id"],),
        "data_dir": data_dir,
        "locale": "ko",
        "channel_id": p.CHANNEL,
    }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]


@dataclass
class Bot:
    """The running face, its Application and the fake it talks to."""

    fake: FakeSlack
    app: Application
    task: asyncio.Task[None]

    async def command(self, name: str, text: str = "", **kwargs: Any) -> dict[str, Any]:
        """Run ``/name text``; the first response_url post (or an opened view)."""
        ack = await self.fake.envelope("slash_commands", p.command(self.fake, name, text, **kwargs))
        await asyncio.wait_for(ack, TIMEOUT)
        return await self.response()

    async def response(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.fake.responses.get(), TIMEOUT)

    async def view(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.fake.views.get(), TIMEOUT)

    async def post(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.fake.posts.get(), TIMEOUT)

    async def click(self, action_id: str, **kwargs: Any) -> dict[str, Any]:
        ack = await self.fake.envelope("interactive", p.click(self.fake, action_id, **kwargs))
        await asyncio.wait_for(ack, TIMEOUT)
        return await self.response()

    async def submit(
        self, view: dict[str, Any], values: dict[str, str], **kwargs: Any
    ) -> dict[str, Any]:
        """Submit a modal; the ack's payload ({} when accepted)."""
        ack = await self.fake.envelope("interactive", p.submit(view, values, **kwargs))
        return await asyncio.wait_for(ack, TIMEOUT)


@contextlib.asynccontextmanager
async def running(fake: FakeSlack, settings: Settings, **kwargs: Any) -> AsyncIterator[Bot]:
    """The Slack face on a real Application until the block ends; entered once connected."""
    clock = kwargs.get("clock")
    async with Application(settings, sample_content(), "slack", clock=clock) as app:
        stop = asyncio.Event()
        ready = asyncio.Event()

        async def on_ready(publisher: Any) -> None:
            await app.start_schedule(publisher, "slack")
            ready.set()

        serving = Serving(settings, app.services, build_router(app.services), stop, on_ready)
        options = {"post_spacing": kwargs.get("spacing", 0.0)}
        if "ack_within" in kwargs:
            options["ack_within"] = kwargs["ack_within"]
        task = asyncio.create_task(serve(serving, **options))
        waiting = asyncio.ensure_future(ready.wait())
        done, _ = await asyncio.wait(
            {task, waiting}, timeout=TIMEOUT, return_when="FIRST_COMPLETED"
        )
        if task in done:
            waiting.cancel()
            task.result()
        assert waiting in done, "the Slack face did not connect"
        try:
            yield Bot(fake, app, task)
        finally:
            stop.set()
            await asyncio.wait_for(task, TIMEOUT)
    assert fake.problems == []


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as server:
        yield server


@pytest.fixture
def settings(fake: FakeSlack, tmp_path: Path) -> Settings:
    return make_settings(fake, tmp_path)


@pytest.fixture
async def bot(fake: FakeSlack, settings: Settings) -> AsyncIterator[Bot]:
    async with running(fake, settings) as running_bot:
        yield running_bot
