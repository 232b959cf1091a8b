"""The team's own TIL Markdown: 날짜, 스크럼, 새로 배운 내용 (용어 table, practice), 회고, 링크."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from bot.core.daily.curriculum import curriculum_position
from bot.core.journal.models import Entry, EntryKind, TermRow
from bot.core.models import CommandCard, Content, Link
from bot.core.replies import defang

if TYPE_CHECKING:
    from bot.core.spaces import SpaceSettings

TABLE_HEADER = "| 용어 | 정의 | 비고 |\n| --- | --- | --- |"
PRACTICE_HEADING = "#### 실습 명령어"
# Member text is written so that Markdown reads it as text and nothing else: the characters
# that open inline markup (code spans, links, HTML, tables, strikethrough) are escaped
# everywhere, and a line never starts with what would open a block (heading, setext underline,
# fence, list, quote, HTML block, indented code). Every escape is a backslash before ASCII
# punctuation, which CommonMark removes again, so an import gives the member's text back.
_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(\d{1,9}(?=[.)])|[#=+>-])")
_LINE_BREAK = re.compile(r"\r\n?")


def cell(text: str) -> str:
    r"""A table cell: pipes escaped as ``\\|`` and line breaks written as ``<br>``."""
    lines = _LINE_BREAK.sub("\n", defang(text)).strip().split("\n")
    return "<br>".join(line.strip() for line in lines).replace("|", "\\|")


def _escape_line(line: str) -> str:
    """One line of member text as literal Markdown, without its leading indentation."""
    text = _INLINE.sub(lambda m: "\\" + m.group(0), line.strip())
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(0)[0].isdigit():  # ``1.`` or ``1)``: escape the delimiter after the number
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return "\\" + text


def inline(text: str) -> str:
    """Member text on one line (a goal, a loose 용어 line, a link title), read as text only."""
    return _escape_line(" ".join(_LINE_BREAK.sub("\n", defang(text)).split("\n")))


def prose(text: str) -> str:
    """Free text under a heading, read as text only.

    No line of it opens a heading, a fence, an HTML block or a table. Line breaks stay line
    breaks (a trailing backslash), and blank lines still separate paragraphs.
    """
    lines = [_escape_line(line) for line in _LINE_BREAK.sub("\n", defang(text)).split("\n")]
    out: list[str] = []
    for pos, line in enumerate(lines):
        if line and pos + 1 < len(lines) and lines[pos + 1]:
            line += "\\"  # a hard line break, so the next line is not a lazy continuation
        out.append(line)
    return "\n".join(out).strip("\n")


def table(rows: Sequence[TermRow]) -> str:
    lines = [TABLE_HEADER]
    lines += [f"| {cell(r.term)} | {cell(r.definition)} | {cell(r.note)} |" for r in rows]
    return "\n".join(lines)


def practice_block(cards: Sequence[CommandCard]) -> str:
    """The day's practice commands as one bash block, each explained by ``#`` comments."""
    lines: list[str] = []
    for card in cards:
        if lines:
            lines.append("")
        lines += [f"# {line.strip()}" for line in card.explanation.splitlines() if line.strip()]
        lines.append(card.command)
    return "```bash\n" + "\n".join(lines) + "\n```"


def link_line(link: Link) -> str:
    title = inline(link.title)
    return f"- [{title}]({link.url.replace(')', '%29').replace(' ', '%20')})"


def export_day(
    day: dt.date,
    scrum: Entry | None,
    retro: Entry | None,
    practice: Sequence[CommandCard] = (),
) -> str:
    """One day of the note; sections without content are left out."""
    parts = [f"## 날짜: {day.isoformat()}"]
    if scrum is not None and scrum.body.goals:
        goals = [
            f"- 학습 목표 {n} : {inline(goal.line)}"
            for n, goal in enumerate(scrum.body.goals, start=1)
        ]
        parts.append("### 스크럼\n" + "\n".join(goals))
    body = retro.body if retro is not None else None
    learned: list[str] = []
    if body is not None and body.terms:
        learned.append(table(body.terms))
    if body is not None and body.term_text:
        learned.append("\n".join(f"- {inline(line)}" for line in body.term_text))
    if body is not None and body.learned:
        learned.append(prose(body.learned))
    if practice:
        learned.append(f"{PRACTICE_HEADING}\n{practice_block(practice)}")
    if learned:
        parts.append("### 새로 배운 내용\n" + "\n\n".join(learned))
    if body is not None and body.reflection:
        parts.append("### 오늘의 회고\n" + prose(body.reflection))
    if body is not None and (body.links or body.link_text):
        lines = [*(link_line(x) for x in body.links), *(f"- {inline(x)}" for x in body.link_text)]
        parts.append("### 참고 자료 및 링크\n" + "\n".join(lines))
    return "\n\n".join(parts) + "\n"


def export_entries(
    entries: Iterable[Entry], practice_of: Mapping[dt.date, Sequence[CommandCard]]
) -> str:
    """Every day that has an entry, oldest first, concatenated."""
    days: dict[dt.date, dict[EntryKind, Entry]] = {}
    for entry in entries:
        days.setdefault(entry.local_date, {})[entry.kind] = entry
    notes = [
        export_day(
            day,
            kinds.get(EntryKind.SCRUM),
            kinds.get(EntryKind.RETRO),
            practice_of.get(day, ()),
        )
        for day, kinds in sorted(days.items())
    ]
    return "\n".join(notes)


def practice_cards(content: Content, settings: SpaceSettings, day: dt.date) -> list[CommandCard]:
    """The practice commands of the curriculum day that ``day`` is in this space."""
    position = curriculum_position(content.days, settings.started_on, settings.study_days, day)
    if position.day is None:
        return []
    cards = {card.id: card for card in content.commands}
    return [cards[i] for i in position.day.practice if i in cards]
