"""Reading the /scrum and /retro forms: limits, goals with done marks, links and 용어 rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.core.errors import (
    EmptyFieldError,
    FieldTooLongError,
    InvalidLinkError,
    InvalidTermRowError,
)
from bot.core.journal.cells import separators, split_cells
from bot.core.journal.models import EntryBody, Goal, RetroForm, TermRow
from bot.core.models import Link
from bot.core.replies import safe

# Discord caps a modal text input at 4,000 characters; every face shares the limit.
MAX_FIELD_LENGTH = 4000
MAX_TERM_LENGTH = 200
MAX_LINE_ERROR = 80

# The form labels, which errors name so the member knows which box to fix.
LABELS: dict[str, str] = {
    "goals": "오늘의 목표",
    "learned": "새로 배운 내용",
    "reflection": "오늘의 회고",
    "links": "참고 자료",
    "terms": "용어",
}

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])(?:\s+|$)")
_GOAL_PREFIX = re.compile(
    r"^\s*(?:오늘의\s*)?(?:학습\s*)?(?:목표|goal)\s*\d*\s*[:：.)-]\s*", re.IGNORECASE
)
_DONE_FIRST = re.compile(r"^(?:\[[xXvV✓✔]\]|[✅✔☑✓]\ufe0f?)\s*")
_OPEN_FIRST = re.compile(r"^(?:\[\s?\]|[⬜☐])\s*")
_DONE_LAST = re.compile(r"\s*(?:\[[xXvV✓✔]\]|[✅✔☑✓]\ufe0f?)$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_MD_LINK = re.compile(r"^\[(?P<title>[^\]]*)\]\((?P<url>[^)\s]+)\)$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")


def check_length(name: str, text: str, limit: int = MAX_FIELD_LENGTH) -> str:
    """The text, or FieldTooLongError naming the field."""
    if len(text) > limit:
        raise FieldTooLongError(field=LABELS.get(name, name), name=name, limit=limit)
    return text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def parse_goal(line: str) -> Goal | None:
    """One goal from a form line: bullets and ``학습 목표 N :`` dropped, done marks read."""
    text = _GOAL_PREFIX.sub("", _BULLET.sub("", line.strip()), count=1).strip()
    done = False
    if _DONE_FIRST.match(text):
        text, done = _DONE_FIRST.sub("", text, count=1), True
    elif _OPEN_FIRST.match(text):
        text = _OPEN_FIRST.sub("", text, count=1)
    if _DONE_LAST.search(text):
        text, done = _DONE_LAST.sub("", text), True
    text = text.strip()
    return Goal(text, done) if text else None


def parse_goals(text: str) -> tuple[Goal, ...]:
    """Today's goals, one per line; at least one is required."""
    check_length("goals", text)
    goals = tuple(g for g in (parse_goal(line) for line in _lines(text)) if g is not None)
    if not goals:
        raise EmptyFieldError(field=LABELS["goals"], name="goals")
    return goals


def goals_text(goals: Iterable[Goal]) -> str:
    return "\n".join(goal.line for goal in goals)


def unfinished(goals: Iterable[Goal]) -> tuple[Goal, ...]:
    """The goals to carry over to the next day: those not marked done, as fresh goals."""
    return tuple(Goal(goal.text) for goal in goals if not goal.done)


def _short(line: str) -> str:
    """A form line quoted in an error: clipped, defanged and without backticks."""
    return safe(line.strip().replace("`", "'"), MAX_LINE_ERROR)


def parse_link(line: str) -> Link:
    """``title url``, a bare url or ``[title](url)``; only http(s) addresses are links."""
    text = _BULLET.sub("", line).strip()
    md = _MD_LINK.match(text)
    if md and _URL.match(md["url"]):
        return Link(title=md["title"].strip() or md["url"], url=md["url"])
    title, _, url = text.rpartition(" ")
    if not _URL.match(url):
        raise InvalidLinkError(line=_short(line))
    return Link(title=title.strip() or url, url=url)


def parse_link_lines(text: str) -> tuple[tuple[Link, ...], tuple[str, ...]]:
    """The links, and the lines without an http(s) address, which are kept as text."""
    check_length("links", text)
    found: dict[str, Link] = {}
    loose: list[str] = []
    for line in _lines(text):
        try:
            link = parse_link(line)
        except InvalidLinkError:
            loose.append(line.strip())
            continue
        found.setdefault(link.url, link)
    return tuple(found.values()), tuple(loose)


def parse_term_row(line: str) -> TermRow | None:
    r"""``term | definition | note``; None for a table rule.

    A pipe after a backslash (``\\|``) or inside a code span stays in its cell.

    InvalidTermRowError for a line that is no such row (no ``|``, or an empty cell).
    """
    text = line.strip()
    if _TABLE_RULE.match(text):
        return None
    cuts = separators(text)
    if len(text) > 1 and cuts and cuts[0] == 0 and cuts[-1] == len(text) - 1:
        text = text[1:-1]
    cells = [c.strip() for c in split_cells(text, maxsplit=2)]
    if len(cells) < 2 or not cells[0] or not cells[1]:
        raise InvalidTermRowError(line=_short(line))
    if (cells[0], cells[1]) in {("용어", "정의"), ("term", "definition")}:
        return None  # a pasted header row
    if len(cells[0]) > MAX_TERM_LENGTH:
        raise FieldTooLongError(field=LABELS["terms"], name="terms", limit=MAX_TERM_LENGTH)
    note = cells[2] if len(cells) > 2 else ""
    return TermRow(cells[0], cells[1], note.strip("| ").strip())


def parse_term_rows(text: str) -> tuple[tuple[TermRow, ...], tuple[str, ...]]:
    """The 용어 rows, and the lines that are not rows, which are kept as text, not refused."""
    check_length("terms", text)
    rows: dict[str, TermRow] = {}
    loose: list[str] = []
    for line in _lines(text):
        try:
            row = parse_term_row(line)
        except InvalidTermRowError:
            loose.append(line.strip())
            continue
        if row is not None:
            rows.setdefault(row.term.casefold(), row)
    return tuple(rows.values()), tuple(loose)


def parse_retro(form: RetroForm) -> EntryBody:
    """The retro body; 오늘의 회고 is required, the other fields may stay empty."""
    learned = check_length("learned", form.learned).strip()
    reflection = check_length("reflection", form.reflection).strip()
    if not reflection:
        raise EmptyFieldError(field=LABELS["reflection"], name="reflection")
    rows, loose = parse_term_rows(form.terms)
    links, loose_links = parse_link_lines(form.links)
    return EntryBody(
        learned=learned,
        reflection=reflection,
        links=links,
        terms=rows,
        term_text=loose,
        link_text=loose_links,
    )


def retro_form(body: EntryBody) -> RetroForm:
    """The form an edit opens with: what was saved, written back the way it is typed."""
    return RetroForm(
        learned=body.learned,
        reflection=body.reflection,
        links="\n".join([*(_link_line(link) for link in body.links), *body.link_text]),
        terms="\n".join([*(_row_line(row) for row in body.terms), *body.term_text]),
    )


def _link_line(link: Link) -> str:
    return link.url if link.title == link.url else f"{link.title} {link.url}"


def _row_line(row: TermRow) -> str:
    cells: Sequence[str] = (row.term, row.definition, *((row.note,) if row.note else ()))
    return " | ".join(cell.replace("|", "\\|") for cell in cells)
