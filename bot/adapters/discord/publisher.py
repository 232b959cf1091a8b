"""The Discord Publisher: the bot's own channel posts and their edits, over REST only."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import AsyncIterator
from typing import Any

import discord

from bot.adapters.discord.client import gateway_intents
from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.adapters.discord.render import NO_MENTIONS, render
from bot.core.errors import StudyBotError
from bot.core.models import SpaceRef
from bot.core.ports import Publisher
from bot.core.replies import Reply
from bot.settings import Settings

log = logging.getLogger(__name__)

MISSING: Any = discord.utils.MISSING


class NoChannelError(StudyBotError):
    """A post for a space whose channel is unset or not a Discord channel id."""

    key = "error.no_channel"


class DiscordPublisher:
    """Posts rendered Replies to channels through a logged-in client's HTTP session.

    Channels are addressed by id (a PartialMessageable), so neither the gateway nor a channel
    or message cache is needed: the same class serves the running bot and ``post-due``.
    """

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        """Send ``reply`` (embed and restart-proof buttons) to ``channel``; the message id."""
        rendered = render(reply)
        files = [discord.File(io.BytesIO(a.data), filename=a.name) for a in reply.attachments]
        picture = next((a.name for a in reply.attachments if a.mime.startswith("image/")), None)
        if picture is not None:  # the weekly digest's heatmap shows inside its card
            rendered.embed.set_image(url=f"attachment://{picture}")
        message = await self._channel(space, channel).send(
            content=mention_line(reply) or None,
            embed=rendered.embed,
            files=files or MISSING,
            view=rendered.view if rendered.view is not None else MISSING,
            allowed_mentions=allowed_mentions(reply),
            # discord.py sends a nonce with enforce_nonce: a retried scheduled post comes
            # back as the message already posted, never as a second one.
            nonce=int(reply.nonce) if reply.nonce else MISSING,
        )
        log.info("posted message %s to channel %s of discord:%s", message.id, channel, space.id)
        return str(message.id)

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        """Replace an earlier post; a reply without buttons removes the old ones."""
        rendered = render(reply)
        message = self._channel(space, channel).get_partial_message(_snowflake(message_id))
        try:
            await message.edit(
                content=mention_line(reply) or None,
                embed=rendered.embed,
                view=rendered.view,
                allowed_mentions=allowed_mentions(reply),
            )
        except discord.NotFound:
            # Someone deleted the post: there is nothing left to update, and retrying the
            # edit on every sweep would only fill the log.
            log.warning("message %s in channel %s is gone; edit skipped", message_id, channel)

    def _channel(self, space: SpaceRef, channel: str | None) -> discord.PartialMessageable:
        if channel is None or not channel.isdigit():
            raise NoChannelError(f"no Discord channel for discord:{space.id}")
        guild_id = int(space.id) if space.id.isdigit() else None
        return self._client.get_partial_messageable(
            int(channel), guild_id=guild_id, type=discord.ChannelType.text
        )


def mention_line(reply: Reply) -> str:
    """The members a reply may ping, as Discord mentions (empty for nearly every post)."""
    return " ".join(f"<@{user_id}>" for user_id in reply.mentions if user_id.isdigit())


def allowed_mentions(reply: Reply) -> discord.AllowedMentions:
    """No pings at all, except exactly the members a reply names in ``Reply.mentions``.

    Only a space that turned ``mention_reminders`` on produces such a reply; everyone,
    here and roles stay off even then.
    """
    users = [discord.Object(int(u)) for u in reply.mentions if u.isdigit()]
    if not users:
        return NO_MENTIONS
    return discord.AllowedMentions(everyone=False, users=users, roles=False, replied_user=False)


def _snowflake(message_id: str) -> int:
    if not message_id.isdigit():
        raise ValueError(f"not a Discord message id: {message_id!r}")
    return int(message_id)


@contextlib.asynccontextmanager
async def rest_publisher(settings: Settings) -> AsyncIterator[Publisher]:
    """A Publisher for one-off runs (``post-due``): logs in over REST, never opens the gateway."""
    # Imported here: the runner imports this module for the live bot's publisher.
    from bot.adapters.discord.runner import point_at

    token = settings.discord_token
    if token is None:
        raise MissingTokenError
    client = discord.Client(
        intents=gateway_intents(), max_messages=None, allowed_mentions=NO_MENTIONS
    )
    async with client:
        point_at(settings)
        try:
            await client.login(token.get_secret_value())
        except discord.LoginFailure:
            raise DiscordLoginError("Discord rejected the bot token (HTTP 401)") from None
        yield DiscordPublisher(client)
