"""Slash commands: ack at once, make the Actor, ask the router, send what it answers."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.face import SlackFace, Where, log_outcome, send
from bot.adapters.slack.text import error_code
from bot.adapters.slack.views import lookup_modal
from bot.core.errors import StudyBotError
from bot.core.interaction.actor import Actor
from bot.core.interaction.failures import SlowFormError, error_reply
from bot.core.interaction.options import OptionValue, parse_text
from bot.core.interaction.router import Outcome
from bot.core.models import UserRef
from bot.core.replies import Reply

log = logging.getLogger(__name__)

# Slack writes a member picked in a command as <@U123|name> (``should_escape`` in the manifest).
MEMBER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
# …and a channel as <#C123|name>; the settings keep the channel's id.
CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")


def register(app: AsyncApp, face: SlackFace) -> None:
    async def on_command(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        # Slack drops a command that is not acknowledged within 3 s; the work comes after.
        await ack()
        await answer(face, body, respond)

    app.command(re.compile(r"^/.+"))(on_command)


async def answer(face: SlackFace, body: dict[str, Any], respond: AsyncRespond) -> None:
    started = time.perf_counter()
    name = str(body.get("command", "")).lstrip("/").lower()
    text = CHANNEL.sub(r"\1", str(body.get("text") or ""))
    actor = await face.members.actor(
        body.get("team_id"),
        str(body.get("user_id")),
        body.get("channel_id"),
        request=f"trigger={str(body.get('trigger_id', ''))[:12]}",
    )
    trigger = body.get("trigger_id")
    if name == "define" and not text.strip():
        # A trigger_id lives 3 s: the form is built before anything slow.
        view = lookup_modal(actor.channel, actor.locale)
        outcome = Outcome(Reply())
        try:
            await face.client.views_open(trigger_id=trigger, view=view)
        except SlackApiError as error:
            log.warning("Slack refused the search box of %s: %s", actor.request, error_code(error))
            outcome = Outcome(Reply(), "ok+send_failed")
        log_outcome("command", name, actor, outcome, started)
        return
    outcome = await _in_time(face, actor, name, text)
    where = Where(respond=respond, trigger_id=trigger)
    await send(face, actor, outcome.response, where)
    log_outcome("command", name, actor, outcome, started)


async def _in_time(face: SlackFace, actor: Actor, name: str, text: str) -> Outcome:
    """The router's answer; a form not ready while its trigger_id lives is refused politely."""
    asking = asyncio.ensure_future(_ask(face, actor, name, text))
    if not face.router.expects("command", name)[1]:
        return await asking
    done, _ = await asyncio.wait({asking}, timeout=face.ack_within)
    if done:
        return asking.result()
    asking.cancel()
    return Outcome(error_reply(SlowFormError(), actor.locale), "refused:SlowFormError")


async def _ask(face: SlackFace, actor: Actor, name: str, text: str) -> Outcome:
    if name == "define":
        # On Slack a lookup answers the member alone; its 채널에 공유 button shows it to all.
        try:
            asked = parse_text(face.router.commands["define"], text)
        except StudyBotError:  # the router says what could not be placed
            return await face.router.command_text(actor, name, text)
        return await face.router.command(actor, name, {**asked, "private": True})
    found = MEMBER.search(text)
    spec = face.router.commands.get(name)
    if found is None or spec is None or spec.option("member") is None:
        return await face.router.command_text(actor, name, text)
    rest = (text[: found.start()] + text[found.end() :]).strip()
    try:
        options: dict[str, OptionValue] = parse_text(spec, rest)
    except StudyBotError:  # the router says what could not be placed
        return await face.router.command_text(actor, name, rest)
    options["member"] = UserRef("slack", found[1], found[2] or found[1])
    return await face.router.command(actor, name, options)
