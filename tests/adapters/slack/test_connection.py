"""Connecting: tokens checked at start, rate limits retried, reconnects lose no event."""

from __future__ import annotations

import asyncio
import logging
import os
import sys

import pytest

from bot.adapters.slack.runner import SlackLoginError
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.conftest import TIMEOUT, make_settings, running


async def test_the_bot_connects_and_answers_help(bot):
    sent = await bot.command("help")
    assert sent["response_type"] == "ephemeral"
    assert "/define" in str(sent["blocks"])
    assert bot.fake.calls["auth.test"] >= 1


async def test_a_rejected_bot_token_is_one_clear_error(fake, tmp_path):
    settings = make_settings(fake, tmp_path, slack_bot_token="xoxb-wrong")
    with pytest.raises(SlackLoginError) as caught:
        async with running(fake, settings):
            pass
    assert caught.value.params == {"setting": "SLACK_BOT_TOKEN"}


async def test_a_rejected_app_token_is_one_clear_error(fake, tmp_path):
    settings = make_settings(fake, tmp_path, slack_app_token="xapp-wrong")
    with pytest.raises(SlackLoginError) as caught:
        async with running(fake, settings):
            pass
    assert caught.value.params == {"setting": "SLACK_APP_TOKEN"}


async def test_a_rate_limited_call_is_retried_after_retry_after(bot):
    bot.fake.rate_limited["users.info"] = 1
    sent = await bot.command("help")
    assert "/define" in str(sent["blocks"])
    assert bot.fake.calls["users.info"] == 2


async def test_after_a_disconnect_the_bot_reconnects_and_loses_no_event(bot):
    before = await bot.fake.wait_connected()
    await bot.command("help")
    await bot.fake.disconnect()
    # Sent while the bot is between connections: it arrives on the new one, once.
    first = await bot.command("define", "도커")
    second = await bot.command("help")
    after = await bot.fake.wait_connected()
    assert after != before
    assert bot.fake.connections.empty()  # exactly one new connection
    assert first["blocks"][0]["text"]["text"] == "도커"
    assert "/define" in str(second["blocks"])
    assert bot.fake.responses.empty()  # no envelope was answered twice


async def test_an_envelope_unacknowledged_when_the_socket_drops_comes_again(bot):
    await bot.fake.wait_connected()
    bot.fake.hold_acks = True  # the socket closes before the bot's ack is read
    pending = await bot.fake.envelope("slash_commands", p.command(bot.fake, "help"))
    await bot.response()
    await bot.fake.drop()
    await bot.fake.wait_connected()
    bot.fake.hold_acks = False
    await asyncio.wait_for(pending, TIMEOUT)
    again = await bot.response()
    assert "/define" in str(again["blocks"])


async def test_a_rejected_token_stops_the_whole_process_with_one_line(fake, tmp_path):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SLACK_BOT_TOKEN": "xoxb-wrong",
        "SLACK_APP_TOKEN": fake.app_token,
        "SLACK_API_BASE": fake.api_base,
        "STUDYBOT_DATA_DIR": str(tmp_path),
        "STUDYBOT_LOG_LEVEL": "CRITICAL",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 1
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "SLACK_BOT_TOKEN" in lines[0]
    assert "xoxb-wrong" not in err.decode() + out.decode()


async def test_a_normal_start_logs_no_warning(fake, settings, monkeypatch, caplog):
    # Bolt reads SLACK_BOT_TOKEN from the environment too, as a running bot has it.
    monkeypatch.setenv("SLACK_BOT_TOKEN", fake.bot_token)
    caplog.set_level(logging.INFO)
    async with running(fake, settings) as bot:
        await bot.command("help")
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []
