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
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)", re.MULTILINE)
_LINK_TEXT = str.maketrans({"[": "\\[", "]": "\\]"})


def cell(text: str) -> str:
    r"""A table cell: pipes escaped as ``\\|`` and line breaks written as ``<br>``."""
    lines = defang(text).replace("\r\n", "\n").strip().split("\n")
    return "<br>".join(line.strip() for line in lines).replace("|", "\\|")


def prose(text: str) -> str:
    """Free text under a heading; a line that would open a heading is escaped, not obeyed."""
    return _HEADING.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", defang(text).strip())


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
    title = defang(link.title).replace("\n", " ").translate(_LINK_TEXT)
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
            f"- 학습 목표 {n} : {defang(goal.line)}"
            for n, goal in enumerate(scrum.body.goals, start=1)
        ]
        parts.append("### 스크럼\n" + "\n".join(goals))
    body = retro.body if retro is not None else None
    learned: list[str] = []
    if body is not None and body.terms:
        learned.append(table(body.terms))
    if body is not None and body.term_text:
        learned.append("\n".join(f"- {defang(line)}" for line in body.term_text))
    if body is not None and body.learned:
        learned.append(prose(body.learned))
    if practice:
        learned.append(f"{PRACTICE_HEADING}\n{practice_block(practice)}")
    if learned:
        parts.append("### 새로 배운 내용\n" + "\n\n".join(learned))
    if body is not None and body.reflection:
        parts.append("### 오늘의 회고\n" + prose(body.reflection))
    if body is not None and body.links:
        parts.append("### 참고 자료 및 링크\n" + "\n".join(link_line(x) for x in body.links))
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
