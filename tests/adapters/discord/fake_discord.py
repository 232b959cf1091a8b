"""A small fake Discord (REST and gateway) on 127.0.0.1 that a real discord.py client talks to."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any, Self

from aiohttp import WSMsgType, web

from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.fake_channels import ChannelLog, add_channel_routes
from tests.adapters.discord.fake_modals import Upload, modal_problems
from tests.adapters.discord.fake_records import CommandPut, FakeInteraction, Sent
from tests.adapters.discord.fake_rest import add_rest_routes
from tests.adapters.discord.fake_validation import message_problems

API = "/api/v10"
TIMEOUT = 5.0

__all__ = ["CommandPut", "FakeDiscord", "FakeInteraction", "Sent"]


class FakeDiscord:
    """REST and gateway on one random port; tests inject interactions and await the answers."""

    def __init__(
        self, *, token: str = p.BOT_TOKEN, guild_ids: tuple[int, ...] = (p.GUILD_ID,)
    ) -> None:
        self.token = token
        self.identify_token = token  # tests may make the gateway refuse what REST accepted
        self.guild_ids = guild_ids
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.command_puts: list[CommandPut] = []
        self.sent: list[Sent] = []
        self.rejected: list[tuple[str, list[str]]] = []
        self.unhandled: list[str] = []
        self.uploads: dict[str, Upload] = {}  # attachment id -> the uploaded file
        self.sessions: asyncio.Queue[str] = asyncio.Queue()
        self.channels = ChannelLog()  # the bot's own channel posts and edits
        self._commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self._interactions: dict[str, FakeInteraction] = {}
        self._by_token: dict[str, FakeInteraction] = {}
        self._messages: dict[str, dict[str, Any]] = {}
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._session_id = ""
        self._send_lock = asyncio.Lock()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # lifecycle -------------------------------------------------------------------------------

    async def start(self) -> Self:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        add_channel_routes(app, self)  # before the REST catch-all
        add_rest_routes(app, self)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # what tests call ---------------------------------------------------------------------------

    async def wait_session(self, within: float = TIMEOUT) -> str:
        """Wait until the bot identified ("identify") or resumed ("resume")."""
        return await asyncio.wait_for(self.sessions.get(), within)

    def forget(self) -> None:
        """Drop recorded interactions, replies and messages (keeps long benchmarks flat)."""
        self.sent.clear()
        self._interactions.clear()
        self._by_token.clear()
        self._messages.clear()

    async def reconnect(self) -> None:
        """Ask the bot to reconnect and resume (gateway opcode 7)."""
        await self._send({"op": 7, "d": None})

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        locale: str = "ko",
        member: dict[str, Any] | None = None,
        resolved: dict[str, Any] | None = None,
    ) -> FakeInteraction:
        """Run ``/name``; ``member`` is who runs it, ``resolved`` the users its options name."""
        command = self.registered(name)
        data = self._command_data(command, options or {})
        if resolved is not None:
            data["resolved"] = resolved
        return await self.interact(p.APPLICATION_COMMAND, data, locale=locale, member=member)

    async def subcommand(
        self,
        group: str,
        name: str,
        *,
        locale: str = "ko",
        member: dict[str, Any] | None = None,
    ) -> FakeInteraction:
        """Run ``/group name`` (a subcommand without options)."""
        command = self.registered(group)
        data = self._command_data(command, {})
        data["options"] = [{"name": name, "type": 1, "options": []}]
        return await self.interact(p.APPLICATION_COMMAND, data, locale=locale, member=member)

    async def autocomplete(
        self, name: str, options: dict[str, Any], focused: str, *, locale: str = "ko"
    ) -> FakeInteraction:
        data = self._command_data(self.registered(name), options)
        for option in data["options"]:
            option["focused"] = option["name"] == focused
        return await self.interact(p.AUTOCOMPLETE, data, locale=locale)

    async def click(
        self,
        sent: Sent,
        custom_id: str,
        *,
        locale: str = "ko",
        member: dict[str, Any] | None = None,
    ) -> FakeInteraction:
        """Click a button on the message ``sent`` created or edited (as ``member``, if given)."""
        assert sent.message is not None, "that reply created no message"
        message = self._messages[sent.message["id"]]
        assert custom_id in Sent("edit", message, message).custom_ids, f"no button {custom_id}"
        data = {"custom_id": custom_id, "component_type": 2}
        return await self.interact(
            p.MESSAGE_COMPONENT, data, locale=locale, message=message, member=member
        )

    def planted_message(self, custom_ids: list[str], *, ephemeral: bool = False) -> Sent:
        """A message the bot posted earlier (say, before a restart) with these buttons."""
        buttons = [{"type": 2, "style": 2, "label": c, "custom_id": c} for c in custom_ids]
        body = {
            "embeds": [{"title": "earlier"}],
            "components": [{"type": 1, "components": buttons}],
            "flags": p.EPHEMERAL if ephemeral else 0,
        }
        guild_id = self.guild_ids[0] if self.guild_ids else None
        message = p.message(body, guild_id=guild_id)
        self._messages[message["id"]] = message
        return Sent("planted", body, message)

    async def interact(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        locale: str,
        message: dict[str, Any] | None = None,
        member: dict[str, Any] | None = None,
    ) -> FakeInteraction:
        guild_id = int(data["guild_id"]) if "guild_id" in data else self._guild_of(message)
        payload = p.interaction(kind, data, locale=locale, guild_id=guild_id, message=message)
        if member is not None and "member" in payload:
            payload["member"] = member
        interaction = FakeInteraction(payload)
        self._interactions[interaction.id] = interaction
        self._by_token[interaction.token] = interaction
        interaction.sent_at = time.perf_counter()
        await self._dispatch("INTERACTION_CREATE", payload)
        return interaction

    def registered(self, name: str) -> dict[str, Any]:
        """The synced command called ``name``; guild commands first, as Discord shows them."""
        for scope in (*self.guild_ids, None):
            command = self._commands.get(scope, {}).get(name)
            if command is not None:
                return command
        raise LookupError(f"/{name} was never synced")

    def _command_data(self, command: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
        types = {o["name"]: o["type"] for o in command.get("options", [])}
        data: dict[str, Any] = {
            "id": command["id"],
            "name": command["name"],
            "type": 1,
            "options": [{"name": k, "type": types[k], "value": v} for k, v in options.items()],
        }
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return data

    def _guild_of(self, message: dict[str, Any] | None) -> int | None:
        if message is not None:
            return int(message["guild_id"]) if "guild_id" in message else None
        return self.guild_ids[0] if self.guild_ids else p.GUILD_ID

    # used by the REST routes -------------------------------------------------------------------

    def put_commands(self, guild_id: int | None, payload: list[dict[str, Any]]) -> list[Any]:
        self.command_puts.append(CommandPut(guild_id, payload))
        stored = []
        for command in payload:
            known = self._commands.get(guild_id, {}).get(command["name"])
            stored.append(
                command
                | {
                    "id": known["id"] if known else p.snowflake(),
                    "application_id": str(p.APP_ID),
                    "version": p.snowflake(),
                    "default_member_permissions": None,
                    "guild_id": str(guild_id) if guild_id else None,
                }
            )
        self._commands[guild_id] = {c["name"]: c for c in stored}
        return stored

    def interaction_for(self, interaction_id: str | None, token: str) -> FakeInteraction | None:
        found = self._by_token.get(token)
        if found is None or (interaction_id is not None and found.id != interaction_id):
            return None
        return found

    def store(
        self, interaction: FakeInteraction, body: dict[str, Any], message_id: str | None
    ) -> dict[str, Any]:
        guild_id = interaction.payload.get("guild_id")
        message = p.message(
            body, guild_id=int(guild_id) if guild_id else None, message_id=message_id
        )
        self._messages[message["id"]] = message
        return message

    def remember(self, message: dict[str, Any]) -> dict[str, Any]:
        """Keep a message the bot posted outside any interaction, so it can be clicked."""
        self._messages[message["id"]] = message
        return message

    def known_message(self, message_id: str) -> dict[str, Any] | None:
        return self._messages.get(message_id)

    def message(self, message_id: str) -> dict[str, Any]:
        return self._messages[message_id]

    def edit(self, message_id: str, body: dict[str, Any]) -> dict[str, Any]:
        message = self._messages[message_id]
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = body[key] if body[key] is not None else []
        message["flags"] = (message.get("flags") or 0) & ~p.LOADING
        message["edited_timestamp"] = p.now()
        return message

    def problems(self, route: str, body: dict[str, Any]) -> list[str]:
        found = modal_problems(body) if route == "modal" else message_problems(body)
        if found:
            self.rejected.append((route, found))
        return found

    def record(self, interaction: FakeInteraction, sent: Sent) -> None:
        self.sent.append(sent)
        interaction.replies.put_nowait(sent)

    # gateway -----------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await self._send({"op": 10, "d": {"heartbeat_interval": 41_250}}, ws)
        async for frame in ws:
            if frame.type is not WSMsgType.TEXT:
                continue
            await self._on_gateway(ws, json.loads(frame.data))
        if self._ws is ws:
            self._ws = None
        return ws

    async def _on_gateway(self, ws: web.WebSocketResponse, message: dict[str, Any]) -> None:
        op, data = message.get("op"), message.get("d") or {}
        if op == 1:
            await self._send({"op": 11}, ws)
        elif op == 2:
            await self._identify(ws, data)
        elif op == 6:
            await self._resume(ws, data)

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        if data.get("token") != self.identify_token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        self.identifies.append(data)
        self._session_id, self._seq = p.snowflake(), 0
        # A sharded session gets its shard echoed and only the guilds on that shard.
        shard = data.get("shard")
        guilds = [g for g in self.guild_ids if not shard or (g >> 22) % shard[1] == shard[0]]
        ready = {
            "v": 10,
            "user": p.bot_user(),
            "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
            "session_id": self._session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(p.APP_ID), "flags": 0},
            **({"shard": shard} if shard else {}),
        }
        await self._dispatch("READY", ready, ws)
        for guild_id in guilds:
            await self._dispatch("GUILD_CREATE", p.guild(guild_id), ws)
        self.sessions.put_nowait("identify")

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.resumes.append(data)
        if data.get("token") != self.token or data.get("session_id") != self._session_id:
            await self._send({"op": 9, "d": False}, ws)
            return
        await self._dispatch("RESUMED", {}, ws)
        self.sessions.put_nowait("resume")

    async def _dispatch(
        self, event: str, data: dict[str, Any], ws: web.WebSocketResponse | None = None
    ) -> None:
        self._seq += 1
        await self._send({"op": 0, "t": event, "s": self._seq, "d": data}, ws)

    async def _send(self, message: dict[str, Any], ws: web.WebSocketResponse | None = None) -> None:
        target = ws or self._ws
        if target is None:
            raise ConnectionError("the bot is not connected to the fake gateway")
        async with self._send_lock:
            with contextlib.suppress(ConnectionResetError):
                await target.send_str(json.dumps(message))
