"""The bundle of services the composition root builds and every adapter calls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from bot.core.daily import DailyService
from bot.core.errors import NeedsDatabaseError
from bot.core.glossary import GlossaryService
from bot.core.journal import JournalService
from bot.core.quiz import QuizService
from bot.core.review.service import ReviewService
from bot.core.spaces import SpaceService


@dataclass(frozen=True, slots=True)
class Services:
    """Everything an adapter may call; adapters receive it, never build it.

    The daily-loop services need a database; a face that only looks terms up (the CLI's
    ``define``, some tests) leaves them out.
    """

    glossary: GlossaryService
    spaces: SpaceService | None = None
    daily: DailyService | None = None
    quiz: QuizService | None = None
    journal: JournalService | None = None
    review: ReviewService | None = None


S = TypeVar("S")


def need(service: S | None) -> S:
    """The service, or a polite refusal when this process was built without the database."""
    if service is None:
        raise NeedsDatabaseError
    return service
