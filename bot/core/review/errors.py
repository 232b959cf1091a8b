"""The review errors a member can meet; their texts live in ``messages/review.py``."""

from __future__ import annotations

from bot.core.errors import StudyBotError


class InvalidReviewButtonError(StudyBotError):
    """A review button id that no reply of the bot ever carried."""

    key = "review.error.invalid_button"


class UnknownCardError(StudyBotError):
    """No such card for this member (another member's card, or a removed term)."""

    key = "review.error.unknown_card"


class CardNotDueError(StudyBotError):
    key = "review.error.not_due"


class AlreadyRatedError(StudyBotError):
    """The card was rated since this button was shown (a second click, or a race)."""

    key = "review.error.already_rated"
