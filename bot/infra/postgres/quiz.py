"""The PostgreSQL quiz repository: rounds, their posts and one answer per member."""

from __future__ import annotations

import datetime as dt
import json

from bot.core.quiz.models import Answer, Question, QuestionKind, QuizRound, RoundDraft, ScoredAnswer
from bot.infra.postgres.db import PostgresDatabase, Record


class PostgresQuizRepository:
    """Rounds and answers; each write is one statement that commits on its own.

    An answer is one ``INSERT … ON CONFLICT DO NOTHING``: the pool runs a burst of clicks on
    several connections at once, and the server's group commit shares their WAL flushes.
    """

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db

    async def open_round(self, draft: RoundDraft) -> QuizRound:
        q = draft.question
        # A second daily round for the same day hits the partial unique index and is ignored.
        round_id = await self._db.fetchval(
            """INSERT INTO quiz_rounds (space, local_date, practice, owner_id, kind,
                   requested_kind, subject_id, prompt, options, answer, explanation, opened_at,
                   closes_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
               ON CONFLICT DO NOTHING
               RETURNING id""",
            (
                draft.space, draft.local_date, draft.practice, draft.owner_id, q.kind.value,
                q.requested_kind.value if q.requested_kind else None, q.subject_id, q.prompt,
                json.dumps(list(q.options), ensure_ascii=False), q.answer, q.explanation,
                draft.opened_at, draft.closes_at,
            ),
        )  # fmt: skip
        found = None
        if round_id is not None:
            found = await self.get_round(round_id)
        elif not draft.practice:
            found = await self.daily_round(draft.space, draft.local_date)
        if found is None:  # pragma: no cover - the insert either stored a row or hit the index
            msg = "quiz round was not stored"
            raise RuntimeError(msg)
        return found

    async def get_round(self, round_id: int) -> QuizRound | None:
        row = await self._db.fetchrow("SELECT * FROM quiz_rounds WHERE id = $1", (round_id,))
        return _round(row) if row is not None else None

    async def daily_round(self, space: str, day: dt.date) -> QuizRound | None:
        row = await self._db.fetchrow(
            "SELECT * FROM quiz_rounds WHERE space = $1 AND local_date = $2 AND NOT practice",
            (space, day),
        )
        return _round(row) if row is not None else None

    async def set_message(self, round_id: int, channel_id: str | None, message_id: str) -> None:
        await self._db.execute(
            "UPDATE quiz_rounds SET channel_id = $1, message_id = $2 WHERE id = $3",
            (channel_id, message_id, round_id),
        )

    async def close_round(self, round_id: int, at: dt.datetime) -> QuizRound:
        row = await self._db.fetchrow(
            """UPDATE quiz_rounds SET closed_at = COALESCE(closed_at, $1) WHERE id = $2
               RETURNING *""",
            (at, round_id),
        )
        if row is None:
            msg = f"no quiz round {round_id}"
            raise LookupError(msg)
        return _round(row)

    async def mark_settled(self, round_id: int, at: dt.datetime) -> None:
        await self._db.execute(
            "UPDATE quiz_rounds SET settled_at = COALESCE(settled_at, $1) WHERE id = $2",
            (at, round_id),
        )

    async def rounds_to_settle(self, at: dt.datetime) -> list[QuizRound]:
        rows = await self._db.fetch(
            """SELECT * FROM quiz_rounds
               WHERE NOT practice AND settled_at IS NULL AND closes_at <= $1
               ORDER BY closes_at, id""",
            (at,),
        )
        return [_round(row) for row in rows]

    async def add_answer(self, answer: Answer) -> bool:
        """Store a member's first answer to a round; False when they had answered already."""
        added = await self._db.fetch(
            """INSERT INTO quiz_answers
                   (round_id, user_id, display_name, choice, correct, answered_at)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (round_id, user_id) DO NOTHING
               RETURNING 1""",
            (answer.round_id, answer.user_id, answer.display_name, answer.choice, answer.correct,
             answer.answered_at),
        )  # fmt: skip
        return len(added) == 1

    async def answers(self, round_id: int) -> list[Answer]:
        rows = await self._db.fetch(
            "SELECT * FROM quiz_answers WHERE round_id = $1 ORDER BY answered_at, user_id",
            (round_id,),
        )
        return [
            Answer(row["round_id"], row["user_id"], row["display_name"], row["choice"],
                   row["correct"], row["answered_at"])
            for row in rows
        ]  # fmt: skip

    async def daily_answers(self, space: str) -> list[ScoredAnswer]:
        rows = await self._db.fetch(
            """SELECT r.local_date, a.user_id, a.display_name, a.correct
               FROM quiz_answers AS a JOIN quiz_rounds AS r ON r.id = a.round_id
               WHERE r.space = $1 AND NOT r.practice
               ORDER BY r.local_date, a.answered_at""",
            (space,),
        )
        return [
            ScoredAnswer(row["local_date"], row["user_id"], row["display_name"], row["correct"])
            for row in rows
        ]

    async def daily_round_dates(self, space: str) -> list[dt.date]:
        rows = await self._db.fetch(
            """SELECT local_date FROM quiz_rounds WHERE space = $1 AND NOT practice
               ORDER BY local_date""",
            (space,),
        )
        return [row["local_date"] for row in rows]


def _round(row: Record) -> QuizRound:
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
        opened_at=row["opened_at"],
        closes_at=row["closes_at"],
        local_date=row["local_date"],
        practice=row["practice"],
        owner_id=row["owner_id"],
        closed_at=row["closed_at"],
        settled_at=row["settled_at"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
    )
