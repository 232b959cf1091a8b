"""The SQLite review repository: cards with their FSRS state, review logs and reminders."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection

from bot.core.review.models import Activity, Card, Grade, LoggedReview, Rating, Source
from bot.infra.db import Database, to_db_time

_CARD = "id, space, user_id, term_id, state, due, reps, created_at"


def _card(row: sqlite3.Row) -> Card:
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


class SqliteReviewRepository:
    """Implements ReviewRepository; every write is one statement in autocommit."""

    def __init__(self, db: Database) -> None:
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
        values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(unique))
        params = [
            p
            for term_id in unique
            for p in (space, user_id, term_id, state, to_db_time(due), to_db_time(at))
        ]
        rows = await self._db.fetchall(
            f"""INSERT INTO review_cards (space, user_id, term_id, state, due, created_at)
                VALUES {values}
                ON CONFLICT (space, user_id, term_id) DO NOTHING
                RETURNING id""",  # noqa: S608 - only placeholders are interpolated
            params,
        )
        return len(rows)

    async def get(self, card_id: int) -> Card | None:
        row = await self._db.fetchone(f"SELECT {_CARD} FROM review_cards WHERE id = ?", (card_id,))  # noqa: S608
        return _card(row) if row is not None else None

    async def card_for(self, space: str, user_id: str, term_id: str) -> Card | None:
        row = await self._db.fetchone(
            f"SELECT {_CARD} FROM review_cards WHERE space = ? AND user_id = ? AND term_id = ?",  # noqa: S608
            (space, user_id, term_id),
        )
        return _card(row) if row is not None else None

    async def due_cards(
        self, space: str, user_id: str, before: dt.datetime, limit: int, after_id: int = 0
    ) -> list[Card]:
        rows = await self._db.fetchall(
            f"""SELECT {_CARD} FROM review_cards
                WHERE space = ? AND user_id = ? AND due < ? AND id > ?
                ORDER BY due, id LIMIT ?""",  # noqa: S608
            (space, user_id, to_db_time(before), after_id, limit),
        )
        return [_card(row) for row in rows]

    async def next_due(self, space: str, user_id: str, at: dt.datetime) -> Card | None:
        row = await self._db.fetchone(
            f"""SELECT {_CARD} FROM review_cards
                WHERE space = ? AND user_id = ? AND due >= ? ORDER BY due, id LIMIT 1""",  # noqa: S608
            (space, user_id, to_db_time(at)),
        )
        return _card(row) if row is not None else None

    async def count_due(
        self, space: str, user_id: str, before: dt.datetime, excluding: Collection[str] = ()
    ) -> int:
        # Terms that left the content are few; json_each passes them as one parameter.
        row = await self._db.fetchone(
            """SELECT COUNT(*) FROM review_cards
               WHERE space = ? AND user_id = ? AND due < ?
               AND term_id NOT IN (SELECT value FROM json_each(?))""",
            (space, user_id, to_db_time(before), json.dumps(sorted(excluding))),
        )
        return int(row[0]) if row is not None else 0

    async def term_ids(self, space: str) -> set[str]:
        rows = await self._db.fetchall(
            "SELECT DISTINCT term_id FROM review_cards WHERE space = ?", (space,)
        )
        return {row[0] for row in rows}

    async def due_between(
        self, space: str, user_id: str, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[str, dt.datetime]]:
        rows = await self._db.fetchall(
            """SELECT term_id, due FROM review_cards
               WHERE space = ? AND user_id = ? AND due >= ? AND due < ?""",
            (space, user_id, to_db_time(start), to_db_time(end)),
        )
        return [(row[0], dt.datetime.fromisoformat(row[1])) for row in rows]

    async def count_cards(self, space: str, user_id: str) -> int:
        row = await self._db.fetchone(
            "SELECT COUNT(*) FROM review_cards WHERE space = ? AND user_id = ?", (space, user_id)
        )
        return int(row[0]) if row is not None else 0

    async def cards(self, space: str, user_id: str | None = None) -> list[Card]:
        if user_id is None:
            rows = await self._db.fetchall(
                f"SELECT {_CARD} FROM review_cards WHERE space = ? ORDER BY id",  # noqa: S608
                (space,),
            )
        else:
            rows = await self._db.fetchall(
                f"SELECT {_CARD} FROM review_cards WHERE space = ? AND user_id = ? ORDER BY id",  # noqa: S608
                (space, user_id),
            )
        return [_card(row) for row in rows]

    async def rate(
        self, card: Card, grade: Grade, rating: Rating, state: str, due: dt.datetime
    ) -> bool:
        rows = await self._db.fetchall(
            """UPDATE review_cards
               SET state = ?, due = ?, reps = reps + 1,
                   last_grade = ?, last_source = ?, last_at = ?
               WHERE id = ? AND reps = ?
               RETURNING id""",
            (
                state,
                to_db_time(due),
                grade.value,
                rating.source.value,
                to_db_time(rating.at),
                card.id,
                card.reps,
            ),
        )
        return bool(rows)

    async def log(self, card: Card, rating: Rating) -> None:
        await self._db.execute(
            """INSERT INTO review_logs
                   (card_id, space, user_id, term_id, grade, source, moved, reviewed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                card.id,
                card.space,
                card.user_id,
                card.term_id,
                rating.grade.value,
                rating.source.value,
                int(rating.moved),
                to_db_time(rating.at),
            ),
        )

    async def logs(self, space: str, user_id: str, since: dt.datetime) -> list[LoggedReview]:
        rows = await self._db.fetchall(
            """SELECT term_id, grade, source, reviewed_at, moved FROM review_logs
               WHERE space = ? AND user_id = ? AND reviewed_at >= ? ORDER BY reviewed_at""",
            (space, user_id, to_db_time(since)),
        )
        return [
            LoggedReview(
                row[0],
                Grade(row[1]),
                Source(row[2]),
                dt.datetime.fromisoformat(row[3]),
                bool(row[4]),
            )
            for row in rows
        ]

    async def record_activity(
        self, space: str, user_id: str, day: dt.date, activity: Activity
    ) -> None:
        await self._db.execute(
            """INSERT INTO review_activity (space, user_id, local_date, kind) VALUES (?, ?, ?, ?)
               ON CONFLICT DO NOTHING""",
            (space, user_id, day.isoformat(), activity.value),
        )

    async def activity_days(self, space: str, user_id: str, since: dt.date) -> list[dt.date]:
        rows = await self._db.fetchall(
            """SELECT local_date FROM review_activity
               WHERE space = ? AND user_id = ? AND local_date >= ? AND kind != 'quiz'""",
            (space, user_id, since.isoformat()),
        )
        return [dt.date.fromisoformat(row[0]) for row in rows]

    async def set_reminders(
        self, space: str, user_id: str, on: bool, display_name: str = ""
    ) -> None:
        await self._db.execute(
            """INSERT INTO review_members (space, user_id, reminders, display_name)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (space, user_id) DO UPDATE
               SET reminders = excluded.reminders, display_name = excluded.display_name""",
            (space, user_id, int(on), display_name),
        )

    async def reminded_names(self, space: str) -> dict[str, str]:
        rows = await self._db.fetchall(
            """SELECT user_id, display_name FROM review_members
               WHERE space = ? AND reminders = 1""",
            (space,),
        )
        return {row[0]: row[1] or row[0] for row in rows}

    async def reviewed_states(self, space: str) -> list[tuple[str, str]]:
        rows = await self._db.fetchall(
            "SELECT term_id, state FROM review_cards WHERE space = ? AND reps > 0", (space,)
        )
        return [(row[0], row[1]) for row in rows]

    async def reminded(self, space: str) -> set[str]:
        rows = await self._db.fetchall(
            "SELECT user_id FROM review_members WHERE space = ? AND reminders = 1", (space,)
        )
        return {row[0] for row in rows}
