"""post_due: publish every daily post that is due and not yet out, exactly once per key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import sys
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.daily import pending
from bot.core.i18n import t
from bot.core.ports import PostKey, PostStatus
from bot.core.replies import Reply, ReplyField
from bot.core.schedule import (
    DEFAULT_GRACE,
    DuePost,
    PostKind,
    due_posts,
    is_study_day,
    local_date,
    require_aware,
)

if TYPE_CHECKING:
    from bot.core.daily.morning import MorningService
    from bot.core.models import SpaceRef
    from bot.core.ports import Clock, PostLog, Publisher
    from bot.core.quiz.models import QuizRound
    from bot.core.quiz.service import QuizService
    from bot.core.spaces import SpaceService, SpaceSettings

log = logging.getLogger(__name__)

# A claim not marked sent is treated as abandoned (the process died mid-publish) and retaken
# after this long. Discord remembers a post's nonce for a few minutes only, so the lease stays
# within that: a retry after a crash between publishing and recording is refused by Discord
# as the same post instead of appearing twice.
DEFAULT_LEASE = dt.timedelta(minutes=2)
# How long after its close a quiz post is still edited to show the answer.
SETTLE_WINDOW = dt.timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class PostedItem:
    """One post (or quiz-closing edit) that this call published."""

    space: SpaceRef
    kind: PostKind
    local_date: dt.date
    channel_id: str | None
    message_id: str | None


@dataclass(frozen=True, slots=True)
class Draft:
    """What a composer wants posted; ``round_id`` ties a quiz post to its round."""

    reply: Reply
    round_id: int | None = None


Composer = Callable[["SpaceSettings", dt.date, dt.datetime], Awaitable["Draft | None"]]
# The terms the daily quiz should ask about first (the review feature's weakest terms).
QuizPrefer = Callable[["SpaceSettings", dt.datetime], Awaitable["Sequence[str]"]]
# A member's line for /today (the review feature's "복습할 카드 N장"), given space and member.
TodayLine = Callable[["SpaceRef", str, "str | None"], Awaitable[str]]


class DailyService:
    """The one code path behind the scheduler, the catch-up at start and ``post-due``."""

    def __init__(
        self,
        *,
        spaces: SpaceService,
        posts: PostLog,
        publisher: Publisher,
        clock: Clock,
        morning: MorningService,
        quiz: QuizService,
        grace: dt.timedelta = DEFAULT_GRACE,
        lease: dt.timedelta = DEFAULT_LEASE,
        platforms: Collection[str] | None = None,
    ) -> None:
        self._spaces = spaces
        self._posts = posts
        self._publisher = publisher
        self._clock = clock
        self._morning = morning
        self._quiz = quiz
        self.grace = grace
        self._lease = lease
        self._platforms = frozenset(platforms) if platforms is not None else None
        self.today_lines: list[tuple[str, TodayLine]] = []
        # When set, its terms go first in the daily quiz; the post then says why.
        self.quiz_prefer: tuple[QuizPrefer, str] | None = None
        self._composers: dict[PostKind, Composer] = {
            PostKind.MORNING: self._compose_morning,
            PostKind.QUIZ: self._compose_quiz,
        }

    def register(self, kind: PostKind, composer: Composer) -> None:
        """Add a post kind (the retro reminder); a kind with no composer is never posted."""
        self._composers[kind] = composer

    def composer(self, kind: PostKind) -> Composer | None:
        """The composer of a kind, so another feature can add to its post."""
        return self._composers.get(kind)

    async def post_due(
        self, at: dt.datetime | None = None, space_id: str | None = None
    ) -> list[PostedItem]:
        """Publish what is due at ``at`` (default: now) and not yet published.

        ``space_id`` limits the run to one space (its platform id or ``platform:id``). Due
        means: on a study day, within the grace window after its time; quizzes whose close
        time passed are closed whatever the window. Running this twice, or twice at once,
        publishes each (space, local date, kind) once.
        """
        at = require_aware(at or self._clock.now())
        spaces = [s for s in await self._spaces.all() if self._serves(s, space_id)]
        posted: list[PostedItem] = []
        for settings in spaces:
            if settings.enabled and settings.channel_id is not None:
                posted += await self._post_space(settings, at)
        by_key = {s.key: s for s in spaces}
        for rnd in await self._quiz.rounds_to_settle(at):
            if rnd.space in by_key:
                item = await self._settle(by_key[rnd.space], rnd, at)
                if item is not None:
                    posted.append(item)
        return posted

    async def unposted(self, at: dt.datetime, space_id: str | None = None) -> list[str]:
        """What was due at ``at`` in the spaces this process serves and is still not out.

        One line each, naming the post and its last error: ``post-due`` exits non-zero when
        this is not empty, so cron can see a post that a 403 or a 500 left pending.
        """
        spaces = [
            s
            for s in await self._spaces.all()
            if self._serves(s, space_id) and s.enabled and s.channel_id is not None
        ]
        rounds = await self._quiz.rounds_to_settle(at)
        return await pending.unposted(spaces, self._posts, rounds, at, self.grace)

    async def today(
        self, space: SpaceRef, locale: str | None = None, member: str | None = None
    ) -> Reply:
        """A private look at today's morning post (``/today``), with the member's own lines."""
        settings = await self._spaces.settings(space)
        day = local_date(self._clock.now(), settings.tz)
        if not is_study_day(settings, day):
            reply = Reply(
                title=t("morning.rest.title", locale or settings.locale),
                body=t("morning.rest.body", locale or settings.locale),
                ephemeral=True,
            )
        else:
            reply = dataclasses.replace(await self._morning.compose(settings, day), ephemeral=True)
        if member is None:
            return reply
        locale = locale or settings.locale
        extra = [
            ReplyField(t(n, locale), await f(space, member, locale)) for n, f in self.today_lines
        ]
        return dataclasses.replace(reply, fields=(*reply.fields, *extra))

    def _serves(self, settings: SpaceSettings, space_id: str | None) -> bool:
        if self._platforms is not None and settings.space.platform not in self._platforms:
            return False
        return space_id is None or space_id in (settings.space.id, settings.key)

    async def _post_space(self, settings: SpaceSettings, at: dt.datetime) -> list[PostedItem]:
        posted: list[PostedItem] = []
        try:
            for due in due_posts(settings, at, self.grace):
                item = await self._post(settings, due, at)
                if item is not None:
                    posted.append(item)
        except Exception:
            # One broken space (say, a zone the system no longer knows) must not stop the rest.
            _failed("daily posts of %s failed", settings.key)
        return posted

    async def _post(
        self, settings: SpaceSettings, due: DuePost, at: dt.datetime
    ) -> PostedItem | None:
        composer = self._composers.get(due.kind)
        if composer is None:
            return None
        key = PostKey(settings.key, due.local_date, due.kind)
        if not await self._posts.claim(key, self._clock.now(), self._lease):
            return None
        channel = settings.channel_id
        try:
            draft = await composer(settings, due.local_date, at)
            message_id = None
            if draft is not None:
                reply = dataclasses.replace(draft.reply, nonce=post_nonce(key))
                message_id = await self._publisher.post(settings.space, channel, reply)
        except Exception as exc:
            _failed("posting %s failed; it stays pending for a retry", _label(key))
            await self._posts.release(key, repr(exc)[:500])
            return None
        # Published: from here a failure must not release the claim, or the post would repeat
        # at once; if recording fails the claim only expires after the lease (logged loudly).
        round_id = draft.round_id if draft is not None else None
        try:
            if round_id is not None and message_id is not None:
                await self._quiz.attach_message(round_id, channel, message_id)
            ref = str(round_id) if round_id is not None else None
            await self._posts.mark_sent(key, self._clock.now(), channel, message_id, ref)
        except Exception:
            _failed("posted %s as %s but could not record it", _label(key), message_id)
        log.info("posted %s as %s", _label(key), message_id)
        return PostedItem(settings.space, due.kind, due.local_date, channel, message_id)

    async def _settle(
        self, settings: SpaceSettings, rnd: QuizRound, at: dt.datetime
    ) -> PostedItem | None:
        key = PostKey(rnd.space, rnd.local_date, PostKind.QUIZ_CLOSE)
        if not await self._posts.claim(key, self._clock.now(), self._lease):
            record = await self._posts.get(key)
            if record is not None and record.status is PostStatus.SENT:
                await self._quiz.mark_settled(rnd.id, self._clock.now())
            return None
        try:
            reply = await self._quiz.close(rnd, at, settings.locale)
            late = rnd.closes_at is not None and at >= rnd.closes_at + SETTLE_WINDOW
            if rnd.message_id is not None and not late:
                await self._publisher.edit(settings.space, rnd.channel_id, rnd.message_id, reply)
        except Exception as exc:
            _failed("closing quiz round %s failed; will retry", rnd.id)
            await self._posts.release(key, repr(exc)[:500])
            return None
        try:
            now = self._clock.now()
            await self._posts.mark_sent(key, now, rnd.channel_id, rnd.message_id, str(rnd.id))
            await self._quiz.mark_settled(rnd.id, now)
        except Exception:
            _failed("closed quiz round %s but could not record it", rnd.id)
        return PostedItem(
            settings.space, PostKind.QUIZ_CLOSE, rnd.local_date, rnd.channel_id, rnd.message_id
        )

    async def _compose_morning(
        self, settings: SpaceSettings, day: dt.date, at: dt.datetime
    ) -> Draft | None:
        return Draft(await self._morning.compose(settings, day))

    async def _compose_quiz(
        self, settings: SpaceSettings, day: dt.date, at: dt.datetime
    ) -> Draft | None:
        position = self._morning.curriculum(settings, day)
        prefer: Sequence[str] = position.day.terms if position.day is not None else ()
        weakest: Sequence[str] = ()
        if self.quiz_prefer is not None:
            weakest = await self.quiz_prefer[0](settings, at)
        rnd, reply = await self._quiz.open_daily(settings, day, at, tuple(weakest) or prefer)
        asked = self._morning.subject_terms(rnd.question.subject_id) if rnd is not None else ()
        if self.quiz_prefer is not None and set(asked) & set(weakest):
            note = t(self.quiz_prefer[1], settings.locale)
            reply = dataclasses.replace(
                reply, footer=f"{reply.footer} · {note}" if reply.footer else note
            )
        return Draft(reply, rnd.id if rnd is not None else None)


def _label(key: PostKey) -> str:
    """A post's key as one log reads it: ``morning 2026-11-30 discord:123``."""
    return f"{key.kind.value} {key.local_date} {key.space}"


def post_nonce(key: PostKey) -> str:
    """A scheduled post's idempotency key, the same in every process and after a restart.

    Digits only, at most 19 of them: within what Discord accepts as a message nonce.
    """
    text = f"{key.space}|{key.local_date.isoformat()}|{key.kind.value}"
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return str(int.from_bytes(digest, "big") >> 1)


def _failed(message: str, *args: object) -> None:
    """Log the failure being handled in one line for the operator; its traceback at DEBUG.

    Most are the platform refusing (a 403, a 500, a lost connection) and are retried; the
    operator needs what and why, not a stack, and `post-due` prints the log to stderr.
    """
    error = sys.exc_info()[1]
    log.error(message + " (%s: %s)", *args, type(error).__name__, error)
    log.debug("the failure above in full", exc_info=True)
