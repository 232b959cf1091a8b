"""Buttons, modal submits and the /define search box's suggestions, through the router."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.adapters.slack.face import SlackFace, Where, log_outcome, post_to, send
from bot.adapters.slack.text import plain
from bot.adapters.slack.views import LOOKUP_FORM, channel_of, submitted
from bot.core.glossary import show_button_id
from bot.core.interaction.actor import Actor
from bot.core.interaction.forms import Refusal
from bot.core.interaction.glossary import complete
from bot.core.interaction.router import Response
from bot.core.replies import Reply

MAX_OPTIONS = 100
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
_ANY = re.compile(r".+")


def register(app: AsyncApp, face: SlackFace) -> None:
    async def on_action(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        await press(face, body, respond)

    async def on_submit(ack: AsyncAck, body: dict[str, Any]) -> None:
        await submit(face, body, ack)

    async def on_options(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack(options=await suggestions(face, body))

    app.action(_ANY)(on_action)
    app.view(_ANY)(on_submit)
    app.options(_ANY)(on_options)


async def _actor(face: SlackFace, body: dict[str, Any], channel: str | None) -> Actor:
    team = (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")
    user = str((body.get("user") or {}).get("id", ""))
    request = f"trigger={str(body.get('trigger_id', ''))[:12]}"
    return await face.members.actor(team, user, channel, request=request)


async def press(face: SlackFace, body: dict[str, Any], respond: AsyncRespond) -> None:
    """A clicked button; its action id is the core's id, so a forged one is refused."""
    started = time.perf_counter()
    action = (body.get("actions") or [{}])[0]
    custom_id = str(action.get("action_id", ""))
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    actor = await _actor(face, body, channel)
    outcome = await face.router.press(actor, custom_id)
    where = Where(
        respond=respond if body.get("response_url") else None,
        trigger_id=body.get("trigger_id"),
        clicked_private=bool(container.get("is_ephemeral")),
    )
    await send(face, actor, outcome.response, where)
    log_outcome("button", custom_id.rpartition(":")[0] or "?", actor, outcome, started)


async def submit(face: SlackFace, body: dict[str, Any], ack: AsyncAck) -> None:
    """A submitted modal: a refused field stays open with its error and the text as typed."""
    started = time.perf_counter()
    view = body.get("view") or {}
    form_id = str(view.get("callback_id", ""))
    actor = await _actor(face, body, channel_of(view))
    values = submitted(view)
    if form_id == LOOKUP_FORM:
        await ack()
        outcome = await face.router.press(actor, show_button_id(values.get("term", "") or "-"))
    else:
        saving = asyncio.ensure_future(face.router.submit(actor, form_id, values))
        done, _ = await asyncio.wait({saving}, timeout=face.ack_within)
        if not done:
            # Slack closes a modal whose submit is not answered within 3 s; the answer, even
            # a refusal (with the text kept), then comes as a message instead.
            await ack()
            outcome = await saving
            await _answer_late(face, actor, outcome.response)
            log_outcome("form", form_id.rpartition(":")[0], actor, outcome, started)
            return
        outcome = saving.result()
        response = outcome.response
        if isinstance(response, Refusal) and response.errors:
            errors = {
                _block(name, values): plain(text, 2000) for name, text in response.errors.items()
            }
            await ack(response_action="errors", errors=errors)
            log_outcome("form", form_id.rpartition(":")[0], actor, outcome, started)
            return
        await ack()
    await _answer_late(face, actor, outcome.response)
    log_outcome("form", form_id.rpartition(":")[0], actor, outcome, started)


async def _answer_late(face: SlackFace, actor: Actor, response: Response) -> None:
    reply = response.reply if isinstance(response, Refusal) else response
    if isinstance(reply, Reply):
        await post_to(face, actor, reply)
    else:
        await send(face, actor, reply, Where())


def _block(name: str, values: dict[str, str]) -> str:
    """The block that shows a field's error: the field's own (its first box when split)."""
    return name if name in values else next(iter(values), name)


async def suggestions(face: SlackFace, body: dict[str, Any]) -> list[dict[str, Any]]:
    """The search box's options: the same autocomplete as Discord's /define."""
    typed = str(body.get("value") or "")
    team = (body.get("team") or {}).get("id")
    locale = face.locale
    space = f"slack:{team}" if team else None
    choices = await complete(face.services.glossary, typed, MAX_OPTIONS, space, locale)
    return [
        {
            "text": {"type": "plain_text", "text": plain(choice.name, MAX_OPTION_TEXT)},
            "value": choice.value[:MAX_OPTION_VALUE],
        }
        for choice in choices
    ]
