"""The team log's scheduled posts: the evening retro reminder and the weekly digest."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.core.daily.service import Draft
from bot.core.journal.digest import build_digest, digest_reply
from bot.core.journal.models import EntryKind, Member
from bot.core.journal.reminders import known_members, missing_members, reminder_reply

if TYPE_CHECKING:
    from bot.core.journal.layer import TeamGlossary
    from bot.core.ports import JournalRepository, QuizRepository
    from bot.core.spaces import SpaceSettings


class JournalPosts:
    """Composers that DailyService calls with (settings, local date, instant)."""

    def __init__(
        self,
        repo: JournalRepository,
        quiz_repo: QuizRepository | None,
        team_glossary: TeamGlossary,
    ) -> None:
        self._repo = repo
        self._quiz_repo = quiz_repo
        self._team_glossary = team_glossary

    async def _quiz_members(self, space: str) -> list[Member]:
        if self._quiz_repo is None:
            return []
        answers = await self._quiz_repo.daily_answers(space)
        return [Member(a.user_id, a.display_name) for a in reversed(answers)]

    async def compose_reminder(
        self, settings: SpaceSettings, day: dt.date, at: dt.datetime
    ) -> Draft | None:
        """RETRO_REMINDER: the known members who have not written the day's retro yet.

        Known members are the log's (anyone who wrote an entry or set /away) plus everyone
        who answered a daily quiz in the space. None (no post) when nobody is missing.
        """
        key = settings.key
        members = known_members(await self._repo.members(key), await self._quiz_members(key))
        retros = await self._repo.entries(key, date_from=day, date_to=day, kind=EntryKind.RETRO)
        missing, away_count = missing_members(
            members, {e.user_id for e in retros}, await self._repo.away(key), day
        )
        reply = reminder_reply(
            day, missing, away_count, settings.locale, mention=settings.mention_reminders
        )
        return Draft(reply) if reply is not None else None

    async def compose_digest(
        self, settings: SpaceSettings, day: dt.date, at: dt.datetime
    ) -> Draft | None:
        """WEEKLY_DIGEST: the week so far; nothing is posted for a week without activity."""
        key = settings.key
        entries = await self._repo.entries(key, date_to=day)
        answers = await self._quiz_repo.daily_answers(key) if self._quiz_repo else []
        rounds = await self._quiz_repo.daily_round_dates(key) if self._quiz_repo else []
        digest = build_digest(
            entries, answers, rounds, day, lambda i: self._team_glossary.term(key, i)
        )
        if digest.empty:
            return None
        return Draft(digest_reply(digest, settings.locale))
