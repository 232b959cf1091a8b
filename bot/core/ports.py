"""Ports of the core: the clock, the publisher and the repositories infra implements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.core.journal.models import (
        Entry,
        EntryDraft,
        EntryKind,
        EntryVersion,
        Member,
        SaveStatus,
        Suggestion,
        SuggestionDraft,
    )
    from bot.core.models import SpaceRef, Term
    from bot.core.quiz.models import Answer, QuizRound, RoundDraft, ScoredAnswer
    from bot.core.replies import Reply
    from bot.core.schedule import PostKind
    from bot.core.spaces import SpaceSettings


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class Publisher(Protocol):
    """Sends the bot's own posts to a space's channel, outside any user interaction."""

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        """Post ``reply``; return the platform's message id."""
        ...

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        """Replace an earlier post (the daily quiz, once it closes)."""
        ...


class SpaceRepository(Protocol):
    async def get(self, space: SpaceRef) -> SpaceSettings | None: ...

    async def add(self, settings: SpaceSettings) -> SpaceSettings:
        """Store a new space unless it exists; return what is stored (race-safe)."""
        ...

    async def save(self, settings: SpaceSettings) -> None: ...

    async def all(self) -> list[SpaceSettings]: ...


class PostStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"


@dataclass(frozen=True, slots=True)
class PostKey:
    """The idempotency key of a scheduled post."""

    space: str
    local_date: dt.date
    kind: PostKind


@dataclass(frozen=True, slots=True)
class PostRecord:
    key: PostKey
    status: PostStatus
    attempts: int
    channel_id: str | None = None
    message_id: str | None = None
    ref: str | None = None
    sent_at: dt.datetime | None = None
    last_error: str | None = None


class PostLog(Protocol):
    """Remembers every scheduled post so each (space, local date, kind) goes out once."""

    async def claim(self, key: PostKey, now: dt.datetime, lease: dt.timedelta) -> bool:
        """Atomically take the right to publish ``key``.

        True when the key was unknown, or pending and not claimed within ``lease`` (a crash
        or failure left it). False when it was sent or another caller holds it.
        """
        ...

    async def release(self, key: PostKey, error: str) -> None:
        """Give a claim back after a failed publish so a later tick retries it."""
        ...

    async def mark_sent(
        self,
        key: PostKey,
        now: dt.datetime,
        channel_id: str | None,
        message_id: str | None,
        ref: str | None = None,
    ) -> None: ...

    async def get(self, key: PostKey) -> PostRecord | None: ...

    async def for_space(self, space: str) -> list[PostRecord]: ...


@dataclass(frozen=True, slots=True)
class RotationPick:
    local_date: dt.date
    term_id: str
    cycle: int


class RotationRepository(Protocol):
    """The term-of-the-day history of each space."""

    async def pick_on(self, space: str, day: dt.date) -> RotationPick | None: ...

    async def latest_cycle(self, space: str) -> int:
        """The current cycle number, 0 before the first pick."""
        ...

    async def shown_in_cycle(self, space: str, cycle: int) -> set[str]: ...

    async def record(self, space: str, pick: RotationPick) -> RotationPick:
        """Store the pick for its date unless one exists; return the stored one."""
        ...


class QuizRepository(Protocol):
    async def open_round(self, draft: RoundDraft) -> QuizRound:
        """Store a round. A daily round is unique per (space, date): return the existing one."""
        ...

    async def get_round(self, round_id: int) -> QuizRound | None: ...

    async def daily_round(self, space: str, day: dt.date) -> QuizRound | None: ...

    async def set_message(self, round_id: int, channel_id: str | None, message_id: str) -> None: ...

    async def close_round(self, round_id: int, at: dt.datetime) -> QuizRound:
        """Refuse further answers from ``at`` (the first close wins); return the round."""
        ...

    async def mark_settled(self, round_id: int, at: dt.datetime) -> None: ...

    async def rounds_to_settle(self, at: dt.datetime) -> list[QuizRound]:
        """Daily rounds whose close instant is ``<= at`` and whose result is not out yet."""
        ...

    async def add_answer(self, answer: Answer) -> bool:
        """Store the first answer of a member to a round; False if one exists."""
        ...

    async def answers(self, round_id: int) -> list[Answer]: ...

    async def daily_answers(self, space: str) -> list[ScoredAnswer]: ...

    async def daily_round_dates(self, space: str) -> list[dt.date]: ...


class JournalRepository(Protocol):
    """The team log: entries and their history, members, /away, suggestions and the layer.

    Every write commits before it returns (one statement each, in autocommit), so a face
    that says "saved" after awaiting a save never says it about something a crash can lose.
    """

    async def save_entry(self, draft: EntryDraft) -> tuple[Entry, SaveStatus]:
        """Create or update the entry of (space, user, local date, kind).

        An update that changes something moves the old version to the history and bumps
        ``version``, in the same statement; an identical save changes nothing.
        """
        ...

    async def get_entry(self, entry_id: int) -> Entry | None: ...

    async def entry_on(
        self, space: str, user_id: str, day: dt.date, kind: EntryKind
    ) -> Entry | None: ...

    async def previous_entry(
        self, space: str, user_id: str, kind: EntryKind, before: dt.date
    ) -> Entry | None:
        """The member's latest entry of ``kind`` dated before ``before``."""
        ...

    async def entries(
        self,
        space: str,
        *,
        user_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        kind: EntryKind | None = None,
    ) -> list[Entry]:
        """Entries in ``[date_from, date_to]`` (open ends allowed), oldest first."""
        ...

    async def versions(self, entry_id: int) -> list[EntryVersion]:
        """Replaced versions of an entry, oldest first."""
        ...

    async def touch_member(
        self, space: str, user_id: str, display_name: str, at: dt.datetime
    ) -> None: ...

    async def remember_card(self, entry_id: int, channel: str, message_id: str) -> None:
        """Where an entry's public card was posted (the latest one replaces the last)."""

    async def card_of(self, entry_id: int) -> tuple[str, str] | None:
        """(channel, message id) of the entry's public card, if a face reported one."""

    async def forget_card(self, entry_id: int) -> None: ...

    async def members(self, space: str) -> list[Member]: ...

    async def set_away(
        self, space: str, user_id: str, until: dt.date | None, at: dt.datetime
    ) -> None:
        """Pause reminders through ``until``; None resumes them."""
        ...

    async def away(self, space: str) -> dict[str, dt.date]:
        """Each paused member's last away day."""
        ...

    async def add_suggestions(self, drafts: Sequence[SuggestionDraft]) -> None:
        """Store suggestions, one per (space, member, name); a pending one is refreshed."""
        ...

    async def suggestions(self, space: str, *, pending_only: bool = True) -> list[Suggestion]: ...

    async def get_suggestion(self, suggestion_id: int) -> Suggestion | None: ...

    async def add_layer_term(
        self, space: str, term: Term, name_key: str, added_by: str, at: dt.datetime
    ) -> bool:
        """Add a term to the space's layer; False when its id or name is taken."""
        ...

    async def mark_accepted(self, space: str, name_key: str, term_id: str, at: dt.datetime) -> None:
        """Mark every pending suggestion of that name as accepted into ``term_id``."""
        ...

    async def layer_terms(self, space: str) -> list[Term]: ...

    async def layers(self) -> dict[str, list[Term]]:
        """Every space's layer, for loading them into the glossary at start."""
        ...
