"""The neutral Reply as Block Kit: header, sections, fields, buttons and a footer."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.adapters.slack.text import mrkdwn, plain
from bot.core.replies import Reply, ReplyButton, ReplyField, Tone

MAX_BLOCKS = 100
MAX_SECTION = 3000
MAX_COLUMN = 2000  # a section's field (one column of two)
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_ACTIONS = 25
_MARKS = {Tone.SUCCESS: "✅ ", Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}


def button(item: ReplyButton) -> ButtonElement:
    """A button whose action id is the core's ``<feature>:<action>:<arg>`` id."""
    return ButtonElement(
        text=PlainTextObject(text=plain(item.label, MAX_BUTTON_TEXT), emoji=True),
        action_id=item.custom_id,
        value=item.custom_id,
    )


def _sections(text: str) -> list[Block]:
    """``text`` in sections of at most 3,000 characters, cut at a line break where one is near."""
    escaped = mrkdwn(text, limit=len(text) * 5 + 10)
    parts: list[Block] = []
    while escaped:
        cut = len(escaped) if len(escaped) <= MAX_SECTION else escaped.rfind("\n", 0, MAX_SECTION)
        cut = cut if cut > MAX_SECTION // 2 else min(len(escaped), MAX_SECTION)
        parts.append(SectionBlock(text=MarkdownTextObject(text=escaped[:cut])))
        escaped = escaped[cut:].lstrip("\n")
    return parts


def blocks(reply: Reply) -> list[dict[str, Any]]:
    """The blocks of ``reply``: header, sections, columns, buttons and the footer."""
    found: list[Block] = []
    if reply.title:
        title = _MARKS.get(reply.tone, "") + reply.title
        found.append(HeaderBlock(text=PlainTextObject(text=plain(title, MAX_HEADER))))
    elif reply.tone in _MARKS and reply.body:
        reply = _marked(reply)
    found.extend(_sections(reply.body))
    found.extend(_fields(reply.fields))
    buttons = reply.buttons
    tail: list[Block] = []
    for start in range(0, len(buttons), MAX_ACTIONS):
        tail.append(
            ActionsBlock(elements=[button(b) for b in buttons[start : start + MAX_ACTIONS]])
        )
    if reply.footer:
        tail.append(ContextBlock(elements=[MarkdownTextObject(text=mrkdwn(reply.footer))]))
    kept = found[: MAX_BLOCKS - len(tail)]
    return [block.to_dict() for block in (*kept, *tail)]


def _fields(fields: Sequence[ReplyField]) -> list[Block]:
    """Each field as a section; side-by-side fields (two entries compared) as two columns."""
    found: list[Block] = []
    position = 0
    while position < len(fields):
        pair = fields[position : position + 2]
        texts = [mrkdwn(f"**{f.name}**\n{f.value}", limit=MAX_COLUMN * 5) for f in pair]
        if (
            len(pair) == 2
            and all(f.inline for f in pair)
            and all(len(x) <= MAX_COLUMN for x in texts)
        ):
            found.append(SectionBlock(fields=[MarkdownTextObject(text=x) for x in texts]))
            position += 2
            continue
        found.extend(_sections(f"**{fields[position].name}**\n{fields[position].value}"))
        position += 1
    return found


def _marked(reply: Reply) -> Reply:
    return replace(reply, body=_MARKS[reply.tone] + reply.body)


def fallback(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be (a phone's lock screen)."""
    return plain(reply.title or reply.body.split("\n", 1)[0] or " ", 300)


def message(reply: Reply) -> dict[str, Any]:
    """``text`` and ``blocks`` for chat.postMessage, chat.update or a response_url."""
    text, rendered = _rendered(reply)
    return {"text": text, "blocks": list(rendered)}


# The glossary hands out the same Reply for the same card again and again; building Block
# Kit objects (each validated by slack_sdk) is most of a lookup's cost, so the result is kept.
@functools.lru_cache(maxsize=2048)
def _rendered(reply: Reply) -> tuple[str, tuple[dict[str, Any], ...]]:
    return fallback(reply), tuple(blocks(reply))
