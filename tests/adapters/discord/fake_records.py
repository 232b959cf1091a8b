"""What the fake Discord records: replies the bot sent, interactions and command syncs."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from tests.adapters.discord import fake_payloads as p

TIMEOUT = 5.0


@dataclass
class Sent:
    """One thing the bot sent back for an interaction: a callback, a follow-up or an edit."""

    route: str
    body: dict[str, Any]
    message: dict[str, Any] | None
    received_at: float = field(default_factory=time.perf_counter)

    @property
    def type(self) -> int | None:
        return self.body.get("type") if self.route == "callback" else None

    @property
    def data(self) -> dict[str, Any]:
        return (self.body.get("data") or {}) if self.route == "callback" else self.body

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.data.get("embeds") or []

    @property
    def ephemeral(self) -> bool:
        return bool((self.data.get("flags") or 0) & p.EPHEMERAL)

    @property
    def custom_ids(self) -> list[str]:
        rows = self.data.get("components") or []
        return [
            c["custom_id"] for row in rows for c in row.get("components", []) if "custom_id" in c
        ]


@dataclass
class FakeInteraction:
    """An interaction the fake sent to the bot, and a queue of what the bot answered."""

    payload: dict[str, Any]
    replies: asyncio.Queue[Sent] = field(default_factory=asyncio.Queue)
    sent_at: float = 0.0
    acknowledged: bool = False
    original_id: str | None = None

    @property
    def id(self) -> str:
        return str(self.payload["id"])

    @property
    def token(self) -> str:
        return str(self.payload["token"])

    async def reply(self, within: float = TIMEOUT) -> Sent:
        return await asyncio.wait_for(self.replies.get(), within)


@dataclass(frozen=True)
class CommandPut:
    """One bulk overwrite of commands: ``guild_id`` None means global."""

    guild_id: int | None
    payload: list[dict[str, Any]]
