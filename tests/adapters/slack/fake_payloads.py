"""Socket Mode payloads as Slack sends them: slash commands, clicks, submits, events."""

from __future__ import annotations

import itertools
from typing import Any

from tests.adapters.slack.fake_slack import TEAM, FakeSlack
from tests.adapters.slack.fake_users import ALICE

CHANNEL = "C0STUDY001"
_ids = itertools.count(1)


def _who(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "username": user["name"], "name": user["name"], "team_id": TEAM}


def _trigger() -> str:
    return f"{next(_ids)}.trigger"


def command(
    fake: FakeSlack, name: str, text: str = "", user: dict[str, Any] = ALICE
) -> dict[str, Any]:
    return {
        "token": "verification",
        "team_id": TEAM,
        "team_domain": "study",
        "channel_id": CHANNEL,
        "channel_name": "study",
        "user_id": user["id"],
        "user_name": user["name"],
        "command": f"/{name}",
        "text": text,
        "api_app_id": "A0APP",
        "is_enterprise_install": "false",
        "response_url": fake.response_url(),
        "trigger_id": _trigger(),
    }


def click(
    fake: FakeSlack,
    action_id: str,
    user: dict[str, Any] = ALICE,
    *,
    ephemeral: bool = True,
    message_ts: str = "",
    value: str | None = None,
    channel: str = CHANNEL,
) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": _who(user),
        "api_app_id": "A0APP",
        "token": "verification",
        "container": {
            "type": "message",
            "message_ts": message_ts or "1.000001",
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": _trigger(),
        "team": {"id": TEAM, "domain": "study"},
        "channel": {"id": channel, "name": "study"},
        "response_url": fake.response_url(),
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b",
                "type": "button",
                "value": action_id if value is None else value,
                "action_ts": "1.1",
            }
        ],
    }


def submit(
    view: dict[str, Any], values: dict[str, str], user: dict[str, Any] = ALICE
) -> dict[str, Any]:
    """Submit ``view`` (as the bot opened it) with ``values`` typed by block id."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        typed = values.get(block["block_id"], element.get("initial_value", ""))
        if element["type"] == "external_select":
            option = {"text": {"type": "plain_text", "text": typed}, "value": typed}
            state[block["block_id"]] = {element["action_id"]: {"selected_option": option}}
        else:
            state[block["block_id"]] = {
                element["action_id"]: {"type": element["type"], "value": typed}
            }
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "study"},
        "user": _who(user),
        "api_app_id": "A0APP",
        "token": "verification",
        "trigger_id": _trigger(),
        "view": {
            **view,
            "id": "V0VIEW",
            "team_id": TEAM,
            "state": {"values": state},
            "hash": "h",
        },
        "response_urls": [],
    }


def suggest(view: dict[str, Any], typed: str, user: dict[str, Any] = ALICE) -> dict[str, Any]:
    block = next(b for b in view["blocks"] if b.get("type") == "input")
    return {
        "type": "block_suggestion",
        "user": _who(user),
        "team": {"id": TEAM, "domain": "study"},
        "api_app_id": "A0APP",
        "token": "verification",
        "action_id": block["element"]["action_id"],
        "block_id": block["block_id"],
        "value": typed,
        "view": {**view, "id": "V0VIEW", "team_id": TEAM},
    }


def shortcut(
    fake: FakeSlack, text: str, callback_id: str, user: dict[str, Any] = ALICE
) -> dict[str, Any]:
    return {
        "type": "message_action",
        "token": "verification",
        "action_ts": "1.2",
        "team": {"id": TEAM, "domain": "study"},
        "user": _who(user),
        "channel": {"id": CHANNEL, "name": "study"},
        "callback_id": callback_id,
        "trigger_id": _trigger(),
        "message_ts": "1.000009",
        "message": {"type": "message", "text": text, "user": user["id"], "ts": "1.000009"},
        "response_url": fake.response_url(),
    }


def home_opened(user: dict[str, Any] = ALICE) -> dict[str, Any]:
    return {
        "token": "verification",
        "team_id": TEAM,
        "api_app_id": "A0APP",
        "type": "event_callback",
        "event_id": f"Ev{next(_ids)}",
        "event_time": 1,
        "authorizations": [{"team_id": TEAM, "user_id": "UBOT", "is_bot": True}],
        "event": {
            "type": "app_home_opened",
            "user": user["id"],
            "channel": "D" + user["id"],
            "tab": "home",
            "event_ts": "1.3",
        },
    }
