"""The weekly digest's picture: the whole team's study days, quiz accuracy and reviews."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from bot.core.daily.service import Composer, Draft
from bot.core.i18n import t
from bot.core.replies import Attachment
from bot.core.review.stats import StudyStats, WeekAccuracy

if TYPE_CHECKING:
    from bot.core.review.service import ReviewService
    from bot.core.spaces import SpaceSettings


def team_stats(members: list[StudyStats], name: str) -> StudyStats | None:
    """Every member's public figures added up, day by day and week by week."""
    if not members:
        return None
    days: Counter[dt.date] = Counter()
    answered: Counter[dt.date] = Counter()
    correct: Counter[dt.date] = Counter()
    for figures in members:
        days.update(dict(figures.heatmap))
        for week in figures.accuracy:
            answered[week.week_start] += week.answered
            correct[week.week_start] += week.correct
    first = members[0]
    return StudyStats(
        user_id="team",
        name=name,
        today=first.today,
        heatmap=tuple((day, days[day]) for day, _ in first.heatmap),
        accuracy=tuple(
            WeekAccuracy(w.week_start, answered[w.week_start], correct[w.week_start])
            for w in first.accuracy
        ),
        forecast=(),
        reviews_done=sum(m.reviews_done for m in members),
        cards=0,
        streak=0,
    )


def with_team_heatmap(review: ReviewService, composer: Composer | None) -> Composer:
    """The weekly digest, with the team's picture attached when the team has studied."""

    async def compose(settings: SpaceSettings, day: dt.date, at: dt.datetime) -> Draft | None:
        draft = await composer(settings, day, at) if composer is not None else None
        if draft is None:
            return None
        figures = await review.team_figures(settings.space, t("stats.team", settings.locale))
        if figures is None or (figures.empty and not figures.reviews_done):
            return draft
        png = await asyncio.to_thread(review.picture, figures, settings.locale)
        if png is None:
            return draft
        picture = Attachment(f"team-{figures.today.isoformat()}.png", png, "image/png")
        reply = dataclasses.replace(draft.reply, attachments=(*draft.reply.attachments, picture))
        return dataclasses.replace(draft, reply=reply)

    return compose
