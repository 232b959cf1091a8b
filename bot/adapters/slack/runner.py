"""Start and stop the Slack face: check both tokens, connect Socket Mode, serve until stop."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack import actions, commands, home, shortcuts
from bot.adapters.slack.actor import PLATFORM, Members
from bot.adapters.slack.face import SlackFace
from bot.adapters.slack.publisher import SPACING, SlackPublisher
from bot.adapters.slack.text import error_code
from bot.core.errors import StudyBotError
from bot.core.models import SpaceRef
from bot.core.ports import Publisher
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.faces import Serving

log = logging.getLogger(__name__)

_RATE_LIMIT_RETRIES = 3


class SlackLoginError(StudyBotError):
    """Slack refused a token (``invalid_auth``) at start."""

    key = "error.slack_login"


def web_client(settings: Settings) -> AsyncWebClient:
    """The Web API client at ``SLACK_API_BASE``; a 429 is retried after its Retry-After."""
    token = settings.slack_bot_token
    if token is None:
        raise SlackLoginError(setting="SLACK_BOT_TOKEN")
    return AsyncWebClient(
        token=token.get_secret_value(),
        base_url=settings.slack_api_base,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(),
            AsyncRateLimitErrorRetryHandler(max_retry_count=_RATE_LIMIT_RETRIES),
        ],
    )


async def check_tokens(client: AsyncWebClient, settings: Settings) -> str:
    """``auth.test`` for the bot token and a Socket Mode URL for the app token; the team id."""
    try:
        identity = await client.auth_test()
    except SlackApiError as error:
        raise SlackLoginError(setting="SLACK_BOT_TOKEN") from _quiet(error)
    app_token = settings.slack_app_token
    if app_token is None:
        raise SlackLoginError(setting="SLACK_APP_TOKEN")
    try:
        await client.apps_connections_open(app_token=app_token.get_secret_value())
    except SlackApiError as error:
        raise SlackLoginError(setting="SLACK_APP_TOKEN") from _quiet(error)
    log.info("logged in to Slack as %s (team %s)", identity.get("user_id"), identity.get("team_id"))
    return str(identity.get("team_id", ""))


def _quiet(error: SlackApiError) -> BaseException | None:
    """No cause chained: the operator gets one line naming the setting, not a traceback."""
    log.debug("Slack answered %s", error_code(error))
    return None


class _SameTokenFilter(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN and warns that the given client's token wins.

    It is the same token, so the warning would only worry an operator at every start.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_bolt_log = logging.getLogger("bot.adapters.slack.bolt")
_bolt_log.addFilter(_SameTokenFilter())


def build_app(face: SlackFace) -> AsyncApp:
    """The bolt app with every listener registered on it."""
    app = AsyncApp(
        client=face.client,
        logger=_bolt_log,
        request_verification_enabled=False,  # Socket Mode: Slack itself is on the socket
        raise_error_for_unhandled_request=False,
    )
    for feature in (commands, actions, shortcuts, home):
        feature.register(app, face)
    return app


async def serve(
    serving: Serving, *, post_spacing: float = SPACING, ack_within: float = 2.5
) -> None:
    """Check the tokens, connect, start the schedule, and answer until ``serving.stop``."""
    settings = serving.settings
    client = web_client(settings)
    team = await check_tokens(client, settings)
    if team and serving.services.spaces is not None:
        # The workspace gets its space (and its daily jobs) before anyone types a command.
        await serving.services.spaces.settings(SpaceRef(PLATFORM, team))
    members = Members(client, settings.slack_managers, settings.locale)
    face = SlackFace(client, serving.router, serving.services, members, settings.locale, ack_within)
    app = build_app(face)
    app_token = settings.slack_app_token
    if app_token is None:  # checked above; kept for the type checker
        raise SlackLoginError(setting="SLACK_APP_TOKEN")
    handler = AsyncSocketModeHandler(app, app_token.get_secret_value(), web_client=client)
    try:
        await handler.connect_async()  # type: ignore[no-untyped-call]
        await serving.on_ready(SlackPublisher(client, spacing=post_spacing))
        await serving.stop.wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]


@contextlib.asynccontextmanager
async def rest_publisher(settings: Settings) -> AsyncIterator[Publisher]:
    """A Publisher for one-off runs (``post-due``): the Web API only, no socket."""
    client = web_client(settings)
    try:
        await client.auth_test()
    except SlackApiError as error:
        raise SlackLoginError(setting="SLACK_BOT_TOKEN") from _quiet(error)
    yield SlackPublisher(client)
