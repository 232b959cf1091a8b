"""`/export`: the member's own days as a TIL Markdown file, attached to a private reply."""

from __future__ import annotations

import asyncio
import io
import logging
import time

import discord

from bot.adapters.discord.client import StudyBot
from bot.adapters.discord.errors import reply_for_error
from bot.adapters.discord.journal.context import journal_of, where
from bot.adapters.discord.render import NO_MENTIONS, render
from bot.adapters.discord.respond import DEFER_AFTER, deliver, locale_for, log_interaction
from bot.core.i18n import t
from bot.core.replies import Reply, Tone

log = logging.getLogger(__name__)

COMMAND = "export"


async def send_export(
    interaction: discord.Interaction[StudyBot],
    when: str | None,
    *,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Answer /export privately with the file, or with why there is none."""
    started = time.perf_counter()
    locale = locale_for(interaction, interaction.client.settings.locale)
    try:
        space, viewer = where(interaction)
        task = asyncio.ensure_future(journal_of(interaction).export_period(space, viewer, when))
        done, _ = await asyncio.wait({task}, timeout=defer_after)
        if not done:
            try:
                await interaction.response.defer(ephemeral=True, thinking=True)
            except BaseException:
                task.cancel()
                raise
        name, markdown = await task
    except Exception as error:
        reply, outcome = reply_for_error(
            error, locale, interaction_id=interaction.id, command=COMMAND
        )
        await _finish(interaction, reply, outcome, started)
        return
    if not markdown.strip():
        empty = Reply(body=t("journal.log.empty", locale), ephemeral=True)
        await _finish(interaction, empty, "ok:empty", started)
        return
    outcome = "ok"
    try:
        await _send_file(interaction, name, markdown, locale)
    except discord.HTTPException as error:
        log.warning(
            "interaction id=%s: Discord refused the export (status=%s code=%s)",
            interaction.id,
            error.status,
            error.code,
        )
        outcome = "ok+send_failed"
    log_interaction(interaction, COMMAND, outcome, started)


async def _finish(
    interaction: discord.Interaction[StudyBot], reply: Reply, outcome: str, started: float
) -> None:
    if not await deliver(interaction, reply, private=True):
        outcome = f"{outcome}+send_failed"
    log_interaction(interaction, COMMAND, outcome, started)


async def _send_file(
    interaction: discord.Interaction[StudyBot], name: str, markdown: str, locale: str
) -> None:
    note = Reply(body=t("journal.export.ready", locale, name=name), tone=Tone.SUCCESS)
    embed = render(note).embed
    attachment = discord.File(io.BytesIO(markdown.encode("utf-8")), filename=name)
    if interaction.response.is_done():  # deferred: the private placeholder becomes the answer
        await interaction.edit_original_response(
            embed=embed, attachments=[attachment], allowed_mentions=NO_MENTIONS
        )
        return
    await interaction.response.send_message(
        embed=embed, file=attachment, ephemeral=True, allowed_mentions=NO_MENTIONS
    )
