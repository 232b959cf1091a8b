import sqlite3

import pytest

from bot.infra.db import Database, MigrationError, migrations


def latest() -> int:
    return migrations()[-1][0]


async def test_open_uses_wal_and_applies_every_migration(tmp_path):
    db = await Database.open(tmp_path / "data" / "bot.sqlite3")
    async with db:
        mode = await db.fetchone("PRAGMA journal_mode")
        assert mode[0] == "wal"
        assert await db.user_version() == latest() >= 1
        tables = {r["name"] for r in await db.fetchall("SELECT name FROM sqlite_master")}
        assert {"spaces", "posts", "term_rotation", "quiz_rounds", "quiz_answers"} <= tables


async def test_reopening_keeps_data_and_applies_nothing_twice(tmp_path):
    path = tmp_path / "bot.sqlite3"
    async with await Database.open(path) as db:
        await db.execute(
            "INSERT INTO term_rotation (space, local_date, term_id, cycle) VALUES (?, ?, ?, ?)",
            ("s", "2024-03-04", "pod", 1),
        )
    async with await Database.open(path) as db:
        assert await db.user_version() == latest()
        assert await db.migrate() == latest()
        rows = await db.fetchall("SELECT term_id FROM term_rotation")
        assert [r["term_id"] for r in rows] == ["pod"]


def test_shipped_migrations_are_numbered_in_order():
    found = migrations()
    numbers = [n for n, _, _ in found]
    assert numbers == sorted(numbers)
    assert found[0][1] == "001_daily.sql"


def make_package(root, name, files):
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    for file_name, sql in files.items():
        (package / file_name).write_text(sql)
    return name


def test_two_migrations_with_one_number_are_refused(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    name = make_package(
        tmp_path, "dup_migrations", {"001_a.sql": "SELECT 1;", "001_b.sql": "SELECT 2;"}
    )
    with pytest.raises(MigrationError, match="two migrations numbered 1"):
        migrations(name)


async def test_a_failing_migration_leaves_nothing_half_applied(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    name = make_package(
        tmp_path,
        "bad_migrations",
        {
            "001_ok.sql": "CREATE TABLE a (x INTEGER);",
            "002_bad.sql": "CREATE TABLE b (x INTEGER);\nINSERT INTO missing VALUES (1);",
            "notes.txt": "not a migration",
        },
    )
    path = tmp_path / "bad.sqlite3"
    with pytest.raises(MigrationError, match=r"002_bad\.sql"):
        await Database.open(path, package=name)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "a" in tables
        assert "b" not in tables
    finally:
        conn.close()
