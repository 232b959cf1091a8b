"""Every Discord interaction, one way: make the Actor, ask the router, send what it answers.

A slash command, a button and a form submit all go through ``answer``: acknowledge in time
(defer when the core is slow, except for a form, which Discord cannot open after a defer),
then send the Reply, open the Form or return the refused draft, with mentions disabled.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
import discord

from bot.adapters.discord.modals import to_modal
from bot.adapters.discord.send import deliver, mark_deferred, refused
from bot.core.i18n import Locale
from bot.core.interaction.actor import Actor
from bot.core.interaction.failures import SlowFormError, error_reply
from bot.core.interaction.forms import DISCORD_FORM, Form, Refusal
from bot.core.interaction.options import OptionValue
from bot.core.interaction.router import Outcome, Response, Router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply

log = logging.getLogger(__name__)

# Discord drops an interaction that is not acknowledged within 3 s; defer well before that.
DEFER_AFTER = 2.0
PLATFORM = "discord"

Ask = Callable[[Actor], Awaitable[Outcome]]


def locale_for(interaction: discord.Interaction[Any], default: Locale) -> Locale:
    """English for English clients, otherwise the server's default language."""
    return "en" if interaction.locale.value.startswith("en") else default


def member_ref(user: discord.abc.User) -> UserRef:
    """A Discord user as the core sees them; the server nickname wins."""
    return UserRef(platform=PLATFORM, id=str(user.id), display_name=user.display_name)


def actor_of(interaction: discord.Interaction[Any], default_locale: Locale) -> Actor:
    """The member, their server (None in a DM), language and Manage Server right.

    The right is computed by Discord for this very interaction, so it holds even when a
    server shows a command to everyone despite its default permissions.
    """
    guild = interaction.guild_id
    permissions = interaction.permissions
    return Actor(
        member=member_ref(interaction.user),
        locale=locale_for(interaction, default_locale),
        space=SpaceRef(PLATFORM, str(guild)) if guild is not None else None,
        can_manage=guild is not None and (permissions.manage_guild or permissions.administrator),
        channel=str(interaction.channel_id) if interaction.channel_id else None,
        request=f"interaction id={interaction.id}",
    )


def router_of(interaction: discord.Interaction[Any]) -> Router:
    router: Router = interaction.client.router
    return router


async def dispatch(
    interaction: discord.Interaction[Any],
    name: str,
    options: Mapping[str, OptionValue] | None = None,
    *,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Answer a slash command through the router."""
    router = router_of(interaction)
    private, opens_form = router.expects("command", name)
    await answer(
        interaction,
        name,
        lambda actor: router.command(actor, name, options),
        private=private or bool(options and options.get("private")),
        opens_form=opens_form,
        defer_after=defer_after,
    )


async def press(interaction: discord.Interaction[Any], custom_id: str) -> None:
    """Answer a button click through the router (old buttons included: ids carry the state)."""
    router = router_of(interaction)
    private, opens_form = router.expects("button", custom_id)
    await answer(
        interaction,
        custom_id.rpartition(":")[0] or "button",
        lambda actor: router.press(actor, custom_id),
        private=private,
        opens_form=opens_form,
    )


async def submit(interaction: discord.Interaction[Any], form_id: str) -> None:
    """Answer a submitted form through the router, with the values Discord sent back."""
    router = router_of(interaction)
    private, _ = router.expects("form", form_id)
    values = submitted(interaction)
    await answer(
        interaction,
        f"{form_id.rpartition(':')[0] or 'form'}:submit",
        lambda actor: router.submit(actor, form_id, values),
        private=private,
    )


async def answer(
    interaction: discord.Interaction[Any],
    command: str,
    ask: Ask,
    *,
    private: bool,
    opens_form: bool = False,
    defer_after: float = DEFER_AFTER,
) -> None:
    """Ask the core and send its response in whichever way the interaction still allows."""
    started = time.perf_counter()
    actor = actor_of(interaction, interaction.client.settings.locale)
    task = asyncio.ensure_future(ask(actor))
    done, _ = await asyncio.wait({task}, timeout=defer_after)
    if done:
        outcome = task.result()
    elif opens_form:
        task.cancel()
        outcome = Outcome(error_reply(SlowFormError(), actor.locale), "refused:SlowFormError")
    else:
        try:
            await _defer(interaction, private)
        except BaseException:
            task.cancel()
            raise
        outcome = await task
    status = outcome.status
    if not await _send(interaction, outcome.response):
        status = f"{status}+send_failed"
    elif isinstance(outcome.response, Reply) and outcome.response.ref:
        await _remember(interaction, outcome.response)
    log_interaction(interaction, command, status, started)


async def _remember(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Tell the core where a public card went, so it can withdraw it later."""
    if reply.ephemeral:
        return
    try:
        message = await interaction.original_response()
    except (discord.HTTPException, aiohttp.ClientError) as error:
        # Best effort: the card stays posted; it just cannot be taken back later.
        log.warning("interaction id=%s: could not read back its card (%s)", interaction.id, error)
        return
    await router_of(interaction).posted(reply.ref, str(message.channel.id), str(message.id))


async def _defer(interaction: discord.Interaction[Any], private: bool) -> None:
    update = _clicked_private(interaction)
    await interaction.response.defer(ephemeral=private, thinking=not update)
    mark_deferred(interaction, "update" if update else "private" if private else "public")


def _clicked_private(interaction: discord.Interaction[Any]) -> bool:
    """Whether a button sits on a message only this member sees (it may be replaced)."""
    message = interaction.message
    return (
        interaction.type is discord.InteractionType.component
        and message is not None
        and message.flags.ephemeral
    )


async def _send(interaction: discord.Interaction[Any], response: Response) -> bool:
    if isinstance(response, Form):
        return await _open(interaction, response)
    if isinstance(response, Refusal):
        # Discord cannot reopen a form after a submit; the reply carries the draft back.
        return await deliver(interaction, response.reply, private=True)
    update = response.update and _clicked_private(interaction)
    return await deliver(interaction, response, private=response.ephemeral, update=update)


async def _open(interaction: discord.Interaction[Any], form: Form) -> bool:
    modal = to_modal(form.fit(DISCORD_FORM))
    modal.stop()  # finished, so discord.py does not store it; on_interaction answers the submit
    try:
        await interaction.response.send_modal(modal)
    except discord.HTTPException as error:
        refused(interaction, "modal", error)
        return False
    return True


def submitted(interaction: discord.Interaction[Any]) -> dict[str, str]:
    """The typed values of a modal submit by input custom id (labels and legacy rows)."""
    values: dict[str, str] = {}
    data: Mapping[str, Any] = interaction.data or {}
    pending: list[Any] = list(data.get("components") or [])
    while pending:
        component = pending.pop()
        if not isinstance(component, Mapping):
            continue
        pending.extend(component.get("components") or [])
        if isinstance(component.get("component"), Mapping):
            pending.append(component["component"])
        custom_id, value = component.get("custom_id"), component.get("value")
        if isinstance(custom_id, str) and isinstance(value, str):
            values[custom_id] = value
    return values


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
