"""Who and where an interaction comes from: the space, the member and what they may manage."""

from __future__ import annotations

from typing import Any

import discord

from bot.adapters.discord.respond import PLATFORM, space_for
from bot.core.errors import StudyBotError
from bot.core.models import SpaceRef, UserRef
from bot.core.services import need

__all__ = ["GuildOnlyError", "can_manage", "member_of", "need", "space_of"]


class GuildOnlyError(StudyBotError):
    """A daily-loop command used outside a server (a DM): it has no team space."""

    key = "error.guild_only"


def space_of(interaction: discord.Interaction[Any]) -> SpaceRef:
    """The server's space; a DM has none, so the command is refused politely."""
    space = space_for(interaction)
    if space is None:
        raise GuildOnlyError
    return space


def member_of(interaction: discord.Interaction[Any]) -> UserRef:
    """The member who clicked or typed, by their Discord id and the name the server shows."""
    user = interaction.user
    return UserRef(platform=PLATFORM, id=str(user.id), display_name=user.display_name)


def can_manage(interaction: discord.Interaction[Any]) -> bool:
    """Whether Discord says the member has Manage Server here (administrators always do).

    This is computed by Discord for this very interaction, so it holds even when a server
    shows a command to everyone despite its default permissions.
    """
    permissions = interaction.permissions
    return interaction.guild_id is not None and (
        permissions.manage_guild or permissions.administrator
    )
