"""A small fake Slack on 127.0.0.1: the Web API methods the bot calls and a Socket Mode socket.

The real slack-bolt app talks to it through ``SLACK_API_BASE`` and the ``ws://`` URL that
``apps.connections.open`` returns. Tests push envelopes and await what the bot sent back:
acks, ``response_url`` posts, channel messages (with real ``ts`` values), views and files.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from typing import Any, Self

from aiohttp import WSMsgType, web

from tests.adapters.slack.fake_checks import mention_problems
from tests.adapters.slack.fake_users import USERS

BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-test-app-token"
TEAM = "T0TEAM0001"
TIMEOUT = 5.0


class FakeSlack:
    """Web API and Socket Mode on one random port."""

    def __init__(self, *, bot_token: str = BOT_TOKEN, app_token: str = APP_TOKEN) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.users: dict[str, dict[str, Any]] = {u["id"]: u for u in USERS}
        self.calls: dict[str, int] = defaultdict(int)
        self.problems: list[str] = []
        self.messages: dict[str, list[dict[str, Any]]] = defaultdict(list)  # channel -> posts
        self.responses: asyncio.Queue[dict[str, Any]] = asyncio.Queue()  # response_url posts
        self.posts: asyncio.Queue[dict[str, Any]] = asyncio.Queue()  # postMessage/update/...
        self.views: asyncio.Queue[dict[str, Any]] = asyncio.Queue()  # views.open/publish
        self.uploads: dict[str, dict[str, Any]] = {}
        self.connections: asyncio.Queue[int] = asyncio.Queue()
        self.not_in_channel: set[str] = set()
        self.rate_limited: dict[str, int] = {}
        self.any_user = False  # the benchmark's many members: users.info makes one up
        self.checking = True  # the benchmark times the bot, not the fake's mention scan
        self.hold_acks = False  # read no acks, as a socket that is about to drop
        self._ids = itertools.count(1)
        self._ws: web.WebSocketResponse | None = None
        self._connected = asyncio.Event()
        self._acks: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._unacked: dict[str, dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{n}", self._respond)
        app.router.add_post("/upload/{file}", self._upload)
        app.router.add_get("/link/{n}", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def _url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def ts(self) -> str:
        return f"{int(time.time())}.{next(self._ids):06d}"

    # Socket Mode ---------------------------------------------------------------------------------

    async def wait_connected(self, within: float = TIMEOUT) -> int:
        """The number of the next Socket Mode connection the bot opens."""
        return await asyncio.wait_for(self.connections.get(), within)

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0APP"}}
        await ws.send_str(json.dumps(hello))
        self._connected.set()
        await self.connections.put(int(request.match_info["n"]))
        # An envelope the last connection never acknowledged comes again, as Slack retries.
        for envelope in list(self._unacked.values()):
            envelope["retry_attempt"] += 1
            await ws.send_str(json.dumps(envelope))
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            ack = json.loads(message.data)
            if self.hold_acks:
                continue
            envelope_id = ack.get("envelope_id")
            future = self._acks.pop(envelope_id, None)
            self._unacked.pop(envelope_id, None)
            if future is not None and not future.done():
                self.problems.extend(mention_problems(ack.get("payload") or {}, "ack"))
                future.set_result(ack.get("payload") or {})
        if self._ws is ws:
            self._connected.clear()
        return ws

    async def envelope(self, kind: str, payload: dict[str, Any]) -> asyncio.Future[dict[str, Any]]:
        """Send one envelope; the future resolves with the ack's payload."""
        envelope_id = f"env-{next(self._ids)}"
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._acks[envelope_id] = future
        await asyncio.wait_for(self._connected.wait(), TIMEOUT)
        assert self._ws is not None
        # Kept until acknowledged: a connection that closes first gets it again on the next.
        self._unacked[envelope_id] = envelope
        await self._ws.send_str(json.dumps(envelope))
        return future

    async def drop(self) -> None:
        """Close the socket without warning, as a network failure would."""
        assert self._ws is not None
        self._connected.clear()
        await self._ws.close()

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the bot to move to a new connection, as Slack does every few hours."""
        assert self._ws is not None
        self._connected.clear()
        await self._ws.send_str(json.dumps({"type": "disconnect", "reason": reason}))

    # Web API ------------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        self.calls[method] += 1
        body = await _body(request)
        if self.rate_limited.get(method, 0) > 0:
            self.rate_limited[method] -= 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"}
            )
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        wanted = self.app_token if method == "apps.connections.open" else self.bot_token
        if token != wanted:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        self.problems.extend(mention_problems(body, method))
        handler = getattr(self, "api_" + method.replace(".", "_").lower(), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        return web.json_response(await handler(body))

    async def api_auth_test(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "team_id": TEAM, "user_id": "UBOT", "bot_id": "BBOT", "team": "T"}

    async def api_apps_connections_open(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link/{next(self._ids)}"}

    async def api_users_info(self, body: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(body.get("user", ""))
        if user is None and self.any_user:
            user = {"id": body.get("user"), "name": "member", "locale": "ko-KR", "profile": {}}
        return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}

    async def api_chat_postmessage(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = body.get("channel", "")
        if channel in self.not_in_channel:
            return {"ok": False, "error": "not_in_channel"}
        message = {**body, "ts": self.ts(), "method": "chat.postMessage"}
        self.messages[channel].append(message)
        await self.posts.put(message)
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    async def api_conversations_history(self, body: dict[str, Any]) -> dict[str, Any]:
        # Newest first, with each message's metadata (the bot asks include_all_metadata).
        newest = list(reversed(self.messages[body.get("channel", "")]))
        limit = int(body.get("limit") or 100)
        shown = [{**m, "metadata": _json(m["metadata"])} if "metadata" in m else m for m in newest]
        return {"ok": True, "messages": shown[:limit], "has_more": len(newest) > limit}

    async def api_chat_update(self, body: dict[str, Any]) -> dict[str, Any]:
        channel = body.get("channel", "")
        for message in self.messages[channel]:
            if message["ts"] == body.get("ts"):
                message.update(body)
                await self.posts.put({**message, "method": "chat.update"})
                return {"ok": True, "channel": channel, "ts": message["ts"]}
        return {"ok": False, "error": "message_not_found"}

    async def api_chat_postephemeral(self, body: dict[str, Any]) -> dict[str, Any]:
        if body.get("channel") in self.not_in_channel:
            return {"ok": False, "error": "not_in_channel"}
        await self.posts.put({**body, "method": "chat.postEphemeral"})
        return {"ok": True, "message_ts": self.ts()}

    async def api_views_open(self, body: dict[str, Any]) -> dict[str, Any]:
        view = _json(body.get("view"))
        await self.views.put({"method": "views.open", **body, "view": view})
        return {"ok": True, "view": {**view, "id": f"V{next(self._ids)}"}}

    async def api_views_publish(self, body: dict[str, Any]) -> dict[str, Any]:
        view = _json(body.get("view"))
        await self.views.put({"method": "views.publish", **body, "view": view})
        return {"ok": True, "view": {**view, "id": f"V{next(self._ids)}"}}

    async def api_conversations_open(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": {"id": "D" + str(body.get("users", "")).lstrip("U")}}

    async def api_files_getuploadurlexternal(self, body: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._ids)}"
        self.uploads[file_id] = {"filename": body.get("filename"), "data": b""}
        return {"ok": True, "upload_url": self._url(f"/upload/{file_id}"), "file_id": file_id}

    async def api_files_completeuploadexternal(self, body: dict[str, Any]) -> dict[str, Any]:
        files = _json(body.get("files"))
        for item in files:
            self.uploads[item["id"]]["channel"] = body.get("channel_id")
            self.uploads[item["id"]]["thread_ts"] = body.get("thread_ts")
            await self.posts.put({"method": "files", **self.uploads[item["id"]]})
        return {"ok": True, "files": [{"id": f["id"]} for f in files]}

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["file"]]["data"] = await request.read()
        return web.Response(text="OK - 1")

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.checking:
            self.problems.extend(mention_problems(body, "response_url"))
        body["n"] = request.match_info["n"]
        body["received_at"] = time.perf_counter()
        await self.responses.put(body)
        return web.Response(text="ok")

    def response_url(self) -> str:
        return self._url(f"/respond/{next(self._ids)}")


async def _body(request: web.Request) -> dict[str, Any]:
    query: dict[str, Any] = dict(request.query)
    if request.method == "GET":
        return query
    if request.content_type == "application/json":
        data: dict[str, Any] = await request.json()
        return query | data
    form = await request.post()
    return query | {k: v for k, v in form.items() if isinstance(v, str)}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
