"""Start-up without a network or a token: one clear line, and a service that keeps retrying."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp import web

from bot.adapters.discord.runner import DiscordUnreachableError, serve, sync_commands
from tests.adapters.discord.conftest import make_settings, running

ROOT = Path(__file__).resolve().parents[3]


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unreachable_api(fake, port: int) -> str:
    return fake.api_base.replace(f":{fake.port}/", f":{port}/")


def _offline(fake, tmp_path):
    return make_settings(fake, tmp_path, discord_api_base=_unreachable_api(fake, _closed_port()))


async def test_login_retries_with_doubling_delays_until_discord_answers(
    fake, tmp_path, services, caplog
):
    port = _closed_port()
    settings = make_settings(fake, tmp_path, discord_api_base=_unreachable_api(fake, port))
    delays: list[float] = []

    async def network_returns_after_three_waits(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 3:  # the network is back: the same REST API now answers on `port`
            await web.TCPSite(fake._runner, "127.0.0.1", port).start()

    caplog.set_level(logging.INFO)
    main = lambda stop: serve(  # noqa: E731
        settings, services, stop=stop, retry_sleep=network_returns_after_three_waits
    )
    async with running(fake, main):
        pass

    assert delays == [1.0, 2.0, 4.0]
    attempts = [r for r in caplog.records if "cannot reach Discord" in r.getMessage()]
    assert [r.levelno for r in attempts] == [logging.WARNING] * 3
    assert all(r.exc_info is None for r in attempts)  # one line each, no traceback
    assert "attempt 1" in attempts[0].getMessage()
    assert "retrying in 4 s" in attempts[2].getMessage()
    assert fake.token not in caplog.text
    assert len(fake.identifies) == 1


async def test_retry_delays_stop_growing_at_five_minutes(fake, tmp_path, services):
    settings = _offline(fake, tmp_path)
    stop = asyncio.Event()
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 12:
            stop.set()

    await asyncio.wait_for(serve(settings, services, stop=stop, retry_sleep=record), 30)

    assert delays[:10] == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 300.0]
    assert delays[10:] == [300.0, 300.0]


async def test_stop_while_waiting_for_the_network_ends_serve_cleanly(fake, tmp_path, services):
    settings = _offline(fake, tmp_path)
    stop = asyncio.Event()

    async def wait_forever(seconds: float) -> None:
        stop.set()  # SIGTERM arrives during the wait
        await asyncio.Event().wait()

    await asyncio.wait_for(serve(settings, services, stop=stop, retry_sleep=wait_forever), 10)

    assert fake.identifies == []


async def test_sync_without_network_is_one_error_not_a_retry(fake, tmp_path):
    settings = _offline(fake, tmp_path)

    with pytest.raises(DiscordUnreachableError) as caught:
        await sync_commands(settings, services=None)  # type: ignore[arg-type]

    assert caught.value.key == "error.discord_unreachable"
    assert "ClientConnectorError" in caught.value.params["reason"]


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "STUDYBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
        env=base | env,
    )  # fmt: skip


def test_sync_without_token_is_one_line_with_no_voice_warnings(tmp_path):
    proc = _cli("sync", STUDYBOT_DATA_DIR=str(tmp_path))

    assert proc.returncode == 78
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "DISCORD_TOKEN" in lines[0]
    assert "--platform console" not in lines[0]  # that hint is for `run`, not for `sync`


def test_sync_with_a_token_but_no_network_is_one_line_without_traceback(tmp_path):
    api = f"http://127.0.0.1:{_closed_port()}/api/v10"
    proc = _cli(
        "sync",
        STUDYBOT_DATA_DIR=str(tmp_path),
        STUDYBOT_LOG_LEVEL="WARNING",
        DISCORD_TOKEN="secret-token-value",
        DISCORD_API_BASE=api,
    )

    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "디스코드에 연결할 수 없어요" in lines[0]
    assert "voice" not in proc.stderr
    assert "secret-token-value" not in proc.stderr
