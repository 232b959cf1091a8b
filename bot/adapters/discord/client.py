"""The discord.py client: intents, caches, the command tree, button routes and command sync."""

from __future__ import annotations

import logging
import time
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.buttons import RoutedButton
from bot.adapters.discord.interact import locale_for, log_interaction, press, submit
from bot.adapters.discord.render import NO_MENTIONS
from bot.adapters.discord.send import deliver
from bot.adapters.discord.sync import sync_if_needed, targets
from bot.adapters.discord.translator import StudyTranslator
from bot.core.i18n import t
from bot.core.interaction.failures import reply_for_error
from bot.core.interaction.router import Router
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef
from bot.core.replies import Reply, Tone
from bot.core.services import Services
from bot.settings import Settings

log = logging.getLogger(__name__)


def gateway_intents() -> discord.Intents:
    """Slash commands and buttons need nothing but the guild list."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


class StudyTree(app_commands.CommandTree["StudyBot"]):
    """The command tree; its error hook catches what the handlers themselves could not."""

    async def on_error(
        self, interaction: discord.Interaction[StudyBot], error: app_commands.AppCommandError
    ) -> None:
        started = time.perf_counter()
        command = interaction.command.qualified_name if interaction.command else "unknown"
        locale = locale_for(interaction, self.client.settings.locale)
        reply, outcome = _reply_for(error, locale, interaction.id, command)
        # Autocomplete cannot carry a message, and a user who already got an answer needs no more.
        answerable = interaction.type is not discord.InteractionType.autocomplete
        if answerable and not interaction.response.is_done():
            await deliver(interaction, reply, private=True)
        log_interaction(interaction, command, outcome, started)


class StudyBot(discord.Client):
    """A study bot client; settings and services are passed in, never built here."""

    def __init__(
        self,
        settings: Settings,
        services: Services,
        *,
        force_sync: bool = False,
        router: Router | None = None,
    ) -> None:
        super().__init__(
            intents=gateway_intents(),
            chunk_guilds_at_startup=False,
            max_messages=None,
            member_cache_flags=discord.MemberCacheFlags.none(),
            allowed_mentions=NO_MENTIONS,
        )
        self.settings = settings
        self.services = services
        self.force_sync = force_sync
        self.sync_summary = ""
        # One router for every face; a process with several faces passes the shared one.
        self.router = router or build_router(services)
        self.tree = StudyTree(self)
        self.add_dynamic_items(RoutedButton)

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self._ensure_space(guild)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._ensure_space(guild)

    async def _ensure_space(self, guild: discord.Guild) -> None:
        """Give every server the bot is in a space, so its scheduled posts need no command first."""
        if self.services.spaces is not None:
            await self.services.spaces.settings(SpaceRef(platform="discord", id=str(guild.id)))

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        # Forms are read from the submitted interaction, never kept in discord.py's modal
        # store, which holds one form per custom id and forgets them all on a restart.
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        custom_id = data.get("custom_id")
        await submit(interaction, custom_id if isinstance(custom_id, str) else "")

    async def route_button(self, interaction: discord.Interaction[Any], custom_id: str) -> None:
        await press(interaction, custom_id)

    async def setup_hook(self) -> None:
        await self.tree.set_translator(StudyTranslator())
        for guild in targets(self.settings):
            if guild is not None:
                self.tree.copy_global_to(guild=guild)
        if not (self.force_sync or self.settings.shard_plan().leads):
            # Commands belong to the application, not a shard: the process holding shard 0
            # syncs them, and the others would only repeat it.
            self.sync_summary = "sync left to the process holding shard 0"
            return
        try:
            self.sync_summary = await sync_if_needed(
                self.tree, self.settings, force=self.force_sync
            )
        except discord.HTTPException as error:
            if self.force_sync:
                raise
            # Stale commands still answer; a failed sync must not keep the bot offline.
            log.error("discord command sync failed (status=%s); running anyway", error.status)
            self.sync_summary = f"sync failed with HTTP {error.status}"


def _reply_for(
    error: BaseException, locale: str, interaction_id: int, command: str
) -> tuple[Reply, str]:
    """The private reply for an error the handlers could not catch themselves."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, app_commands.CommandNotFound):
        text = t("error.unknown_command", locale, command=f"/{error.name}")
        return Reply(body=text, ephemeral=True, tone=Tone.WARNING), "unknown_command"
    return reply_for_error(error, locale, where=f"interaction id={interaction_id} /{command}")
