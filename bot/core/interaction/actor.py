"""Who is acting and where: the one shape every face turns its user, channel and rights into."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.errors import StudyBotError
from bot.core.i18n import Locale
from bot.core.models import SpaceRef, UserRef
from bot.core.spaces import space_key


class OutsideSpaceError(StudyBotError):
    """A team command used where there is no team space (a Discord DM, say)."""

    key = "error.guild_only"


@dataclass(frozen=True, slots=True)
class Actor:
    """A member acting in a space, in their language, with or without the right to manage it.

    ``space`` is None where the platform has no team (a direct message); lookups still work
    there, team commands are refused politely. ``channel`` is where the command was typed, so
    a form's confirmation can come back to the same place.
    """

    member: UserRef
    locale: Locale
    space: SpaceRef | None = None
    can_manage: bool = False
    channel: str | None = None
    # The platform's id of this interaction, so a logged failure can be found again.
    request: str = ""

    @property
    def team(self) -> SpaceRef:
        """The space, or OutsideSpaceError for a team command used outside one."""
        if self.space is None:
            raise OutsideSpaceError
        return self.space

    @property
    def space_key(self) -> str | None:
        """The ``<platform>:<id>`` key the glossary's per-space layer is kept under."""
        return None if self.space is None else space_key(self.space)
