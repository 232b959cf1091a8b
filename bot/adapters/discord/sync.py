"""Command sync that only talks to Discord when the translated payload changed."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.settings import Settings

log = logging.getLogger(__name__)

STATE_FILE = "discord_commands.json"


def targets(settings: Settings) -> list[discord.Object | None]:
    """The guilds to sync to, or ``[None]`` for a global sync when no guild is configured."""
    if settings.discord_guild_ids:
        return [discord.Object(id=guild_id) for guild_id in settings.discord_guild_ids]
    return [None]


async def command_payload(
    tree: app_commands.CommandTree[Any], guild: discord.Object | None
) -> list[dict[str, Any]]:
    """Exactly what ``tree.sync(guild=...)`` would send, translations included."""
    commands = tree.get_commands(guild=guild)
    translator = tree.translator
    if translator is None:
        return [command.to_dict(tree) for command in commands]
    return [await command.get_translated_payload(tree, translator) for command in commands]


def payload_digest(payload: list[dict[str, Any]]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def sync_if_needed(
    tree: app_commands.CommandTree[Any], settings: Settings, *, force: bool = False
) -> str:
    """Sync every target whose payload differs from the last successful sync; a summary line."""
    path = settings.data_dir / STATE_FILE
    state = _load_state(path)
    app_id = tree.client.application_id
    synced: list[str] = []
    unchanged: list[str] = []
    count = 0
    for guild in targets(settings):
        label = "global" if guild is None else f"guild {guild.id}"
        payload = await command_payload(tree, guild)
        key = f"{app_id}:{label}"
        digest = payload_digest(payload)
        if not force and state.get(key) == digest:
            unchanged.append(label)
            continue
        await tree.sync(guild=guild)
        state[key] = digest
        _save_state(path, state)
        synced.append(label)
        count = len(payload)
    summary = _summary(synced, unchanged, count)
    log.info("discord command sync: %s", summary)
    return summary


def _summary(synced: list[str], unchanged: list[str], count: int) -> str:
    parts = []
    if synced:
        parts.append(f"synced {count} command(s) to {', '.join(synced)}")
    if unchanged:
        parts.append(f"unchanged, not synced: {', '.join(unchanged)}")
    return "; ".join(parts)


def _load_state(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("ignoring unreadable command sync state at %s", path)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _save_state(path: Path, state: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
