"""The daily quiz and practice questions: generation, rounds, answers and the leaderboard."""

from bot.core.quiz.leaderboard import Period, Standing, parse_period
from bot.core.quiz.models import (
    Answer,
    Question,
    QuestionKind,
    QuizRound,
    RoundDraft,
    ScoredAnswer,
    answer_button_id,
    parse_answer_button,
)
from bot.core.quiz.questions import QuestionFactory
from bot.core.quiz.service import QuizService

__all__ = [
    "Answer",
    "Period",
    "Question",
    "QuestionFactory",
    "QuestionKind",
    "QuizRound",
    "QuizService",
    "RoundDraft",
    "ScoredAnswer",
    "Standing",
    "answer_button_id",
    "parse_answer_button",
    "parse_period",
]
