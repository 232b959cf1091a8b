"""The composition root: builds settings, content, services and the chat face, and owns them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from bot.core.glossary import GlossaryService
from bot.core.models import Content
from bot.core.services import Services
from bot.infra.content import load_content, shipped_content_dir
from bot.settings import Platform, Settings

log = logging.getLogger(__name__)

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_EVERY = 30.0
HEARTBEAT_STALE_AFTER = 120.0


def content_dir(settings: Settings) -> Path:
    """The configured content folder, or the one shipped with the package."""
    return settings.content_dir if settings.content_dir is not None else shipped_content_dir()


def load(settings: Settings) -> Content:
    """Load and validate the content; raises ContentError with `path:line: message` lines."""
    return load_content(content_dir(settings))


def build_services(content: Content) -> Services:
    return Services(glossary=GlossaryService(content))


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


async def run(settings: Settings, platform: Platform, *, force_sync: bool = False) -> None:
    """Start the bot on ``platform`` and run until the chat face ends or SIGTERM/SIGINT."""
    services = build_services(load(settings))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    heartbeat = asyncio.create_task(_beat(settings.data_dir / HEARTBEAT_FILE))
    try:
        await _serve(settings, services, platform, force_sync=force_sync)
    finally:
        heartbeat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await heartbeat


async def _serve(
    settings: Settings, services: Services, platform: Platform, *, force_sync: bool
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    # The chat faces are imported on demand: discord.py alone costs a noticeable part of a
    # cold start, which `define` and the console should not pay.
    if platform == "discord":
        from bot.adapters.discord.runner import serve as serve_discord

        await serve_discord(settings, services, stop=stop, force_sync=force_sync)
        return
    from bot.adapters import console

    await _until(console.serve(services, settings.locale), stop)


async def _beat(path: Path) -> None:
    """Touch the heartbeat file while the event loop runs; `python -m bot health` reads it."""
    while True:
        await asyncio.to_thread(path.touch)
        await asyncio.sleep(HEARTBEAT_EVERY)


def healthy(settings: Settings, now: float) -> bool:
    """Whether the running bot touched its heartbeat recently (the container HEALTHCHECK)."""
    path = settings.data_dir / HEARTBEAT_FILE
    try:
        return now - path.stat().st_mtime < HEARTBEAT_STALE_AFTER
    except OSError:
        return False


async def sync_commands(settings: Settings) -> str:
    """Force a Discord command sync and return its one-line summary."""
    from bot.adapters.discord.runner import sync_commands as sync

    return await sync(settings, build_services(load(settings)))


async def _until(main: Coroutine[Any, Any, None], stop: asyncio.Event) -> None:
    task = asyncio.ensure_future(main)
    stopper = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    for pending in (task, stopper):
        if pending not in done:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pending
    if task in done:
        task.result()
