"""Which curriculum day a local date is: by date if the curriculum is dated, else by count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core.models import StudyDay
from bot.core.schedule import study_days_between


class CurriculumState(StrEnum):
    TODAY = "today"
    FREE = "free"
    NOT_STARTED = "not_started"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class CurriculumPosition:
    state: CurriculumState
    day: StudyDay | None = None
    starts_on: dt.date | None = None


def curriculum_position(
    days: Sequence[StudyDay],
    started_on: dt.date,
    study_days: Iterable[int],
    today: dt.date,
) -> CurriculumPosition:
    """Today's place in the curriculum.

    The rule: a curriculum whose dates all lie on or after the space's start is a calendar
    and today is the day dated today (none on other dates; finished after the last date).
    Otherwise it is a sequence: today is day N, where N counts the space's study days from
    its start date up to and including today. Past the last day the curriculum is finished.
    Dates before the start are history, not a plan: a day imported from a note keeps the
    note's date, and a team starting later still walks through it from day 1.
    """
    dated = [d for d in days if d.date is not None]
    if dated and all(d.date is not None and d.date >= started_on for d in dated):
        match = next((d for d in dated if d.date == today), None)
        if match is not None:
            return CurriculumPosition(CurriculumState.TODAY, match)
        last = max(d.date for d in dated if d.date is not None)
        first = min(d.date for d in dated if d.date is not None)
        if today > last:
            return CurriculumPosition(CurriculumState.FINISHED)
        if today < first:
            return CurriculumPosition(CurriculumState.NOT_STARTED, starts_on=first)
        return CurriculumPosition(CurriculumState.FREE)
    number = study_days_between(started_on, today, study_days)
    if number == 0:
        # Before the space's start: its start date is when the bot first saw the space, not
        # a date the team announced, so no start date is claimed (the headline says nothing).
        return CurriculumPosition(CurriculumState.NOT_STARTED)
    match = next((d for d in days if d.day == number), None)
    if match is not None:
        return CurriculumPosition(CurriculumState.TODAY, match)
    if number > max((d.day for d in days), default=0):
        return CurriculumPosition(CurriculumState.FINISHED)
    return CurriculumPosition(CurriculumState.FREE)
