"""The team's TIL note format: date, goals, glossary rows, practice commands, links, retro."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from bot.core.journal.forms import parse_goal
from bot.core.models import CommandCard, Link, StudyDay, Term
from bot.infra.importers.commands import command_cards
from bot.infra.importers.markdown import Section, blocks, parse, sections
from bot.infra.importers.notes import glossary_from_tokens
from bot.infra.importers.result import shared_names, warning
from bot.infra.importers.slug import IdAllocator

# A note larger than this is refused before it is read: the team's notes are a few KB, and
# this much (about 40,000 table rows) takes about a minute and 500 MB (bench/bench_import.py).
MAX_NOTE_BYTES = 4 * 1024 * 1024

_DATE = re.compile(r"(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})")
_DATE_HEADING = re.compile(r"날짜|date", re.IGNORECASE)
_GOAL_SECTION = re.compile(r"목표|goals?\b", re.IGNORECASE)
_SCRUM_SECTION = re.compile(r"스크럼|scrum", re.IGNORECASE)
_GOAL_PREFIX = re.compile(
    r"^\s*(?:오늘의\s*)?(?:학습\s*)?(?:목표|goal)\s*\d*\s*[:：.)-]\s*", re.IGNORECASE
)
_RETRO_SECTION = re.compile(r"회고|retro", re.IGNORECASE)
_LEARNED_SECTION = re.compile(r"배운|learned|til\b", re.IGNORECASE)
_LINKS_SECTION = re.compile(r"참고|링크|자료|links?\b|references?", re.IGNORECASE)


@dataclass(slots=True)
class TilNote:
    """Everything one TIL note contributes: the day's goals, terms, commands and links."""

    source: str
    date: dt.date | None = None
    goals: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    commands: list[CommandCard] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    retro: str = ""
    learned: str = ""
    warnings: list[str] = field(default_factory=list)

    def to_study_day(self, day: int = 1) -> StudyDay | None:
        """The note as a curriculum day, titled by its first goal; None without date or goals."""
        if self.date is None and not self.goals:
            return None
        title = self.goals[0] if self.goals else f"TIL {self.date}"
        return StudyDay(
            day=day,
            date=self.date,
            title=title,
            goals=tuple(self.goals),
            terms=tuple(t.id for t in self.terms),
            practice=tuple(c.id for c in self.commands),
            links=tuple(self.links),
        )


def _date(parts: Sequence[Section], source: str, warnings: list[str]) -> dt.date | None:
    candidates = [s for s in parts if _DATE_HEADING.search(s.title)] or list(parts[:1])
    for section in candidates:
        match = _DATE.search(section.title)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                warnings.append(warning(source, f"not a date: {match[0]}", section.line))
    return None


def _goals(parts: Sequence[Section]) -> list[str]:
    goals: list[str] = []
    for section in parts:
        any_line = _GOAL_SECTION.search(section.title) is not None
        if not any_line and not _SCRUM_SECTION.search(section.title):
            continue
        for block in blocks(section.tokens):
            if block.kind not in {"bullet_list", "ordered_list", "paragraph"}:
                continue
            for line in block.text.split("\n"):
                text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line).strip()
                if _GOAL_PREFIX.match(text) or (any_line and text):
                    # A done mark (✅, ☑, [x]) is the writer's status, not part of the plan.
                    parsed = parse_goal(_GOAL_PREFIX.sub("", text).strip())
                    goal = parsed.text if parsed is not None else ""
                    if goal and goal not in goals:
                        goals.append(goal)
    return goals


def _links(parts: Sequence[Section]) -> list[Link]:
    links: list[Link] = []
    for section in (s for s in parts if _LINKS_SECTION.search(s.title)):
        for tok in (t for t in section.tokens if t.type == "inline"):
            children = tok.children or []
            for pos, child in enumerate(children):
                if child.type != "link_open":
                    continue
                url = str(child.attrs.get("href", "")).strip()
                end = next(
                    (i for i in range(pos, len(children)) if children[i].type == "link_close"),
                    len(children),
                )
                title = "".join(c.content for c in children[pos + 1 : end]).strip() or url
                if url and all(link.url != url for link in links):
                    links.append(Link(title=title, url=url))
    return links


def _text(parts: Sequence[Section], pattern: re.Pattern[str]) -> str:
    chunks: list[str] = []
    for section in (s for s in parts if pattern.search(s.title)):
        for block in blocks(section.tokens):
            if block.kind not in {"table", "fence", "code_block"} and block.text not in chunks:
                chunks.append(block.text)
    return "\n\n".join(chunks)


def source_label(source: str, date: dt.date | None) -> str:
    """What a term records as its source: the note's file name and date, never a path."""
    name = PurePath(source).name or source
    stamp = date.isoformat() if date else ""
    return name if not stamp or stamp in name else f"{name} {stamp}"


def parse_til(text: str, source: str, known_terms: Sequence[Term] = ()) -> TilNote:
    """Read one TIL note; ``source`` names it in warnings and in each term's ``source``.

    ``known_terms`` (say, the glossary already loaded) are linked from command cards along with
    the note's own terms.
    """
    tokens = parse(text)
    parts = sections(tokens)
    note = TilNote(source=source)
    note.date = _date(parts, source, note.warnings)
    note.goals = _goals(parts)
    note.links = _links(parts)
    note.retro = _text(parts, _RETRO_SECTION)
    note.learned = _text(parts, _LEARNED_SECTION)
    note.terms, term_warnings = glossary_from_tokens(tokens, source, IdAllocator())
    note.commands, command_warnings = command_cards(
        tokens, source, [*note.terms, *known_terms], IdAllocator()
    )
    label = source_label(source, note.date)
    if label != source:
        note.terms = [t.model_copy(update={"source": label}) for t in note.terms]
    note.warnings.extend([*term_warnings, *command_warnings])
    for later, earlier, name in shared_names(note.terms):
        note.warnings.append(warning(source, f"{later}: name {name!r} is also used by {earlier!r}"))
    return note
