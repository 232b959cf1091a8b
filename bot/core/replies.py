"""The neutral Reply every service returns and every adapter renders, plus text safety."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# Discord and Slack both cap a field value and a message; the limits below are the smaller of
# the two so that one Reply renders on every platform without being cut mid-word by the SDK.
MAX_TITLE = 256
MAX_FIELD = 1024
MAX_BODY = 4000
MAX_BUTTONS = 5
ZWSP = "\u200b"

_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_TARGETED_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")
_SLACK_MENTION = re.compile(r"<!(everyone|here|channel)(\|[^>]*)?>", re.IGNORECASE)


class Tone(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class ReplyField:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class ReplyButton:
    """A button; ``custom_id`` follows ``<feature>:<action>:<arg>`` on every platform."""

    label: str
    custom_id: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that travels with a reply: an export, a draft that did not fit, a chart."""

    name: str
    data: bytes
    mime: str = "text/markdown"


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says, without any platform markup.

    ``mentions`` holds the platform user ids this reply may ping (the retro reminder of a
    space that turned ``mention_reminders`` on). Adapters render each as a mention (say, in
    the message content) and allow exactly those users and nothing else; the text itself is
    always defanged, so it never pings anyone on its own.

    ``ephemeral`` is the reply's visibility: only the member who asked sees it. ``update``
    asks the face to replace the private message whose button was clicked instead of adding
    a new one (a "did you mean" list that becomes the entry).
    """

    title: str = ""
    body: str = ""
    fields: tuple[ReplyField, ...] = ()
    buttons: tuple[ReplyButton, ...] = ()
    footer: str = ""
    ephemeral: bool = False
    tone: Tone = Tone.INFO
    mentions: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    update: bool = False
    # A scheduled post's idempotency key (digits): a face that can make the platform refuse a
    # second send with the same key (Discord's enforce_nonce) passes it along, so a retry
    # after a crash between publishing and recording cannot post twice.
    nonce: str = ""
    # What a public reply shows (``journal:<entry id>``): a face reports where it posted
    # such a reply, so the core can withdraw the message later (an entry made private).
    ref: str = ""


def defang(text: str) -> str:
    """Make mentions inert so no user or content text can ping anyone, on any platform.

    Adapters also disable mentions when sending; this is the second lock, and it keeps the
    console and exported files free of live mention syntax.
    """
    text = _MASS_MENTION.sub(lambda m: f"@{ZWSP}{m.group(1)}", text)
    text = _TARGETED_MENTION.sub(lambda m: f"<{m.group(1)}{ZWSP}{m.group(2)}>", text)
    return _SLACK_MENTION.sub(lambda m: f"<{ZWSP}!{m.group(1)}{m.group(2) or ''}>", text)


def clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + "…"


def safe(text: str, limit: int) -> str:
    """Defang and clip: the form every piece of user or content text takes in a Reply."""
    return clip(defang(text), limit)
