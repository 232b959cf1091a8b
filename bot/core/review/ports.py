"""Ports of the review feature: its repository and the chart renderer behind /stats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.core.models import Term
    from bot.core.review.models import Activity, Card, Grade, LoggedReview, Rating
    from bot.core.review.stats import StudyStats


class ReviewRepository(Protocol):
    """Cards, their FSRS state and every review log; each write commits before it returns."""

    async def add_cards(
        self,
        space: str,
        user_id: str,
        term_ids: Collection[str],
        state: str,
        due: dt.datetime,
        at: dt.datetime,
    ) -> int:
        """Create the cards that do not exist yet (one per space, member, term); how many."""
        ...

    async def get(self, card_id: int) -> Card | None: ...

    async def card_for(self, space: str, user_id: str, term_id: str) -> Card | None: ...

    async def due_cards(
        self, space: str, user_id: str, before: dt.datetime, limit: int, after_id: int = 0
    ) -> list[Card]:
        """Cards due before ``before``, soonest first (ties by id), past ``after_id`` paging."""
        ...

    async def next_due(self, space: str, user_id: str, at: dt.datetime) -> Card | None:
        """The first card due at or after ``at``."""
        ...

    async def count_due(
        self, space: str, user_id: str, before: dt.datetime, excluding: Collection[str] = ()
    ) -> int:
        """How many cards are due before ``before``, leaving out the ``excluding`` terms."""
        ...

    async def term_ids(self, space: str) -> set[str]:
        """Every term id any member of the space has a card for."""
        ...

    async def due_between(
        self, space: str, user_id: str, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[str, dt.datetime]]:
        """(term id, due) of the cards due in ``[start, end)``, for the /stats forecast."""
        ...

    async def count_cards(self, space: str, user_id: str) -> int: ...

    async def cards(self, space: str, user_id: str | None = None) -> list[Card]:
        """Every card of a member, or of the whole space."""
        ...

    async def rate(
        self, card: Card, grade: Grade, rating: Rating, state: str, due: dt.datetime
    ) -> bool:
        """Store the new state if the card still has ``card.reps``; log it; False otherwise."""
        ...

    async def log(self, card: Card, rating: Rating) -> None:
        """Log a rating that does not move the schedule."""
        ...

    async def logs(self, space: str, user_id: str, since: dt.datetime) -> list[LoggedReview]: ...

    async def record_activity(
        self, space: str, user_id: str, day: dt.date, activity: Activity
    ) -> None: ...

    async def activity_days(self, space: str, user_id: str, since: dt.date) -> list[dt.date]:
        """Local dates with a scrum or retro (quiz answers count through their logs)."""
        ...

    async def set_reminders(
        self, space: str, user_id: str, on: bool, display_name: str = ""
    ) -> None: ...

    async def reminded_names(self, space: str) -> dict[str, str]:
        """Opted-in members of a space and the names they had when they opted in."""
        ...

    async def reviewed_states(self, space: str) -> list[tuple[str, str]]:
        """(term id, FSRS state) of every card in the space reviewed at least once."""
        ...

    async def reminded(self, space: str) -> set[str]:
        """Members of a space who turned review reminders on."""
        ...


class DeckBuilder(Protocol):
    """Packs glossary terms as an Anki deck (.apkg bytes), one note per term."""

    def build(self, space: str, terms: Sequence[Term]) -> bytes: ...


class ChartRenderer(Protocol):
    """Draws the /stats picture; a PNG so every face can attach it."""

    def render(self, stats: StudyStats, locale: str) -> bytes: ...
