"""The /stats model: study days, quiz accuracy by week and the review forecast, as plain data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.review.models import Grade, LoggedReview, Source

HEATMAP_WEEKS = 12
FORECAST_DAYS = 14
ACCURACY_WEEKS = 8


@dataclass(frozen=True, slots=True)
class WeekAccuracy:
    week_start: dt.date
    answered: int
    correct: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass(frozen=True, slots=True)
class StudyStats:
    """What /stats shows for one member; every date is a local date of the space."""

    user_id: str
    name: str
    today: dt.date
    heatmap: tuple[tuple[dt.date, int], ...]
    accuracy: tuple[WeekAccuracy, ...]
    forecast: tuple[tuple[dt.date, int], ...]
    reviews_done: int
    cards: int
    streak: int

    @property
    def empty(self) -> bool:
        return self.cards == 0 and not any(count for _, count in self.heatmap)


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def build_stats(
    *,
    user_id: str,
    name: str,
    today: dt.date,
    tz: dt.tzinfo,
    logs: Iterable[LoggedReview],
    activity_days: Iterable[dt.date],
    due: Iterable[dt.datetime],
    cards: int,
) -> StudyStats:
    """Fold the raw rows into the figures; overdue cards count as due today."""
    per_day: Counter[dt.date] = Counter(activity_days)
    answered: Counter[dt.date] = Counter()
    correct: Counter[dt.date] = Counter()
    reviews = 0
    for log in logs:
        day = log.at.astimezone(tz).date()
        per_day[day] += 1
        if log.source is Source.REVIEW:
            reviews += 1
        else:
            answered[week_start(day)] += 1
            correct[week_start(day)] += log.grade is not Grade.AGAIN
    first = week_start(today) - dt.timedelta(weeks=HEATMAP_WEEKS - 1)
    heatmap = tuple(
        (first + dt.timedelta(days=i), per_day[first + dt.timedelta(days=i)])
        for i in range((today - first).days + 1)
    )
    weeks = [week_start(today) - dt.timedelta(weeks=n) for n in range(ACCURACY_WEEKS - 1, -1, -1)]
    accuracy = tuple(WeekAccuracy(w, answered[w], correct[w]) for w in weeks)
    due_days: Counter[dt.date] = Counter(max(today, d.astimezone(tz).date()) for d in due)
    forecast = tuple(
        (today + dt.timedelta(days=i), due_days[today + dt.timedelta(days=i)])
        for i in range(FORECAST_DAYS)
    )
    return StudyStats(
        user_id, name, today, heatmap, accuracy, forecast, reviews, cards, _streak(per_day, today)
    )


def _streak(per_day: Counter[dt.date], today: dt.date) -> int:
    """Study days in a row up to today (or up to yesterday while today is still open)."""
    day = today if per_day[today] else today - dt.timedelta(days=1)
    count = 0
    while per_day[day]:
        count += 1
        day -= dt.timedelta(days=1)
    return count
