"""The message shortcut 용어 찾기: the glossary terms found in a message, shown privately."""

from __future__ import annotations

import time
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.adapters.slack.face import SlackFace, Where, log_outcome, send

# The callback id the manifest gives the shortcut.
FIND_TERMS = "find_terms"


def register(app: AsyncApp, face: SlackFace) -> None:
    async def on_shortcut(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        await find_terms(face, body, respond)

    app.message_shortcut(FIND_TERMS)(on_shortcut)


async def find_terms(face: SlackFace, body: dict[str, Any], respond: AsyncRespond) -> None:
    started = time.perf_counter()
    team = (body.get("team") or {}).get("id")
    user = str((body.get("user") or {}).get("id", ""))
    channel = (body.get("channel") or {}).get("id")
    actor = await face.members.actor(team, user, channel, request=f"shortcut={FIND_TERMS}")
    text = str((body.get("message") or {}).get("text") or "")
    outcome = await face.router.command(actor, "terms", {"text": text})
    await send(face, actor, outcome.response, Where(respond=respond))
    log_outcome("shortcut", FIND_TERMS, actor, outcome, started)
