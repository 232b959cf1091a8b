"""The registry of chat faces: which exist, which are configured, and how each one starts.

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

from bot.core.interaction.router import Router
from bot.core.ports import Publisher
from bot.core.services import Services
from bot.settings import Platform, Settings

OnReady = Callable[[Publisher], Awaitable[object]]


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
