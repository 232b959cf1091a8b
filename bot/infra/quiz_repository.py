"""The SQLite quiz repository: rounds, their posts and one answer per member."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from bot.core.quiz.models import Answer, Question, QuestionKind, QuizRound, RoundDraft, ScoredAnswer
from bot.infra.db import Database, from_db_time, to_db_time
from bot.infra.writes import Coalescer


class AnswerWriter(Coalescer[Answer, bool]):
    """Inserts answers, many per statement when a burst of clicks arrives at once.

    The unique (round, member) key keeps the first answer; RETURNING names the rows that went
    in, so every other click of the same member is refused, in one batch or across batches.
    """

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db

    def _batch_key(self, item: Answer) -> object:
        return item.round_id, item.user_id

    async def _run(self, items: Sequence[Answer]) -> list[bool]:
        values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(items))
        rows = await self._db.fetchall(
            f"""INSERT INTO quiz_answers
                   (round_id, user_id, display_name, choice, correct, answered_at)
               VALUES {values}
               ON CONFLICT (round_id, user_id) DO NOTHING
               RETURNING round_id, user_id""",  # noqa: S608 - only placeholders are interpolated
            [
                p
                for a in items
                for p in (a.round_id, a.user_id, a.display_name, a.choice, int(a.correct),
                          to_db_time(a.answered_at))
            ],
        )  # fmt: skip
        added = {(row["round_id"], row["user_id"]) for row in rows}
        return [(a.round_id, a.user_id) in added for a in items]


class SqliteQuizRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._answers = AnswerWriter(db)

    async def open_round(self, draft: RoundDraft) -> QuizRound:
        q = draft.question
        values = (
            draft.space, draft.local_date.isoformat(), int(draft.practice), draft.owner_id,
            q.kind.value, q.requested_kind.value if q.requested_kind else None, q.subject_id,
            q.prompt, json.dumps(list(q.options), ensure_ascii=False), q.answer, q.explanation,
            to_db_time(draft.opened_at), to_db_time(draft.closes_at) if draft.closes_at else None,
        )  # fmt: skip
        # A second daily round for the same day hits the partial unique index and is ignored.
        round_id = await self._db.insert(
            """INSERT OR IGNORE INTO quiz_rounds (space, local_date, practice, owner_id, kind,
                   requested_kind, subject_id, prompt, options, answer, explanation, opened_at,
                   closes_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            values,
        )
        found = None if draft.practice else await self.daily_round(draft.space, draft.local_date)
        if found is None:
            found = await self.get_round(round_id)
        if found is None:  # pragma: no cover - the insert either stored a row or hit the index
            msg = "quiz round was not stored"
            raise RuntimeError(msg)
        return found

    async def get_round(self, round_id: int) -> QuizRound | None:
        row = await self._db.fetchone("SELECT * FROM quiz_rounds WHERE id = ?", (round_id,))
        return _round(row) if row is not None else None

    async def daily_round(self, space: str, day: dt.date) -> QuizRound | None:
        row = await self._db.fetchone(
            "SELECT * FROM quiz_rounds WHERE space = ? AND local_date = ? AND practice = 0",
            (space, day.isoformat()),
        )
        return _round(row) if row is not None else None

    async def set_message(self, round_id: int, channel_id: str | None, message_id: str) -> None:
        await self._db.execute(
            "UPDATE quiz_rounds SET channel_id = ?, message_id = ? WHERE id = ?",
            (channel_id, message_id, round_id),
        )

    async def close_round(self, round_id: int, at: dt.datetime) -> QuizRound:
        await self._db.execute(
            "UPDATE quiz_rounds SET closed_at = COALESCE(closed_at, ?) WHERE id = ?",
            (to_db_time(at), round_id),
        )
        found = await self.get_round(round_id)
        if found is None:
            msg = f"no quiz round {round_id}"
            raise LookupError(msg)
        return found

    async def mark_settled(self, round_id: int, at: dt.datetime) -> None:
        await self._db.execute(
            "UPDATE quiz_rounds SET settled_at = COALESCE(settled_at, ?) WHERE id = ?",
            (to_db_time(at), round_id),
        )

    async def rounds_to_settle(self, at: dt.datetime) -> list[QuizRound]:
        rows = await self._db.fetchall(
            """SELECT * FROM quiz_rounds
               WHERE practice = 0 AND settled_at IS NULL AND closes_at <= ?
               ORDER BY closes_at, id""",
            (to_db_time(at),),
        )
        return [_round(row) for row in rows]

    async def add_answer(self, answer: Answer) -> bool:
        """Store a member's first answer to a round; False when they had answered already."""
        return await self._answers.submit(answer)

    async def answers(self, round_id: int) -> list[Answer]:
        rows = await self._db.fetchall(
            "SELECT * FROM quiz_answers WHERE round_id = ? ORDER BY answered_at, user_id",
            (round_id,),
        )
        return [
            Answer(row["round_id"], row["user_id"], row["display_name"], row["choice"],
                   bool(row["correct"]), dt.datetime.fromisoformat(row["answered_at"]))
            for row in rows
        ]  # fmt: skip

    async def daily_answers(self, space: str) -> list[ScoredAnswer]:
        rows = await self._db.fetchall(
            """SELECT r.local_date, a.user_id, a.display_name, a.correct
               FROM quiz_answers AS a JOIN quiz_rounds AS r ON r.id = a.round_id
               WHERE r.space = ? AND r.practice = 0
               ORDER BY r.local_date, a.answered_at""",
            (space,),
        )
        return [
            ScoredAnswer(dt.date.fromisoformat(row["local_date"]), row["user_id"],
                         row["display_name"], bool(row["correct"]))
            for row in rows
        ]  # fmt: skip

    async def daily_round_dates(self, space: str) -> list[dt.date]:
        rows = await self._db.fetchall(
            """SELECT local_date FROM quiz_rounds WHERE space = ? AND practice = 0
               ORDER BY local_date""",
            (space,),
        )
        return [dt.date.fromisoformat(row["local_date"]) for row in rows]


def _round(row: sqlite3.Row) -> QuizRound:
    requested = row["requested_kind"]
    question = Question(
        kind=QuestionKind(row["kind"]),
        prompt=row["prompt"],
        options=tuple(json.loads(row["options"])),
        answer=row["answer"],
        explanation=row["explanation"],
        subject_id=row["subject_id"],
        requested_kind=QuestionKind(requested) if requested else None,
    )
    return QuizRound(
        id=row["id"],
        space=row["space"],
        question=question,
        opened_at=dt.datetime.fromisoformat(row["opened_at"]),
        closes_at=from_db_time(row["closes_at"]),
        local_date=dt.date.fromisoformat(row["local_date"]),
        practice=bool(row["practice"]),
        owner_id=row["owner_id"],
        closed_at=from_db_time(row["closed_at"]),
        settled_at=from_db_time(row["settled_at"]),
        channel_id=row["channel_id"],
        message_id=row["message_id"],
    )
