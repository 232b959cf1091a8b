"""The fake Discord's channels: the bot's own posts and edits over REST, and channel options."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.fake_modals import attach, read_body
from tests.adapters.discord.fake_records import Sent
from tests.adapters.discord.fake_rest import error, json_response

if TYPE_CHECKING:
    from tests.adapters.discord.fake_discord import FakeDiscord

API = "/api/v10"
TIMEOUT = 5.0
TEXT, VOICE = 0, 2
POST, EDIT = "channel_post", "channel_edit"


class ChannelLog:
    """The server's channels, and every message the bot posted to or edited in them."""

    def __init__(self) -> None:
        # channel id -> (guild id, channel type); the guild's study channel exists from the start
        self.channels: dict[str, tuple[int, int]] = {str(p.CHANNEL_ID): (p.GUILD_ID, TEXT)}
        self.sent: list[Sent] = []
        self._arrivals: asyncio.Queue[Sent] = asyncio.Queue()
        # (channel id, nonce) -> the message it made, as Discord keeps them for enforce_nonce
        self.nonces: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, channel_id: int, *, guild_id: int = p.GUILD_ID, kind: int = TEXT) -> str:
        self.channels[str(channel_id)] = (guild_id, kind)
        return str(channel_id)

    @property
    def posts(self) -> list[Sent]:
        return [s for s in self.sent if s.route == POST]

    @property
    def edits(self) -> list[Sent]:
        return [s for s in self.sent if s.route == EDIT]

    async def next(self, within: float = TIMEOUT) -> Sent:
        """The next post or edit the bot makes (or made and no test took yet)."""
        return await asyncio.wait_for(self._arrivals.get(), within)

    def record(self, sent: Sent) -> None:
        self.sent.append(sent)
        self._arrivals.put_nowait(sent)

    def resolved(self, channel_id: str) -> dict[str, Any]:
        """What Discord puts in ``data.resolved.channels`` for a channel option."""
        guild_id, kind = self.channels.get(channel_id, (p.GUILD_ID, TEXT))
        return {
            "id": channel_id,
            "type": kind,
            "name": f"channel-{channel_id[-4:]}",
            "guild_id": str(guild_id),
            "permissions": "2147483648",
            "parent_id": None,
            "flags": 0,
        }


def add_channel_routes(app: web.Application, fake: FakeDiscord) -> None:
    """Register the channel message routes; call before the fake's catch-all route."""
    routes = _ChannelRoutes(fake)
    app.router.add_post(f"{API}/channels/{{cid}}/messages", routes.post)
    app.router.add_patch(f"{API}/channels/{{cid}}/messages/{{mid}}", routes.edit)


class _ChannelRoutes:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def _refusal(self, request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != f"Bot {self.fake.token}":
            return error(401, 0, "401: Unauthorized")
        if request.match_info["cid"] not in self.fake.channels.channels:
            return error(404, 10003, "Unknown Channel")
        if request.content_type not in ("application/json", "multipart/form-data"):
            return error(400, 50035, "Invalid Form Body: the fake accepts JSON or multipart")
        return None

    async def post(self, request: web.Request) -> web.Response:
        refused = self._refusal(request)
        if refused is not None:
            return refused
        body, uploads = await read_body(request)
        problems = self.fake.problems("channel", body)
        if problems:
            return error(400, 50035, "Invalid Form Body", problems)
        channel_id = request.match_info["cid"]
        nonce = (channel_id, str(body.get("nonce"))) if body.get("enforce_nonce") else None
        if nonce is not None and nonce in self.fake.channels.nonces:
            # Discord answers a repeated nonce with the message it already made.
            return json_response(self.fake.channels.nonces[nonce])
        guild_id, _ = self.fake.channels.channels[channel_id]
        message = p.message(body, guild_id=guild_id) | {"channel_id": channel_id, "type": 0}
        attach(self.fake, message, uploads)
        if nonce is not None:
            self.fake.channels.nonces[nonce] = message
        for key in ("webhook_id", "application_id"):  # a bot's channel post is no webhook's
            message.pop(key, None)
        self.fake.remember(message)
        self.fake.channels.record(Sent(POST, body, message))
        return json_response(message)

    async def edit(self, request: web.Request) -> web.Response:
        refused = self._refusal(request)
        if refused is not None:
            return refused
        mid, channel_id = request.match_info["mid"], request.match_info["cid"]
        known = self.fake.known_message(mid)
        if known is None or known.get("channel_id") != channel_id:
            return error(404, 10008, "Unknown Message")
        body = await request.json()
        problems = self.fake.problems("channel_edit", body)
        if problems:
            return error(400, 50035, "Invalid Form Body", problems)
        message = self.fake.edit(mid, body)
        self.fake.channels.record(Sent(EDIT, body, message))
        return json_response(message)
