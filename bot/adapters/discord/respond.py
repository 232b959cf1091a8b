"""The steps every Discord handler shares: acknowledge, pick the locale, call, map errors, send."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.adapters.discord.errors import reply_for_error
from bot.adapters.discord.render import NO_MENTIONS, Rendered, render
from bot.core.i18n import Locale
from bot.core.models import SpaceRef
from bot.core.replies import Reply
from bot.core.spaces import space_key

log = logging.getLogger(__name__)

# Discord drops an interaction that is not acknowledged within 3 s; defer well before that.
DEFER_AFTER = 2.0
_DEFERRED = "studybot.deferred"
MISSING: Any = discord.utils.MISSING
PLATFORM = "discord"

Produce = Callable[[Locale], Reply | Awaitable[Reply]]


def space_for(interaction: discord.Interaction[Any]) -> SpaceRef | None:
    """The team's space: the Discord server the interaction came from (None in DMs)."""
    if interaction.guild_id is None:
        return None
    return SpaceRef(platform=PLATFORM, id=str(interaction.guild_id))


def space_key_for(interaction: discord.Interaction[Any]) -> str | None:
    """The ``<platform>:<id>`` key services take as ``space=``."""
    space = space_for(interaction)
    return None if space is None else space_key(space)


def locale_for(interaction: discord.Interaction[Any], default: Locale) -> Locale:
    """English for English clients, otherwise the server's default language."""
    return "en" if interaction.locale.value.startswith("en") else default


async def respond(
    interaction: discord.Interaction[Any],
    command: str,
    produce: Produce,
    *,
    default_locale: Locale,
    private: bool = False,
    update: bool = False,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Answer ``interaction`` with the Reply ``produce`` makes, whatever goes wrong.

    ``private`` makes the answer ephemeral; ``update`` edits the clicked message in place.
    A ``produce`` that returns an awaitable slower than ``defer_after`` seconds is deferred.
    """
    started = time.perf_counter()
    locale = locale_for(interaction, default_locale)
    try:
        result = produce(locale)
        if inspect.isawaitable(result):
            result = await _await_or_defer(interaction, result, private, update, defer_after)
        reply, outcome = result, "ok"
    except Exception as error:
        reply, outcome = reply_for_error(
            error, locale, interaction_id=interaction.id, command=command
        )
    if not await deliver(interaction, reply, private=private, update=update and outcome == "ok"):
        outcome = f"{outcome}+send_failed"
    log_interaction(interaction, command, outcome, started)


async def _await_or_defer(
    interaction: discord.Interaction[Any],
    pending: Awaitable[Reply],
    private: bool,
    update: bool,
    defer_after: float,
) -> Reply:
    task = asyncio.ensure_future(pending)
    done, _ = await asyncio.wait({task}, timeout=defer_after)
    if not done:
        try:
            await interaction.response.defer(ephemeral=private, thinking=not update)
        except BaseException:
            task.cancel()
            raise
        interaction.extras[_DEFERRED] = "update" if update else "private" if private else "public"
    return await task


async def deliver(
    interaction: discord.Interaction[Any], reply: Reply, *, private: bool, update: bool = False
) -> bool:
    """Send ``reply`` in whichever way the interaction still allows; False if Discord refused."""
    rendered = render(reply)
    ephemeral = private or rendered.ephemeral
    try:
        if interaction.response.is_done():
            await _after_defer(interaction, rendered, ephemeral=ephemeral, update=update)
        elif update:
            await interaction.response.edit_message(
                embed=rendered.embed, view=rendered.view, allowed_mentions=NO_MENTIONS
            )
        else:
            await interaction.response.send_message(
                embed=rendered.embed,
                view=_view(rendered),
                ephemeral=ephemeral,
                allowed_mentions=NO_MENTIONS,
            )
    except discord.HTTPException as error:
        log.warning(
            "interaction id=%s: Discord refused the reply (status=%s code=%s)",
            interaction.id,
            error.status,
            error.code,
        )
        return False
    return True


async def _after_defer(
    interaction: discord.Interaction[Any], rendered: Rendered, *, ephemeral: bool, update: bool
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
            embed=rendered.embed, view=_view(rendered), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return
    await interaction.edit_original_response(
        embed=rendered.embed, view=rendered.view, allowed_mentions=NO_MENTIONS
    )


def log_interaction(
    interaction: discord.Interaction[Any],
    command: str,
    outcome: str,
    started: float,
    *,
    level: int = logging.INFO,
) -> None:
    """The one structured line per interaction; it never carries the interaction token."""
    log.log(
        level,
        "interaction id=%s command=%s outcome=%s latency_ms=%.1f locale=%s guild=%s",
        interaction.id,
        command,
        outcome,
        (time.perf_counter() - started) * 1000,
        interaction.locale.value,
        interaction.guild_id,
    )


def _view(rendered: Rendered) -> discord.ui.View:
    # discord.py's MISSING (not None) means "send no components" on a new message.
    return rendered.view if rendered.view is not None else MISSING
