"""The morning post: today's curriculum day, an invitation to /scrum and the term of the day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.core.daily.curriculum import CurriculumPosition, CurriculumState, curriculum_position
from bot.core.daily.rotation import TermRotation
from bot.core.i18n import t
from bot.core.replies import MAX_BODY, MAX_FIELD, MAX_TITLE, Reply, ReplyField, safe
from bot.core.schedule import is_study_day

if TYPE_CHECKING:
    from bot.core.models import Content, StudyDay, Term
    from bot.core.ports import RotationRepository
    from bot.core.spaces import SpaceSettings


class MorningService:
    """Composes the morning post of a space for a local date."""

    def __init__(self, content: Content, rotation: RotationRepository) -> None:
        self._content = content
        self._rotation = TermRotation(content.terms, rotation)
        self._cards = {card.id: card for card in content.commands}

    def curriculum(self, settings: SpaceSettings, day: dt.date) -> CurriculumPosition:
        return curriculum_position(
            self._content.days, settings.started_on, settings.study_days, day
        )

    async def term_of_day(self, settings: SpaceSettings, day: dt.date) -> Term | None:
        position = self.curriculum(settings, day)
        prefer = position.day.terms if position.day is not None else ()
        return await self._rotation.pick(settings.key, day, prefer)

    async def day_terms(self, settings: SpaceSettings, day: dt.date) -> list[str]:
        """The terms a member meets by taking part: the curriculum day's and the term of the day."""
        position = self.curriculum(settings, day)
        found = list(position.day.terms) if position.day is not None else []
        if is_study_day(settings, day) and (term := await self.term_of_day(settings, day)):
            found.append(term.id)
        return list(dict.fromkeys(found))

    def subject_terms(self, subject_id: str) -> tuple[str, ...]:
        """The term ids a quiz question is about: a command card's terms, or the term itself."""
        card = self._cards.get(subject_id)
        return tuple(card.terms) if card is not None else (subject_id,)

    async def compose(self, settings: SpaceSettings, day: dt.date) -> Reply:
        locale = settings.locale
        position = self.curriculum(settings, day)
        weekday = t("days.names", locale).split(",")[day.weekday()]
        fields: list[ReplyField] = []
        if position.day is not None:
            fields.extend(self._day_fields(position.day, locale))
        fields.append(ReplyField(t("morning.scrum.title", locale), t("morning.scrum.body", locale)))
        term = await self.term_of_day(settings, day)
        if term is not None:
            value = f"{term.term} — {term.definition}"
            fields.append(ReplyField(t("morning.term", locale), safe(value, MAX_FIELD)))
        return Reply(
            title=safe(
                t("morning.title", locale, date=day.isoformat(), weekday=weekday), MAX_TITLE
            ),
            body=safe(_headline(position, locale) or "", MAX_BODY),
            fields=tuple(fields),
            footer=t("morning.footer", locale),
        )

    def _day_fields(self, day: StudyDay, locale: str) -> list[ReplyField]:
        fields = []
        if day.goals:
            goals = "\n".join(f"• {goal}" for goal in day.goals)
            fields.append(ReplyField(t("morning.goals", locale), safe(goals, MAX_FIELD)))
        cards = [self._cards[i] for i in day.practice if i in self._cards]
        if cards:
            lines = "\n".join(f"{card.command} — {card.explanation}" for card in cards[:4])
            fields.append(ReplyField(t("morning.practice", locale), safe(lines, MAX_FIELD)))
        if day.links:
            links = "\n".join(f"{link.title}: <{link.url}>" for link in day.links)
            fields.append(ReplyField(t("morning.links", locale), safe(links, MAX_FIELD)))
        return fields


def _headline(position: CurriculumPosition, locale: str) -> str | None:
    if position.day is not None:
        return t("morning.day", locale, number=position.day.day, title=position.day.title)
    if position.state is CurriculumState.FINISHED:
        return t("morning.finished", locale)
    if position.state is CurriculumState.NOT_STARTED:
        if position.starts_on is None:
            return None  # before the space's own start: nothing true to say about the plan
        return t("morning.not_started", locale, date=position.starts_on.isoformat())
    return t("morning.free", locale)
