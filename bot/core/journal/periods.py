"""The period a /log covers: a date, today, this week (the default) or last week."""

from __future__ import annotations

import datetime as dt

from bot.core.spaces import parse_date

_THIS_WEEK = frozenset({"", "week", "this week", "w", "주", "주간", "이번주", "이번 주"})
_LAST_WEEK = frozenset({"last week", "lastweek", "지난주", "지난 주", "저번주", "저번 주"})
_TODAY = frozenset({"today", "오늘"})
_YESTERDAY = frozenset({"yesterday", "어제"})
_TOMORROW = frozenset({"tomorrow", "내일"})
# A word in /log's period asking for the entries' saved versions (`/log 기간:기록`).
_VERSIONS = frozenset({"versions", "version", "history", "기록", "버전", "이력", "수정기록"})


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def parse_day(when: str, today: dt.date) -> dt.date:
    """One local date: 오늘/today, 어제/yesterday, 내일/tomorrow or YYYY-MM-DD."""
    word = when.strip().lower()
    if word in _TODAY:
        return today
    if word in _YESTERDAY:
        return today - dt.timedelta(days=1)
    if word in _TOMORROW:
        return today + dt.timedelta(days=1)
    return parse_date(word)


def parse_period(when: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """``(first, last)`` local dates; an unreadable value is InvalidDateError."""
    word = (when or "").strip().lower()
    if word in _THIS_WEEK:
        return week_of(today)
    if word in _LAST_WEEK:
        return week_of(today - dt.timedelta(days=7))
    if word in _TODAY:
        return today, today
    if word in _YESTERDAY:
        day = today - dt.timedelta(days=1)
        return day, day
    day = parse_date(word)
    return day, day


def split_versions(when: str | None) -> tuple[bool, str]:
    """Whether ``when`` asks for versions (``지난주 기록``), and the period without that word."""
    words = (when or "").split()
    kept = [word for word in words if word.lower() not in _VERSIONS]
    return len(kept) < len(words), " ".join(kept)
