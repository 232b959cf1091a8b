"""Render a neutral Reply as terminal text."""

from __future__ import annotations

import os
import re
import sys
import unicodedata

from bot.core.replies import Reply, Tone

_TONE_MARK = {Tone.INFO: "", Tone.SUCCESS: "✅ ", Tone.WARNING: "⚠️ ", Tone.ERROR: "❌ "}
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_BOLD_ON, _BOLD_OFF = "\x1b[1m", "\x1b[22m"
# Buttons that fit one terminal line together share it; longer ones (quiz choices) get a line each.
_LINE_WIDTH = 72


def styled_output() -> bool:
    """Whether stdout is a terminal that shows bold: not when piped, NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def markdown(text: str, *, styled: bool) -> str:
    """``**bold**`` as bold in a terminal, and as plain text when the output is piped."""
    return _BOLD.sub(rf"{_BOLD_ON}\1{_BOLD_OFF}" if styled else r"\1", text)


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_text(reply: Reply, *, styled: bool | None = None) -> str:
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
        labels = [f"[{n}] {b.label}" for n, b in enumerate(reply.buttons, start=1)]
        one_line = f"→ {'  '.join(labels)}"
        if _width(one_line) <= _LINE_WIDTH:
            lines.append(one_line)
        else:
            lines.extend(f"→ {label}" for label in labels)
    if reply.footer:
        lines.append(f"({reply.footer})")
    return markdown("\n".join(lines), styled=styled_output() if styled is None else styled)
