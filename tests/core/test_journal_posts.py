import dataclasses
import datetime as dt

import pytest

from bot.core.errors import InvalidSettingError
from bot.core.i18n import t
from bot.core.journal import RetroForm
from bot.core.models import SpaceRef, UserRef
from bot.core.quiz import Answer, Question, QuestionKind, RoundDraft
from bot.core.schedule import PostKind, due_posts
from bot.core.spaces import SettingsUpdate, SpaceDefaults, SpaceSettings, render_settings
from tests.core.fakes import SPACE, at, make_journal

KEY = "discord:guild-1"
MINJI = UserRef("discord", "111", "민지")
JUNHO = UserRef("discord", "222", "준호")
SUJIN = UserRef("discord", "333", "수진")


def seoul(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return at("Asia/Seoul", 2024, 3, day, hour, minute)


def kinds(found):
    return [(p.kind, p.local_date) for p in found]


# --- the schedule ---------------------------------------------------------------------------


def test_the_weekly_digest_is_due_at_retro_time_on_the_last_study_day_of_the_week():
    s = SpaceSettings(SpaceRef("discord", "g"), dt.date(2024, 3, 4), channel_id="c")
    assert kinds(due_posts(s, seoul(4, 21))) == [(PostKind.RETRO_REMINDER, dt.date(2024, 3, 4))]
    assert kinds(due_posts(s, seoul(8, 21))) == [
        (PostKind.RETRO_REMINDER, dt.date(2024, 3, 8)),
        (PostKind.WEEKLY_DIGEST, dt.date(2024, 3, 8)),
    ]
    mon_wed = dataclasses.replace(s, study_days=(0, 2))
    assert (PostKind.WEEKLY_DIGEST, dt.date(2024, 3, 6)) in kinds(due_posts(mon_wed, seoul(6, 21)))
    assert PostKind.WEEKLY_DIGEST not in [p.kind for p in due_posts(mon_wed, seoul(4, 21))]


# --- the evening reminder -------------------------------------------------------------------


async def answer_quiz(js, user: UserRef, day: dt.date, *, correct: bool) -> None:
    question = Question(QuestionKind.TERM_TO_DEFINITION, "p", ("a", "b"), 0, "", "docker")
    when = dt.datetime.combine(day, dt.time(5), tzinfo=dt.UTC)
    rnd = await js.stack.quiz_repo.open_round(RoundDraft(KEY, question, when, None, day))
    answer = Answer(rnd.id, user.id, user.display_name, 0 if correct else 1, correct, when)
    await js.stack.quiz_repo.add_answer(answer)


async def test_the_reminder_lists_members_without_todays_retro_and_skips_away_ones():
    js = make_journal(seoul(4, 9))
    await js.journal.save_scrum(SPACE, MINJI, "도커")  # known from the log
    await answer_quiz(js, JUNHO, dt.date(2024, 3, 1), correct=True)  # known from the quiz
    await js.journal.save_retro(SPACE, SUJIN, RetroForm(reflection="다 했다"))  # done today
    await js.journal.away(SPACE, UserRef("discord", "444", "지수"), "2024-03-04")
    posted = await js.stack.daily.post_due(seoul(4, 21))
    assert [p.kind for p in posted] == [PostKind.RETRO_REMINDER]
    reply = js.stack.publisher.posts[-1].reply
    assert reply.body == t("journal.reminder.body", "ko", names="민지, 준호")
    assert "지수" not in reply.body
    assert t("journal.reminder.away", "ko", count=1) in reply.footer
    assert "<@" not in reply.body
    assert reply.mentions == ()


async def test_away_ends_after_its_last_day():
    js = make_journal(seoul(4, 9))
    await js.journal.away(SPACE, MINJI, "2024-03-04")
    settings = await js.stack.spaces.settings(SPACE)
    posts = js.journal.posts
    assert await posts.compose_reminder(settings, dt.date(2024, 3, 4), seoul(4, 21)) is None
    draft = await posts.compose_reminder(settings, dt.date(2024, 3, 5), seoul(5, 21))
    assert draft is not None
    assert "민지" in draft.reply.body


async def test_with_mentions_on_the_reply_carries_exactly_the_missing_ids():
    js = make_journal(seoul(4, 9))
    await js.stack.spaces.change(SPACE, SettingsUpdate(mention_reminders="on"), can_manage=True)
    await js.journal.save_scrum(SPACE, MINJI, "도커")
    await js.journal.save_scrum(SPACE, UserRef("discord", "999", "<@1> @everyone"), "도커")
    await js.journal.save_retro(SPACE, SUJIN, RetroForm(reflection="다 했다"))
    await js.stack.daily.post_due(seoul(4, 21))
    reply = js.stack.publisher.posts[-1].reply
    assert reply.mentions == ("999", "111")  # in the order the names are listed
    assert "<@1>" not in reply.body
    assert "@everyone" not in reply.body


async def test_no_reminder_is_posted_when_everyone_wrote():
    js = make_journal(seoul(4, 9))
    await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="회고"))
    posted = await js.stack.daily.post_due(seoul(4, 21))
    assert [(p.kind, p.message_id) for p in posted] == [(PostKind.RETRO_REMINDER, None)]
    assert js.stack.publisher.posts == []
    assert await js.stack.daily.post_due(seoul(4, 21, 30)) == []  # settled for the day


# --- the weekly digest ----------------------------------------------------------------------


async def test_the_digest_counts_days_covered_terms_quiz_accuracy_and_new_terms():
    js = make_journal(seoul(1, 21))  # the Friday before: 도커 was covered then
    await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="도커를 처음 배웠다"))
    for day, user, text, rows in (
        (4, MINJI, "도커랑 파드를 공부했다", "레플리카셋 | 복제"),
        (5, MINJI, "파드와 서비스", ""),
        (5, JUNHO, "파드를 띄웠다", "레플리카셋 | 파드 복제본"),
    ):
        js.stack.clock.set(seoul(day, 20))
        await js.journal.save_retro(SPACE, user, RetroForm(reflection=text, terms=rows))
    await answer_quiz(js, MINJI, dt.date(2024, 3, 4), correct=True)
    await answer_quiz(js, JUNHO, dt.date(2024, 3, 5), correct=False)
    await answer_quiz(js, MINJI, dt.date(2024, 3, 1), correct=False)  # last week: not counted
    js.stack.clock.set(seoul(8, 21))
    posted = await js.stack.daily.post_due(seoul(8, 21))
    assert [p.kind for p in posted] == [PostKind.RETRO_REMINDER, PostKind.WEEKLY_DIGEST]
    reply = js.stack.publisher.posts[-1].reply
    assert reply.title == t("journal.digest.title", "ko", start="2024-03-04", end="2024-03-08")
    fields = {f.name: f.value for f in reply.fields}
    assert fields[t("journal.digest.writers", "ko")] == "민지 — 2일\n준호 — 1일"
    assert fields[t("journal.digest.terms", "ko")] == "파드 (2), 도커, 서비스"
    assert fields[t("journal.digest.quiz", "ko")].splitlines() == [
        "팀 전체 50% (1/2)",
        "민지 — 100% (1/1)",
        "준호 — 0% (0/1)",
    ]
    # 도커 was covered the week before; ties go by name.
    assert fields[t("journal.digest.new_terms", "ko")] == "레플리카셋, 파드, 서비스"


async def test_a_week_without_activity_posts_no_digest():
    js = make_journal(seoul(8, 9))
    settings = await js.stack.spaces.settings(SPACE)
    assert (
        await js.journal.posts.compose_digest(settings, dt.date(2024, 3, 8), seoul(8, 21)) is None
    )


def test_mention_reminders_is_an_off_by_default_space_setting():
    base = SpaceSettings(SpaceRef("discord", "g"), dt.date(2024, 3, 4))
    assert base.mention_reminders is False
    assert SettingsUpdate.from_pairs({"mentions": "켜기"}).apply(base).mention_reminders is True
    with pytest.raises(InvalidSettingError) as caught:
        SettingsUpdate(mention_reminders="maybe").apply(base)
    assert caught.value.params["name"] == "mention_reminders"
    defaults = SpaceDefaults.from_env({"STUDYBOT_MENTION_REMINDERS": "on"})
    assert defaults.for_space(SPACE, dt.date(2024, 3, 4)).mention_reminders is True
    rows = {f.name: f.value for f in render_settings(base, "ko").fields}
    assert rows[t("settings.mentions", "ko")] == t("settings.off", "ko")
