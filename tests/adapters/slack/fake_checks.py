"""What the fake Slack refuses to let pass: any text that would ping somebody."""

from __future__ import annotations

import json
import re
from typing import Any

# Live Slack mentions: <!channel>, <!here>, <!everyone>, <@U…>, <!subteam^…>, in any field.
LIVE_MENTION = re.compile(r"<(!(channel|here|everyone|subteam)|@[UW])", re.IGNORECASE)


def mention_problems(payload: Any, where: str, key: str = "") -> list[str]:
    """Every string in ``payload`` that holds a live mention; a text input's prefill may."""
    if isinstance(payload, str):
        if payload.startswith(("{", "[")):
            try:
                return mention_problems(json.loads(payload), where, key)
            except ValueError:
                pass
        if key != "initial_value" and LIVE_MENTION.search(payload):
            return [f"{where}: {key}={payload[:80]!r}"]
        return []
    if isinstance(payload, dict):
        return [p for k, v in payload.items() for p in mention_problems(v, where, k)]
    if isinstance(payload, list):
        return [p for v in payload for p in mention_problems(v, where, key)]
    return []
