"""PostgreSQL repositories of the daily loop: spaces, the post log and the rotation."""

from __future__ import annotations

import datetime as dt

from bot.core.models import SpaceRef
from bot.core.ports import Clock, PostKey, PostRecord, PostStatus, RotationPick
from bot.core.schedule import PostKind
from bot.core.spaces import SpaceSettings, space_key
from bot.infra.clock import SystemClock
from bot.infra.postgres.db import PostgresDatabase, Record


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


class PostgresSpaceRepository:
    def __init__(self, db: PostgresDatabase, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    async def get(self, space: SpaceRef) -> SpaceSettings | None:
        row = await self._db.fetchrow("SELECT * FROM spaces WHERE space = $1", (space_key(space),))
        return _space(row) if row is not None else None

    async def add(self, settings: SpaceSettings) -> SpaceSettings:
        now = self._clock.now()
        await self._db.execute(
            """INSERT INTO spaces (space, platform, space_id, channel_id, timezone, morning_time,
                   quiz_time, quiz_close_time, retro_time, study_days, enabled, started_on,
                   locale, mention_reminders, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
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
            """UPDATE spaces SET channel_id = $1, timezone = $2, morning_time = $3,
                   quiz_time = $4, quiz_close_time = $5, retro_time = $6, study_days = $7,
                   enabled = $8, started_on = $9, locale = $10, mention_reminders = $11,
                   updated_at = $12
               WHERE space = $13""",
            (*_space_values(settings), self._clock.now(), settings.key),
        )

    async def all(self) -> list[SpaceSettings]:
        return [_space(row) for row in await self._db.fetch("SELECT * FROM spaces ORDER BY space")]


def _space_values(s: SpaceSettings) -> tuple[object, ...]:
    return (
        s.channel_id, s.timezone, _hhmm(s.morning_time), _hhmm(s.quiz_time),
        _hhmm(s.quiz_close_time), _hhmm(s.retro_time), ",".join(map(str, s.study_days)),
        s.enabled, s.started_on, s.locale, s.mention_reminders,
    )  # fmt: skip


def _space(row: Record) -> SpaceSettings:
    return SpaceSettings(
        space=SpaceRef(row["platform"], row["space_id"]),
        started_on=row["started_on"],
        channel_id=row["channel_id"],
        timezone=row["timezone"],
        morning_time=dt.time.fromisoformat(row["morning_time"]),
        quiz_time=dt.time.fromisoformat(row["quiz_time"]),
        quiz_close_time=dt.time.fromisoformat(row["quiz_close_time"]),
        retro_time=dt.time.fromisoformat(row["retro_time"]),
        study_days=tuple(int(d) for d in row["study_days"].split(",") if d),
        enabled=row["enabled"],
        locale=row["locale"],
        mention_reminders=row["mention_reminders"],
    )


class PostgresPostLog:
    """The post log; ``claim`` is one upsert, so racing processes never both win."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def claim(self, key: PostKey, now: dt.datetime, lease: dt.timedelta) -> bool:
        claimed = await self._db.fetch(
            """INSERT INTO posts (space, local_date, kind, status, attempts, claimed_at, created_at)
               VALUES ($1, $2, $3, 'pending', 1, $4, $4)
               ON CONFLICT (space, local_date, kind) DO UPDATE
                   SET attempts = posts.attempts + 1, claimed_at = EXCLUDED.claimed_at
                   WHERE posts.status = 'pending'
                     AND (posts.claimed_at IS NULL OR posts.claimed_at <= $5)
               RETURNING 1""",
            (*_key(key), now, now - lease),
        )
        return len(claimed) == 1

    async def release(self, key: PostKey, error: str) -> None:
        await self._db.execute(
            """UPDATE posts SET claimed_at = NULL, last_error = $1
               WHERE space = $2 AND local_date = $3 AND kind = $4 AND status = 'pending'""",
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
            """UPDATE posts SET status = 'sent', sent_at = $1, channel_id = $2, message_id = $3,
                   ref = $4, claimed_at = NULL, last_error = NULL
               WHERE space = $5 AND local_date = $6 AND kind = $7""",
            (now, channel_id, message_id, ref, *_key(key)),
        )

    async def get(self, key: PostKey) -> PostRecord | None:
        row = await self._db.fetchrow(
            "SELECT * FROM posts WHERE space = $1 AND local_date = $2 AND kind = $3", _key(key)
        )
        return _post(row) if row is not None else None

    async def for_space(self, space: str) -> list[PostRecord]:
        rows = await self._db.fetch(
            "SELECT * FROM posts WHERE space = $1 ORDER BY local_date, kind", (space,)
        )
        return [_post(row) for row in rows]


def _key(key: PostKey) -> tuple[str, dt.date, str]:
    return key.space, key.local_date, key.kind.value


def _post(row: Record) -> PostRecord:
    return PostRecord(
        key=PostKey(row["space"], row["local_date"], PostKind(row["kind"])),
        status=PostStatus(row["status"]),
        attempts=row["attempts"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        ref=row["ref"],
        sent_at=row["sent_at"],
        last_error=row["last_error"],
    )


class PostgresRotationRepository:
    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def pick_on(self, space: str, day: dt.date) -> RotationPick | None:
        row = await self._db.fetchrow(
            "SELECT * FROM term_rotation WHERE space = $1 AND local_date = $2", (space, day)
        )
        return RotationPick(row["local_date"], row["term_id"], row["cycle"]) if row else None

    async def latest_cycle(self, space: str) -> int:
        value = await self._db.fetchval(
            "SELECT COALESCE(MAX(cycle), 0) FROM term_rotation WHERE space = $1", (space,)
        )
        return int(value)

    async def shown_in_cycle(self, space: str, cycle: int) -> set[str]:
        rows = await self._db.fetch(
            "SELECT term_id FROM term_rotation WHERE space = $1 AND cycle = $2", (space, cycle)
        )
        return {row["term_id"] for row in rows}

    async def record(self, space: str, pick: RotationPick) -> RotationPick:
        await self._db.execute(
            """INSERT INTO term_rotation (space, local_date, term_id, cycle)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT (space, local_date) DO NOTHING""",
            (space, pick.local_date, pick.term_id, pick.cycle),
        )
        stored = await self.pick_on(space, pick.local_date)
        return stored if stored is not None else pick
