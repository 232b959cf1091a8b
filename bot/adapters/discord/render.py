"""Pure rendering of a neutral Reply into a Discord embed and an optional row of buttons."""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.adapters.discord.buttons import MAX_LABEL, RoutedButton
from bot.core.interaction.ids import fits
from bot.core.replies import ZWSP, Reply, ReplyButton, ReplyField, Tone, clip

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-limits).
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_TOTAL = 6000
MAX_BUTTONS = 25
MAX_ROWS = 5
# A label longer than this (a quiz choice) gets a row of its own.
_INLINE_LABEL = 20
# A field squeezed below this many characters says nothing useful; it is dropped instead.
_MIN_CLIPPED_VALUE = 16

TONE_COLOURS: dict[Tone, discord.Colour] = {
    Tone.INFO: discord.Colour(0x326CE5),  # Kubernetes blue
    Tone.SUCCESS: discord.Colour.green(),
    Tone.WARNING: discord.Colour.gold(),
    Tone.ERROR: discord.Colour.red(),
}

NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class Rendered:
    """A Reply ready to send: the embed, its buttons (if any) and whether only the user sees it."""

    embed: discord.Embed
    view: discord.ui.View | None
    ephemeral: bool


def render(reply: Reply) -> Rendered:
    """Turn a Reply into what discord.py sends."""
    return Rendered(embed=to_embed(reply), view=to_view(reply.buttons), ephemeral=reply.ephemeral)


def to_embed(reply: Reply) -> discord.Embed:
    """An embed within every Discord limit, coloured by the Reply's tone."""
    # Discord caps the sum of every text at 6000; the title, body and footer go first.
    title = clip(reply.title, MAX_TITLE)
    description = clip(reply.body, min(MAX_DESCRIPTION, MAX_TOTAL - len(title)))
    footer = clip(reply.footer, min(MAX_FOOTER, MAX_TOTAL - len(title) - len(description)))
    embed = discord.Embed(
        title=title or None,
        description=description or None,
        colour=TONE_COLOURS.get(reply.tone, TONE_COLOURS[Tone.INFO]),
    )
    budget = MAX_TOTAL - len(title) - len(description) - len(footer)
    for name, value, inline in _fitted_fields(reply.fields, budget):
        embed.add_field(name=name, value=value, inline=inline)
    if footer:
        embed.set_footer(text=footer)
    if not (title or description or embed.fields):
        embed.description = ZWSP  # Discord rejects an empty embed
    return embed


def _fitted_fields(fields: tuple[ReplyField, ...], budget: int) -> list[tuple[str, str, bool]]:
    fitted: list[tuple[str, str, bool]] = []
    for field in fields[:MAX_FIELDS]:
        name = clip(field.name, MAX_FIELD_NAME) or ZWSP
        value = clip(field.value, MAX_FIELD_VALUE) or ZWSP
        room = budget - len(name)
        if len(value) > room:
            if room >= _MIN_CLIPPED_VALUE:
                fitted.append((name, clip(value, room), field.inline))
            break
        fitted.append((name, value, field.inline))
        budget = room - len(value)
    return fitted


def to_view(buttons: tuple[ReplyButton, ...]) -> discord.ui.View | None:
    """A View of restart-proof buttons, or None when there is nothing to click.

    Every item is a DynamicItem, so discord.py keeps no per-message state for these views.
    """
    usable = [b for b in buttons if fits(b.custom_id)][:MAX_BUTTONS]
    if not usable:
        return None
    view = discord.ui.View(timeout=None)
    # Quiz choices are sentences: one per row keeps each readable instead of squeezed.
    stacked = len(usable) <= MAX_ROWS and any(len(b.label) > _INLINE_LABEL for b in usable)
    for row, button in enumerate(usable):
        item = RoutedButton(button.custom_id, clip(button.label, MAX_LABEL) or ZWSP)
        if stacked:
            item.row = row
        view.add_item(item)
    return view
