"""A done mark in a note (✅, ☑, [x]) is the writer's status: never part of a curriculum title."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.journal import Goal
from bot.core.journal.export import export_day
from bot.core.journal.models import Entry, EntryBody, EntryKind
from bot.infra.importers.til import parse_til

NOTE = """## 날짜: 2026-11-30

### 스크럼
- 학습 목표 1 : {mark}도커 볼륨 실습하기
- 학습 목표 2 : 네트워크 복습
"""


@pytest.mark.parametrize("mark", ["✅ ", "✅️ ", "☑ ", "[x] ", "[X] ", "✔ "])
def test_import_til_strips_done_marks_from_the_curriculum_title(mark):
    note = parse_til(NOTE.format(mark=mark), "note.md")
    day = note.to_study_day()
    assert day is not None
    assert day.title == "도커 볼륨 실습하기"
    assert day.goals == ("도커 볼륨 실습하기", "네트워크 복습")


def test_an_exported_done_goal_keeps_its_mark_and_imports_without_it():
    body = EntryBody(goals=(Goal("도커 볼륨 실습하기", done=True), Goal("네트워크 복습")))
    now = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
    entry = Entry(
        1, "console:local", "root", "root", dt.date(2026, 11, 30), EntryKind.SCRUM, True,
        body, (), 1, now, now,
    )  # fmt: skip
    markdown = export_day(dt.date(2026, 11, 30), entry, None)
    assert "✅ 도커 볼륨 실습하기" in markdown  # the export keeps the member's own mark
    day = parse_til(markdown, "export.md").to_study_day()
    assert day is not None
    assert day.title == "도커 볼륨 실습하기"
