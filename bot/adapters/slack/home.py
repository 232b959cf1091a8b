"""App Home: on ``app_home_opened``, publish the member's dashboard with ``views.publish``."""

from __future__ import annotations

import logging
import time
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.blocks import blocks
from bot.adapters.slack.face import SlackFace, log_outcome
from bot.adapters.slack.text import error_code
from bot.core.replies import Reply

log = logging.getLogger(__name__)


def register(app: AsyncApp, face: SlackFace) -> None:
    async def on_home_opened(body: dict[str, Any], event: dict[str, Any]) -> None:
        await publish_home(face, body.get("team_id"), str(event.get("user", "")))

    app.event("app_home_opened")(on_home_opened)


async def publish_home(face: SlackFace, team: str | None, user_id: str) -> None:
    """Render ``home`` for the member and publish it as their App Home tab."""
    started = time.perf_counter()
    actor = await face.members.actor(team, user_id, None, request="app_home_opened")
    outcome = await face.router.command(actor, "home")
    reply = outcome.response if isinstance(outcome.response, Reply) else Reply()
    try:
        await face.client.views_publish(
            user_id=user_id, view={"type": "home", "blocks": blocks(reply)}
        )
    except SlackApiError as error:
        log.warning("views.publish for %s failed: %s", user_id, error_code(error))
    log_outcome("event", "app_home_opened", actor, outcome, started)
