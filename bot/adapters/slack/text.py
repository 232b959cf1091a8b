"""Text the bot writes to Slack, made inert: nothing it sends can ping anyone.

Slack turns ``<!channel>``, ``<!here>``, ``<!everyone>``, ``<@U…>`` and ``<!subteam^…>``
into pings, and mrkdwn reads ``&``, ``<`` and ``>`` as markup. Every text from content or a
member goes through ``mrkdwn`` (escaped) or ``plain`` (mention openers broken with a
zero-width space); only a text input's ``initial_value`` keeps the member's text as typed.
"""

from __future__ import annotations

import re

from bot.core.replies import ZWSP, clip

_OPENER = re.compile(r"<(?=[!@#])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# The core writes a link as <https://…> (no preview on Discord); in Slack that is a link too.
_LINK = re.compile(r"&lt;(https?://(?:[^\s&<>|]|&amp;)+)&gt;")


def plain(text: str, limit: int = 3000) -> str:
    """``text`` for a plain_text field: no live mention, at most ``limit`` characters."""
    return clip(_OPENER.sub("<" + ZWSP, text), limit)


def mrkdwn(text: str, limit: int = 3000) -> str:
    """``text`` for a mrkdwn field: escaped, Discord's ``**bold**`` as Slack's ``*bold*``."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return clip(_LINK.sub(r"<\1>", _BOLD.sub(r"*\1*", escaped)), limit)


def error_code(error: Exception) -> str:
    """Slack's error code (``invalid_auth``, ``not_in_channel``…) of a failed Web API call."""
    response = getattr(error, "response", None)
    data = getattr(response, "data", None)
    return str(data.get("error", "")) if isinstance(data, dict) else ""
