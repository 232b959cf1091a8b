"""Leaderboard arithmetic: correct answers, accuracy and streaks over local study dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core.quiz.models import ScoredAnswer


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    ALL = "all"


_PERIOD_WORDS = {
    Period.WEEK: {"week", "weekly", "w", "주", "이번주", "이번 주", "주간"},
    Period.MONTH: {"month", "monthly", "m", "월", "이번달", "이번 달", "월간"},
    Period.ALL: {"all", "all-time", "alltime", "total", "a", "전체", "누적", "역대"},
}


def parse_period(value: str | Period | None) -> Period:
    """A period from a command option in English or Korean; anything unknown is this week."""
    if isinstance(value, Period):
        return value
    word = (value or "").strip().lower()
    return next((p for p, words in _PERIOD_WORDS.items() if word in words), Period.WEEK)


@dataclass(frozen=True, slots=True)
class Standing:
    """One member's line on the leaderboard."""

    user_id: str
    display_name: str
    correct: int
    answered: int
    streak: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def period_start(period: Period, today: dt.date) -> dt.date | None:
    """The first local date counted: Monday of this week, the 1st of this month, or None."""
    if period is Period.WEEK:
        return today - dt.timedelta(days=today.weekday())
    if period is Period.MONTH:
        return today.replace(day=1)
    return None


def current_streak(
    correct_dates: Iterable[dt.date],
    round_dates: Iterable[dt.date],
    today: dt.date,
    *,
    today_open: bool,
) -> int:
    """Consecutive quiz days, newest first, with a correct daily answer.

    Only days that had a daily quiz count, so weekends and other non-study days never break
    a streak. Today's quiz does not break it while it is still open and unanswered.
    """
    correct = set(correct_dates)
    days = sorted({d for d in round_dates if d <= today}, reverse=True)
    if days and days[0] == today and today_open and today not in correct:
        days = days[1:]
    streak = 0
    for day in days:
        if day not in correct:
            break
        streak += 1
    return streak


def standings(
    answers: Sequence[ScoredAnswer],
    round_dates: Sequence[dt.date],
    today: dt.date,
    period: Period,
    *,
    today_open: bool = False,
) -> list[Standing]:
    """Everyone who answered a daily quiz in the period, best first.

    Ordered by correct answers, then accuracy, then streak; the streak counts all time.
    """
    start = period_start(period, today)
    names: dict[str, str] = {}
    correct_dates: dict[str, set[dt.date]] = {}
    tally: dict[str, list[int]] = {}
    for answer in sorted(answers, key=lambda a: a.local_date):
        names[answer.user_id] = answer.display_name
        if answer.correct:
            correct_dates.setdefault(answer.user_id, set()).add(answer.local_date)
        if (start is None or answer.local_date >= start) and answer.local_date <= today:
            counts = tally.setdefault(answer.user_id, [0, 0])
            counts[0] += int(answer.correct)
            counts[1] += 1
    rows = [
        Standing(
            user_id=user,
            display_name=names[user],
            correct=counts[0],
            answered=counts[1],
            streak=current_streak(
                correct_dates.get(user, ()), round_dates, today, today_open=today_open
            ),
        )
        for user, counts in tally.items()
    ]
    rows.sort(key=lambda s: (-s.correct, -s.accuracy, -s.streak, s.display_name, s.user_id))
    return rows
