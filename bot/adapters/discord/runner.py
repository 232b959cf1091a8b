"""Start, sync and stop the Discord face; the only entry points the composition root calls."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.adapters.discord import daily, define, journal, quiz, review, spaces
from bot.adapters.discord import help as help_feature
from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.adapters.discord.publisher import DiscordPublisher
from bot.core.interaction.router import Router
from bot.core.ports import Publisher
from bot.core.services import Services
from bot.settings import Settings

__all__ = ["DiscordLoginError", "OnReady", "build_client", "run_client", "serve", "sync_commands"]

log = logging.getLogger(__name__)

# Gateway close code for a token Discord does not accept.
_AUTHENTICATION_FAILED = 4004
_CLOSE_TIMEOUT = 10.0

# Called once the gateway is READY, with a Publisher over the connected client.
OnReady = Callable[[Publisher], Awaitable[object]]


def point_at(settings: Settings) -> None:
    """Aim discord.py at the configured API and gateway (a local fake in tests)."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class ShardedStudyBot(StudyBot, discord.AutoShardedClient):
    """The client holding several shards (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS)."""


def build_client(
    settings: Settings,
    services: Services,
    *,
    force_sync: bool = False,
    router: Router | None = None,
) -> StudyBot:
    """A client with every command registered; buttons and forms go through the router."""
    plan = settings.shard_plan()
    if plan.count is None:
        bot = StudyBot(settings, services, force_sync=force_sync, router=router)
    else:  # discord.py reads these two when it launches the shards, at connect
        bot = sharded = ShardedStudyBot(settings, services, force_sync=force_sync, router=router)
        sharded.shard_count, sharded.shard_ids = plan.count, list(plan.held)
    for feature in (define, help_feature, daily, quiz, spaces, journal, review):
        feature.register(bot)
    return bot


async def serve(
    settings: Settings,
    services: Services,
    *,
    stop: asyncio.Event | None = None,
    force_sync: bool = False,
    on_ready: OnReady | None = None,
    router: Router | None = None,
) -> None:
    """Log in, sync commands if they changed, and answer until ``stop`` is set or Discord ends.

    ``on_ready`` (the schedule's start) is awaited once, after the first READY.
    """
    bot = build_client(settings, services, force_sync=force_sync, router=router)
    await run_client(bot, stop=stop, on_ready=on_ready)


async def sync_commands(settings: Settings, services: Services) -> str:
    """Sync the commands now, whether or not they changed; a one-line summary."""
    bot = build_client(settings, services, force_sync=True)
    async with bot:
        await _login(bot)
    return bot.sync_summary


async def run_client(
    bot: StudyBot, *, stop: asyncio.Event | None = None, on_ready: OnReady | None = None
) -> None:
    """Log ``bot`` in, run its gateway until ``stop`` or the connection ends, then close it.

    ``on_ready`` gets a Publisher once, after the first READY; RESUMEs and later sessions
    do not call it again. If it fails, the bot stops with its error rather than run unscheduled.
    """
    async with bot:
        await _login(bot)
        # Content, index and client now live until shutdown; frozen, the collector stops
        # rescanning them on every full collection (fewer, shorter pauses under load).
        gc.collect()
        gc.freeze()
        # Created before the gateway task so its READY listener is in place in time.
        starter = asyncio.create_task(_when_ready(bot, on_ready), name="discord-on-ready")
        gateway = asyncio.create_task(bot.connect(reconnect=True), name="discord-gateway")
        stopper = asyncio.create_task(_wait(stop), name="discord-stop")
        try:
            await _until_ended(gateway, stopper, starter)
        finally:
            stopper.cancel()
            starter.cancel()
            await bot.close()
            gc.unfreeze()
            await _finish(gateway)


async def _login(bot: StudyBot) -> None:
    point_at(bot.settings)
    token = bot.settings.discord_token
    if token is None:
        raise MissingTokenError
    try:
        await bot.login(token.get_secret_value())
    except discord.LoginFailure:
        raise DiscordLoginError("Discord rejected the bot token (HTTP 401)") from None
    log.info("logged in to Discord as %s (application %s)", bot.user, bot.application_id)


async def _when_ready(bot: StudyBot, on_ready: OnReady | None) -> None:
    if on_ready is None:
        return
    # discord.py dispatches "connect" on READY (a new session), never on RESUMED.
    await bot.wait_for("connect")
    await on_ready(DiscordPublisher(bot))


async def _until_ended(
    gateway: asyncio.Task[None], stopper: asyncio.Task[None], starter: asyncio.Task[None]
) -> None:
    """Wait for the gateway to end or ``stop``; a failed ``on_ready`` ends it too."""
    pending: set[asyncio.Task[None]] = {gateway, stopper, starter}
    while gateway in pending and stopper in pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        if starter in done:
            starter.result()


async def _wait(stop: asyncio.Event | None) -> None:
    if stop is None:
        await asyncio.Future()  # never set: run until the gateway ends
    else:
        await stop.wait()


async def _finish(gateway: asyncio.Task[None]) -> None:
    try:
        await asyncio.wait_for(gateway, _CLOSE_TIMEOUT)
    except discord.ConnectionClosed as closed:
        if closed.code == _AUTHENTICATION_FAILED:
            raise DiscordLoginError("the gateway rejected the bot token (4004)") from None
        raise
    except TimeoutError:
        log.warning("the gateway did not close within %.0f s", _CLOSE_TIMEOUT)
    with contextlib.suppress(asyncio.CancelledError):
        await gateway
