"""The registry of chat faces: which exist, how each starts, and how posts reach them.

Nothing else branches on the platform. ``app.run`` starts every configured face in one
process, sharing one database, one content index and one router; ``post-due`` borrows a
face's one-off publisher; ``sync`` asks the faces that register commands with a platform.
Each face's SDK is imported only when that face is used.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from bot.core.errors import StudyBotError
from bot.core.interaction.router import Router
from bot.core.models import SpaceRef
from bot.core.ports import Publisher
from bot.core.replies import Reply
from bot.core.services import Services
from bot.settings import Platform, Settings

OnReady = Callable[[Publisher], Awaitable[object]]
# How long a face that does not watch ``stop`` gets to close before it is cancelled.
FACE_CLOSE_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class Serving:
    """What a face gets to serve: the shared services and router, and when to stop."""

    settings: Settings
    services: Services
    router: Router
    stop: asyncio.Event
    on_ready: OnReady
    force_sync: bool = False


@dataclass(frozen=True, slots=True)
class Face:
    """One chat platform: how it serves, publishes outside a running bot, and syncs."""

    name: Platform
    serve: Callable[[Serving], Coroutine[Any, Any, None]]
    publisher: Callable[[Settings], AbstractAsyncContextManager[Publisher]]
    sync: Callable[[Settings, Services], Awaitable[str]] | None = None


async def _serve_console(serving: Serving) -> None:
    from bot.adapters import console

    await console.serve(serving.services, serving.settings.locale, serving.on_ready, serving.router)


@contextlib.asynccontextmanager
async def _console_publisher(settings: Settings) -> AsyncIterator[Publisher]:
    from bot.adapters import console

    yield console.ConsolePublisher(sys.stdout, locale=settings.locale)


async def _serve_discord(serving: Serving) -> None:
    from bot.adapters.discord.runner import serve

    await serve(
        serving.settings,
        serving.services,
        stop=serving.stop,
        force_sync=serving.force_sync,
        on_ready=serving.on_ready,
        router=serving.router,
    )


def _discord_publisher(settings: Settings) -> AbstractAsyncContextManager[Publisher]:
    from bot.adapters.discord.publisher import rest_publisher

    publisher: AbstractAsyncContextManager[Publisher] = rest_publisher(settings)
    return publisher


async def _sync_discord(settings: Settings, services: Services) -> str:
    from bot.adapters.discord.runner import sync_commands

    return await sync_commands(settings, services)


async def _serve_slack(serving: Serving) -> None:
    from bot.adapters.slack.runner import serve

    await serve(serving)


def _slack_publisher(settings: Settings) -> AbstractAsyncContextManager[Publisher]:
    from bot.adapters.slack.runner import rest_publisher

    publisher: AbstractAsyncContextManager[Publisher] = rest_publisher(settings)
    return publisher


FACES: dict[str, Face] = {
    "console": Face("console", _serve_console, _console_publisher),
    "discord": Face("discord", _serve_discord, _discord_publisher, _sync_discord),
    "slack": Face("slack", _serve_slack, _slack_publisher),
}


def chosen(settings: Settings, platform: str | None = None) -> list[Face]:
    """The faces to run: the one asked for, else every face with its tokens, else the console."""
    names = [platform] if platform is not None else list(settings.platforms)
    return [FACES[name] for name in names]


class PublisherUnavailableError(StudyBotError):
    key = "error.generic"


class Relay:
    """The Publisher the services hold; it forwards each post to its space's face once up.

    The services are built before the faces (the faces need them), and a face's publisher
    exists only once it is connected, so the link is made late, here, in one place. A space
    belongs to one platform (``discord:…``, ``slack:…``), and its posts go to that face.
    """

    def __init__(self) -> None:
        self.targets: dict[str, Publisher] = {}

    def connect(self, platform: str, publisher: Publisher) -> None:
        self.targets[platform] = publisher

    def _target(self, space: SpaceRef) -> Publisher:
        target = self.targets.get(space.platform)
        if target is None:
            raise PublisherUnavailableError(f"no {space.platform} face is connected")
        return target

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        return await self._target(space).post(space, channel, reply)

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        await self._target(space).edit(space, channel, message_id, reply)


async def run_faces(tasks: list[asyncio.Task[None]], stop: asyncio.Event) -> None:
    """Run the faces until one ends or ``stop`` is set; then stop the rest.

    A face that fails (a rejected token, say) ends the whole process with its error, so an
    operator notices; a face that ends on its own (the console's /quit) ends it quietly.
    """
    stopper = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({*tasks, stopper}, return_when=asyncio.FIRST_COMPLETED)
    stop.set()
    remaining = [task for task in tasks if task not in done]
    if remaining:
        # Faces that watch ``stop`` close cleanly; one that does not is cancelled.
        _, pending = await asyncio.wait(remaining, timeout=FACE_CLOSE_TIMEOUT)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    stopper.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await stopper
    for task in tasks:
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
