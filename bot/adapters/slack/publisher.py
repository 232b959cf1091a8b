"""The Slack Publisher: the daily loop's posts and edits, about one per second per channel."""

from __future__ import annotations

import asyncio
import logging
import time

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.blocks import message
from bot.adapters.slack.text import error_code
from bot.core.errors import StudyBotError
from bot.core.models import SpaceRef
from bot.core.replies import Reply

log = logging.getLogger(__name__)

# Slack accepts about one message per second in a channel; the daily loop spaces its posts.
SPACING = 1.0
# A scheduled post carries its nonce as message metadata, so a retry can find it again.
EVENT = "studybot_post"
# How far back a retry looks for the post it may already have made (newest first).
HISTORY = 50


class NotInChannelError(StudyBotError):
    """The bot was never invited to the space's channel."""

    key = "error.slack_not_in_channel"


class SlackPublisher:
    """Posts rendered Replies with chat.postMessage and edits them with chat.update."""

    def __init__(self, client: AsyncWebClient, *, spacing: float = SPACING) -> None:
        self._client = client
        self._spacing = spacing
        self._last: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        """Send ``reply`` to ``channel``; its ``ts``, the id chat.update edits it by."""
        target = _channel(space, channel)
        # The post ledger lets one process post a given nonce at a time, so looking before
        # taking the channel's turn cannot race with the same post.
        earlier = await self._already_posted(target, reply.nonce) if reply.nonce else None
        if earlier is not None:
            log.info("post %s is already in channel %s as %s", reply.nonce, target, earlier)
            return earlier
        async with self._turn(target):
            metadata = (
                {"event_type": EVENT, "event_payload": {"nonce": reply.nonce}}
                if reply.nonce
                else None
            )
            try:
                sent = await self._client.chat_postMessage(
                    channel=target, metadata=metadata, **message(reply)
                )
            except SlackApiError as error:
                raise _explained(error, space, target) from None
        log.info("posted message %s to channel %s of slack:%s", sent["ts"], target, space.id)
        await self._attach(target, str(sent["ts"]), reply)
        return str(sent["ts"])

    async def _attach(self, channel: str, ts: str, reply: Reply) -> None:
        """Upload a post's files (the digest's heatmap) in its thread; a refusal is logged."""
        for attachment in reply.attachments:
            try:
                await self._client.files_upload_v2(
                    channel=channel,
                    thread_ts=ts,
                    file=attachment.data,
                    filename=attachment.name,
                    title=attachment.name,
                )
            except SlackApiError as error:
                log.warning(
                    "could not attach %s to %s in %s (%s)",
                    attachment.name,
                    ts,
                    channel,
                    error_code(error),
                )

    async def _already_posted(self, channel: str, nonce: str) -> str | None:
        """The ts of a scheduled post with ``nonce`` among the channel's latest messages.

        Slack has no idempotency key, so a retry after a crash between posting and recording
        looks for the post's metadata first. A history Slack will not show (a missing scope)
        is logged and the post goes out, as it would have before.
        """
        try:
            history = await self._client.conversations_history(
                channel=channel, limit=HISTORY, include_all_metadata=True
            )
        except SlackApiError as error:
            log.warning("cannot read channel %s's history (%s)", channel, error_code(error))
            return None
        for item in history.get("messages") or []:
            metadata = item.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == EVENT and payload.get("nonce") == nonce:
                return str(item.get("ts"))
        return None

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        target = _channel(space, channel)
        async with self._turn(target):
            try:
                await self._client.chat_update(channel=target, ts=message_id, **message(reply))
            except SlackApiError as error:
                if error_code(error) == "message_not_found":
                    log.warning(
                        "message %s in channel %s is gone; edit skipped", message_id, target
                    )
                    return
                raise _explained(error, space, target) from None

    def _turn(self, channel: str) -> _Turn:
        lock = self._locks.setdefault(channel, asyncio.Lock())
        return _Turn(self, channel, lock)


class _Turn:
    """Holds a channel's lock, waiting until a second passed since its last post."""

    def __init__(self, publisher: SlackPublisher, channel: str, lock: asyncio.Lock) -> None:
        self._publisher, self._channel, self._lock = publisher, channel, lock

    async def __aenter__(self) -> None:
        await self._lock.acquire()
        last = self._publisher._last.get(self._channel)
        if last is not None:
            wait = last + self._publisher._spacing - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)

    async def __aexit__(self, *exc: object) -> None:
        self._publisher._last[self._channel] = time.monotonic()
        self._lock.release()


def _channel(space: SpaceRef, channel: str | None) -> str:
    if not channel:
        raise NotInChannelError(f"no Slack channel is set for slack:{space.id}")
    return channel


def _explained(error: SlackApiError, space: SpaceRef, channel: str) -> Exception:
    code = error_code(error)
    if code == "not_in_channel":
        log.error(
            "the bot is not in channel %s of slack:%s: an admin must invite it there "
            "(/invite @studybot) for the daily posts to appear",
            channel,
            space.id,
        )
        return NotInChannelError(channel=channel)
    return error
