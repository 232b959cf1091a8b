"""Shard settings reach discord.py: a process identifies only the shards it holds."""

from __future__ import annotations

import discord
import pytest

from bot.adapters.discord.runner import build_client
from bot.core.shards import ShardSettingsError
from tests.adapters.discord.conftest import make_settings, running, serving


def test_without_shard_settings_the_bot_is_one_connection(fake, settings, services):
    bot = build_client(settings, services)
    assert not isinstance(bot, discord.AutoShardedClient)


def test_shard_settings_make_an_auto_sharded_client_holding_those_ids(fake, tmp_path, services):
    settings = make_settings(fake, tmp_path, discord_shard_count=4, discord_shard_ids="2-3")
    bot = build_client(settings, services)
    assert isinstance(bot, discord.AutoShardedClient)
    assert (bot.shard_count, bot.shard_ids) == (4, [2, 3])


def test_shard_ids_without_a_count_are_refused_before_connecting(fake, tmp_path, services):
    settings = make_settings(fake, tmp_path, discord_shard_ids="0,1")
    with pytest.raises(ShardSettingsError, match="DISCORD_SHARD_COUNT"):
        build_client(settings, services)


async def test_a_process_identifies_with_its_own_shard(fake, tmp_path, services):
    leader = make_settings(fake, tmp_path / "a", discord_shard_count=2, discord_shard_ids="0")
    async with running(fake, serving(leader, services)):
        pass  # the process holding shard 0 syncs the commands
    settings = make_settings(fake, tmp_path / "b", discord_shard_count=2, discord_shard_ids="1")
    async with running(fake, serving(settings, services)):
        assert [i.get("shard") for i in fake.identifies][-1] == [1, 2]
        answer = await (await fake.slash("define", {"용어": "cgroup"})).reply()
    assert answer.embeds[0]["title"] == "Cgroup"


async def test_only_the_process_holding_shard_0_syncs_commands(fake, tmp_path, services):
    other = make_settings(fake, tmp_path, discord_shard_count=2, discord_shard_ids="1")
    async with running(fake, serving(other, services)):
        assert fake.identifies
    with pytest.raises(LookupError, match="never synced"):
        fake.registered("define")
    leader = make_settings(fake, tmp_path / "lead", discord_shard_count=2, discord_shard_ids="0")
    async with running(fake, serving(leader, services)):
        pass
    assert fake.registered("define")
