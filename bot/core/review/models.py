"""Review domain types: cards, grades, review logs and the ``review:<action>:<arg>`` button ids."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.core.interaction.ids import ActionId, action_id
from bot.core.review.errors import InvalidReviewButtonError

BUTTON_FEATURE = "review"
# The <arg> of each review button, after the shared id format has been parsed.
_FLIP = re.compile(r"(\d{1,18})\.(\d{1,9})")
_RATE = re.compile(r"(\d{1,18})\.(\d{1,9})\.([a-z]{1,8})")
_ADD = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")
ANKI_BUTTON = "review:anki:deck"


class Grade(StrEnum):
    """The four answers to a card, in FSRS's order (Again=1 … Easy=4)."""

    AGAIN = "again"
    HARD = "hard"
    GOOD = "good"
    EASY = "easy"


class Source(StrEnum):
    """What rated a card: a /review button, the daily quiz or a practice quiz."""

    REVIEW = "review"
    QUIZ = "quiz"
    PRACTICE = "practice"


class Activity(StrEnum):
    """A way of taking part on a day; a day with any of them counts as a study day."""

    SCRUM = "scrum"
    RETRO = "retro"
    QUIZ = "quiz"


@dataclass(frozen=True, slots=True)
class Card:
    """One member's card for one term in one space; ``state`` is the FSRS card as JSON.

    ``reps`` counts the reviews that moved the schedule; a rating button carries it, so a
    second click on the same showing of the card finds it changed and counts for nothing.
    """

    id: int
    space: str
    user_id: str
    term_id: str
    state: str
    due: dt.datetime
    reps: int
    created_at: dt.datetime

    @property
    def shows_definition(self) -> bool:
        """Whether this showing's front is the definition (it alternates with the term)."""
        return self.reps % 2 == 1


@dataclass(frozen=True, slots=True)
class Rating:
    """A grade given to a card at an instant, and whether it moved the schedule."""

    card_id: int
    grade: Grade
    source: Source
    at: dt.datetime
    moved: bool = True


@dataclass(frozen=True, slots=True)
class LoggedReview:
    """A stored review log row, as stats read it."""

    term_id: str
    grade: Grade
    source: Source
    at: dt.datetime
    moved: bool


def flip_button_id(card: Card) -> str:
    return action_id(BUTTON_FEATURE, "flip", f"{card.id}.{card.reps}")


def rate_button_id(card: Card, grade: Grade) -> str:
    return action_id(BUTTON_FEATURE, "rate", f"{card.id}.{card.reps}.{grade.value}")


def add_button_id(term_id: str) -> str:
    """The ``복습에 추가`` button of a /define answer."""
    return action_id(BUTTON_FEATURE, "add", term_id)


@dataclass(frozen=True, slots=True)
class ReviewButton:
    """A parsed review button: the action, the card (and its reps) or the term, the grade."""

    action: str
    card_id: int = 0
    reps: int = 0
    grade: Grade | None = None
    term_id: str = ""


def parse_button(custom_id: str) -> ReviewButton:
    """Parse any review button; a forged or unknown id raises InvalidReviewButtonError."""
    parsed = ActionId.parse(custom_id)
    action, arg = (
        (parsed.action, parsed.arg) if parsed and parsed.feature == BUTTON_FEATURE else ("", "")
    )
    if action == "flip" and (match := _FLIP.fullmatch(arg)):
        return ReviewButton("flip", int(match.group(1)), int(match.group(2)))
    if action == "rate" and (match := _RATE.fullmatch(arg)):
        try:
            grade = Grade(match.group(3))
        except ValueError:
            raise InvalidReviewButtonError(custom_id=custom_id[:100]) from None
        return ReviewButton("rate", int(match.group(1)), int(match.group(2)), grade)
    if action == "add" and _ADD.fullmatch(arg):
        return ReviewButton("add", term_id=arg)
    if custom_id == ANKI_BUTTON:
        return ReviewButton("anki")
    raise InvalidReviewButtonError(custom_id=custom_id[:100])
