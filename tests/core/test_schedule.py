import ast
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.models import SpaceRef
from bot.core.schedule import (
    PostKind,
    due_posts,
    local_date,
    local_instant,
    require_aware,
    study_days_between,
)
from bot.core.spaces import EVERY_DAY, SpaceSettings
from tests.core.fakes import at

UTC = dt.UTC
SEOUL = ZoneInfo("Asia/Seoul")
NEW_YORK = ZoneInfo("America/New_York")


def settings(**changes: object) -> SpaceSettings:
    base = SpaceSettings(SpaceRef("discord", "g"), dt.date(2024, 3, 4), channel_id="c")
    return SpaceSettings(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})


def kinds(found):
    return [(p.kind, p.local_date) for p in found]


def test_local_instant_in_seoul_is_nine_hours_ahead_of_utc():
    assert local_instant(dt.date(2024, 3, 4), dt.time(9), SEOUL) == dt.datetime(
        2024, 3, 4, 0, 0, tzinfo=UTC
    )


def test_time_in_spring_forward_gap_lands_just_after_the_gap():
    instant = local_instant(dt.date(2024, 3, 10), dt.time(2, 30), NEW_YORK)
    assert instant == dt.datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
    assert instant.astimezone(NEW_YORK).time() == dt.time(3, 30)


def test_time_in_fall_back_fold_means_its_first_occurrence():
    instant = local_instant(dt.date(2024, 11, 3), dt.time(1, 30), NEW_YORK)
    assert instant == dt.datetime(2024, 11, 3, 5, 30, tzinfo=UTC)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        require_aware(dt.datetime(2024, 3, 4, 9))  # noqa: DTZ001


def test_local_date_uses_the_space_timezone():
    instant = dt.datetime(2024, 3, 4, 16, 0, tzinfo=UTC)
    assert local_date(instant, SEOUL) == dt.date(2024, 3, 5)
    assert local_date(instant, NEW_YORK) == dt.date(2024, 3, 4)


def test_morning_is_due_from_its_time_until_the_grace_window_ends():
    s = settings()
    assert due_posts(s, at("Asia/Seoul", 2024, 3, 4, 8, 59)) == []
    assert kinds(due_posts(s, at("Asia/Seoul", 2024, 3, 4, 9, 0))) == [
        (PostKind.MORNING, dt.date(2024, 3, 4))
    ]
    assert kinds(due_posts(s, at("Asia/Seoul", 2024, 3, 4, 10, 59))) == [
        (PostKind.MORNING, dt.date(2024, 3, 4))
    ]
    assert due_posts(s, at("Asia/Seoul", 2024, 3, 4, 11, 0)) == []


def test_nothing_is_due_on_a_weekend_by_default():
    assert due_posts(settings(), at("Asia/Seoul", 2024, 3, 9, 9, 30)) == []
    assert due_posts(settings(), at("Asia/Seoul", 2024, 3, 10, 13, 30)) == []


def test_custom_study_days_are_respected():
    s = settings(study_days=(5,))
    assert kinds(due_posts(s, at("Asia/Seoul", 2024, 3, 9, 9, 30))) == [
        (PostKind.MORNING, dt.date(2024, 3, 9))
    ]
    assert due_posts(s, at("Asia/Seoul", 2024, 3, 4, 9, 30)) == []


def test_quiz_is_not_due_once_it_has_closed_even_inside_a_long_grace():
    s = settings()
    found = due_posts(s, at("Asia/Seoul", 2024, 3, 4, 18, 30), grace=dt.timedelta(hours=8))
    assert PostKind.QUIZ not in [p.kind for p in found]
    found = due_posts(s, at("Asia/Seoul", 2024, 3, 4, 17, 30), grace=dt.timedelta(hours=8))
    assert PostKind.QUIZ in [p.kind for p in found]


def test_late_evening_post_is_still_caught_after_local_midnight():
    s = settings(retro_time=dt.time(23, 30))
    found = due_posts(s, at("Asia/Seoul", 2024, 3, 5, 0, 10))
    assert kinds(found) == [(PostKind.RETRO_REMINDER, dt.date(2024, 3, 4))]


def test_due_instants_follow_the_dst_change_in_berlin():
    s = settings(timezone="Europe/Berlin")
    before = due_posts(s, dt.datetime(2024, 3, 29, 8, 0, tzinfo=UTC))
    after = due_posts(s, dt.datetime(2024, 4, 1, 7, 0, tzinfo=UTC))
    assert kinds(before) == [(PostKind.MORNING, dt.date(2024, 3, 29))]
    assert kinds(after) == [(PostKind.MORNING, dt.date(2024, 4, 1))]
    assert due_posts(s, dt.datetime(2024, 4, 1, 6, 59, tzinfo=UTC)) == []


def test_a_time_repeated_by_the_fold_is_one_due_post_with_one_instant():
    s = settings(timezone="America/New_York", morning_time=dt.time(1, 30), study_days=EVERY_DAY)
    first = due_posts(s, dt.datetime(2024, 11, 3, 5, 30, tzinfo=UTC))
    second = due_posts(s, dt.datetime(2024, 11, 3, 6, 30, tzinfo=UTC))
    assert kinds(first) == kinds(second) == [(PostKind.MORNING, dt.date(2024, 11, 3))]
    assert first[0].due_at == second[0].due_at


def test_a_time_skipped_by_spring_forward_is_still_due_once():
    s = settings(timezone="America/New_York", morning_time=dt.time(2, 30), study_days=EVERY_DAY)
    assert due_posts(s, dt.datetime(2024, 3, 10, 7, 29, tzinfo=UTC)) == []
    found = due_posts(s, dt.datetime(2024, 3, 10, 7, 30, tzinfo=UTC))
    assert kinds(found) == [(PostKind.MORNING, dt.date(2024, 3, 10))]


@pytest.mark.parametrize(
    ("start", "end", "days", "expected"),
    [
        (dt.date(2024, 3, 4), dt.date(2024, 3, 4), (0, 1, 2, 3, 4), 1),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 8), (0, 1, 2, 3, 4), 5),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 11), (0, 1, 2, 3, 4), 6),
        (dt.date(2024, 3, 7), dt.date(2024, 3, 11), (0, 1, 2, 3, 4), 3),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 17), (0, 2, 4), 6),
        (dt.date(2024, 3, 9), dt.date(2024, 3, 10), (0, 1, 2, 3, 4), 0),
        (dt.date(2024, 3, 5), dt.date(2024, 3, 4), (0, 1, 2, 3, 4), 0),
    ],
)
def test_study_days_between_counts_only_study_days(start, end, days, expected):
    assert study_days_between(start, end, days) == expected


FORBIDDEN = {"discord", "slack_bolt", "slack_sdk", "aiosqlite", "apscheduler", "yaml"}


def test_core_imports_no_chat_sdk_database_scheduler_or_yaml():
    core = Path(__file__).resolve().parents[2] / "bot" / "core"
    offenders = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []
