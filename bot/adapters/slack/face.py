"""What every Slack listener shares, and the one way an Outcome is sent back to Slack."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.actor import Members
from bot.adapters.slack.blocks import message
from bot.adapters.slack.text import error_code
from bot.adapters.slack.views import modal
from bot.core.i18n import Locale
from bot.core.interaction.actor import Actor
from bot.core.interaction.forms import Form, FormTooLargeError, Refusal
from bot.core.interaction.router import Outcome, Response, Router
from bot.core.replies import Reply
from bot.core.services import Services

log = logging.getLogger(__name__)

_NOT_THERE = {"not_in_channel", "channel_not_found", "is_archived"}
# Bolt's response_url sender: respond(text=..., blocks=..., response_type=..., ...).
Respond = Callable[..., Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class SlackFace:
    """The Web API client, the members' cache, the shared router and services."""

    client: AsyncWebClient
    router: Router
    services: Services
    members: Members
    locale: Locale
    # Slack drops a request not acknowledged within 3 s (and a trigger_id expires after 3 s):
    # work not done by then is answered another way.
    ack_within: float = 2.5


@dataclass(frozen=True, slots=True)
class Where:
    """How to answer one interaction: its response_url, trigger and the clicked message."""

    respond: Respond | None = None
    trigger_id: str | None = None
    clicked_private: bool = False


async def send(face: SlackFace, actor: Actor, response: Response, where: Where) -> bool:
    """Send what the router answered; False when Slack refused it (logged, never shown)."""
    try:
        if isinstance(response, Form):
            await open_form(face, actor, response, where.trigger_id)
        elif isinstance(response, Refusal):
            await deliver(face, actor, response.reply, where)
        else:
            await deliver(face, actor, response, where)
    except SlackApiError as error:
        log.warning("Slack refused the answer to %s: %s", actor.request, error_code(error))
        return False
    return True


async def open_form(face: SlackFace, actor: Actor, form: Form, trigger_id: str | None) -> None:
    try:
        view = modal(form, actor.channel, actor.locale)
    except FormTooLargeError:
        log.warning("form %s is too large for a Slack modal", form.id)
        return
    await face.client.views_open(trigger_id=trigger_id or "", view=view)


async def deliver(face: SlackFace, actor: Actor, reply: Reply, where: Where) -> None:
    """A reply through the response_url (or to the channel), files to the member's DM."""
    if reply.attachments:
        await upload(face, actor, reply)
    body = message(reply)
    if where.respond is None:
        await post_in_channel(face, actor, reply)
    elif reply.update and where.clicked_private:
        await where.respond(replace_original=True, **body)
    else:
        kind = "ephemeral" if reply.ephemeral else "in_channel"
        await where.respond(response_type=kind, replace_original=False, **body)


async def post_to(face: SlackFace, actor: Actor, reply: Reply) -> bool:
    """``post_in_channel``, logged instead of raised when Slack refuses; False then."""
    try:
        await post_in_channel(face, actor, reply)
    except SlackApiError as error:
        log.warning("Slack refused the answer to %s: %s", actor.request, error_code(error))
        return False
    return True


async def post_in_channel(face: SlackFace, actor: Actor, reply: Reply) -> None:
    """A reply with no response_url (a modal's): to the channel the form came from.

    Without a channel (a form or button from App Home) it goes to the member's own DM.
    """
    body = message(reply)
    channel = actor.channel
    try:
        if channel is not None and reply.ephemeral:
            await face.client.chat_postEphemeral(channel=channel, user=actor.member.id, **body)
            return
        if channel is not None:
            sent = await face.client.chat_postMessage(channel=channel, **body)
            if reply.ref:  # a public journal card: remembered, so it can be withdrawn later
                await face.router.posted(reply.ref, channel, str(sent["ts"]))
            return
    except SlackApiError as error:
        if error_code(error) not in _NOT_THERE:
            raise
        # A command works in any channel, but the bot posts only where it was invited: the
        # member still gets the answer, in their DM, and the log says why.
        log.warning("the bot is not in channel %s; answered %s in a DM", channel, actor.request)
    await face.client.chat_postMessage(channel=await _dm(face, actor.member.id), **body)


async def upload(face: SlackFace, actor: Actor, reply: Reply) -> None:
    """Files go to the member's own DM: a channel upload would show an export to everyone."""
    channel = await _dm(face, actor.member.id)
    for item in reply.attachments:
        await face.client.files_upload_v2(
            channel=channel, filename=item.name, title=item.name, file=item.data
        )


async def _dm(face: SlackFace, user_id: str) -> str:
    opened = await face.client.conversations_open(users=user_id)
    return str(opened["channel"]["id"])


def log_outcome(kind: str, name: str, actor: Actor, outcome: Outcome, started: float) -> None:
    """One line per interaction; tokens and typed text never appear in it."""
    log.info(
        "slack %s=%s outcome=%s latency_ms=%.1f space=%s",
        kind,
        name,
        outcome.status,
        (time.perf_counter() - started) * 1000,
        actor.space_key,
    )
