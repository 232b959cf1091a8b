"""Slow answers: deferred at once, then delivered by editing or replacing the placeholder."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.runner import build_client, run_client
from bot.core.errors import EmptyQueryError
from bot.core.i18n import t
from bot.core.interaction.options import Command
from bot.core.interaction.router import Call
from bot.core.replies import Reply
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import running


def _with_slow_command(settings, services, answer):
    """A client with `/slow`, whose answer waits for the test; deferral is immediate."""
    client = build_client(settings, services)

    async def handler(_call: Call) -> Reply:
        return await answer()

    client.router.add_command(Command("slow", private=False), handler)

    @app_commands.command(name="slow", description="느린 명령")
    async def slow(interaction: discord.Interaction) -> None:
        await dispatch(interaction, "slow", defer_after=0.0)

    client.tree.add_command(slow)
    return lambda stop: run_client(client, stop=stop)


async def test_slow_answer_is_deferred_then_edited_in(fake, settings, services):
    release = asyncio.Event()

    async def answer() -> Reply:
        await release.wait()
        return Reply(title="done")

    async with running(fake, _with_slow_command(settings, services, answer)):
        interaction = await fake.slash("slow")
        placeholder = await interaction.reply()
        release.set()
        final = await interaction.reply()

    assert placeholder.type == p.DEFERRED_MESSAGE
    assert final.route == "edit"
    assert final.embeds[0]["title"] == "done"
    assert final.data["allowed_mentions"] == {"parse": []}


async def test_slow_private_error_replaces_the_public_placeholder(fake, settings, services):
    release = asyncio.Event()

    async def answer() -> Reply:
        await release.wait()
        raise EmptyQueryError

    async with running(fake, _with_slow_command(settings, services, answer)):
        interaction = await fake.slash("slow")
        placeholder = await interaction.reply()
        release.set()
        removed, error = await interaction.reply(), await interaction.reply()

    assert placeholder.type == p.DEFERRED_MESSAGE
    assert not placeholder.ephemeral
    assert removed.route == "delete"
    assert error.route == "followup"
    assert error.ephemeral
    assert error.embeds[0]["description"] == t("error.empty_query", "ko")
