"""The review service: cards created as members meet terms, /review, its buttons and /stats."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import TYPE_CHECKING

from bot.core.i18n import t
from bot.core.replies import Attachment, Reply
from bot.core.review import render
from bot.core.review.errors import (
    AlreadyRatedError,
    CardNotDueError,
    InvalidReviewButtonError,
    UnknownCardError,
)
from bot.core.review.models import (
    ANKI_BUTTON,
    Activity,
    Card,
    Grade,
    Rating,
    Source,
    parse_button,
)
from bot.core.review.scheduling import Scheduling
from bot.core.review.stats import HEATMAP_WEEKS, StudyStats, build_stats, week_start
from bot.core.schedule import local_date

if TYPE_CHECKING:
    from bot.core.models import CommandCard, SpaceRef, Term, UserRef
    from bot.core.ports import Clock
    from bot.core.quiz.models import Answer, QuizRound
    from bot.core.review.ports import ChartRenderer, DeckBuilder, ReviewRepository
    from bot.core.spaces import SpaceService, SpaceSettings

log = logging.getLogger(__name__)

# Given a space key, the terms that space sees (content plus its glossary layer).
TermsProvider = Callable[[str], "Sequence[Term]"]
# The term ids a member meets on a day they take part: the term of the day and the
# curriculum day's terms (the daily feature answers it).
DayTerms = Callable[["SpaceSettings", dt.date], Awaitable["Sequence[str]"]]
_PAGE = 50
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ON = frozenset({"on", "켜기", "켬", "true", "yes", "1"})
_OFF = frozenset({"off", "끄기", "끔", "false", "no", "0"})


class ReviewService:
    """Every card a member has, and what the /review buttons and the quiz do to them."""

    def __init__(
        self,
        repo: ReviewRepository,
        spaces: SpaceService,
        clock: Clock,
        terms: TermsProvider,
        *,
        commands: Sequence[CommandCard] = (),
        day_terms: DayTerms | None = None,
        charts: ChartRenderer | None = None,
        decks: DeckBuilder | None = None,
        scheduling: Scheduling | None = None,
    ) -> None:
        self._repo = repo
        self._spaces = spaces
        self._clock = clock
        self._terms = terms
        self._card_terms = {c.id: tuple(c.terms) for c in commands}
        self._day_terms = day_terms
        self._charts = charts
        self._decks = decks
        self._fsrs = scheduling or Scheduling()
        self._by_id: dict[str, tuple[Sequence[Term], dict[str, Term]]] = {}
        self._hidden: dict[str, tuple[Sequence[Term], frozenset[str]]] = {}

    # --- creating and rating cards from the rest of the bot -------------------------------

    async def add_terms(self, space: str, user_id: str, term_ids: Collection[str]) -> int:
        """Give a member cards for these terms (existing ones are kept as they are).

        Only terms the space sees get cards (a curriculum day may name one it lacks).
        """
        known = self._known(space)
        term_ids = [term_id for term_id in term_ids if term_id in known]
        if not term_ids:
            return 0
        now = self._clock.now()
        state, due = self._fsrs.new(now)
        return await self._repo.add_cards(space, user_id, term_ids, state, due, now)

    async def took_part(
        self, settings: SpaceSettings, user_id: str, day: dt.date, activity: Activity
    ) -> None:
        """A member wrote a scrum or retro or answered the quiz: the day's terms become cards."""
        await self._repo.record_activity(settings.key, user_id, day, activity)
        if self._day_terms is not None:
            await self.add_terms(settings.key, user_id, await self._day_terms(settings, day))

    async def entry_saved(
        self, space: SpaceRef, user_id: str, day: dt.date, kind: str, row_terms: Sequence[str]
    ) -> None:
        """The journal hook: a saved scrum or retro, and the term ids of its 용어 rows."""
        settings = await self._spaces.settings(space)
        await self.add_terms(settings.key, user_id, row_terms)
        await self.took_part(settings, user_id, day, Activity(kind))

    async def quiz_answered(self, space: SpaceRef, rnd: QuizRound, answer: Answer) -> None:
        """The quiz hook: a member's first answer to a round rates its terms' cards once."""
        settings = await self._spaces.settings(space)
        if not rnd.practice:
            await self.took_part(settings, answer.user_id, rnd.local_date, Activity.QUIZ)
        term_ids = self._question_terms(rnd)
        await self.add_terms(settings.key, answer.user_id, term_ids)
        grade = Grade.GOOD if answer.correct else Grade.AGAIN
        source = Source.PRACTICE if rnd.practice else Source.QUIZ
        day_end = self._day_end(answer.answered_at, settings)
        for term_id in term_ids:
            card = await self._repo.card_for(settings.key, answer.user_id, term_id)
            if card is None:
                continue
            rating = Rating(card.id, grade, source, answer.answered_at)
            if rnd.practice and card.due >= day_end:
                # Practice on a card that is not due must not stretch its interval.
                await self._repo.log(card, dataclasses.replace(rating, moved=False))
            else:
                await self._rate(card, rating)

    def _question_terms(self, rnd: QuizRound) -> tuple[str, ...]:
        subject = rnd.question.subject_id
        if subject in self._card_terms:
            return self._card_terms[subject]
        return (subject,)

    async def _rate(self, card: Card, rating: Rating) -> tuple[bool, dt.datetime]:
        state, due = self._fsrs.rate(card.state, rating.grade, rating.at)
        return await self._repo.rate(card, rating.grade, rating, state, due), due

    # --- /review and its buttons ----------------------------------------------------------

    async def review(self, space: SpaceRef, user: UserRef, locale: str | None = None) -> Reply:
        """Answer ``/review``: the first due card's front, or when the next one is due."""
        settings = await self._spaces.settings(space)
        return await self._next(settings, user.id, locale or settings.locale)

    async def click(
        self, space: SpaceRef, user: UserRef, custom_id: str, locale: str | None = None
    ) -> Reply:
        """Answer a ``review:flip|rate|add:<arg>`` button; forged ids are refused."""
        button = parse_button(custom_id)
        settings = await self._spaces.settings(space)
        locale = locale or settings.locale
        if button.action == "add":
            return await self._add(settings, user, button.term_id, locale)
        if button.action == "anki":
            return await self.anki(settings, locale)
        card, term = await self._owned(settings, user.id, button.card_id)
        if card.reps != button.reps:
            raise AlreadyRatedError(card_id=card.id)
        now = self._clock.now()
        if card.due >= self._day_end(now, settings):
            raise CardNotDueError(date=render.local_when(card.due, settings.tz))
        if button.action == "flip" or button.grade is None:
            left = await self._left(settings, user.id)
            return render.back(card, term, left, locale)
        stored, due = await self._rate(card, Rating(card.id, button.grade, Source.REVIEW, now))
        if not stored:
            raise AlreadyRatedError(card_id=card.id)
        grade = t(f"review.grade.{button.grade.value}", locale)
        note = t("review.rated", locale, grade=grade, date=render.local_when(due, settings.tz))
        return await self._next(settings, user.id, locale, note)

    async def _add(
        self, settings: SpaceSettings, user: UserRef, term_id: str, locale: str
    ) -> Reply:
        term = self._term(settings.key, term_id)
        if term is None:
            raise UnknownCardError(card_id=term_id)
        added = await self.add_terms(settings.key, user.id, (term_id,))
        key = "review.added" if added else "review.already_added"
        return Reply(body=t(key, locale, term=term.term), ephemeral=True)

    async def anki(self, settings: SpaceSettings, locale: str) -> Reply:
        """The space's glossary as an Anki deck, attached (``/export`` offers the button)."""
        terms = self._terms(settings.key)
        if self._decks is None:
            raise InvalidReviewButtonError(custom_id=ANKI_BUTTON)
        data = await asyncio.to_thread(self._decks.build, settings.key, terms)
        name = f"studybot-{_file_part(settings.key)}.apkg"
        body = t("review.anki.ready", locale, count=len(terms), name=name)
        attachment = Attachment(name, data, "application/octet-stream")
        return Reply(body=body, attachments=(attachment,), ephemeral=True)

    async def _owned(
        self, settings: SpaceSettings, user_id: str, card_id: int
    ) -> tuple[Card, Term]:
        card = await self._repo.get(card_id)
        term = self._term(settings.key, card.term_id) if card is not None else None
        if card is None or term is None or (card.space, card.user_id) != (settings.key, user_id):
            raise UnknownCardError(card_id=card_id)
        return card, term

    async def _next(
        self, settings: SpaceSettings, user_id: str, locale: str, note: str = ""
    ) -> Reply:
        now = self._clock.now()
        before = self._day_end(now, settings)
        after = 0
        while page := await self._repo.due_cards(settings.key, user_id, before, _PAGE, after):
            for card in page:
                term = self._term(settings.key, card.term_id)
                if term is not None:
                    left = await self._left(settings, user_id)
                    return render.front(card, term, left, locale, note)
            after = page[-1].id
            if len(page) < _PAGE:
                break
        if not note and await self._repo.count_cards(settings.key, user_id) == 0:
            return render.no_cards(locale)
        upcoming = await self._repo.next_due(settings.key, user_id, before)
        return render.done(upcoming.due if upcoming else None, settings.tz, locale, note)

    async def _left(self, settings: SpaceSettings, user_id: str) -> int:
        before = self._day_end(self._clock.now(), settings)
        hidden = await self._hidden_terms(settings.key)
        return await self._repo.count_due(settings.key, user_id, before, hidden)

    async def _hidden_terms(self, space: str) -> frozenset[str]:
        """Term ids with cards that the space no longer sees; looked up once per term set.

        Cards are only made for terms the space sees, so this set changes only when the
        terms do (a content reload); counting due cards then stays one indexed COUNT.
        """
        terms = self._terms(space)
        cached = self._hidden.get(space)
        if cached is None or cached[0] is not terms:
            known = self._known(space)
            gone = frozenset(i for i in await self._repo.term_ids(space) if i not in known)
            cached = self._hidden[space] = (terms, gone)
        return cached[1]

    async def due_count(self, space: SpaceRef, user_id: str) -> int:
        """How many cards a member has to review today (for /today and the reminder)."""
        return await self._left(await self._spaces.settings(space), user_id)

    async def today_line(self, space: SpaceRef, user_id: str, locale: str | None = None) -> str:
        """``복습할 카드 N장``, the line /today adds for a member."""
        return t("review.today", locale, count=await self.due_count(space, user_id))

    async def set_reminders(
        self, space: SpaceRef, user: UserRef, value: str, locale: str | None = None
    ) -> Reply:
        """``/review 알림:켜기|끄기``: opt in or out of review reminders (off by default)."""
        settings = await self._spaces.settings(space)
        locale = locale or settings.locale
        choice = value.strip().lower()
        if choice not in _ON | _OFF:
            return Reply(body=t("review.reminders.usage", locale), ephemeral=True)
        await self._repo.set_reminders(settings.key, user.id, choice in _ON, user.display_name)
        key = "review.reminders.on" if choice in _ON else "review.reminders.off"
        return Reply(body=t(key, locale), ephemeral=True)

    async def card_terms(self, space: str, user_id: str) -> set[str]:
        """The term ids a member has cards for (the Anki export's ``--member``)."""
        return {card.term_id for card in await self._repo.cards(space, user_id)}

    async def reminded(self, space: str) -> set[str]:
        return await self._repo.reminded(space)

    def _known(self, space: str) -> dict[str, Term]:
        """The space's terms by id, rebuilt when the provider hands out a new sequence."""
        terms = self._terms(space)
        cached = self._by_id.get(space)
        if cached is None or cached[0] is not terms:
            cached = self._by_id[space] = (terms, {term.id: term for term in terms})
        return cached[1]

    def _term(self, space: str, term_id: str) -> Term | None:
        return self._known(space).get(term_id)

    def _day_end(self, now: dt.datetime, settings: SpaceSettings) -> dt.datetime:
        """The start of the next local day: a card is due for the whole of its local day."""
        today = local_date(now, settings.tz)
        tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), settings.tz)
        return tomorrow.astimezone(dt.UTC)

    # --- /stats ---------------------------------------------------------------------------

    async def study_stats(
        self, space: SpaceRef, user_id: str, name: str, *, public: bool = False
    ) -> StudyStats:
        """The figures of /stats; ``public`` leaves out the member's own card forecast."""
        settings = await self._spaces.settings(space)
        now = self._clock.now()
        today = local_date(now, settings.tz)
        first = week_start(today) - dt.timedelta(weeks=HEATMAP_WEEKS - 1)
        since = dt.datetime.combine(first, dt.time(), settings.tz).astimezone(dt.UTC)
        logs = await self._repo.logs(settings.key, user_id, since)
        days = await self._repo.activity_days(settings.key, user_id, first)
        due: list[dt.datetime] = []
        cards = 0
        if not public:
            end = self._day_end(now, settings) + dt.timedelta(days=13)
            known = self._known(settings.key)
            rows = await self._repo.due_between(settings.key, user_id, _EPOCH, end)
            due = [at for term_id, at in rows if term_id in known]
            cards = await self._repo.count_cards(settings.key, user_id)
        return build_stats(
            user_id=user_id, name=name, today=today, tz=settings.tz, logs=logs,
            activity_days=days, due=due, cards=cards,
        )  # fmt: skip

    async def team_figures(self, space: SpaceRef, name: str) -> StudyStats | None:
        """The team's figures for the weekly digest: every member with cards, public parts."""
        from bot.core.review.digest import team_stats

        settings = await self._spaces.settings(space)
        members = sorted({card.user_id for card in await self._repo.cards(settings.key)})
        figures = [await self.study_stats(space, m, m, public=True) for m in members]
        return team_stats(figures, name)

    def picture(self, figures: StudyStats, locale: str) -> bytes | None:
        """The /stats picture of ``figures`` (a PNG), or None where no chart renderer is set."""
        return None if self._charts is None else self._charts.render(figures, locale)

    async def stats(
        self,
        space: SpaceRef,
        viewer: UserRef,
        target: UserRef | None = None,
        locale: str | None = None,
    ) -> Reply:
        """Answer ``/stats [member]``: the picture (when a renderer is wired) and the text."""
        settings = await self._spaces.settings(space)
        locale = locale or settings.locale
        who = target or viewer
        public = who.id != viewer.id
        figures = await self.study_stats(space, who.id, who.display_name, public=public)
        reply = render.stats_reply(figures, locale)
        if self._charts is None:
            return reply
        png = await asyncio.to_thread(self._charts.render, figures, locale)
        name = f"{_file_part(who.id)}-{figures.today.isoformat()}.png"
        return dataclasses.replace(reply, attachments=(Attachment(name, png, "image/png"),))


def _file_part(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:60] or "member"
