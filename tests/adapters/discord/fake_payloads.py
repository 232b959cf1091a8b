"""Discord JSON objects the fake server hands out: users, guilds, channels, interactions."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

BOT_TOKEN = "fake-bot-token"
APP_ID = 900_000_000_000_000_001
GUILD_ID = 900_000_000_000_000_100
CHANNEL_ID = 900_000_000_000_000_200
USER_ID = 900_000_000_000_000_300

_ids = itertools.count(910_000_000_000_000_000)

# Interaction and callback types, from Discord's "receiving and responding" docs.
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE = 1, 2, 3, 4
CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT = (
    4,
    5,
    6,
    7,
    8,
)
EPHEMERAL = 1 << 6
LOADING = 1 << 7


def snowflake() -> str:
    return str(next(_ids))


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def bot_user() -> dict[str, Any]:
    return {
        "id": str(APP_ID),
        "username": "studybot",
        "global_name": "studybot",
        "discriminator": "0",
        "avatar": None,
        "bot": True,
        "flags": 0,
        "verified": True,
        "mfa_enabled": False,
    }


def human(user_id: int = USER_ID) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": "learner",
        "global_name": "Learner",
        "discriminator": "0",
        "avatar": None,
    }


def application() -> dict[str, Any]:
    return {
        "id": str(APP_ID),
        "name": "studybot",
        "description": "",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": human(),
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
    }


def channel(guild_id: int = GUILD_ID) -> dict[str, Any]:
    return {
        "id": str(CHANNEL_ID),
        "type": 0,
        "guild_id": str(guild_id),
        "name": "study",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def guild(guild_id: int) -> dict[str, Any]:
    return {
        "id": str(guild_id),
        "name": "k8s study",
        "icon": None,
        "owner_id": str(USER_ID),
        "unavailable": False,
        "member_count": 2,
        "large": False,
        "roles": [],
        "emojis": [],
        "stickers": [],
        "features": [],
        "channels": [channel(guild_id)],
        "threads": [],
        "members": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "preferred_locale": "ko",
        "premium_tier": 0,
        "joined_at": now(),
    }


def member() -> dict[str, Any]:
    return {
        "user": human(),
        "roles": [],
        "joined_at": now(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "permissions": "2147483648",
    }


def interaction(
    kind: int,
    data: dict[str, Any],
    *,
    locale: str,
    guild_id: int | None = GUILD_ID,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A full INTERACTION_CREATE payload, as Discord sends it to a bot."""
    payload: dict[str, Any] = {
        "id": snowflake(),
        "application_id": str(APP_ID),
        "type": kind,
        "data": data,
        "token": f"itoken-{snowflake()}",
        "version": 1,
        "locale": locale,
        "app_permissions": "2147483648",
        "attachment_size_limit": 10 * 1024 * 1024,
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild_id or USER_ID)},
        "context": 0 if guild_id else 1,
        "channel_id": str(CHANNEL_ID),
    }
    if guild_id is not None:
        payload |= {
            "guild_id": str(guild_id),
            "guild_locale": "ko",
            "guild": {"id": str(guild_id), "locale": "ko", "features": []},
            "channel": channel(guild_id),
            "member": member(),
        }
    else:
        payload |= {"user": human(), "channel": {"id": str(CHANNEL_ID), "type": 1}}
    if message is not None:
        payload["message"] = message
    return payload


def message(
    body: dict[str, Any], *, guild_id: int | None, message_id: str | None = None
) -> dict[str, Any]:
    """The message Discord stores for a bot's reply body."""
    result: dict[str, Any] = {
        "id": message_id or snowflake(),
        "channel_id": str(CHANNEL_ID),
        "type": 20,
        "content": body.get("content") or "",
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "flags": body.get("flags") or 0,
        "author": bot_user(),
        "application_id": str(APP_ID),
        "webhook_id": str(APP_ID),
        "timestamp": now(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "pinned": False,
    }
    if guild_id is not None:
        result["guild_id"] = str(guild_id)
    return result
