"""The SQLite review repository's query plans; its behaviour is in the contract suite.

tests/infra/contract/test_review_repositories.py runs the repository tests on SQLite and
PostgreSQL alike; what is left here is SQLite's own EXPLAIN QUERY PLAN.
"""

import pytest

from bot.infra.db import Database

SPACE = "discord:g"


@pytest.fixture
async def db(tmp_path):
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        yield db


async def test_the_due_query_uses_the_covering_index(db):
    plan = await db.fetchall(
        """EXPLAIN QUERY PLAN SELECT COUNT(*) FROM review_cards
           WHERE space = ? AND user_id = ? AND due < ?
           AND term_id NOT IN (SELECT value FROM json_each(?))""",
        (SPACE, "u1", "2024", "[]"),
    )
    assert "COVERING INDEX review_cards_due" in " ".join(str(row["detail"]) for row in plan)
    plan = await db.fetchall(
        """EXPLAIN QUERY PLAN SELECT * FROM review_cards
           WHERE space = ? AND user_id = ? AND due < ? AND id > ? ORDER BY due, id LIMIT 5""",
        (SPACE, "u1", "2024", 0),
    )
    assert "INDEX review_cards_due" in " ".join(str(row["detail"]) for row in plan)
