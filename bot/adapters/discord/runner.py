"""Start, sync and stop the Discord face; the only entry points the composition root calls."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.adapters.discord import daily, define, journal, quiz, review, spaces
from bot.adapters.discord import help as help_feature
from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.adapters.discord.publisher import DiscordPublisher
from bot.core.errors import StudyBotError
from bot.core.interaction.router import Router
from bot.core.ports import Publisher
from bot.core.services import Services
from bot.settings import Settings

__all__ = [
    "DiscordLoginError",
    "DiscordUnreachableError",
    "OnReady",
    "build_client",
    "run_client",
    "serve",
    "sync_commands",
]

log = logging.getLogger(__name__)

# The bot has no voice: discord.py's warnings about missing voice libraries (PyNaCl, davey)
# only alarm the operator, so they are switched off before any client is built.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False

# Login retries while running as a service: 1 s, 2 s, 4 s … at most 5 minutes apart.
_RETRY_FIRST = 1.0
_RETRY_MAX = 300.0
# What a network without Discord looks like at login (DNS, refused, timeouts, Discord's 5xx).
_UNREACHABLE = (OSError, aiohttp.ClientError, TimeoutError, discord.DiscordServerError)

Sleep = Callable[[float], Awaitable[None]]


class DiscordUnreachableError(StudyBotError):
    """Discord could not be reached at login (no network, DNS, or Discord's own outage)."""

    key = "error.discord_unreachable"


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
    retry_sleep: Sleep = asyncio.sleep,
) -> None:
    """Log in, sync commands if they changed, and answer until ``stop`` is set or Discord ends.

    ``on_ready`` (the schedule's start) is awaited once, after the first READY. While Discord
    cannot be reached the login is retried with exponential backoff, one log line per attempt.
    """
    bot = build_client(settings, services, force_sync=force_sync, router=router)
    await run_client(bot, stop=stop, on_ready=on_ready, retry_sleep=retry_sleep)


async def sync_commands(settings: Settings, services: Services) -> str:
    """Sync the commands now, whether or not they changed; a one-line summary."""
    bot = build_client(settings, services, force_sync=True)
    async with bot:
        try:
            await _login(bot)
        except _UNREACHABLE as exc:  # a one-off command: say so once, do not retry
            raise DiscordUnreachableError(
                "Discord could not be reached", reason=_reason(exc)
            ) from None
    return bot.sync_summary


async def run_client(
    bot: StudyBot,
    *,
    stop: asyncio.Event | None = None,
    on_ready: OnReady | None = None,
    retry_sleep: Sleep = asyncio.sleep,
) -> None:
    """Log ``bot`` in, run its gateway until ``stop`` or the connection ends, then close it.

    ``on_ready`` gets a Publisher once, after the first READY; RESUMEs and later sessions
    do not call it again. If it fails, the bot stops with its error rather than run unscheduled.
    A login that cannot reach Discord is retried (see ``_login_with_retry``) until ``stop``.
    """
    async with bot:
        if not await _login_with_retry(bot, stop, retry_sleep):
            return  # stopped while waiting for the network
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


async def _login_with_retry(bot: StudyBot, stop: asyncio.Event | None, sleep: Sleep) -> bool:
    """Log in, retrying with exponential backoff while Discord is unreachable.

    Each failed attempt is one WARNING line without a traceback. A rejected or missing token
    is not retried (it will not fix itself). False when ``stop`` was set while waiting.
    """
    delay = _RETRY_FIRST
    attempt = 1
    while True:
        try:
            await _login(bot)
        except _UNREACHABLE as exc:
            await _drop_session(bot)
            log.warning(
                "cannot reach Discord (attempt %d: %s); retrying in %.0f s",
                attempt,
                _reason(exc),
                delay,
            )
        else:
            return True
        if await _stopped_during(sleep(delay), stop):
            log.info("stopped while waiting to reach Discord")
            return False
        delay = min(delay * 2, _RETRY_MAX)
        attempt += 1


async def _drop_session(bot: StudyBot) -> None:
    """Close the HTTP session a failed login opened, so the next attempt starts a fresh one.

    Closing the session closes its connector too; discord.py makes a new connector at the
    next login only when none is set, so the closed one is forgotten here.
    """
    await bot.http.close()
    bot.http.connector = discord.utils.MISSING


async def _stopped_during(pause: Awaitable[None], stop: asyncio.Event | None) -> bool:
    """Wait for ``pause``, or less if ``stop`` is set first; whether ``stop`` is set."""
    waiters: set[asyncio.Future[Any]] = {asyncio.ensure_future(pause)}
    if stop is not None:
        waiters.add(asyncio.ensure_future(stop.wait()))
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)
    return stop is not None and stop.is_set()


def _reason(exc: BaseException) -> str:
    """A short, token-free description of a network failure, for one log or error line."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
