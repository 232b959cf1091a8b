"""Pure due-time rules: which daily posts are due for a space at an instant, DST-safe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from bot.core.spaces import SpaceSettings

UTC = dt.UTC
DEFAULT_GRACE = dt.timedelta(hours=2)


class PostKind(StrEnum):
    """What a scheduled post is; part of the idempotency key (space, local date, kind)."""

    MORNING = "morning"
    QUIZ = "quiz"
    QUIZ_CLOSE = "quiz_close"
    RETRO_REMINDER = "retro_reminder"
    WEEKLY_DIGEST = "weekly_digest"


# Closing is driven by the stored round (its own close instant), not by the grace window:
# a round left open by a long outage must still close, so it is not a "posting" kind.
POSTING_KINDS: tuple[PostKind, ...] = (
    PostKind.MORNING,
    PostKind.QUIZ,
    PostKind.RETRO_REMINDER,
    PostKind.WEEKLY_DIGEST,
)


@dataclass(frozen=True, slots=True)
class DuePost:
    """One post that should exist: its kind, the local date it belongs to and when it fell due."""

    kind: PostKind
    local_date: dt.date
    due_at: dt.datetime


def require_aware(instant: dt.datetime) -> dt.datetime:
    """The instant in UTC; a naive datetime is a bug, never silently treated as local."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        msg = f"expected an aware datetime, got {instant!r}"
        raise ValueError(msg)
    return instant.astimezone(UTC)


def local_date(instant: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The calendar date of ``instant`` in ``tz``."""
    return require_aware(instant).astimezone(tz).date()


def local_instant(day: dt.date, at: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The UTC instant of wall-clock ``at`` on ``day`` in ``tz``.

    A time skipped by a spring-forward gap lands just after the gap (02:30 becomes 03:30);
    a time repeated by a fall-back fold means its first occurrence. Either way every local
    date has exactly one instant per kind, which is what keeps the schedule single-shot.
    """
    wall = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=tz)
    return wall.astimezone(UTC)


def is_study_day(settings: SpaceSettings, day: dt.date) -> bool:
    return day.weekday() in settings.study_days


def is_last_study_day_of_week(settings: SpaceSettings, day: dt.date) -> bool:
    """Whether ``day`` is the space's last study day of its ISO week (Monday to Sunday)."""
    return is_study_day(settings, day) and day.weekday() == max(settings.study_days)


def kind_time(settings: SpaceSettings, kind: PostKind) -> dt.time:
    """The wall-clock time a kind is scheduled at in this space."""
    times = {
        PostKind.MORNING: settings.morning_time,
        PostKind.QUIZ: settings.quiz_time,
        PostKind.QUIZ_CLOSE: settings.quiz_close_time,
        PostKind.RETRO_REMINDER: settings.retro_time,
        PostKind.WEEKLY_DIGEST: settings.retro_time,
    }
    return times[kind]


def due_instant(settings: SpaceSettings, kind: PostKind, day: dt.date) -> dt.datetime:
    return local_instant(day, kind_time(settings, kind), settings.tz)


def due_posts(
    settings: SpaceSettings,
    at: dt.datetime,
    grace: dt.timedelta = DEFAULT_GRACE,
    kinds: Iterable[PostKind] = POSTING_KINDS,
) -> list[DuePost]:
    """Posts that fell due in ``(at - grace, at]`` on study days, oldest first.

    Yesterday is looked at too, so a 23:30 reminder is still caught at 00:10. A quiz is
    never due once its close time has passed: an answer sheet that is already closed helps
    no one. The weekly digest is due at the retro time of the week's last study day only.
    """
    at = require_aware(at)
    today = local_date(at, settings.tz)
    span = grace.days + 1
    found: list[DuePost] = []
    for back in range(span, -1, -1):
        day = today - dt.timedelta(days=back)
        if not is_study_day(settings, day):
            continue
        for kind in kinds:
            due = due_instant(settings, kind, day)
            if not due <= at < due + grace:
                continue
            if kind is PostKind.QUIZ and at >= due_instant(settings, PostKind.QUIZ_CLOSE, day):
                continue
            if kind is PostKind.WEEKLY_DIGEST and not is_last_study_day_of_week(settings, day):
                continue
            found.append(DuePost(kind, day, due))
    return sorted(found, key=lambda p: p.due_at)


def study_days_between(start: dt.date, end: dt.date, study_days: Iterable[int]) -> int:
    """How many study days lie in ``[start, end]`` (0 when ``end < start``)."""
    if end < start:
        return 0
    days = frozenset(study_days)
    total = (end - start).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * len(days)
    first_weekday = start.weekday()
    count += sum(1 for i in range(rest) if (first_weekday + i) % 7 in days)
    return count
