"""Fakes for the daily loop's ports: fixed clock, recording publisher, in-memory repositories."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.daily import DailyService, MorningService
from bot.core.glossary import GlossaryService
from bot.core.journal import (
    Entry,
    EntryDraft,
    EntryKind,
    EntryVersion,
    JournalService,
    Member,
    SaveStatus,
    Suggestion,
    SuggestionDraft,
)
from bot.core.models import CommandCard, Content, SpaceRef, StudyDay, Term
from bot.core.ports import (
    Clock,
    PostKey,
    PostLog,
    PostRecord,
    PostStatus,
    QuizRepository,
    RotationPick,
    RotationRepository,
    SpaceRepository,
)
from bot.core.quiz import Answer, QuizRound, QuizService, RoundDraft, ScoredAnswer
from bot.core.replies import Reply
from bot.core.spaces import SpaceDefaults, SpaceService, SpaceSettings, space_key


class FixedClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now.astimezone(dt.UTC)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, now: dt.datetime) -> None:
        self._now = now.astimezone(dt.UTC)

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


@dataclass
class Sent:
    space: SpaceRef
    channel: str | None
    reply: Reply
    message_id: str


@dataclass
class Edited:
    space: SpaceRef
    channel: str | None
    message_id: str
    reply: Reply


@dataclass
class RecordingPublisher:
    """Keeps every post and edit; ``fail`` makes the next calls raise, like a platform outage."""

    posts: list[Sent] = field(default_factory=list)
    edits: list[Edited] = field(default_factory=list)
    fail: int = 0

    async def post(self, space: SpaceRef, channel: str | None, reply: Reply) -> str:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("platform unavailable")
        message_id = f"m{len(self.posts) + 1}"
        self.posts.append(Sent(space, channel, reply, message_id))
        return message_id

    async def edit(
        self, space: SpaceRef, channel: str | None, message_id: str, reply: Reply
    ) -> None:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("platform unavailable")
        self.edits.append(Edited(space, channel, message_id, reply))


class InMemorySpaceRepository:
    def __init__(self) -> None:
        self.rows: dict[str, SpaceSettings] = {}

    async def get(self, space: SpaceRef) -> SpaceSettings | None:
        return self.rows.get(space_key(space))

    async def add(self, settings: SpaceSettings) -> SpaceSettings:
        return self.rows.setdefault(settings.key, settings)

    async def save(self, settings: SpaceSettings) -> None:
        self.rows[settings.key] = settings

    async def all(self) -> list[SpaceSettings]:
        return [self.rows[k] for k in sorted(self.rows)]


class InMemoryPostLog:
    def __init__(self) -> None:
        self.rows: dict[PostKey, PostRecord] = {}
        self.claims: dict[PostKey, dt.datetime | None] = {}

    async def claim(self, key: PostKey, now: dt.datetime, lease: dt.timedelta) -> bool:
        record = self.rows.get(key)
        if record is None:
            self.rows[key] = PostRecord(key, PostStatus.PENDING, 1)
            self.claims[key] = now
            return True
        held = self.claims.get(key)
        if record.status is PostStatus.SENT or (held is not None and held > now - lease):
            return False
        self.rows[key] = dataclasses.replace(record, attempts=record.attempts + 1)
        self.claims[key] = now
        return True

    async def release(self, key: PostKey, error: str) -> None:
        self.claims[key] = None
        self.rows[key] = dataclasses.replace(self.rows[key], last_error=error)

    async def mark_sent(
        self,
        key: PostKey,
        now: dt.datetime,
        channel_id: str | None,
        message_id: str | None,
        ref: str | None = None,
    ) -> None:
        record = self.rows[key]
        self.rows[key] = dataclasses.replace(
            record,
            status=PostStatus.SENT,
            channel_id=channel_id,
            message_id=message_id,
            ref=ref,
            sent_at=now,
            last_error=None,
        )
        self.claims[key] = None

    async def get(self, key: PostKey) -> PostRecord | None:
        return self.rows.get(key)

    async def for_space(self, space: str) -> list[PostRecord]:
        found = [r for k, r in self.rows.items() if k.space == space]
        return sorted(found, key=lambda r: (r.key.local_date, r.key.kind.value))


class InMemoryRotationRepository:
    def __init__(self) -> None:
        self.picks: dict[tuple[str, dt.date], RotationPick] = {}

    async def pick_on(self, space: str, day: dt.date) -> RotationPick | None:
        return self.picks.get((space, day))

    async def latest_cycle(self, space: str) -> int:
        return max((p.cycle for (s, _), p in self.picks.items() if s == space), default=0)

    async def shown_in_cycle(self, space: str, cycle: int) -> set[str]:
        return {p.term_id for (s, _), p in self.picks.items() if s == space and p.cycle == cycle}

    async def record(self, space: str, pick: RotationPick) -> RotationPick:
        return self.picks.setdefault((space, pick.local_date), pick)


class InMemoryQuizRepository:
    def __init__(self) -> None:
        self.rounds: dict[int, QuizRound] = {}
        self.answer_rows: dict[tuple[int, str], Answer] = {}

    async def open_round(self, draft: RoundDraft) -> QuizRound:
        if not draft.practice:
            existing = await self.daily_round(draft.space, draft.local_date)
            if existing is not None:
                return existing
        rnd = QuizRound(
            id=len(self.rounds) + 1,
            space=draft.space,
            question=draft.question,
            opened_at=draft.opened_at,
            closes_at=draft.closes_at,
            local_date=draft.local_date,
            practice=draft.practice,
            owner_id=draft.owner_id,
        )
        self.rounds[rnd.id] = rnd
        return rnd

    async def get_round(self, round_id: int) -> QuizRound | None:
        return self.rounds.get(round_id)

    async def daily_round(self, space: str, day: dt.date) -> QuizRound | None:
        return next(
            (
                r
                for r in self.rounds.values()
                if r.space == space and r.local_date == day and not r.practice
            ),
            None,
        )

    async def set_message(self, round_id: int, channel_id: str | None, message_id: str) -> None:
        self.rounds[round_id] = dataclasses.replace(
            self.rounds[round_id], channel_id=channel_id, message_id=message_id
        )

    async def close_round(self, round_id: int, at: dt.datetime) -> QuizRound:
        rnd = self.rounds[round_id]
        if rnd.closed_at is None:
            rnd = self.rounds[round_id] = dataclasses.replace(rnd, closed_at=at)
        return rnd

    async def mark_settled(self, round_id: int, at: dt.datetime) -> None:
        rnd = self.rounds[round_id]
        if rnd.settled_at is None:
            self.rounds[round_id] = dataclasses.replace(rnd, settled_at=at)

    async def rounds_to_settle(self, at: dt.datetime) -> list[QuizRound]:
        found = [
            r
            for r in self.rounds.values()
            if not r.practice and r.settled_at is None and r.closes_at and r.closes_at <= at
        ]
        return sorted(found, key=lambda r: (r.closes_at, r.id))

    async def add_answer(self, answer: Answer) -> bool:
        key = (answer.round_id, answer.user_id)
        if key in self.answer_rows:
            return False
        self.answer_rows[key] = answer
        return True

    async def answers(self, round_id: int) -> list[Answer]:
        found = [a for (r, _), a in self.answer_rows.items() if r == round_id]
        return sorted(found, key=lambda a: (a.answered_at, a.user_id))

    async def daily_answers(self, space: str) -> list[ScoredAnswer]:
        found = []
        for (round_id, _), a in self.answer_rows.items():
            rnd = self.rounds[round_id]
            if rnd.space == space and not rnd.practice:
                found.append(ScoredAnswer(rnd.local_date, a.user_id, a.display_name, a.correct))
        return sorted(found, key=lambda a: a.local_date)

    async def daily_round_dates(self, space: str) -> list[dt.date]:
        return sorted(
            r.local_date for r in self.rounds.values() if r.space == space and not r.practice
        )


# --- sample content -------------------------------------------------------------------------


def term(
    term_id: str,
    name: str,
    definition: str,
    *,
    tags: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> Term:
    return Term(
        id=term_id, term=name, definition=definition, tags=tags, notes=notes, aliases=aliases
    )


TERMS = (
    term("docker", "도커", "컨테이너를 만들고 실행하는 플랫폼", tags=("docker",),
         aliases=("Docker",), notes=("도커 데몬이 컨테이너의 생명주기를 관리해요",)),
    term("image", "이미지", "컨테이너를 만들기 위한 읽기 전용 템플릿", tags=("docker",),
         aliases=("Image",), notes=("레이어를 쌓아 만들고 레지스트리에 올려요",)),
    term("container", "컨테이너", "격리된 환경에서 실행되는 프로세스", tags=("docker",),
         aliases=("Container",), notes=("호스트 커널을 공유하는 가벼운 격리 단위예요",)),
    term("volume", "볼륨", "컨테이너가 지워져도 남는 데이터 저장소", tags=("docker", "storage")),
    term("pod", "파드", "쿠버네티스에서 배포하는 가장 작은 단위", tags=("k8s",),
         aliases=("Pod",), notes=("하나 이상의 컨테이너가 네트워크를 공유해요",)),
    term("deployment", "디플로이먼트", "파드의 원하는 개수와 업데이트 방식을 선언하는 오브젝트",
         tags=("k8s",), aliases=("Deployment",)),
    term("service", "서비스", "파드 집합에 안정적인 주소를 주는 오브젝트", tags=("k8s", "network"),
         aliases=("Service",)),
    term("namespace", "네임스페이스", "클러스터 리소스를 나누는 이름 공간", tags=("k8s",),
         aliases=("Namespace",)),
)  # fmt: skip

COMMANDS = (
    CommandCard(id="docker-ps", command="docker ps -a", explanation="모든 컨테이너 목록을 보여줘요",
                terms=("container",)),
    CommandCard(id="docker-images", command="docker images",
                explanation="내려받은 이미지 목록을 보여줘요", terms=("image",)),
    CommandCard(id="kubectl-get-pods", command="kubectl get pods",
                explanation="현재 네임스페이스의 파드 목록을 보여줘요", terms=("pod",)),
    CommandCard(id="kubectl-apply", command="kubectl apply -f app.yaml",
                explanation="매니페스트 파일의 상태를 클러스터에 적용해요",
                terms=("deployment",)),
    CommandCard(id="docker-run", command="docker run -d nginx",
                explanation="nginx 컨테이너를 백그라운드로 실행해요", terms=("container", "image")),
)  # fmt: skip

DAYS = (
    StudyDay(day=1, title="도커 시작하기", goals=("도커 설치", "첫 컨테이너 실행"),
             terms=("docker", "container"), practice=("docker-run",)),
    StudyDay(day=2, title="이미지와 볼륨", goals=("이미지 빌드",), terms=("image", "volume")),
    StudyDay(day=3, title="쿠버네티스 첫걸음", goals=("파드 띄우기",), terms=("pod",)),
)  # fmt: skip

CONTENT = Content(terms=TERMS, commands=COMMANDS, days=DAYS)
SPACE = SpaceRef("discord", "guild-1")


@dataclass
class Stack:
    """Every service of the daily loop over the given (or in-memory) repositories."""

    clock: Any  # a FixedClock, except in the one test that moves real time
    publisher: RecordingPublisher
    spaces: SpaceService
    morning: MorningService
    quiz: QuizService
    daily: DailyService
    space_repo: SpaceRepository
    posts: PostLog
    rotation: RotationRepository
    quiz_repo: QuizRepository


def make_stack(
    now: dt.datetime,
    content: Content = CONTENT,
    *,
    clock: Clock | None = None,
    publisher: RecordingPublisher | None = None,
    space_repo: SpaceRepository | None = None,
    posts: PostLog | None = None,
    rotation: RotationRepository | None = None,
    quiz_repo: QuizRepository | None = None,
    defaults: SpaceDefaults | None = None,
    grace: dt.timedelta = dt.timedelta(hours=2),
    platforms: frozenset[str] | None = None,
) -> Stack:
    clock = clock or FixedClock(now)
    publisher = publisher or RecordingPublisher()
    space_repo = space_repo or InMemorySpaceRepository()
    posts = posts or InMemoryPostLog()
    rotation = rotation or InMemoryRotationRepository()
    quiz_repo = quiz_repo or InMemoryQuizRepository()
    spaces = SpaceService(space_repo, clock, defaults or SpaceDefaults.of(channel_id="study"))
    morning = MorningService(content, rotation)
    quiz = QuizService(content, quiz_repo, spaces, clock)
    daily = DailyService(
        spaces=spaces, posts=posts, publisher=publisher, clock=clock,
        morning=morning, quiz=quiz, grace=grace, platforms=platforms,
    )  # fmt: skip
    return Stack(
        clock, publisher, spaces, morning, quiz, daily, space_repo, posts, rotation, quiz_repo
    )


def at(zone: str, *parts: int) -> dt.datetime:
    """An aware instant given as wall-clock time in ``zone``: year, month, day, hour…"""
    year, month, day, hour, minute, second = (*parts, 0, 0, 0)[:6]
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=ZoneInfo(zone))


# --- the team log ---------------------------------------------------------------------------


class InMemoryJournalRepository:
    """The team log in dicts, with the same upsert, history and suggestion rules as SQLite."""

    def __init__(self) -> None:
        self.rows: dict[int, Entry] = {}
        self.history: list[EntryVersion] = []
        self.member_rows: dict[tuple[str, str], Member] = {}
        self.cards: dict[int, tuple[str, str]] = {}
        self.away_rows: dict[tuple[str, str], dt.date] = {}
        self.suggestion_rows: dict[int, Suggestion] = {}
        self.layer: dict[str, list[tuple[Term, str]]] = {}

    def _find(self, space: str, user_id: str, day: dt.date, kind: EntryKind) -> Entry | None:
        return next(
            (
                e
                for e in self.rows.values()
                if (e.space, e.user_id, e.local_date, e.kind) == (space, user_id, day, kind)
            ),
            None,
        )

    async def save_entry(self, draft: EntryDraft) -> tuple[Entry, SaveStatus]:
        old = self._find(draft.space, draft.user_id, draft.local_date, draft.kind)
        if old is None:
            entry = Entry(
                len(self.rows) + 1, draft.space, draft.user_id, draft.display_name,
                draft.local_date, draft.kind, draft.public, draft.body, draft.linked, 1,
                draft.at, draft.at,
            )  # fmt: skip
            self.rows[entry.id] = entry
            return entry, SaveStatus.CREATED
        if (old.body, old.public, old.linked) == (draft.body, draft.public, draft.linked):
            return old, SaveStatus.UNCHANGED
        self.history.append(
            EntryVersion(old.id, old.version, old.display_name, old.public, old.body,
                         old.linked, old.updated_at, draft.at)
        )  # fmt: skip
        new = dataclasses.replace(
            old, display_name=draft.display_name, public=draft.public, body=draft.body,
            linked=draft.linked, version=old.version + 1, updated_at=draft.at,
        )  # fmt: skip
        self.rows[old.id] = new
        return new, SaveStatus.UPDATED

    async def get_entry(self, entry_id: int) -> Entry | None:
        return self.rows.get(entry_id)

    async def entry_on(
        self, space: str, user_id: str, day: dt.date, kind: EntryKind
    ) -> Entry | None:
        return self._find(space, user_id, day, kind)

    async def previous_entry(
        self, space: str, user_id: str, kind: EntryKind, before: dt.date
    ) -> Entry | None:
        found = await self.entries(space, user_id=user_id, kind=kind)
        earlier = [e for e in found if e.local_date < before]
        return earlier[-1] if earlier else None

    async def entries(
        self,
        space: str,
        *,
        user_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        kind: EntryKind | None = None,
    ) -> list[Entry]:
        found = [
            e
            for e in self.rows.values()
            if e.space == space
            and (user_id is None or e.user_id == user_id)
            and (date_from is None or e.local_date >= date_from)
            and (date_to is None or e.local_date <= date_to)
            and (kind is None or e.kind is kind)
        ]
        return sorted(found, key=lambda e: (e.local_date, e.kind.value, e.user_id))

    async def versions(self, entry_id: int) -> list[EntryVersion]:
        return sorted((v for v in self.history if v.entry_id == entry_id), key=lambda v: v.version)

    async def touch_member(
        self, space: str, user_id: str, display_name: str, at: dt.datetime
    ) -> None:
        self.member_rows[space, user_id] = Member(user_id, display_name)

    async def remember_card(self, entry_id: int, channel: str, message_id: str) -> None:
        self.cards[entry_id] = (channel, message_id)

    async def card_of(self, entry_id: int) -> tuple[str, str] | None:
        return self.cards.get(entry_id)

    async def forget_card(self, entry_id: int) -> None:
        self.cards.pop(entry_id, None)

    async def members(self, space: str) -> list[Member]:
        return [m for (s, _), m in sorted(self.member_rows.items()) if s == space]

    async def set_away(
        self, space: str, user_id: str, until: dt.date | None, at: dt.datetime
    ) -> None:
        if until is None:
            self.away_rows.pop((space, user_id), None)
        else:
            self.away_rows[space, user_id] = until

    async def away(self, space: str) -> dict[str, dt.date]:
        return {u: d for (s, u), d in self.away_rows.items() if s == space}

    async def add_suggestions(self, drafts: Sequence[SuggestionDraft]) -> None:
        for d in drafts:
            old = next(
                (
                    s
                    for s in self.suggestion_rows.values()
                    if (s.space, s.user_id, s.name_key) == (d.space, d.user_id, d.name_key)
                ),
                None,
            )
            if old is not None and old.accepted:
                continue
            number = old.id if old is not None else len(self.suggestion_rows) + 1
            self.suggestion_rows[number] = Suggestion(
                number, d.space, d.name_key, d.row, d.user_id, d.display_name, d.local_date
            )

    async def suggestions(self, space: str, *, pending_only: bool = True) -> list[Suggestion]:
        return [
            s
            for _, s in sorted(self.suggestion_rows.items())
            if s.space == space and not (pending_only and s.accepted)
        ]

    async def get_suggestion(self, suggestion_id: int) -> Suggestion | None:
        return self.suggestion_rows.get(suggestion_id)

    async def add_layer_term(
        self, space: str, term: Term, name_key: str, added_by: str, at: dt.datetime
    ) -> bool:
        rows = self.layer.setdefault(space, [])
        if any(t.id == term.id or key == name_key for t, key in rows):
            return False
        rows.append((term, name_key))
        return True

    async def mark_accepted(self, space: str, name_key: str, term_id: str, at: dt.datetime) -> None:
        for number, s in list(self.suggestion_rows.items()):
            if s.space == space and s.name_key == name_key and not s.accepted:
                self.suggestion_rows[number] = dataclasses.replace(
                    s, accepted=True, term_id=term_id
                )

    async def layer_terms(self, space: str) -> list[Term]:
        return [t for t, _ in self.layer.get(space, [])]

    async def layers(self) -> dict[str, list[Term]]:
        return {space: [t for t, _ in rows] for space, rows in self.layer.items() if rows}


@dataclass
class JournalStack:
    """The daily loop's stack plus the glossary and the team log over in-memory fakes."""

    stack: Stack
    glossary: GlossaryService
    journal: JournalService
    repo: Any  # an InMemoryJournalRepository or a SqliteJournalRepository


def make_journal(
    now: dt.datetime,
    content: Content = CONTENT,
    *,
    repo: Any = None,
    stack: Stack | None = None,
) -> JournalStack:
    stack = stack or make_stack(now, content)
    glossary = GlossaryService(content)
    repo = repo if repo is not None else InMemoryJournalRepository()
    journal = JournalService(
        repo=repo, spaces=stack.spaces, clock=stack.clock, glossary=glossary,
        content=content, quiz_repo=stack.quiz_repo,
    )  # fmt: skip
    journal.register(stack.daily)
    return JournalStack(stack, glossary, journal, repo)
