"""The quiz service: daily and practice rounds, answers, closing and the leaderboard."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import TYPE_CHECKING

from bot.core.errors import (
    AlreadyAnsweredError,
    InvalidAnswerError,
    RoundClosedError,
    UnknownRoundError,
)
from bot.core.models import Content
from bot.core.quiz import render
from bot.core.quiz.leaderboard import Period, Standing, parse_period, standings
from bot.core.quiz.models import Answer, QuizRound, RoundDraft, parse_answer_button
from bot.core.quiz.questions import QuestionFactory
from bot.core.schedule import PostKind, due_instant, local_date
from bot.core.spaces import space_key

if TYPE_CHECKING:
    from bot.core.models import SpaceRef, Term, UserRef
    from bot.core.ports import Clock, QuizRepository
    from bot.core.replies import Reply
    from bot.core.spaces import SpaceService, SpaceSettings

log = logging.getLogger(__name__)

PRACTICE_TTL = dt.timedelta(hours=1)
# Given a space key, the terms that space sees (content plus its glossary layer).
TermsProvider = Callable[[str], "Sequence[Term]"]
# Told of every first answer (the review feature rates the question's cards with it).
AnswerHook = Callable[["SpaceRef", QuizRound, Answer], Awaitable[None]]


class QuizService:
    """Everything a quiz button or command does; rounds and answers live in the repository."""

    def __init__(
        self,
        content: Content,
        repo: QuizRepository,
        spaces: SpaceService,
        clock: Clock,
        practice_ttl: dt.timedelta = PRACTICE_TTL,
        *,
        terms: TermsProvider | None = None,
    ) -> None:
        self._content = content
        self._factory = QuestionFactory(content)
        self._terms = terms
        self._factories: dict[str, tuple[Sequence[Term], QuestionFactory]] = {}
        self._repo = repo
        self._spaces = spaces
        self._clock = clock
        self._practice_ttl = practice_ttl
        self.answered: AnswerHook | None = None

    async def open_daily(
        self, settings: SpaceSettings, day: dt.date, at: dt.datetime, prefer: Collection[str] = ()
    ) -> tuple[QuizRound | None, Reply]:
        """The day's round (created once, reused on a retry) and its post.

        With fewer than two terms no question exists; the reply then says so plainly.
        """
        locale = settings.locale
        rnd = await self._repo.daily_round(settings.key, day)
        if rnd is None:
            factory = self.factory_for(settings.key)
            question = factory.make(f"{settings.key}:{day.isoformat()}", prefer=prefer)
            if question is None:
                return None, render.no_quiz_reply(locale, factory.term_count, ephemeral=False)
            closes_at = due_instant(settings, PostKind.QUIZ_CLOSE, day)
            draft = RoundDraft(settings.key, question, at, closes_at, day)
            rnd = await self._repo.open_round(draft)
        return rnd, render.question_reply(rnd, locale, _hhmm(rnd.closes_at, settings))

    def factory_for(self, space: str) -> QuestionFactory:
        """The question factory over the terms a space sees, rebuilt when they change."""
        if self._terms is None:
            return self._factory
        terms = self._terms(space)
        cached = self._factories.get(space)
        if cached is None or cached[0] is not terms:
            content = Content(terms=tuple(terms), commands=self._content.commands)
            cached = self._factories[space] = (terms, QuestionFactory(content))
        return cached[1]

    async def attach_message(self, round_id: int, channel_id: str | None, message_id: str) -> None:
        """Remember where the round was posted, so closing can edit that message."""
        await self._repo.set_message(round_id, channel_id, message_id)

    async def practice(self, space: SpaceRef, user: UserRef, locale: str | None = None) -> Reply:
        """Answer ``/quiz``: a private question that never counts toward the leaderboard."""
        settings = await self._spaces.settings(space)
        locale = locale or settings.locale
        now = self._clock.now()
        factory = self.factory_for(settings.key)
        question = factory.make(f"{settings.key}:{user.id}:{now.isoformat()}")
        if question is None:
            return render.no_quiz_reply(locale, factory.term_count, ephemeral=True)
        day = local_date(now, settings.tz)
        draft = RoundDraft(
            settings.key,
            question,
            now,
            now + self._practice_ttl,
            day,
            practice=True,
            owner_id=user.id,
        )
        rnd = await self._repo.open_round(draft)
        return render.question_reply(rnd, locale)

    async def answer(
        self, space: SpaceRef, user: UserRef, custom_id: str, locale: str | None = None
    ) -> Reply:
        """Answer a ``quiz:answer:<round>:<choice>`` button; each member answers once.

        Raises InvalidAnswerError for a forged id, UnknownRoundError, RoundClosedError and
        AlreadyAnsweredError; nothing is stored in any of those cases.
        """
        round_id, choice = parse_answer_button(custom_id)
        rnd = await self._repo.get_round(round_id)
        if rnd is None or rnd.space != space_key(space):
            raise UnknownRoundError(round_id=round_id)
        if rnd.practice and rnd.owner_id != user.id:
            raise UnknownRoundError(round_id=round_id)
        if not 0 <= choice < len(rnd.question.options):
            raise InvalidAnswerError(custom_id=custom_id)
        now = self._clock.now()
        if not rnd.is_open(now):
            raise RoundClosedError(round_id=round_id)
        correct = choice == rnd.question.answer
        answer = Answer(rnd.id, user.id, user.display_name, choice, correct, now)
        if not await self._repo.add_answer(answer):
            raise AlreadyAnsweredError(round_id=round_id)
        if self.answered is not None:
            try:
                await self.answered(space, rnd, answer)
            except Exception:
                log.exception("the answer hook failed for round %s", rnd.id)
        settings = await self._spaces.settings(space)
        closes = _hhmm(rnd.closes_at, settings)
        return render.ack_reply(rnd, choice, locale or settings.locale, closes)

    async def rounds_to_settle(self, at: dt.datetime) -> list[QuizRound]:
        return await self._repo.rounds_to_settle(at)

    async def close(self, rnd: QuizRound, at: dt.datetime, locale: str | None) -> Reply:
        """Close the round (idempotent) and build the edit that reveals the answer."""
        closed = await self._repo.close_round(rnd.id, at)
        answers = await self._repo.answers(closed.id)
        return render.result_reply(closed, answers, locale)

    async def mark_settled(self, round_id: int, at: dt.datetime) -> None:
        await self._repo.mark_settled(round_id, at)

    async def standings(
        self, space: SpaceRef, period: Period | str = Period.WEEK
    ) -> list[Standing]:
        """The leaderboard rows of a period, counted in the space's local dates."""
        settings = await self._spaces.settings(space)
        now = self._clock.now()
        today = local_date(now, settings.tz)
        todays = await self._repo.daily_round(settings.key, today)
        return standings(
            await self._repo.daily_answers(settings.key),
            await self._repo.daily_round_dates(settings.key),
            today,
            parse_period(period),
            today_open=todays is not None and todays.is_open(now),
        )

    async def leaderboard(
        self, space: SpaceRef, period: Period | str = Period.WEEK, locale: str | None = None
    ) -> Reply:
        """Answer ``/leaderboard``: correct answers, accuracy and streaks."""
        chosen = parse_period(period)
        rows = await self.standings(space, chosen)
        if locale is None:
            locale = (await self._spaces.settings(space)).locale
        return render.leaderboard_reply(rows, chosen, locale)


def _hhmm(instant: dt.datetime | None, settings: SpaceSettings) -> str | None:
    if instant is None:
        return None
    return instant.astimezone(settings.tz).strftime("%H:%M")
