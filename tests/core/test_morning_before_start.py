"""A morning post for a date before the space's start claims no start date."""

import datetime as dt
import logging

from bot.core.daily import CurriculumState, curriculum_position
from bot.core.i18n import t
from bot.core.models import StudyDay
from tests.core.fakes import DAYS, SPACE, at, make_stack

WEEKDAYS = (0, 1, 2, 3, 4)


def test_a_date_before_the_spaces_start_is_not_started_without_a_start_date():
    thursday = dt.date(2024, 3, 7)
    before = curriculum_position(DAYS, thursday, WEEKDAYS, dt.date(2024, 3, 6))
    assert before.state is CurriculumState.NOT_STARTED
    assert before.starts_on is None


async def test_morning_post_before_the_spaces_start_says_nothing_about_the_curriculum():
    # The space is first seen on Tuesday the 5th (Seoul); cron then posts Monday the 4th.
    stack = make_stack(at("Asia/Seoul", 2024, 3, 5, 8, 0))
    await stack.spaces.settings(SPACE)
    reply = await stack.morning.compose(await stack.spaces.settings(SPACE), dt.date(2024, 3, 4))
    assert reply.body == ""
    for locale in ("ko", "en"):
        claim = t("morning.not_started", locale, date="2024-03-05").split("2024-03-05")[0]
        assert claim not in reply.body
    assert any("/scrum" in f.value for f in reply.fields)  # the rest of the post is unchanged


def test_a_dated_curriculum_still_announces_its_first_date():
    dated = (StudyDay(day=1, date=dt.date(2024, 3, 11), title="A"),)
    position = curriculum_position(dated, dt.date(2024, 3, 1), WEEKDAYS, dt.date(2024, 3, 8))
    assert position.starts_on == dt.date(2024, 3, 11)


async def test_posted_log_line_reads_kind_date_and_space_not_a_repr(caplog):
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 8, 0))
    await stack.spaces.settings(SPACE)
    stack.clock.set(at("Asia/Seoul", 2024, 3, 4, 9, 0))
    caplog.set_level(logging.INFO, logger="bot.core.daily.service")
    await stack.daily.post_due()
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("posted")]
    assert lines == ["posted morning 2024-03-04 discord:guild-1 as m1"]
