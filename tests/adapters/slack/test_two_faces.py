"""`python -m bot run` with Discord and Slack set: both faces in one process, one database."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys

from tests.adapters.discord import fake_payloads as dp
from tests.adapters.discord.fake_discord import FakeDiscord
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.fake_slack import TEAM, FakeSlack
from tests.adapters.slack.fake_users import ADMIN, ALICE

START = 60.0
TIMEOUT = 10.0
TERM = "플럭스커패시터"


async def _slack_ack(fake: FakeSlack, kind: str, payload: dict) -> dict:
    return await asyncio.wait_for(await fake.envelope(kind, payload), TIMEOUT)


async def _slack_accept_a_suggestion(slack: FakeSlack) -> dict:
    """Alice writes a retro with a new term; the admin accepts it from the suggestions."""
    await _slack_ack(slack, "slash_commands", p.command(slack, "retro", user=ALICE))
    view = (await asyncio.wait_for(slack.views.get(), TIMEOUT))["view"]
    values = {"reflection": "시간 여행을 공부했다", "terms": f"{TERM} | 시간 여행 장치"}
    assert await _slack_ack(slack, "interactive", p.submit(view, values, user=ALICE)) == {}
    await asyncio.wait_for(slack.posts.get(), TIMEOUT)
    await _slack_ack(slack, "slash_commands", p.command(slack, "glossary", "suggestions", ADMIN))
    listing = await asyncio.wait_for(slack.responses.get(), TIMEOUT)
    accept = next(
        e["action_id"]
        for b in listing["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith("journal:accept:")
    )
    await _slack_ack(slack, "interactive", p.click(slack, accept, ADMIN))
    return await asyncio.wait_for(slack.responses.get(), TIMEOUT)


async def test_discord_and_slack_run_together_on_one_database_and_one_glossary(tmp_path):
    async with FakeDiscord() as discord, FakeSlack() as slack:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DISCORD_TOKEN": discord.token,
            "DISCORD_GUILD_IDS": ",".join(str(g) for g in discord.guild_ids),
            "DISCORD_API_BASE": discord.api_base,
            "DISCORD_GATEWAY_URL": discord.gateway_url,
            "SLACK_BOT_TOKEN": slack.bot_token,
            "SLACK_APP_TOKEN": slack.app_token,
            "SLACK_API_BASE": slack.api_base,
            "STUDYBOT_DATA_DIR": str(tmp_path),
            "STUDYBOT_CHANNEL_ID": p.CHANNEL,
            "STUDYBOT_LOG_LEVEL": "WARNING",
            # The team is one space on each platform, linked to share one glossary.
            "STUDYBOT_LINKED_SPACES": f"discord:{dp.GUILD_ID},slack:{TEAM}",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            assert await discord.wait_session(START) == "identify"
            await slack.wait_connected(START)
            added = await _slack_accept_a_suggestion(slack)
            on_discord = await (await discord.slash("define", {"용어": "도커"})).reply(TIMEOUT)
            # The term a Slack admin accepted is found by /define on Discord at once.
            shared = await (await discord.slash("define", {"용어": TERM})).reply(TIMEOUT)
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), START)

    assert process.returncode == 0, err.decode()[-2000:]
    assert added["response_type"] == "in_channel"
    assert TERM in json.dumps(added["blocks"], ensure_ascii=False)
    assert on_discord.embeds[0]["title"] == "도커"
    assert shared.embeds[0]["title"] == TERM
    assert "Traceback" not in err.decode()
    # One database: the term accepted on Slack is in the file both faces wrote to.
    exported = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "export", "glossary", "--space", f"slack:{TEAM}", env=env,
        cwd=tmp_path, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(exported.communicate(), START)
    assert TERM in out.decode()
    assert slack.problems == []
    assert dp.GUILD_ID in discord.guild_ids
