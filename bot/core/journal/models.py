"""Team log domain types: entries, goals, 용어 rows, versions, suggestions and forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.core.models import Link
from bot.core.replies import Reply

DONE_MARK = "✅"


class EntryKind(StrEnum):
    SCRUM = "scrum"
    RETRO = "retro"


class SaveStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Goal:
    """One scrum goal; a done goal is written with a leading ✅ (or ``[x]``)."""

    text: str
    done: bool = False

    @property
    def line(self) -> str:
        """The goal as one form line, the done mark first."""
        return f"{DONE_MARK} {self.text}" if self.done else self.text


@dataclass(frozen=True, slots=True)
class TermRow:
    """One row of a member's own glossary table: ``term | definition | note``."""

    term: str
    definition: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class EntryBody:
    """What a member wrote; a scrum uses ``goals``, a retro the other fields."""

    goals: tuple[Goal, ...] = ()
    learned: str = ""
    reflection: str = ""
    links: tuple[Link, ...] = ()
    terms: tuple[TermRow, ...] = ()
    # 용어 lines that are not `term | definition` rows, kept as the member wrote them.
    term_text: tuple[str, ...] = ()
    # 참고 자료 lines without an http(s) address, kept as the member wrote them.
    link_text: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """An entry about to be saved: unique per (space, user, local date, kind)."""

    space: str
    user_id: str
    display_name: str
    local_date: dt.date
    kind: EntryKind
    public: bool
    body: EntryBody
    linked: tuple[str, ...]
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored entry; ``version`` counts the saves that changed it, from 1."""

    id: int
    space: str
    user_id: str
    display_name: str
    local_date: dt.date
    kind: EntryKind
    public: bool
    body: EntryBody
    linked: tuple[str, ...]
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class EntryVersion:
    """A replaced version of an entry, kept in the history table."""

    entry_id: int
    version: int
    display_name: str
    public: bool
    body: EntryBody
    linked: tuple[str, ...]
    saved_at: dt.datetime
    replaced_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Member:
    user_id: str
    display_name: str


@dataclass(frozen=True, slots=True)
class SuggestionDraft:
    space: str
    name_key: str
    row: TermRow
    user_id: str
    display_name: str
    local_date: dt.date
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A term from a member's 용어 rows that the glossary does not have."""

    id: int
    space: str
    name_key: str
    row: TermRow
    user_id: str
    display_name: str
    local_date: dt.date
    accepted: bool = False
    term_id: str | None = None


@dataclass(frozen=True, slots=True)
class RetroForm:
    """The raw /retro form fields as typed (or as prefilled for an edit)."""

    learned: str = ""
    reflection: str = ""
    links: str = ""
    terms: str = ""


@dataclass(frozen=True, slots=True)
class ScrumPrefill:
    """What the /scrum form opens with: today's goals, or the last day's unfinished ones."""

    goals: str
    existing: Entry | None = None
    carried: tuple[Goal, ...] = ()
    public: bool = True


@dataclass(frozen=True, slots=True)
class RetroPrefill:
    form: RetroForm
    existing: Entry | None = None
    public: bool = True


@dataclass(frozen=True, slots=True)
class SavedEntry:
    """The stored entry, whether the save created, changed or left it, and its card."""

    entry: Entry
    status: SaveStatus
    reply: Reply
    suggested: tuple[str, ...] = ()
    # Set when this save made a public entry private: what the earlier public card must be
    # edited into (the face that posted that card knows its message and applies it).
    withdrawn: Reply | None = None
