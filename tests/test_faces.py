"""The face registry: one process serves every configured face over one database."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import Application
from bot.core.models import SpaceRef
from bot.core.replies import Reply
from bot.faces import FACES, PublisherUnavailableError, Relay, chosen, run_faces
from bot.infra.content import load_content, shipped_content_dir
from bot.settings import Settings


class Recorder:
    def __init__(self) -> None:
        self.posts: list[tuple[SpaceRef, str]] = []

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        self.posts.append((space, reply.body))
        return str(len(self.posts))

    async def edit(self, space, channel, message_id, reply) -> None:
        self.posts.append((space, f"edit {message_id}"))


def test_with_no_token_the_console_is_chosen_and_a_platform_can_be_forced(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert [f.name for f in chosen(settings)] == ["console"]
    with_token = Settings(_env_file=None, data_dir=tmp_path, discord_token="x")
    assert [f.name for f in chosen(with_token)] == ["discord"]
    assert [f.name for f in chosen(with_token, "console")] == ["console"]
    assert set(FACES) >= {"console", "discord"}


async def test_the_relay_sends_each_space_to_its_own_face():
    relay, discord_side, console_side = Relay(), Recorder(), Recorder()
    relay.connect("discord", discord_side)
    relay.connect("console", console_side)
    await relay.post(SpaceRef("discord", "1"), "c", Reply(body="to discord"))
    await relay.post(SpaceRef("console", "local"), "c", Reply(body="to console"))
    assert discord_side.posts == [(SpaceRef("discord", "1"), "to discord")]
    assert console_side.posts == [(SpaceRef("console", "local"), "to console")]
    with pytest.raises(PublisherUnavailableError):
        await relay.post(SpaceRef("slack", "T1"), "c", Reply(body="nobody"))


async def test_the_schedule_starts_once_every_face_is_connected(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path)
    content = load_content(shipped_content_dir())
    async with Application(settings, content, ["discord", "console"]) as app:
        await app.on_ready("discord")(Recorder())
        assert not app.scheduler.scheduler.running
        await app.on_ready("console")(Recorder())
        assert app.scheduler.scheduler.running


async def test_a_failing_face_stops_the_others_and_ends_with_its_error():
    stop = asyncio.Event()
    stopped = asyncio.Event()

    async def healthy() -> None:
        await stop.wait()
        stopped.set()

    async def broken() -> None:
        raise RuntimeError("token rejected")

    tasks = [asyncio.create_task(healthy()), asyncio.create_task(broken())]
    with pytest.raises(RuntimeError, match="token rejected"):
        await run_faces(tasks, stop)
    assert stopped.is_set()


async def test_a_face_that_ends_on_its_own_ends_the_process_quietly():
    stop = asyncio.Event()

    async def quits() -> None:
        return None

    async def waits() -> None:
        await stop.wait()

    await run_faces([asyncio.create_task(quits()), asyncio.create_task(waits())], stop)
    assert stop.is_set()
