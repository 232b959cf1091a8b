"""Command sync: Korean by default, English localised, and only when the payload changed."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.adapters.discord.runner import build_client, run_client, sync_commands
from bot.core.i18n import t
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import make_settings, running, serving

ENGLISH = ("en-US", "en-GB")


def _by_name(payload):
    return {command["name"]: command for command in payload}


async def test_synced_payload_is_korean_with_english_localizations(fake, bot):
    assert [put.guild_id for put in fake.command_puts] == [p.GUILD_ID]
    commands = _by_name(fake.command_puts[0].payload)
    define, help_ = commands["define"], commands["help"]

    assert define["description"] == t("command.define", "ko")
    assert define["description_localizations"] == {e: t("command.define", "en") for e in ENGLISH}
    assert help_["description"] == t("command.help", "ko")
    assert help_["description_localizations"] == {e: t("command.help", "en") for e in ENGLISH}
    term, private = define["options"]
    assert (term["name"], private["name"]) == ("용어", "나만보기")
    assert term["name_localizations"] == dict.fromkeys(ENGLISH, "term")
    assert private["name_localizations"] == dict.fromkeys(ENGLISH, "private")
    assert term["description"] == t("command.define.term", "ko")
    assert term["description_localizations"] == {e: t("command.define.term", "en") for e in ENGLISH}
    assert term["autocomplete"] is True


async def test_restart_with_unchanged_commands_does_not_sync_again(fake, settings, services):
    async with running(fake, serving(settings, services)):
        pass
    async with running(fake, serving(settings, services)):
        pass

    assert len(fake.command_puts) == 1


async def test_changed_commands_are_synced_again(fake, settings, services):
    async with running(fake, serving(settings, services)):
        pass
    client = build_client(settings, services)

    @app_commands.command(name="ping", description="핑")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    client.tree.add_command(ping)
    async with running(fake, lambda stop: run_client(client, stop=stop)):
        pass

    assert len(fake.command_puts) == 2
    assert "ping" in _by_name(fake.command_puts[1].payload)


async def test_force_sync_syncs_even_when_unchanged(fake, settings, services):
    async with running(fake, serving(settings, services)):
        pass
    async with running(fake, serving(settings, services, force_sync=True)):
        pass

    assert len(fake.command_puts) == 2


async def test_sync_commands_always_syncs_and_summarises_in_one_line(fake, settings, services):
    first = await sync_commands(settings, services)
    second = await sync_commands(settings, services)

    assert len(fake.command_puts) == 2
    count = len(fake.command_puts[0].payload)
    assert first == second == f"synced {count} command(s) to guild {p.GUILD_ID}"
    assert fake.identifies == []  # syncing needs no gateway connection


async def test_without_guild_ids_commands_sync_globally(fake, tmp_path, services):
    settings = make_settings(fake, tmp_path, discord_guild_ids=())

    summary = await sync_commands(settings, services)

    assert [put.guild_id for put in fake.command_puts] == [None]
    assert summary == f"synced {len(fake.command_puts[0].payload)} command(s) to global"
