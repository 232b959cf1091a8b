"""Review in the daily loop: the evening reminder's due cards and the quiz's weakest term."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from bot.core.daily.service import Composer, Draft
from bot.core.i18n import t
from bot.core.replies import MAX_FIELD, Reply, ReplyField, safe
from bot.core.review.scheduling import Scheduling

if TYPE_CHECKING:
    from bot.core.review.ports import ReviewRepository
    from bot.core.spaces import SpaceSettings


class ReviewLoop:
    """What the daily posts ask of the review cards."""

    def __init__(self, repo: ReviewRepository, scheduling: Scheduling | None = None) -> None:
        self._repo = repo
        self._fsrs = scheduling or Scheduling()

    async def weakest_terms(
        self, settings: SpaceSettings, at: dt.datetime, limit: int = 1
    ) -> list[str]:
        """The terms the team remembers worst, lowest mean retrievability first.

        Only cards reviewed at least once count: a term nobody has been shown is not weak.
        """
        recall: dict[str, list[float]] = defaultdict(list)
        for term_id, state in await self._repo.reviewed_states(settings.key):
            recall[term_id].append(self._fsrs.retrievability(state, at))
        ranked = sorted(recall, key=lambda i: (sum(recall[i]) / len(recall[i]), i))
        return ranked[:limit]

    def with_due_reviews(self, composer: Composer | None) -> Composer:
        """The evening reminder, plus each opted-in member's due cards.

        When nobody is missing a retro but someone has cards due, it is a post of its own.
        """

        async def compose(settings: SpaceSettings, day: dt.date, at: dt.datetime) -> Draft | None:
            draft = await composer(settings, day, at) if composer is not None else None
            line = await self._due_line(settings, at)
            if not line:
                return draft
            field = ReplyField(t("review.reminder.name", settings.locale), safe(line, MAX_FIELD))
            if draft is None:
                title = t("review.reminder.title", settings.locale)
                return Draft(Reply(title=title, fields=(field,)))
            reply = dataclasses.replace(draft.reply, fields=(*draft.reply.fields, field))
            return dataclasses.replace(draft, reply=reply)

        return compose

    async def _due_line(self, settings: SpaceSettings, at: dt.datetime) -> str:
        tomorrow = dt.datetime.combine(
            at.astimezone(settings.tz).date() + dt.timedelta(days=1), dt.time(), settings.tz
        )
        parts: list[str] = []
        for user_id, name in sorted((await self._repo.reminded_names(settings.key)).items()):
            count = await self._repo.count_due(settings.key, user_id, tomorrow.astimezone(dt.UTC))
            if count:
                parts.append(t("review.reminder.member", settings.locale, name=name, count=count))
        return " · ".join(parts)
