"""The message limits the real Discord enforces with a 400, checked by the fake the same way."""

from __future__ import annotations

from typing import Any

MAX_CONTENT = 2000
MAX_EMBEDS = 10
EMBED_LIMITS = {"title": 256, "description": 4096}
MAX_FIELDS, MAX_FIELD_NAME, MAX_FIELD_VALUE, MAX_FOOTER, MAX_TOTAL = 25, 256, 1024, 2048, 6000
MAX_ROWS, MAX_PER_ROW, MAX_LABEL, MAX_CUSTOM_ID = 5, 5, 80, 100


def message_problems(body: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this message body; empty when it would accept it."""
    problems: list[str] = []
    if len(body.get("content") or "") > MAX_CONTENT:
        problems.append("content too long")
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        problems.append("too many embeds")
    for embed in embeds:
        problems.extend(_embed_problems(embed))
    problems.extend(_component_problems(body.get("components") or []))
    return problems


def _embed_problems(embed: dict[str, Any]) -> list[str]:
    problems = [
        f"embed {key} too long"
        for key, limit in EMBED_LIMITS.items()
        if len(embed.get(key) or "") > limit
    ]
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        problems.append("too many fields")
    for f in fields:
        if not f.get("name") or not f.get("value"):
            problems.append("empty field name or value")
        if len(f.get("name", "")) > MAX_FIELD_NAME or len(f.get("value", "")) > MAX_FIELD_VALUE:
            problems.append("field too long")
    footer = (embed.get("footer") or {}).get("text") or ""
    if len(footer) > MAX_FOOTER:
        problems.append("footer too long")
    total = len(embed.get("title") or "") + len(embed.get("description") or "") + len(footer)
    total += sum(len(f.get("name", "")) + len(f.get("value", "")) for f in fields)
    if total > MAX_TOTAL:
        problems.append("embed over 6000 characters")
    if not (embed.get("title") or embed.get("description") or fields):
        problems.append("empty embed")
    return problems


def _component_problems(rows: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(rows) > MAX_ROWS:
        problems.append("too many component rows")
    seen: set[str] = set()
    for row in rows:
        items = row.get("components") or []
        if row.get("type") != 1 or len(items) > MAX_PER_ROW:
            problems.append("bad action row")
        for item in items:
            custom_id = item.get("custom_id")
            if item.get("type") == 2 and item.get("style") != 5 and not custom_id:
                problems.append("button without custom_id")
            if custom_id and (len(custom_id) > MAX_CUSTOM_ID or custom_id in seen):
                problems.append(f"bad or duplicate custom_id {custom_id!r}")
            if len(item.get("label") or "") > MAX_LABEL:
                problems.append("button label too long")
            seen.add(custom_id or "")
    return problems
