"""SQLite repositories of the daily loop: spaces, the post log, the rotation and quiz rounds."""

from __future__ import annotations

import datetime as dt
import sqlite3

from bot.core.models import SpaceRef
from bot.core.ports import Clock, PostKey, PostRecord, PostStatus, RotationPick
from bot.core.schedule import PostKind
from bot.core.spaces import SpaceSettings, space_key
from bot.infra.clock import SystemClock
from bot.infra.db import Database, from_db_time, to_db_time
from bot.infra.quiz_repository import SqliteQuizRepository


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


class SqliteSpaceRepository:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    async def get(self, space: SpaceRef) -> SpaceSettings | None:
        row = await self._db.fetchone("SELECT * FROM spaces WHERE space = ?", (space_key(space),))
        return _space(row) if row is not None else None

    async def add(self, settings: SpaceSettings) -> SpaceSettings:
        now = to_db_time(self._clock.now())
        await self._db.execute(
            """INSERT INTO spaces (space, platform, space_id, channel_id, timezone, morning_time,
                   quiz_time, quiz_close_time, retro_time, study_days, enabled, started_on,
                   locale, mention_reminders, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (space) DO NOTHING""",
            (settings.key, settings.space.platform, settings.space.id, *_space_values(settings),
             now, now),
        )  # fmt: skip
        stored = await self.get(settings.space)
        if stored is None:  # pragma: no cover - the row was just written or already there
            msg = f"space {settings.key} vanished after insert"
            raise RuntimeError(msg)
        return stored

    async def save(self, settings: SpaceSettings) -> None:
        await self._db.execute(
            """UPDATE spaces SET channel_id = ?, timezone = ?, morning_time = ?, quiz_time = ?,
                   quiz_close_time = ?, retro_time = ?, study_days = ?, enabled = ?,
                   started_on = ?, locale = ?, mention_reminders = ?, updated_at = ?
               WHERE space = ?""",
            (*_space_values(settings), to_db_time(self._clock.now()), settings.key),
        )

    async def all(self) -> list[SpaceSettings]:
        return [
            _space(row) for row in await self._db.fetchall("SELECT * FROM spaces ORDER BY space")
        ]


def _space_values(s: SpaceSettings) -> tuple[object, ...]:
    return (
        s.channel_id, s.timezone, _hhmm(s.morning_time), _hhmm(s.quiz_time),
        _hhmm(s.quiz_close_time), _hhmm(s.retro_time), ",".join(map(str, s.study_days)),
        int(s.enabled), s.started_on.isoformat(), s.locale, int(s.mention_reminders),
    )  # fmt: skip


def _space(row: sqlite3.Row) -> SpaceSettings:
    days = tuple(int(d) for d in row["study_days"].split(",") if d)
    return SpaceSettings(
        space=SpaceRef(row["platform"], row["space_id"]),
        started_on=dt.date.fromisoformat(row["started_on"]),
        channel_id=row["channel_id"],
        timezone=row["timezone"],
        morning_time=dt.time.fromisoformat(row["morning_time"]),
        quiz_time=dt.time.fromisoformat(row["quiz_time"]),
        quiz_close_time=dt.time.fromisoformat(row["quiz_close_time"]),
        retro_time=dt.time.fromisoformat(row["retro_time"]),
        study_days=days,
        enabled=bool(row["enabled"]),
        locale=row["locale"],
        mention_reminders=bool(row["mention_reminders"]),
    )


class SqlitePostLog:
    """The post log; ``claim`` is one upsert, so two racing callers never both win."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, key: PostKey, now: dt.datetime, lease: dt.timedelta) -> bool:
        claimed = await self._db.fetchall(
            """INSERT INTO posts (space, local_date, kind, status, attempts, claimed_at, created_at)
               VALUES (?, ?, ?, 'pending', 1, ?, ?)
               ON CONFLICT (space, local_date, kind) DO UPDATE
                   SET attempts = attempts + 1, claimed_at = excluded.claimed_at
                   WHERE posts.status = 'pending'
                     AND (posts.claimed_at IS NULL OR posts.claimed_at <= ?)
               RETURNING 1""",
            (*_key(key), to_db_time(now), to_db_time(now), to_db_time(now - lease)),
        )
        return len(claimed) == 1

    async def release(self, key: PostKey, error: str) -> None:
        await self._db.execute(
            """UPDATE posts SET claimed_at = NULL, last_error = ?
               WHERE space = ? AND local_date = ? AND kind = ? AND status = 'pending'""",
            (error, *_key(key)),
        )

    async def mark_sent(
        self,
        key: PostKey,
        now: dt.datetime,
        channel_id: str | None,
        message_id: str | None,
        ref: str | None = None,
    ) -> None:
        await self._db.execute(
            """UPDATE posts SET status = 'sent', sent_at = ?, channel_id = ?, message_id = ?,
                   ref = ?, claimed_at = NULL, last_error = NULL
               WHERE space = ? AND local_date = ? AND kind = ?""",
            (to_db_time(now), channel_id, message_id, ref, *_key(key)),
        )

    async def get(self, key: PostKey) -> PostRecord | None:
        row = await self._db.fetchone(
            "SELECT * FROM posts WHERE space = ? AND local_date = ? AND kind = ?", _key(key)
        )
        return _post(row) if row is not None else None

    async def for_space(self, space: str) -> list[PostRecord]:
        rows = await self._db.fetchall(
            "SELECT * FROM posts WHERE space = ? ORDER BY local_date, kind", (space,)
        )
        return [_post(row) for row in rows]


def _key(key: PostKey) -> tuple[str, str, str]:
    return key.space, key.local_date.isoformat(), key.kind.value


def _post(row: sqlite3.Row) -> PostRecord:
    key = PostKey(row["space"], dt.date.fromisoformat(row["local_date"]), PostKind(row["kind"]))
    return PostRecord(
        key=key,
        status=PostStatus(row["status"]),
        attempts=row["attempts"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        ref=row["ref"],
        sent_at=from_db_time(row["sent_at"]),
        last_error=row["last_error"],
    )


class SqliteRotationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def pick_on(self, space: str, day: dt.date) -> RotationPick | None:
        row = await self._db.fetchone(
            "SELECT * FROM term_rotation WHERE space = ? AND local_date = ?",
            (space, day.isoformat()),
        )
        if row is None:
            return None
        return RotationPick(dt.date.fromisoformat(row["local_date"]), row["term_id"], row["cycle"])

    async def latest_cycle(self, space: str) -> int:
        row = await self._db.fetchone(
            "SELECT COALESCE(MAX(cycle), 0) FROM term_rotation WHERE space = ?", (space,)
        )
        return int(row[0]) if row is not None else 0

    async def shown_in_cycle(self, space: str, cycle: int) -> set[str]:
        rows = await self._db.fetchall(
            "SELECT term_id FROM term_rotation WHERE space = ? AND cycle = ?", (space, cycle)
        )
        return {row["term_id"] for row in rows}

    async def record(self, space: str, pick: RotationPick) -> RotationPick:
        await self._db.execute(
            """INSERT INTO term_rotation (space, local_date, term_id, cycle) VALUES (?, ?, ?, ?)
               ON CONFLICT (space, local_date) DO NOTHING""",
            (space, pick.local_date.isoformat(), pick.term_id, pick.cycle),
        )
        stored = await self.pick_on(space, pick.local_date)
        return stored if stored is not None else pick


__all__ = [
    "SqlitePostLog",
    "SqliteQuizRepository",
    "SqliteRotationRepository",
    "SqliteSpaceRepository",
]
