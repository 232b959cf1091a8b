"""Start, sync and stop the Discord face; the only entry points the composition root calls."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.adapters.discord import define
from bot.adapters.discord import help as help_feature
from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.core.services import Services
from bot.settings import Settings

__all__ = ["DiscordLoginError", "build_client", "run_client", "serve", "sync_commands"]

log = logging.getLogger(__name__)

# Gateway close code for a token Discord does not accept.
_AUTHENTICATION_FAILED = 4004
_CLOSE_TIMEOUT = 10.0


def point_at(settings: Settings) -> None:
    """Aim discord.py at the configured API and gateway (a local fake in tests)."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def build_client(settings: Settings, services: Services, *, force_sync: bool = False) -> StudyBot:
    """A client with every command and button route registered."""
    bot = StudyBot(settings, services, force_sync=force_sync)
    define.register(bot)
    help_feature.register(bot)
    return bot


async def serve(
    settings: Settings,
    services: Services,
    *,
    stop: asyncio.Event | None = None,
    force_sync: bool = False,
) -> None:
    """Log in, sync commands if they changed, and answer until ``stop`` is set or Discord ends."""
    await run_client(build_client(settings, services, force_sync=force_sync), stop=stop)


async def sync_commands(settings: Settings, services: Services) -> str:
    """Sync the commands now, whether or not they changed; a one-line summary."""
    bot = build_client(settings, services, force_sync=True)
    async with bot:
        await _login(bot)
    return bot.sync_summary


async def run_client(bot: StudyBot, *, stop: asyncio.Event | None = None) -> None:
    """Log ``bot`` in, run its gateway until ``stop`` or the connection ends, then close it."""
    async with bot:
        await _login(bot)
        # Content, index and client now live until shutdown; frozen, the collector stops
        # rescanning them on every full collection (fewer, shorter pauses under load).
        gc.collect()
        gc.freeze()
        gateway = asyncio.create_task(bot.connect(reconnect=True), name="discord-gateway")
        stopper = asyncio.create_task(_wait(stop), name="discord-stop")
        try:
            await asyncio.wait({gateway, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopper.cancel()
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
