"""Quiz domain types: questions, rounds, answers and the button id scheme."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from bot.core.errors import InvalidAnswerError
from bot.core.interaction.ids import ActionId, action_id

BUTTON_FEATURE = "quiz"
OPTION_COUNT = 4
_ANSWER = re.compile(r"(\d{1,18}):(\d{1,2})")


class QuestionKind(StrEnum):
    """What the question shows and what the options are."""

    TERM_TO_DEFINITION = "term_definition"
    DEFINITION_TO_TERM = "definition_term"
    COMMAND_TO_EXPLANATION = "command_explanation"
    NOTE_TO_TERM = "note_term"


@dataclass(frozen=True, slots=True)
class Question:
    """A multiple-choice question with exactly one right option.

    ``requested_kind`` is set when the wanted kind had no material and another was used.
    """

    kind: QuestionKind
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    subject_id: str
    requested_kind: QuestionKind | None = None

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]


@dataclass(frozen=True, slots=True)
class RoundDraft:
    """A round about to be stored; daily rounds are unique per (space, local date)."""

    space: str
    question: Question
    opened_at: dt.datetime
    closes_at: dt.datetime | None
    local_date: dt.date
    practice: bool = False
    owner_id: str | None = None


@dataclass(frozen=True, slots=True)
class QuizRound:
    """A stored question and where it was posted; answers refer to it by ``id``."""

    id: int
    space: str
    question: Question
    opened_at: dt.datetime
    closes_at: dt.datetime | None
    local_date: dt.date
    practice: bool = False
    owner_id: str | None = None
    closed_at: dt.datetime | None = None
    settled_at: dt.datetime | None = None
    channel_id: str | None = None
    message_id: str | None = None

    def is_open(self, now: dt.datetime) -> bool:
        if self.closed_at is not None:
            return False
        return self.closes_at is None or now < self.closes_at


@dataclass(frozen=True, slots=True)
class Answer:
    round_id: int
    user_id: str
    display_name: str
    choice: int
    correct: bool
    answered_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ScoredAnswer:
    """A daily answer with the local date of its round: what the leaderboard counts."""

    local_date: dt.date
    user_id: str
    display_name: str
    correct: bool


def answer_button_id(round_id: int, choice: int) -> str:
    """``quiz:answer:<round>:<choice>``; survives restarts because the round lives in the DB."""
    return action_id(BUTTON_FEATURE, "answer", f"{round_id}:{choice}")


def parse_answer_button(custom_id: str) -> tuple[int, int]:
    """The (round id, choice index) in an answer button; anything else is refused."""
    parsed = ActionId.parse(custom_id)
    match = _ANSWER.fullmatch(parsed.arg) if parsed and parsed.route == "quiz:answer" else None
    if match is None:
        raise InvalidAnswerError(custom_id=custom_id[:100])
    return int(match.group(1)), int(match.group(2))
