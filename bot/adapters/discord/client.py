"""The discord.py client: intents, caches, the command tree, button routes and command sync."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn

import discord
from discord import app_commands

from bot.adapters.discord.buttons import TEMPLATE, RoutedButton
from bot.adapters.discord.errors import StaleButtonError, reply_for_error
from bot.adapters.discord.render import NO_MENTIONS
from bot.adapters.discord.respond import deliver, locale_for, log_interaction, respond
from bot.adapters.discord.sync import sync_if_needed, targets
from bot.adapters.discord.translator import StudyTranslator
from bot.core.models import SpaceRef
from bot.core.services import Services
from bot.settings import Settings

log = logging.getLogger(__name__)

ButtonHandler = Callable[[discord.Interaction["StudyBot"], str], Awaitable[None]]
# Buttons and forms are answered alike: the interaction and the ``<arg>`` of the custom id.
ModalHandler = ButtonHandler


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
        reply, outcome = reply_for_error(
            error, locale, interaction_id=interaction.id, command=command
        )
        # Autocomplete cannot carry a message, and a user who already got an answer needs no more.
        answerable = interaction.type is not discord.InteractionType.autocomplete
        if answerable and not interaction.response.is_done():
            await deliver(interaction, reply, private=True)
        log_interaction(interaction, command, outcome, started)


class StudyBot(discord.Client):
    """A study bot client; settings and services are passed in, never built here."""

    def __init__(self, settings: Settings, services: Services, *, force_sync: bool = False) -> None:
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
        self.tree = StudyTree(self)
        self._button_routes: dict[str, ButtonHandler] = {}
        self._modal_routes: dict[str, ModalHandler] = {}
        self.add_dynamic_items(RoutedButton)

    def add_button_route(self, prefix: str, handler: ButtonHandler) -> None:
        """Answer buttons whose id starts ``<feature>:<action>`` (``prefix``) with ``handler``."""
        self._button_routes[prefix] = handler

    def add_modal_route(self, prefix: str, handler: ModalHandler) -> None:
        """Answer form submits whose id starts ``<feature>:<action>`` (``prefix``) with ``handler``.

        Forms are read from the submitted interaction, never kept in discord.py's modal store,
        which holds one form per custom id and forgets them all on a restart.
        """
        self._modal_routes[prefix] = handler

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self._ensure_space(guild)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._ensure_space(guild)

    async def _ensure_space(self, guild: discord.Guild) -> None:
        """Give every server the bot is in a space, so its scheduled posts need no command first."""
        if self.services.spaces is not None:
            await self.services.spaces.settings(SpaceRef(platform="discord", id=str(guild.id)))

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        custom_id = data.get("custom_id")
        await self._route(
            interaction, custom_id if isinstance(custom_id, str) else "", self._modal_routes
        )

    async def route_button(self, interaction: discord.Interaction[Any], custom_id: str) -> None:
        await self._route(interaction, custom_id, self._button_routes)

    async def _route(
        self,
        interaction: discord.Interaction[Any],
        custom_id: str,
        routes: dict[str, ButtonHandler],
    ) -> None:
        match = TEMPLATE.fullmatch(custom_id)
        handler = routes.get(f"{match['feature']}:{match['action']}") if match else None
        if match is None or handler is None:
            await respond(
                interaction,
                "button",
                _stale,
                default_locale=self.settings.locale,
                private=True,
            )
            return
        await handler(interaction, match["arg"])

    async def setup_hook(self) -> None:
        await self.tree.set_translator(StudyTranslator())
        for guild in targets(self.settings):
            if guild is not None:
                self.tree.copy_global_to(guild=guild)
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


def _stale(_locale: str) -> NoReturn:
    raise StaleButtonError
