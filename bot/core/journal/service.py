"""The team log service: /scrum, /retro, /log, /away, suggestions, export and the posts."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.core.errors import (
    AwayInPastError,
    FutureDateError,
    ManageGlossaryDeniedError,
    NotOwnerError,
    PastDateError,
    UnknownEntryError,
)
from bot.core.journal import export, forms, render
from bot.core.journal.layer import Slugify, TeamGlossary
from bot.core.journal.models import (
    Entry,
    EntryBody,
    EntryDraft,
    EntryKind,
    EntryVersion,
    Member,
    RetroForm,
    RetroPrefill,
    SavedEntry,
    SaveStatus,
    ScrumPrefill,
    Suggestion,
)
from bot.core.journal.periods import parse_day, parse_period, split_versions
from bot.core.journal.posts import JournalPosts
from bot.core.replies import Reply
from bot.core.schedule import PostKind, local_date
from bot.core.spaces import space_key

if TYPE_CHECKING:
    from bot.core.daily import DailyService
    from bot.core.glossary import GlossaryService
    from bot.core.models import Content, SpaceRef, UserRef
    from bot.core.ports import Clock, JournalRepository, Publisher, QuizRepository
    from bot.core.spaces import SpaceService, SpaceSettings

log = logging.getLogger(__name__)
SavedHook = Callable[["SpaceRef", str, dt.date, str, "list[str]"], Awaitable[None]]
_CLEAR = frozenset({"none", "off", "-", "없음", "끄기", "clear"})
# How far back a new entry may be dated: the week a member looks back on in /log. An older
# entry that exists can still be edited (its card's edit button carries its date).
MAX_PAST_DAYS = 7


class JournalService:
    """Scrum goals and retrospectives per member and local day, and what grows out of them."""

    def __init__(
        self,
        *,
        repo: JournalRepository,
        spaces: SpaceService,
        clock: Clock,
        glossary: GlossaryService,
        content: Content,
        quiz_repo: QuizRepository | None = None,
        slugify: Slugify | None = None,
    ) -> None:
        self._repo = repo
        self._spaces = spaces
        self._clock = clock
        self._content = content
        self._quiz_repo = quiz_repo
        self._glossary = glossary
        self.team_glossary = TeamGlossary(repo, glossary, slugify)
        self.posts = JournalPosts(repo, quiz_repo, self.team_glossary)
        # Told of every saved entry with the term ids of its 용어 rows (review cards).
        self.saved: SavedHook | None = None
        # Edits an earlier public card away when its entry is made private (set by the app).
        self.publisher: Publisher | None = None

    def register(self, daily: DailyService) -> None:
        """Hook the evening reminder and the weekly digest into the daily posts."""
        daily.register(PostKind.RETRO_REMINDER, self.posts.compose_reminder)
        daily.register(PostKind.WEEKLY_DIGEST, self.posts.compose_digest)

    async def load_glossary_layers(self) -> int:
        """Load every space's glossary layer into the glossary service; call once at start."""
        return await self.team_glossary.load_layers()

    def _today(self, settings: SpaceSettings) -> dt.date:
        return local_date(self._clock.now(), settings.tz)

    async def _day(
        self, settings: SpaceSettings, day: dt.date | str | None, user_id: str, kind: EntryKind
    ) -> dt.date:
        """The form's day: today, a few days back, or the day of an entry being edited."""
        today = self._today(settings)
        chosen = parse_day(day, today) if isinstance(day, str) else (day or today)
        if chosen > today:
            raise FutureDateError(value=chosen.isoformat())
        if (today - chosen).days > MAX_PAST_DAYS:
            existing = await self._repo.entry_on(settings.key, user_id, chosen, kind)
            if existing is None:
                raise PastDateError(value=chosen.isoformat(), days=MAX_PAST_DAYS)
        return chosen

    def _term_of(self, space: str) -> render.TermOf:
        return lambda term_id: self.team_glossary.term(space, term_id)

    # --- forms -------------------------------------------------------------------------------

    async def scrum_form(
        self, space: SpaceRef, actor: UserRef, day: dt.date | str | None = None
    ) -> ScrumPrefill:
        """What /scrum opens with: the day's goals, else the last entry day's unfinished ones."""
        settings = await self._spaces.settings(space)
        chosen = await self._day(settings, day, actor.id, EntryKind.SCRUM)
        existing = await self._repo.entry_on(settings.key, actor.id, chosen, EntryKind.SCRUM)
        if existing is not None:
            return ScrumPrefill(
                forms.goals_text(existing.body.goals), existing, (), existing.public
            )
        last = await self._repo.previous_entry(settings.key, actor.id, EntryKind.SCRUM, chosen)
        carried = forms.unfinished(last.body.goals) if last is not None else ()
        public = last.public if last is not None else True
        return ScrumPrefill(forms.goals_text(carried), None, carried, public)

    async def retro_form(
        self, space: SpaceRef, actor: UserRef, day: dt.date | str | None = None
    ) -> RetroPrefill:
        """What /retro opens with: the day's retro for an edit, else empty fields."""
        settings = await self._spaces.settings(space)
        chosen = await self._day(settings, day, actor.id, EntryKind.RETRO)
        existing = await self._repo.entry_on(settings.key, actor.id, chosen, EntryKind.RETRO)
        if existing is None:
            return RetroPrefill(RetroForm())
        return RetroPrefill(forms.retro_form(existing.body), existing, existing.public)

    async def entry_for_edit(self, space: SpaceRef, actor: UserRef, entry_id: int) -> Entry:
        """An entry its owner wants to edit (the card's edit button); others are refused."""
        entry = await self._repo.get_entry(entry_id)
        if entry is None or entry.space != space_key(space):
            raise UnknownEntryError(entry_id=entry_id)
        if entry.user_id != actor.id:
            raise NotOwnerError()
        return entry

    # --- saving ------------------------------------------------------------------------------

    async def save_scrum(
        self,
        space: SpaceRef,
        actor: UserRef,
        goals: str,
        *,
        public: bool = True,
        day: dt.date | str | None = None,
        owner_id: str | None = None,
        locale: str | None = None,
    ) -> SavedEntry:
        """Save today's goals (one per line; ✅ or [x] marks a done one); committed on return."""
        body = EntryBody(goals=forms.parse_goals(goals))
        return await self._save(space, actor, EntryKind.SCRUM, body, public, day, owner_id, locale)

    async def save_retro(
        self,
        space: SpaceRef,
        actor: UserRef,
        form: RetroForm,
        *,
        public: bool = True,
        day: dt.date | str | None = None,
        owner_id: str | None = None,
        locale: str | None = None,
    ) -> SavedEntry:
        """Save today's retro, link the glossary terms it mentions, suggest unknown 용어."""
        body = forms.parse_retro(form)
        return await self._save(space, actor, EntryKind.RETRO, body, public, day, owner_id, locale)

    async def _save(
        self,
        space: SpaceRef,
        actor: UserRef,
        kind: EntryKind,
        body: EntryBody,
        public: bool,
        day: dt.date | str | None,
        owner_id: str | None,
        locale: str | None,
    ) -> SavedEntry:
        if owner_id is not None and owner_id != actor.id:
            raise NotOwnerError()
        settings = await self._spaces.settings(space)
        chosen = await self._day(settings, day, actor.id, kind)
        key, now = settings.key, self._clock.now()
        linked, unknown = (
            self.team_glossary.link(key, body) if kind is EntryKind.RETRO else ((), ())
        )
        draft = EntryDraft(
            key, actor.id, actor.display_name, chosen, kind, public, body, linked, now
        )
        entry, status = await self._repo.save_entry(draft)
        await self._repo.touch_member(key, actor.id, actor.display_name, now)
        # A private retro's 용어 rows stay in the entry: a suggestion would show its text and
        # its author to the managers, so none is made (see "What it promises" in the README).
        if not public:
            unknown = ()
            if kind is EntryKind.RETRO and status is not SaveStatus.UNCHANGED:
                await self.team_glossary.refresh_layer(key)  # drop its name from any card
        await self.team_glossary.suggest(key, actor, chosen, unknown, now)
        if self.saved is not None:
            rows = [self.team_glossary.linker(key).match_name(r.term) for r in body.terms]
            try:
                await self.saved(space, actor.id, chosen, kind.value, [r for r in rows if r])
            except Exception:
                log.exception("the saved-entry hook failed for %s", key)
        log.info("%s %s of %s on %s: %s", key, kind.value, actor.id, chosen, status.value)
        suggested = tuple(row.term for row in unknown)
        reply = render.entry_card(
            entry, self._term_of(key), locale or settings.locale, status, suggested
        )
        withdrawn = None
        if await self._made_private(entry, status):
            withdrawn = render.withdrawn_card(entry, locale or settings.locale)
            await self._withdraw(space, entry, withdrawn)
        return SavedEntry(entry, status, reply, suggested, withdrawn)

    async def card_posted(self, entry_id: int, channel: str, message_id: str) -> None:
        """A face posted an entry's public card here; remembered so it can be withdrawn."""
        await self._repo.remember_card(entry_id, channel, message_id)

    async def _withdraw(self, space: SpaceRef, entry: Entry, stub: Reply) -> None:
        """Replace the entry's earlier public card with a notice that holds none of its text."""
        card = await self._repo.card_of(entry.id)
        if card is None or self.publisher is None:
            return
        channel, message_id = card
        try:
            await self.publisher.edit(space, channel, message_id, stub)
        except Exception as exc:  # the card may be gone; the entry is private either way
            log.warning("could not withdraw the card of entry %s (%s)", entry.id, exc)
        await self._repo.forget_card(entry.id)

    async def _made_private(self, entry: Entry, status: SaveStatus) -> bool:
        """Whether this save turned a public entry private (its public card must go)."""
        if entry.public or status is not SaveStatus.UPDATED:
            return False
        earlier = await self._repo.versions(entry.id)
        return bool(earlier) and max(earlier, key=lambda v: v.version).public

    async def history(self, space: SpaceRef, actor: UserRef, entry_id: int) -> list[EntryVersion]:
        """Earlier versions of the actor's own entry, oldest first."""
        entry = await self.entry_for_edit(space, actor, entry_id)
        return await self._repo.versions(entry.id)

    async def history_reply(
        self, space: SpaceRef, actor: UserRef, entry_id: int, locale: str | None = None
    ) -> Reply:
        entry = await self.entry_for_edit(space, actor, entry_id)
        settings = await self._spaces.settings(space)
        versions = await self._repo.versions(entry.id)
        return render.history_reply(entry, versions, locale or settings.locale)

    # --- reading -----------------------------------------------------------------------------

    async def members(self, space: SpaceRef) -> list[Member]:
        """Everyone who has written in the space (or paused reminders), by user id."""
        return await self._repo.members(space_key(space))

    async def entries(
        self,
        space: SpaceRef,
        viewer: UserRef,
        member_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[Entry]:
        """A member's entries the viewer may see: all their own, only public ones of others."""
        owner = member_id or viewer.id
        found = await self._repo.entries(
            space_key(space), user_id=owner, date_from=date_from, date_to=date_to
        )
        return [e for e in found if e.public or e.user_id == viewer.id]

    async def log(
        self,
        space: SpaceRef,
        viewer: UserRef,
        member: UserRef | None = None,
        when: str | None = None,
        locale: str | None = None,
    ) -> Reply:
        """Answer /log: this week by default, or a date (YYYY-MM-DD), today, or last week.

        With a versions word in ``when`` (``기록``, ``versions``: ``/log 기간:지난주 기록``) it
        shows each of the viewer's own entries with every earlier saved version; a teammate's
        history is refused (NotOwnerError), as only the owner may look behind an entry.
        """
        settings = await self._spaces.settings(space)
        versions, when = split_versions(when)
        start, end = parse_period(when, self._today(settings))
        target = member or viewer
        if versions and target.id != viewer.id:
            raise NotOwnerError()
        found = await self.entries(space, viewer, target.id, start, end)
        name = found[-1].display_name if found else target.display_name
        period = render.period_label(start, end)
        if versions:
            history = [(entry, await self._repo.versions(entry.id)) for entry in found]
            return render.versions_reply(name, period, history, locale or settings.locale)
        term_of = self._term_of(settings.key)
        return render.log_reply(name, period, found, term_of, locale or settings.locale)

    async def away(
        self,
        space: SpaceRef,
        actor: UserRef,
        until: dt.date | str | None,
        locale: str | None = None,
    ) -> Reply:
        """Answer /away: no retro reminders for the actor through ``until`` (none resumes)."""
        settings = await self._spaces.settings(space)
        today = self._today(settings)
        if isinstance(until, str):
            until = None if until.strip().lower() in _CLEAR else parse_day(until, today)
        if until is not None and until < today:
            raise AwayInPastError(value=until.isoformat())
        now = self._clock.now()
        await self._repo.touch_member(settings.key, actor.id, actor.display_name, now)
        await self._repo.set_away(settings.key, actor.id, until, now)
        return render.away_reply(until, locale or settings.locale)

    # --- the team's glossary layer -------------------------------------------------------------

    async def suggestions(self, space: SpaceRef, can_manage: bool) -> list[Suggestion]:
        if not can_manage:
            raise ManageGlossaryDeniedError()
        return await self.team_glossary.pending(space_key(space))

    async def glossary_suggestions(
        self, space: SpaceRef, can_manage: bool, locale: str | None = None
    ) -> Reply:
        """Pending suggestions from members' 용어 rows, for managers, with accept buttons."""
        items = await self.suggestions(space, can_manage)
        settings = await self._spaces.settings(space)
        return render.suggestions_reply(items, locale or settings.locale)

    async def accept_suggestion(
        self,
        space: SpaceRef,
        suggestion_id: int | str,
        can_manage: bool,
        locale: str | None = None,
        actor: UserRef | None = None,
    ) -> Reply:
        """Add a suggestion to the space's glossary layer; reply with the new term's card."""
        if not can_manage:
            raise ManageGlossaryDeniedError()
        settings = await self._spaces.settings(space)
        number = int(suggestion_id) if str(suggestion_id).isdigit() else -1
        by = actor.id if actor is not None else ""
        _, term = await self.team_glossary.accept(settings.key, number, by, self._clock.now())
        locale = locale or settings.locale
        card = self._glossary.render_term(term, locale, space=settings.key)
        return render.accepted_reply(card, locale)

    # --- export --------------------------------------------------------------------------------

    async def export_period(
        self, space: SpaceRef, viewer: UserRef, when: str | None = None
    ) -> tuple[str, str]:
        """``(file name, Markdown)`` of the viewer's own days in a `/export` period.

        The period reads like `/log`'s: a date, today, this week (the default) or last week,
        counted in the space's timezone.
        """
        settings = await self._spaces.settings(space)
        today = self._clock.now().astimezone(settings.tz).date()
        first, last = parse_period(when, today)
        text = await self.export_til(space, viewer.id, first, last, viewer_id=viewer.id)
        name = f"til-{first}.md" if first == last else f"til-{first}_{last}.md"
        return name, text

    async def export_til(
        self,
        space: SpaceRef,
        member_id: str,
        date_from: dt.date,
        date_to: dt.date,
        *,
        viewer_id: str | None = None,
    ) -> str:
        """A member's days in ``[date_from, date_to]`` as the team's TIL Markdown.

        With ``viewer_id`` (a chat request) someone else's private entries are left out; the
        operator's CLI passes none.
        """
        settings = await self._spaces.settings(space)
        found = await self._repo.entries(
            settings.key, user_id=member_id, date_from=date_from, date_to=date_to
        )
        if viewer_id is not None:
            found = [e for e in found if e.public or e.user_id == viewer_id]
        days = {e.local_date for e in found}
        practice = {d: export.practice_cards(self._content, settings, d) for d in days}
        return export.export_entries(found, practice)
