"""The fake Discord's REST routes: login, command sync, interaction callbacks and webhooks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.fake_modals import MODAL, attach, read_body
from tests.adapters.discord.fake_records import FakeInteraction, Sent

if TYPE_CHECKING:
    from tests.adapters.discord.fake_discord import FakeDiscord

API = "/api/v10"


def json_response(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body only when Content-Type is exactly "application/json".
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json"})


def error(status: int, code: int, message: str, errors: Any = None) -> web.Response:
    data: dict[str, Any] = {"code": code, "message": message}
    if errors is not None:
        data["errors"] = errors
    return json_response(data, status)


def add_rest_routes(app: web.Application, fake: FakeDiscord) -> None:
    rest = _Rest(fake)
    app.router.add_get(f"{API}/gateway/bot", rest.gateway_bot)
    app.router.add_get(f"{API}/users/@me", rest.me)
    app.router.add_get(f"{API}/oauth2/applications/@me", rest.application)
    app.router.add_put(f"{API}/applications/{{app_id}}/commands", rest.put_global)
    app.router.add_put(
        f"{API}/applications/{{app_id}}/guilds/{{guild_id}}/commands", rest.put_guild
    )
    app.router.add_post(f"{API}/interactions/{{iid}}/{{token}}/callback", rest.callback)
    app.router.add_post(f"{API}/webhooks/{{app_id}}/{{token}}", rest.followup)
    app.router.add_route(
        "*", f"{API}/webhooks/{{app_id}}/{{token}}/messages/{{mid}}", rest.original
    )
    app.router.add_route("*", "/{tail:.*}", rest.unhandled)


class _Rest:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {self.fake.token}"

    async def me(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return error(401, 0, "401: Unauthorized")
        return json_response(p.bot_user())

    async def application(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return error(401, 0, "401: Unauthorized")
        return json_response(p.application())

    async def gateway_bot(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return error(401, 0, "401: Unauthorized")
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response(
            {"url": self.fake.gateway_url, "shards": 1, "session_start_limit": limit}
        )

    async def put_global(self, request: web.Request) -> web.Response:
        return await self._put(request, None)

    async def put_guild(self, request: web.Request) -> web.Response:
        return await self._put(request, int(request.match_info["guild_id"]))

    async def _put(self, request: web.Request, guild_id: int | None) -> web.Response:
        if not self._authorized(request):
            return error(401, 0, "401: Unauthorized")
        if request.match_info["app_id"] != str(p.APP_ID):
            return error(403, 50001, "Missing Access")
        return json_response(self.fake.put_commands(guild_id, await request.json()))

    async def callback(self, request: web.Request) -> web.Response:
        interaction = self.fake.interaction_for(
            request.match_info["iid"], request.match_info["token"]
        )
        if interaction is None:
            return error(404, 10062, "Unknown interaction")
        if interaction.acknowledged:
            return error(400, 40060, "Interaction has already been acknowledged.")
        if request.content_type not in ("application/json", "multipart/form-data"):
            return error(400, 50035, "Invalid Form Body: the fake accepts JSON or multipart")
        body, uploads = await read_body(request)
        route = "modal" if body.get("type") == MODAL else "callback"
        problems = self.fake.problems(route, body.get("data") or {})
        if problems:
            return error(400, 50035, "Invalid Form Body", problems)
        interaction.acknowledged = True
        message = self._callback_message(interaction, body)
        if message is not None:
            attach(self.fake, message, uploads)
        self.fake.record(interaction, Sent("callback", body, message))
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        return json_response(_callback_response(interaction, body, message))

    def _callback_message(
        self, interaction: FakeInteraction, body: dict[str, Any]
    ) -> dict[str, Any] | None:
        kind, data = body.get("type"), body.get("data") or {}
        if kind in (p.CHANNEL_MESSAGE, p.DEFERRED_MESSAGE):
            flags = (data.get("flags") or 0) | (p.LOADING if kind == p.DEFERRED_MESSAGE else 0)
            message = self.fake.store(interaction, data | {"flags": flags}, None)
            interaction.original_id = message["id"]
            return message
        clicked = interaction.payload.get("message")
        if kind in (p.UPDATE_MESSAGE, p.DEFERRED_UPDATE) and clicked is not None:
            interaction.original_id = clicked["id"]
            return self.fake.edit(clicked["id"], data) if kind == p.UPDATE_MESSAGE else clicked
        return None

    async def followup(self, request: web.Request) -> web.Response:
        interaction = self.fake.interaction_for(None, request.match_info["token"])
        if interaction is None or not interaction.acknowledged:
            return error(404, 10015, "Unknown Webhook")
        body, uploads = await read_body(request)
        problems = self.fake.problems("followup", body)
        if problems:
            return error(400, 50035, "Invalid Form Body", problems)
        message = self.fake.store(interaction, body, None)
        attach(self.fake, message, uploads)
        self.fake.record(interaction, Sent("followup", body, message))
        return json_response(message)

    async def original(self, request: web.Request) -> web.Response:
        interaction = self.fake.interaction_for(None, request.match_info["token"])
        mid = request.match_info["mid"]
        message_id = interaction.original_id if interaction and mid == "@original" else mid
        if interaction is None or message_id is None:
            return error(404, 10008, "Unknown Message")
        if request.method == "DELETE":
            self.fake.record(interaction, Sent("delete", {}, None))
            return web.Response(status=204)
        if request.method == "GET":
            return json_response(self.fake.message(message_id))
        body, uploads = await read_body(request)
        problems = self.fake.problems("edit", body)
        if problems:
            return error(400, 50035, "Invalid Form Body", problems)
        message = self.fake.edit(message_id, body)
        attach(self.fake, message, uploads)
        self.fake.record(interaction, Sent("edit", body, message))
        return json_response(message)

    async def unhandled(self, request: web.Request) -> web.Response:
        self.fake.unhandled.append(f"{request.method} {request.path}")
        return error(404, 0, "404: Not Found")


def _callback_response(
    interaction: FakeInteraction, body: dict[str, Any], message: dict[str, Any] | None
) -> dict[str, Any]:
    kind = body.get("type")
    flags = (message or {}).get("flags") or 0
    result: dict[str, Any] = {
        "interaction": {
            "id": interaction.id,
            "type": interaction.payload["type"],
            "response_message_id": message["id"] if message else None,
            "response_message_loading": kind == p.DEFERRED_MESSAGE,
            "response_message_ephemeral": bool(flags & p.EPHEMERAL),
        }
    }
    if message is not None:
        result["resource"] = {"type": kind, "message": message}
    return result
