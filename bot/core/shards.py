"""Discord shards across processes: which shards a process holds and which spaces it schedules."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import SpaceRef

DISCORD = "discord"


class ShardSettingsError(ValueError):
    """DISCORD_SHARD_COUNT / DISCORD_SHARD_IDS do not describe a usable set of shards."""


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord sends a guild's events on: ``(guild_id >> 22) % shard_count``."""
    return (guild_id >> 22) % shard_count


def parse_shard_ids(text: str) -> tuple[int, ...]:
    """``0,1``, ``0-3`` or ``0-1,4``, as sorted distinct ids."""
    ids: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        first, dash, last = part.partition("-")
        try:
            low, high = int(first), int(last if dash else first)
        except ValueError:
            msg = f"DISCORD_SHARD_IDS: {part!r} is not a shard id or a range such as 0-3"
            raise ShardSettingsError(msg) from None
        if low > high:
            msg = f"DISCORD_SHARD_IDS: the range {part!r} runs backwards"
            raise ShardSettingsError(msg)
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """The shards one process holds; ``count`` None means one unsharded connection."""

    count: int | None = None
    ids: tuple[int, ...] | None = None

    @classmethod
    def from_settings(cls, count: int | None, ids: str | None) -> ShardPlan:
        """The plan from the two settings, or a clear error naming what to fix."""
        if ids is not None and ids.strip():
            if count is None:
                msg = "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (the total across processes)"
                raise ShardSettingsError(msg)
            parsed = parse_shard_ids(ids)
            outside = [i for i in parsed if i >= count]
            if not parsed or outside:
                msg = (
                    f"DISCORD_SHARD_IDS must name shards from 0 to {count - 1} "
                    f"(DISCORD_SHARD_COUNT={count}); got {ids!r}"
                )
                raise ShardSettingsError(msg)
            return cls(count, parsed)
        if count is not None and count < 1:
            msg = f"DISCORD_SHARD_COUNT must be 1 or more; got {count}"
            raise ShardSettingsError(msg)
        return cls(count, None)

    @property
    def sharded(self) -> bool:
        """Whether discord.py should run shards (AutoShardedClient) rather than one connection."""
        return self.count is not None

    @property
    def held(self) -> tuple[int, ...]:
        """The shard ids this process connects."""
        if self.count is None:
            return (0,)
        return self.ids if self.ids is not None else tuple(range(self.count))

    @property
    def leads(self) -> bool:
        """The process holding shard 0 syncs commands and schedules non-Discord spaces."""
        return 0 in self.held

    def holds_guild(self, guild_id: int) -> bool:
        return self.count is None or shard_of(guild_id, self.count) in self.held

    def schedules(self, space: SpaceRef) -> bool:
        """Whether this process prepares the space's posts.

        A Discord guild belongs to the process holding its shard, strictly: while that
        process is down, its guilds wait, as its shards are offline too. Spaces of other
        platforms belong to the process that holds shard 0, so exactly one schedules them.
        """
        if space.platform != DISCORD:
            return self.leads
        try:
            return self.holds_guild(int(space.id))
        except ValueError:  # not a snowflake (a test space): only an unsharded process has it
            return self.count is None
