"""The team log's view of an interaction: its service, space and member, and its own errors."""

from __future__ import annotations

from typing import Any

import discord

from bot.adapters.discord.context import member_of, need, space_of
from bot.adapters.discord.respond import PLATFORM
from bot.core.errors import StudyBotError
from bot.core.journal import JournalService
from bot.core.models import SpaceRef, UserRef


class StaleFormError(StudyBotError):
    """A submitted form whose custom id this version cannot read (or a forged one)."""

    key = "error.stale_form"


class SlowFormError(StudyBotError):
    """Reading the prefill took so long that Discord would have dropped the modal."""

    key = "error.form_slow"


def journal_of(interaction: discord.Interaction[Any]) -> JournalService:
    """The team-log service, or a polite refusal in a process built without the database."""
    service: JournalService | None = interaction.client.services.journal
    return need(service)


def where(interaction: discord.Interaction[Any]) -> tuple[SpaceRef, UserRef]:
    """The server's space and the member acting in it; a DM is refused politely."""
    return space_of(interaction), member_of(interaction)


def user_ref(user: discord.abc.User) -> UserRef:
    """A user named in an option, as the core sees them; the server nickname wins."""
    return UserRef(platform=PLATFORM, id=str(user.id), display_name=user.display_name)
