"""Login, IDENTIFY, RESUME and shutdown against the fake Discord; nothing in discord.py patched."""

from __future__ import annotations

import asyncio
import logging

import discord
import pytest

from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.adapters.discord.runner import serve
from tests.adapters.discord.conftest import make_settings, running, serving


async def test_identify_asks_for_the_guilds_intent_only(fake, bot):
    assert len(fake.identifies) == 1
    assert fake.identifies[0]["intents"] == discord.Intents(guilds=True).value == 1


async def test_reconnect_request_resumes_the_same_session(fake, bot):
    await fake.reconnect()

    assert await fake.wait_session() == "resume"
    assert len(fake.identifies) == 1
    assert fake.resumes[0]["session_id"]
    answer = await (await fake.slash("define", {"용어": "cgroup"})).reply()
    assert answer.embeds[0]["title"] == "Cgroup"


async def test_stop_event_ends_serve_cleanly(fake, settings, services):
    async with running(fake, serving(settings, services)) as task:
        pass

    assert task.done()
    assert task.exception() is None


async def test_rejected_token_gives_the_login_error(fake, tmp_path, services):
    settings = make_settings(fake, tmp_path, discord_token="not-the-token")

    with pytest.raises(DiscordLoginError) as caught:
        await serve(settings, services)

    assert caught.value.key == "error.discord_login"
    assert "not-the-token" not in str(caught.value)
    assert fake.identifies == []


async def test_gateway_refusing_the_token_gives_the_login_error(fake, settings, services):
    fake.identify_token = "revoked"

    with pytest.raises(DiscordLoginError):
        await asyncio.wait_for(serve(settings, services), 10)

    assert fake.identifies == []


async def test_missing_token_is_reported_before_any_request(fake, tmp_path, services):
    settings = make_settings(fake, tmp_path, discord_token=None)

    with pytest.raises(MissingTokenError):
        await serve(settings, services)

    assert fake.command_puts == []


async def test_logs_carry_one_line_per_interaction_and_never_a_token(
    fake, settings, services, caplog
):
    caplog.set_level(logging.DEBUG)
    async with running(fake, serving(settings, services)):
        interaction = await fake.slash("define", {"용어": "cgroup"})
        await interaction.reply()

    lines = [r.getMessage() for r in caplog.records if f"id={interaction.id}" in r.getMessage()]
    assert len(lines) == 1
    assert "command=define outcome=ok latency_ms=" in lines[0]
    assert fake.token not in caplog.text
    # discord.py's own DEBUG lines show interaction (webhook) URLs; ours never do.
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("bot.")]
    assert not any(interaction.token in line for line in ours)
