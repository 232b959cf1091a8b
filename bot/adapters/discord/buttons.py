"""One restart-proof button for every ``<feature>:<action>:<arg>`` custom id."""

from __future__ import annotations

import re
from typing import Any, Protocol, Self, runtime_checkable

import discord

from bot.core.interaction.ids import PATTERN

MAX_LABEL = 80


@runtime_checkable
class ButtonRouter(Protocol):
    """What a client offers so a clicked button finds its handler."""

    async def route_button(self, interaction: discord.Interaction[Any], custom_id: str) -> None:
        """Answer a click on a button whose id follows the shared scheme."""


class RoutedButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=PATTERN,
):
    """A button rebuilt from its custom id, so it answers after a restart with no stored View."""

    def __init__(self, custom_id: str, label: str) -> None:
        button: discord.ui.Button[discord.ui.View] = discord.ui.Button(
            label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary
        )
        super().__init__(button)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        label = getattr(item, "label", None) or match["arg"]
        return cls(match.string, label[:MAX_LABEL])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        client = interaction.client
        if isinstance(client, ButtonRouter):
            await client.route_button(interaction, self.custom_id)
