"""FSRS scheduling with py-fsrs, tuned for a chat bot that members open about once a day."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler

from bot.core.review.models import Grade

_RATINGS = {
    Grade.AGAIN: FsrsRating.Again,
    Grade.HARD: FsrsRating.Hard,
    Grade.GOOD: FsrsRating.Good,
    Grade.EASY: FsrsRating.Easy,
}


class Scheduling:
    """Turns a grade into the card's next FSRS state and due instant.

    Learning and relearning steps are left out: py-fsrs's default steps (1 and 10 minutes)
    suit an app opened many times a session, but a chat bot is visited once a day, so every
    interval is a whole number of days from FSRS's own stability (first Again or Hard: 1 day,
    first Good: 2 days, first Easy: 8 days). Fuzzing is off so that a schedule is a pure
    function of the grades, which members, operators and tests can predict.
    """

    def __init__(self, desired_retention: float = 0.9) -> None:
        self._scheduler = Scheduler(
            desired_retention=desired_retention,
            learning_steps=(),
            relearning_steps=(),
            enable_fuzzing=False,
        )

    def new(self, at: dt.datetime) -> tuple[str, dt.datetime]:
        """A new card's state, due at once (py-fsrs's default)."""
        card = FsrsCard(card_id=1, due=at.astimezone(dt.UTC))
        return _dump(card), card.due

    def rate(self, state: str, grade: Grade, at: dt.datetime) -> tuple[str, dt.datetime]:
        """The state and due instant after ``grade`` at ``at``."""
        card, _log = self._scheduler.review_card(
            _load(state), _RATINGS[grade], at.astimezone(dt.UTC)
        )
        return _dump(card), card.due

    def retrievability(self, state: str, at: dt.datetime) -> float:
        """The chance of recall at ``at``, from 0 to 1; 0 for a card never reviewed."""
        return float(self._scheduler.get_card_retrievability(_load(state), at.astimezone(dt.UTC)))


def _dump(card: FsrsCard) -> str:
    data: dict[str, Any] = dict(card.to_dict())
    return json.dumps(data, separators=(",", ":"))


def _load(state: str) -> FsrsCard:
    return FsrsCard.from_dict(json.loads(state))
