"""Who and where a Discord interaction comes from, as the core's Actor."""

from __future__ import annotations

from types import SimpleNamespace

import discord
import pytest

from bot.adapters.discord.interact import actor_of
from bot.core.errors import NeedsDatabaseError
from bot.core.interaction.actor import OutsideSpaceError
from bot.core.models import SpaceRef, UserRef
from bot.core.services import need


def interaction(guild_id: int | None, permissions: discord.Permissions | None = None):
    user = SimpleNamespace(id=301, display_name="Mina")
    perms = permissions or discord.Permissions.none()
    return SimpleNamespace(
        guild_id=guild_id,
        user=user,
        permissions=perms,
        channel_id=55,
        id=9,
        locale=discord.Locale.korean,
    )


def can_manage(fake) -> bool:
    return actor_of(fake, "ko").can_manage


def test_a_server_is_the_space_and_a_dm_is_refused():
    assert actor_of(interaction(100), "ko").space == SpaceRef("discord", "100")
    with pytest.raises(OutsideSpaceError):
        _ = actor_of(interaction(None), "ko").team


def test_the_member_is_named_as_the_server_shows_them():
    assert actor_of(interaction(100), "ko").member == UserRef("discord", "301", "Mina")


def test_only_manage_server_or_administrator_may_manage():
    assert can_manage(interaction(100, discord.Permissions(manage_guild=True)))
    assert can_manage(interaction(100, discord.Permissions(administrator=True)))
    assert not can_manage(interaction(100, discord.Permissions(manage_channels=True)))
    assert not can_manage(interaction(None, discord.Permissions(manage_guild=True)))


def test_a_missing_service_is_a_polite_refusal():
    with pytest.raises(NeedsDatabaseError):
        need(None)
    assert need("quiz") == "quiz"
