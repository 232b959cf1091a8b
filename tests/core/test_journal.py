import dataclasses
import datetime as dt

import pytest

from bot.core.errors import (
    AwayInPastError,
    EmptyFieldError,
    FieldTooLongError,
    FutureDateError,
    InvalidDateError,
    NotOwnerError,
    PastDateError,
    UnknownEntryError,
)
from bot.core.journal import MAX_FIELD_LENGTH, EntryKind, Goal, RetroForm, SaveStatus, TermRow
from bot.core.journal.forms import parse_goal, parse_link_lines, parse_term_rows
from bot.core.models import Link, UserRef
from bot.core.replies import ZWSP
from tests.core.fakes import SPACE, at, make_journal

MINJI = UserRef("discord", "111", "민지")
JUNHO = UserRef("discord", "222", "준호")
MONDAY = dt.date(2024, 3, 4)


def seoul(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return at("Asia/Seoul", 2024, 3, day, hour, minute)


def retro(reflection: str = "오늘은 도커를 실습했다", **fields: str) -> RetroForm:
    return RetroForm(reflection=reflection, **fields)


# --- forms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "goal"),
    [
        ("도커 설치", Goal("도커 설치")),
        ("[x] 도커 설치", Goal("도커 설치", done=True)),
        ("- [X] 도커 설치", Goal("도커 설치", done=True)),
        ("✅ 첫 컨테이너 실행", Goal("첫 컨테이너 실행", done=True)),
        ("첫 컨테이너 실행 ✅", Goal("첫 컨테이너 실행", done=True)),
        ("- [ ] 볼륨 실습", Goal("볼륨 실습")),
        ("- 학습 목표 2 : 파드 띄우기", Goal("파드 띄우기")),
        ("   ", None),
    ],
)
def test_goal_lines_read_done_marks_bullets_and_the_team_prefix(line, goal):
    assert parse_goal(line) == goal


def test_links_are_title_and_url_bare_urls_or_markdown_links():
    text = "쿠버네티스란? https://a.example/k8s\nhttps://b.example\n- [도커 문서](https://docs.docker.com)"
    assert parse_link_lines(text) == (
        (
            Link(title="쿠버네티스란?", url="https://a.example/k8s"),
            Link(title="https://b.example", url="https://b.example"),
            Link(title="도커 문서", url="https://docs.docker.com"),
        ),
        (),
    )


def test_a_link_line_without_an_http_address_is_kept_as_text_not_made_a_link():
    assert parse_link_lines("javascript:alert(1)\n문서 docs.example") == (
        (),
        ("javascript:alert(1)", "문서 docs.example"),
    )


def test_term_rows_accept_pasted_tables_and_escaped_pipes():
    text = (
        "| 용어 | 정의 | 비고 |\n|---|---|---|\n"
        "| 파드 | 가장 작은 단위 | a \\| b |\n레플리카셋 | 파드 복제"
    )
    assert parse_term_rows(text) == (
        (TermRow("파드", "가장 작은 단위", "a | b"), TermRow("레플리카셋", "파드 복제")),
        (),
    )


def test_term_lines_that_are_not_rows_are_kept_as_text():
    assert parse_term_rows("파드\n서비스 | 파드 묶음\n| 정의만 |") == (
        (TermRow("서비스", "파드 묶음"),),
        ("파드", "| 정의만 |"),
    )


async def test_a_retro_with_loose_term_lines_keeps_them_links_them_and_says_so():
    js = make_journal(seoul(4, 20))
    saved = await js.journal.save_retro(SPACE, MINJI, retro("회고", terms="오늘은 볼륨을 봤다"))
    assert saved.entry.body.term_text == ("오늘은 볼륨을 봤다",)
    assert "volume" in saved.entry.linked
    assert "형식이 아니어서 글로 남겨 두었어요" in saved.reply.footer
    assert "오늘은 볼륨을 봤다" in "\n".join(f.value for f in saved.reply.fields)
    assert saved.suggested == ()
    prefill = await js.journal.retro_form(SPACE, MINJI)
    assert prefill.form.terms == "오늘은 볼륨을 봤다"


# --- saving, editing, carry-over ----------------------------------------------------------


async def test_scrum_is_saved_for_the_local_day_with_owner_name_and_public_flag():
    js = make_journal(seoul(4, 23, 30))  # 14:30 UTC: still Monday in Seoul
    saved = await js.journal.save_scrum(SPACE, MINJI, "도커 설치\n✅ 첫 컨테이너 실행")
    entry = saved.entry
    assert saved.status is SaveStatus.CREATED
    assert (entry.space, entry.user_id, entry.display_name) == ("discord:guild-1", "111", "민지")
    assert entry.local_date == MONDAY
    assert entry.kind is EntryKind.SCRUM
    assert entry.public is True
    assert entry.body.goals == (Goal("도커 설치"), Goal("첫 컨테이너 실행", done=True))
    assert entry.created_at == entry.updated_at == seoul(4, 23, 30)
    assert not saved.reply.ephemeral


async def test_a_private_entry_replies_only_to_its_owner():
    js = make_journal(seoul(4, 20))
    saved = await js.journal.save_scrum(SPACE, MINJI, "도커 설치", public=False)
    assert saved.entry.public is False
    assert saved.reply.ephemeral


async def test_scrum_form_carries_over_unfinished_goals_of_the_previous_entry_day():
    js = make_journal(seoul(1, 9))  # a Friday
    await js.journal.save_scrum(SPACE, MINJI, "도커 설치\n[x] 이미지 빌드\n볼륨 실습")
    js.stack.clock.set(seoul(4, 9))  # the next Monday, nothing written on the weekend
    prefill = await js.journal.scrum_form(SPACE, MINJI)
    assert prefill.existing is None
    assert prefill.carried == (Goal("도커 설치"), Goal("볼륨 실습"))
    assert prefill.goals == "도커 설치\n볼륨 실습"


async def test_scrum_form_of_a_day_already_written_shows_that_day_for_editing():
    js = make_journal(seoul(4, 9))
    await js.journal.save_scrum(SPACE, MINJI, "도커 설치\n✅ 이미지 빌드")
    prefill = await js.journal.scrum_form(SPACE, MINJI)
    assert prefill.existing is not None
    assert prefill.goals == "도커 설치\n✅ 이미지 빌드"


async def test_scrum_form_without_earlier_entries_is_empty():
    js = make_journal(seoul(4, 9))
    prefill = await js.journal.scrum_form(SPACE, MINJI)
    assert (prefill.goals, prefill.carried, prefill.public) == ("", (), True)


async def test_saving_again_on_the_same_day_updates_and_keeps_the_history():
    js = make_journal(seoul(4, 20))
    first = await js.journal.save_retro(SPACE, MINJI, retro("첫 회고"))
    js.stack.clock.advance(dt.timedelta(minutes=5))
    second = await js.journal.save_retro(SPACE, MINJI, retro("고친 회고"))
    assert second.status is SaveStatus.UPDATED
    assert second.entry.id == first.entry.id
    assert second.entry.version == 2
    assert second.entry.body.reflection == "고친 회고"
    history = await js.journal.history(SPACE, MINJI, first.entry.id)
    assert [(v.version, v.body.reflection) for v in history] == [(1, "첫 회고")]
    assert history[0].replaced_at == seoul(4, 20, 5)


async def test_an_identical_save_changes_nothing():
    js = make_journal(seoul(4, 20))
    await js.journal.save_retro(SPACE, MINJI, retro("같은 회고"))
    again = await js.journal.save_retro(SPACE, MINJI, retro("같은 회고"))
    assert again.status is SaveStatus.UNCHANGED
    assert again.entry.version == 1
    assert await js.journal.history(SPACE, MINJI, again.entry.id) == []


async def test_retro_form_prefills_what_was_saved():
    js = make_journal(seoul(4, 20))
    form = RetroForm(
        learned="볼륨",
        reflection="회고",
        links="문서 https://d.example",
        terms="파드 | 단위 | 비고",
    )
    await js.journal.save_retro(SPACE, MINJI, form)
    prefill = await js.journal.retro_form(SPACE, MINJI)
    assert prefill.form == form


async def test_nobody_can_save_over_someone_elses_entry():
    js = make_journal(seoul(4, 20))
    await js.journal.save_retro(SPACE, MINJI, retro("민지의 회고"))
    with pytest.raises(NotOwnerError):
        await js.journal.save_retro(SPACE, JUNHO, retro("덮어쓰기"), owner_id=MINJI.id)
    stored = await js.repo.entry_on("discord:guild-1", MINJI.id, MONDAY, EntryKind.RETRO)
    assert stored.body.reflection == "민지의 회고"


async def test_editing_or_reading_the_history_of_someone_elses_entry_is_refused():
    js = make_journal(seoul(4, 20))
    saved = await js.journal.save_retro(SPACE, MINJI, retro())
    with pytest.raises(NotOwnerError):
        await js.journal.entry_for_edit(SPACE, JUNHO, saved.entry.id)
    with pytest.raises(NotOwnerError):
        await js.journal.history(SPACE, JUNHO, saved.entry.id)
    assert (await js.journal.entry_for_edit(SPACE, MINJI, saved.entry.id)).id == saved.entry.id


async def test_an_entry_of_another_space_is_unknown():
    js = make_journal(seoul(4, 20))
    saved = await js.journal.save_retro(SPACE, MINJI, retro())
    other = dataclasses.replace(SPACE, id="guild-2")
    with pytest.raises(UnknownEntryError):
        await js.journal.entry_for_edit(other, MINJI, saved.entry.id)


# --- bad input ------------------------------------------------------------------------------


async def test_an_oversized_field_is_refused_naming_the_field():
    js = make_journal(seoul(4, 20))
    long = "가" * (MAX_FIELD_LENGTH + 1)
    with pytest.raises(FieldTooLongError) as caught:
        await js.journal.save_retro(SPACE, MINJI, retro(learned=long))
    assert caught.value.params["field"] == "새로 배운 내용"
    assert caught.value.params["limit"] == MAX_FIELD_LENGTH
    with pytest.raises(FieldTooLongError):
        await js.journal.save_scrum(SPACE, MINJI, long)
    exact = await js.journal.save_retro(SPACE, MINJI, retro("가" * MAX_FIELD_LENGTH))
    assert len(exact.entry.body.reflection) == MAX_FIELD_LENGTH


@pytest.mark.parametrize("reflection", ["", "   \n  "])
async def test_the_reflection_is_required(reflection):
    js = make_journal(seoul(4, 20))
    with pytest.raises(EmptyFieldError) as caught:
        await js.journal.save_retro(SPACE, MINJI, retro(reflection, learned="배운 것"))
    assert caught.value.params["name"] == "reflection"
    assert js.repo.rows == {}


async def test_a_scrum_needs_at_least_one_goal():
    js = make_journal(seoul(4, 20))
    with pytest.raises(EmptyFieldError):
        await js.journal.save_scrum(SPACE, MINJI, "\n - \n")


async def test_a_future_date_is_refused_in_the_space_timezone():
    js = make_journal(seoul(4, 23, 59))
    with pytest.raises(FutureDateError):
        await js.journal.save_scrum(SPACE, MINJI, "도커", day="2024-03-05")
    with pytest.raises(FutureDateError):
        await js.journal.save_scrum(SPACE, MINJI, "도커", day="tomorrow")
    with pytest.raises(InvalidDateError):
        await js.journal.save_scrum(SPACE, MINJI, "도커", day="someday")
    past = await js.journal.save_scrum(SPACE, MINJI, "도커", day="2024-03-01")
    assert past.entry.local_date == dt.date(2024, 3, 1)


async def test_a_forged_form_date_far_in_the_past_is_refused_with_a_clear_message():
    js = make_journal(seoul(4, 20))
    for forged in ("0001-01-01", "2024-02-25"):
        with pytest.raises(PastDateError) as caught:
            await js.journal.save_retro(SPACE, MINJI, retro("회고"), day=forged)
        assert caught.value.params == {"value": forged, "days": 7}
        with pytest.raises(PastDateError):
            await js.journal.retro_form(SPACE, MINJI, day=forged)
    assert js.repo.rows == {}
    week_ago = await js.journal.save_retro(SPACE, MINJI, retro("회고"), day="2024-02-26")
    today = await js.journal.save_scrum(SPACE, MINJI, "도커", day="오늘")
    assert (week_ago.entry.local_date, today.entry.local_date) == (
        dt.date(2024, 2, 26),
        MONDAY,
    )


async def test_an_old_entry_that_exists_can_still_be_edited_from_its_card():
    js = make_journal(seoul(4, 20))
    old = await js.journal.save_retro(SPACE, MINJI, retro("처음"), day="2024-02-26")
    js.stack.clock.set(seoul(20, 20))
    edited = await js.journal.save_retro(
        SPACE, MINJI, retro("고침"), day=old.entry.local_date, owner_id=MINJI.id
    )
    assert (edited.entry.id, edited.entry.version) == (old.entry.id, 2)


async def test_mentions_and_markdown_in_an_entry_are_rendered_inert():
    js = make_journal(seoul(4, 20))
    evil = "@everyone <@123> <@&9> 오늘은 **굵게**"
    saved = await js.journal.save_retro(
        SPACE, UserRef("discord", "333", "@here"), retro(evil, learned=evil)
    )
    card = saved.reply
    texts = [card.title, card.body, card.footer, *(f.value for f in card.fields)]
    assert all("@everyone" not in x and "<@123>" not in x and "<@&9>" not in x for x in texts)
    assert "@here" not in card.title
    assert f"@{ZWSP}everyone" in card.body
    assert card.mentions == ()
    assert saved.entry.body.reflection == evil  # stored as written, defanged when shown


# --- /log and /away -------------------------------------------------------------------------


async def test_log_shows_your_own_entries_of_this_week_by_default():
    js = make_journal(seoul(4, 20))
    await js.journal.save_scrum(SPACE, MINJI, "도커 설치", public=False)
    await js.journal.save_retro(SPACE, MINJI, retro("비공개 회고"), public=False)
    reply = await js.journal.log(SPACE, MINJI)
    assert reply.ephemeral
    assert [f.name for f in reply.fields] == ["2024-03-04 · 스크럼 🔒", "2024-03-04 · 회고 🔒"]
    assert "2024-03-04 ~ 2024-03-10" in reply.title


async def test_a_teammates_private_entries_stay_hidden():
    js = make_journal(seoul(4, 20))
    await js.journal.save_scrum(SPACE, MINJI, "공개 목표")
    await js.journal.save_retro(SPACE, MINJI, retro("비공개 회고"), public=False)
    reply = await js.journal.log(SPACE, JUNHO, MINJI)
    values = "\n".join(f.value for f in reply.fields)
    assert "공개 목표" in values
    assert "비공개 회고" not in values
    assert [f.name for f in reply.fields] == ["2024-03-04 · 스크럼"]


async def test_log_of_a_single_date_and_an_unreadable_period():
    js = make_journal(seoul(5, 20))
    await js.journal.save_scrum(SPACE, MINJI, "월요일 목표", day=MONDAY)
    await js.journal.save_scrum(SPACE, MINJI, "화요일 목표")
    reply = await js.journal.log(SPACE, MINJI, when="2024-03-04")
    assert [f.value for f in reply.fields] == ["• 월요일 목표"]
    empty = await js.journal.log(SPACE, MINJI, when="지난주")
    assert empty.fields == ()
    with pytest.raises(InvalidDateError):
        await js.journal.log(SPACE, MINJI, when="someday")


async def test_away_is_stored_per_space_and_user_and_can_be_cleared():
    js = make_journal(seoul(4, 20))
    reply = await js.journal.away(SPACE, MINJI, "2024-03-08")
    assert "2024-03-08" in reply.body
    assert await js.repo.away("discord:guild-1") == {"111": dt.date(2024, 3, 8)}
    await js.journal.away(SPACE, MINJI, "none")
    assert await js.repo.away("discord:guild-1") == {}
    with pytest.raises(AwayInPastError):
        await js.journal.away(SPACE, MINJI, "2024-03-01")


@pytest.mark.parametrize(
    ("word", "until"),
    [
        ("오늘", MONDAY),
        ("today", MONDAY),
        ("내일", dt.date(2024, 3, 5)),
        ("Tomorrow", dt.date(2024, 3, 5)),
    ],
)
async def test_away_understands_today_and_tomorrow_like_log_does(word, until):
    js = make_journal(seoul(4, 20))
    reply = await js.journal.away(SPACE, MINJI, word)
    assert until.isoformat() in reply.body
    assert await js.repo.away("discord:guild-1") == {"111": until}
