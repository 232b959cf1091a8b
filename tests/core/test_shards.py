import pytest

from bot.core.models import SpaceRef
from bot.core.shards import ShardPlan, ShardSettingsError, parse_shard_ids, shard_of

# Discord's own example: guild 41771983423143937 on shard (id >> 22) % count.
GUILD = 41771983423143937


def test_a_guild_is_on_discords_shard_for_its_id():
    assert shard_of(GUILD, 1) == 0
    assert shard_of(GUILD, 4) == 2  # 41771983423143937 >> 22 is 9959216934
    assert shard_of(GUILD, 3) == 0


@pytest.mark.parametrize(
    ("text", "ids"), [("0,1", (0, 1)), ("0-3", (0, 1, 2, 3)), ("2-3, 0", (0, 2, 3)), ("1", (1,))]
)
def test_shard_ids_accept_lists_and_ranges(text, ids):
    assert parse_shard_ids(text) == ids


@pytest.mark.parametrize("text", ["a", "3-1", "0-", "1.5"])
def test_shard_ids_that_are_not_ids_or_ranges_are_refused_by_name(text):
    with pytest.raises(ShardSettingsError, match="DISCORD_SHARD_IDS"):
        parse_shard_ids(text)


def test_shard_ids_need_a_count_and_must_lie_below_it():
    with pytest.raises(ShardSettingsError, match="needs DISCORD_SHARD_COUNT"):
        ShardPlan.from_settings(None, "0,1")
    with pytest.raises(ShardSettingsError, match="from 0 to 3"):
        ShardPlan.from_settings(4, "2-4")
    with pytest.raises(ShardSettingsError, match="1 or more"):
        ShardPlan.from_settings(0, None)


def test_neither_setting_is_one_connection_that_holds_everything():
    plan = ShardPlan.from_settings(None, " ")
    assert not plan.sharded
    assert plan.leads
    assert plan.schedules(SpaceRef("discord", str(GUILD)))
    assert plan.schedules(SpaceRef("console", "local"))


def test_a_count_without_ids_runs_every_shard_in_one_process():
    plan = ShardPlan.from_settings(4, None)
    assert plan.sharded
    assert plan.held == (0, 1, 2, 3)
    assert all(plan.holds_guild(g << 22) for g in range(8))


def test_two_processes_split_the_guilds_and_only_shard_zero_leads():
    first, second = ShardPlan.from_settings(4, "0,1"), ShardPlan.from_settings(4, "2-3")
    guilds = [SpaceRef("discord", str((n << 22) + 17)) for n in range(40)]
    mine = [g for g in guilds if first.schedules(g)]
    theirs = [g for g in guilds if second.schedules(g)]
    assert sorted(mine + theirs, key=lambda g: int(g.id)) == guilds
    assert not set(mine) & set(theirs)
    assert len(mine) == len(theirs) == 20
    assert (first.leads, second.leads) == (True, False)
    slack = SpaceRef("slack", "T123")
    assert (first.schedules(slack), second.schedules(slack)) == (True, False)
