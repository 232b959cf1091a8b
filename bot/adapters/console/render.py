"""Render a neutral Reply as terminal text."""

from __future__ import annotations

from bot.core.replies import Reply, Tone

_TONE_MARK = {Tone.INFO: "", Tone.SUCCESS: "✅ ", Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}


def render_text(reply: Reply) -> str:
    """A Reply as terminal text: title, body, fields, numbered buttons, footer."""
    lines: list[str] = []
    if reply.title:
        lines.append(f"{_TONE_MARK[reply.tone]}[{reply.title}]")
    if reply.body:
        lines.append(reply.body)
    for item in reply.fields:
        value = item.value.replace("\n", "\n  ")
        lines.append(f"— {item.name}\n  {value}")
    if reply.buttons:
        choices = "  ".join(f"[{n}] {b.label}" for n, b in enumerate(reply.buttons, start=1))
        lines.append(f"→ {choices}")
    if reply.footer:
        lines.append(f"({reply.footer})")
    return "\n".join(lines)
