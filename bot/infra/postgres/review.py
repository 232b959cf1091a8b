"""The PostgreSQL review repository: cards with their FSRS state, review logs and reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from bot.core.review.models import Activity, Card, Grade, LoggedReview, Rating, Source
from bot.infra.db import to_db_time
from bot.infra.postgres.db import PostgresDatabase, Record

# Instants are the same fixed-width UTC text as on SQLite (004_review.sql), and every text
# column compares in the "C" collation, so "due < $n" and ORDER BY due agree with SQLite.
_CARD = "id, space, user_id, term_id, state, due, reps, created_at"
# unnest keeps the statement text fixed whatever the number of terms; the ordinality keeps
# the ids in the order the terms were given, as SQLite's multi-row VALUES does.
_ADD_CARDS = """INSERT INTO review_cards (space, user_id, term_id, state, due, created_at)
    SELECT $1, $2, t.term_id, $4, $5, $6
    FROM unnest($3::text[]) WITH ORDINALITY AS t (term_id, n)
    ORDER BY t.n
    ON CONFLICT (space, user_id, term_id) DO NOTHING
    RETURNING id"""
# /review and /today read a member's due cards through the review_cards_due index (a test
# EXPLAINs these two statements); term_id in that index lets the count skip the table.
DUE_CARDS = f"""SELECT {_CARD} FROM review_cards
    WHERE space = $1 AND user_id = $2 AND due < $3 AND id > $4
    ORDER BY due, id LIMIT $5"""  # noqa: S608 - a constant column list
# The terms that left the content travel as one array; "<> ALL" of an empty one is true.
COUNT_DUE = """SELECT COUNT(*) FROM review_cards
    WHERE space = $1 AND user_id = $2 AND due < $3 AND term_id <> ALL($4::text[])"""
# One statement guarded by the reps the button showed: of two racing clicks the second waits
# for the first's row lock, re-reads the row, finds reps moved on and updates nothing. The
# trigger in 004_review.sql logs the review inside this same statement.
_RATE = """UPDATE review_cards
    SET state = $1, due = $2, reps = reps + 1, last_grade = $3, last_source = $4, last_at = $5
    WHERE id = $6 AND reps = $7
    RETURNING id"""


def _card(row: Record) -> Card:
    return Card(
        id=row["id"],
        space=row["space"],
        user_id=row["user_id"],
        term_id=row["term_id"],
        state=row["state"],
        due=dt.datetime.fromisoformat(row["due"]),
        reps=row["reps"],
        created_at=dt.datetime.fromisoformat(row["created_at"]),
    )


class PostgresReviewRepository:
    """Implements ReviewRepository; every write is one statement in autocommit."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def add_cards(
        self,
        space: str,
        user_id: str,
        term_ids: Collection[str],
        state: str,
        due: dt.datetime,
        at: dt.datetime,
    ) -> int:
        unique = list(dict.fromkeys(term_ids))
        if not unique:
            return 0
        rows = await self._db.fetch(
            _ADD_CARDS, (space, user_id, unique, state, to_db_time(due), to_db_time(at))
        )
        return len(rows)

    async def get(self, card_id: int) -> Card | None:
        row = await self._db.fetchrow(
            f"SELECT {_CARD} FROM review_cards WHERE id = $1",  # noqa: S608 - a constant
            (card_id,),
        )
        return _card(row) if row is not None else None

    async def card_for(self, space: str, user_id: str, term_id: str) -> Card | None:
        row = await self._db.fetchrow(
            f"""SELECT {_CARD} FROM review_cards
                WHERE space = $1 AND user_id = $2 AND term_id = $3""",  # noqa: S608
            (space, user_id, term_id),
        )
        return _card(row) if row is not None else None

    async def due_cards(
        self, space: str, user_id: str, before: dt.datetime, limit: int, after_id: int = 0
    ) -> list[Card]:
        rows = await self._db.fetch(
            DUE_CARDS, (space, user_id, to_db_time(before), after_id, limit)
        )
        return [_card(row) for row in rows]

    async def next_due(self, space: str, user_id: str, at: dt.datetime) -> Card | None:
        row = await self._db.fetchrow(
            f"""SELECT {_CARD} FROM review_cards
                WHERE space = $1 AND user_id = $2 AND due >= $3
                ORDER BY due, id LIMIT 1""",  # noqa: S608
            (space, user_id, to_db_time(at)),
        )
        return _card(row) if row is not None else None

    async def count_due(
        self, space: str, user_id: str, before: dt.datetime, excluding: Collection[str] = ()
    ) -> int:
        value = await self._db.fetchval(
            COUNT_DUE, (space, user_id, to_db_time(before), sorted(excluding))
        )
        return int(value)

    async def term_ids(self, space: str) -> set[str]:
        rows = await self._db.fetch(
            "SELECT DISTINCT term_id FROM review_cards WHERE space = $1", (space,)
        )
        return {row["term_id"] for row in rows}

    async def due_between(
        self, space: str, user_id: str, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[str, dt.datetime]]:
        rows = await self._db.fetch(
            """SELECT term_id, due FROM review_cards
               WHERE space = $1 AND user_id = $2 AND due >= $3 AND due < $4""",
            (space, user_id, to_db_time(start), to_db_time(end)),
        )
        return [(row["term_id"], dt.datetime.fromisoformat(row["due"])) for row in rows]

    async def count_cards(self, space: str, user_id: str) -> int:
        value = await self._db.fetchval(
            "SELECT COUNT(*) FROM review_cards WHERE space = $1 AND user_id = $2",
            (space, user_id),
        )
        return int(value)

    async def cards(self, space: str, user_id: str | None = None) -> list[Card]:
        # A NULL member switches the condition off, so the statement text never varies.
        rows = await self._db.fetch(
            f"""SELECT {_CARD} FROM review_cards
                WHERE space = $1 AND ($2::text IS NULL OR user_id = $2)
                ORDER BY id""",  # noqa: S608
            (space, user_id),
        )
        return [_card(row) for row in rows]

    async def rate(
        self, card: Card, grade: Grade, rating: Rating, state: str, due: dt.datetime
    ) -> bool:
        rows = await self._db.fetch(
            _RATE,
            (state, to_db_time(due), grade.value, rating.source.value, to_db_time(rating.at),
             card.id, card.reps),
        )  # fmt: skip
        return bool(rows)

    async def log(self, card: Card, rating: Rating) -> None:
        await self._db.execute(
            """INSERT INTO review_logs
                   (card_id, space, user_id, term_id, grade, source, moved, reviewed_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
            (card.id, card.space, card.user_id, card.term_id, rating.grade.value,
             rating.source.value, int(rating.moved), to_db_time(rating.at)),
        )  # fmt: skip

    async def logs(self, space: str, user_id: str, since: dt.datetime) -> list[LoggedReview]:
        rows = await self._db.fetch(
            """SELECT term_id, grade, source, reviewed_at, moved FROM review_logs
               WHERE space = $1 AND user_id = $2 AND reviewed_at >= $3 ORDER BY reviewed_at""",
            (space, user_id, to_db_time(since)),
        )
        return [
            LoggedReview(
                row["term_id"],
                Grade(row["grade"]),
                Source(row["source"]),
                dt.datetime.fromisoformat(row["reviewed_at"]),
                bool(row["moved"]),
            )
            for row in rows
        ]

    async def record_activity(
        self, space: str, user_id: str, day: dt.date, activity: Activity
    ) -> None:
        await self._db.execute(
            """INSERT INTO review_activity (space, user_id, local_date, kind)
               VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""",
            (space, user_id, day.isoformat(), activity.value),
        )

    async def activity_days(self, space: str, user_id: str, since: dt.date) -> list[dt.date]:
        rows = await self._db.fetch(
            """SELECT local_date FROM review_activity
               WHERE space = $1 AND user_id = $2 AND local_date >= $3 AND kind <> 'quiz'""",
            (space, user_id, since.isoformat()),
        )
        return [dt.date.fromisoformat(row["local_date"]) for row in rows]

    async def set_reminders(
        self, space: str, user_id: str, on: bool, display_name: str = ""
    ) -> None:
        await self._db.execute(
            """INSERT INTO review_members (space, user_id, reminders, display_name)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT (space, user_id) DO UPDATE
               SET reminders = EXCLUDED.reminders, display_name = EXCLUDED.display_name""",
            (space, user_id, int(on), display_name),
        )

    async def reminded_names(self, space: str) -> dict[str, str]:
        rows = await self._db.fetch(
            """SELECT user_id, display_name FROM review_members
               WHERE space = $1 AND reminders = 1""",
            (space,),
        )
        return {row["user_id"]: row["display_name"] or row["user_id"] for row in rows}

    async def reviewed_states(self, space: str) -> list[tuple[str, str]]:
        rows = await self._db.fetch(
            "SELECT term_id, state FROM review_cards WHERE space = $1 AND reps > 0", (space,)
        )
        return [(row["term_id"], row["state"]) for row in rows]

    async def reminded(self, space: str) -> set[str]:
        rows = await self._db.fetch(
            "SELECT user_id FROM review_members WHERE space = $1 AND reminders = 1", (space,)
        )
        return {row["user_id"] for row in rows}
