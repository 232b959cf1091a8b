"""`/review`, `/stats` and the ``review:<action>:<arg>`` buttons (flip, rate, add)."""

from __future__ import annotations

import asyncio
import io
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.client import ButtonHandler, StudyBot
from bot.adapters.discord.context import member_of, need, space_of
from bot.adapters.discord.errors import reply_for_error
from bot.adapters.discord.render import NO_MENTIONS, render
from bot.adapters.discord.respond import (
    DEFER_AFTER,
    deliver,
    locale_for,
    log_interaction,
    respond,
)
from bot.adapters.discord.translator import ls
from bot.core.i18n import Locale
from bot.core.models import UserRef
from bot.core.replies import Reply

log = logging.getLogger(__name__)

REMINDER_CHOICES = [
    app_commands.Choice(name=ls("review.choice.on"), value="on"),
    app_commands.Choice(name=ls("review.choice.off"), value="off"),
]
# Flip and rate edit the private card in place; add answers beside the public /define card.
IN_PLACE = ("review:flip", "review:rate")
ADD = "review:add"
ANKI = "review:anki"


def register(bot: StudyBot) -> None:
    """Add `/review` and `/stats`, and answer every review button, old or new."""
    bot.tree.add_command(_review_command())
    bot.tree.add_command(_stats_command())
    for prefix in IN_PLACE:
        bot.add_button_route(prefix, _button(prefix, update=True))
    bot.add_button_route(ADD, _button(ADD, update=False))
    bot.add_button_route(ANKI, _anki)


def _review_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="review", description=ls("command.review"))
    @app_commands.guild_only()
    @app_commands.rename(reminders=ls("option.review.reminders"))
    @app_commands.describe(reminders=ls("command.review.reminders"))
    @app_commands.choices(reminders=REMINDER_CHOICES)
    async def review(
        interaction: discord.Interaction[StudyBot], reminders: str | None = None
    ) -> None:
        """복습할 카드를 하나씩 봐요."""
        service = interaction.client.services.review
        space, user = space_of(interaction), member_of(interaction)
        await respond(
            interaction,
            "review",
            lambda locale: (
                need(service).set_reminders(space, user, reminders, locale)
                if reminders is not None
                else need(service).review(space, user, locale)
            ),
            default_locale=interaction.client.settings.locale,
            private=True,
        )

    return review


def _button(prefix: str, *, update: bool) -> ButtonHandler:
    async def click(interaction: discord.Interaction[StudyBot], arg: str) -> None:
        service = interaction.client.services.review
        custom_id = f"{prefix}:{arg}"
        await respond(
            interaction,
            prefix,
            lambda locale: need(service).click(
                space_of(interaction), member_of(interaction), custom_id, locale
            ),
            default_locale=interaction.client.settings.locale,
            private=True,
            update=update,
        )

    return click


def _stats_command() -> app_commands.Command[Any, ..., None]:
    @app_commands.command(name="stats", description=ls("command.stats"))
    @app_commands.guild_only()
    @app_commands.rename(member=ls("option.stats.member"))
    @app_commands.describe(member=ls("command.stats.member"))
    async def stats(
        interaction: discord.Interaction[StudyBot], member: discord.Member | None = None
    ) -> None:
        """내 학습 기록을 그림으로 봐요."""
        target = None
        if member is not None:
            target = UserRef("discord", str(member.id), member.display_name)
        await send_stats(interaction, target)

    return stats


async def _anki(interaction: discord.Interaction[StudyBot], arg: str) -> None:
    """The ``Anki 덱 받기`` button: the space's glossary as an .apkg, privately."""
    service = interaction.client.services.review
    custom_id = f"{ANKI}:{arg}"
    await send_with_files(
        interaction,
        ANKI,
        lambda locale: need(service).click(
            space_of(interaction), member_of(interaction), custom_id, locale
        ),
    )


async def send_stats(
    interaction: discord.Interaction[StudyBot],
    target: UserRef | None,
    *,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Answer /stats privately with the picture attached (the first render may be deferred)."""
    service = interaction.client.services.review
    await send_with_files(
        interaction,
        "stats",
        lambda locale: need(service).stats(
            space_of(interaction), member_of(interaction), target, locale
        ),
        defer_after=defer_after,
    )


async def send_with_files(
    interaction: discord.Interaction[StudyBot],
    command: str,
    produce: Callable[[Locale], Awaitable[Reply]],
    *,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Answer privately with the reply's files attached, deferring when it is slow."""
    started = time.perf_counter()
    locale = locale_for(interaction, interaction.client.settings.locale)
    try:
        task = asyncio.ensure_future(produce(locale))
        done, _ = await asyncio.wait({task}, timeout=defer_after)
        if not done:
            try:
                await interaction.response.defer(ephemeral=True, thinking=True)
            except BaseException:
                task.cancel()
                raise
        reply = await task
    except Exception as error:
        failed, outcome = reply_for_error(
            error, locale, interaction_id=interaction.id, command=command
        )
        if not await deliver(interaction, failed, private=True):
            outcome = f"{outcome}+send_failed"
        log_interaction(interaction, command, outcome, started)
        return
    outcome = "ok"
    try:
        await _send_with_files(interaction, reply)
    except discord.HTTPException as error:
        log.warning(
            "interaction id=%s: Discord refused %s (%s)", interaction.id, command, error.status
        )
        outcome = "ok+send_failed"
    log_interaction(interaction, command, outcome, started)


async def _send_with_files(interaction: discord.Interaction[StudyBot], reply: Reply) -> None:
    embed = render(reply).embed
    files = [discord.File(io.BytesIO(a.data), filename=a.name) for a in reply.attachments]
    if files and files[0].filename.endswith(".png"):
        embed.set_image(url=f"attachment://{files[0].filename}")
    if interaction.response.is_done():
        await interaction.edit_original_response(
            embed=embed, attachments=files, allowed_mentions=NO_MENTIONS
        )
        return
    await interaction.response.send_message(
        embed=embed, files=files, ephemeral=True, allowed_mentions=NO_MENTIONS
    )
