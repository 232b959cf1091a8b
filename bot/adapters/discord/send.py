"""Sending a reply on Discord in whichever way the interaction still allows."""

from __future__ import annotations

import io
import logging
from typing import Any

import discord

from bot.adapters.discord.render import NO_MENTIONS, Rendered, render
from bot.core.replies import Reply

log = logging.getLogger(__name__)

_DEFERRED = "studybot.deferred"
MISSING: Any = discord.utils.MISSING


def mark_deferred(interaction: discord.Interaction[Any], how: str) -> None:
    """Remember how the interaction was deferred: ``update``, ``private`` or ``public``."""
    interaction.extras[_DEFERRED] = how


async def deliver(
    interaction: discord.Interaction[Any], reply: Reply, *, private: bool, update: bool = False
) -> bool:
    """Send ``reply`` in whichever way the interaction still allows; False if Discord refused."""
    rendered = render(reply)
    ephemeral = private or rendered.ephemeral
    files = _files(reply)
    picture = next((a.name for a in reply.attachments if a.mime.startswith("image/")), None)
    if picture is not None:  # a chart shows inside the card rather than as a download
        rendered.embed.set_image(url=f"attachment://{picture}")
    try:
        if interaction.response.is_done():
            await _after_defer(interaction, rendered, files, ephemeral=ephemeral, update=update)
        elif update:
            await interaction.response.edit_message(
                embed=rendered.embed,
                view=rendered.view,
                attachments=files,
                allowed_mentions=NO_MENTIONS,
            )
        else:
            await interaction.response.send_message(
                embed=rendered.embed,
                view=_view(rendered),
                files=files,
                ephemeral=ephemeral,
                allowed_mentions=NO_MENTIONS,
            )
    except discord.HTTPException as error:
        refused(interaction, "reply", error)
        return False
    return True


def _files(reply: Reply) -> list[discord.File]:
    return [discord.File(io.BytesIO(a.data), filename=a.name) for a in reply.attachments]


async def _after_defer(
    interaction: discord.Interaction[Any],
    rendered: Rendered,
    files: list[discord.File],
    *,
    ephemeral: bool,
    update: bool,
) -> None:
    deferred = interaction.extras.get(_DEFERRED, "public")
    # A clicked message stays put unless this is the update it was deferred for, and a public
    # "thinking…" placeholder must not turn into a private answer that everyone can read.
    keep_clicked = deferred == "update" and not update
    hide_placeholder = deferred == "public" and ephemeral
    if hide_placeholder:
        await interaction.delete_original_response()
    if keep_clicked or hide_placeholder:
        await interaction.followup.send(
            embed=rendered.embed,
            view=_view(rendered),
            files=files or MISSING,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return
    await interaction.edit_original_response(
        embed=rendered.embed,
        view=rendered.view,
        attachments=files or MISSING,
        allowed_mentions=NO_MENTIONS,
    )


def refused(interaction: discord.Interaction[Any], what: str, error: discord.HTTPException) -> None:
    log.warning(
        "interaction id=%s: Discord refused the %s (status=%s code=%s)",
        interaction.id,
        what,
        error.status,
        error.code,
    )


def _view(rendered: Rendered) -> discord.ui.View:
    # discord.py's MISSING (not None) means "send no components" on a new message.
    return rendered.view if rendered.view is not None else MISSING
