"""Spaced repetition in the console, as a person types it: /define → 복습에 추가 → /review."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import struct
from pathlib import Path

import pytest

from bot.adapters.console import CONSOLE_SPACE, make_chat, prepare_space
from bot.adapters.console.render import render_text
from bot.app import Application
from bot.core.i18n import t
from bot.core.review.digest import team_stats
from bot.core.review.stats import StudyStats, WeekAccuracy
from bot.core.schedule import PostKind
from bot.infra.content import load_content, shipped_content_dir
from bot.settings import Settings
from tests.core.fakes import FixedClock, at

START = at("Asia/Seoul", 2024, 3, 4, 10)


@pytest.fixture
async def application(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    content = load_content(shipped_content_dir())
    clock = FixedClock(START)
    async with Application(settings, content, "console", clock=clock) as app:
        await prepare_space(app.services)
        yield app


@pytest.fixture
def chat(application, tmp_path):
    return make_chat(application.services, files_dir=tmp_path / "data")


async def test_review_without_cards_says_how_to_get_some(chat):
    text = render_text(await chat.handle("/review"))
    assert t("review.none.title") in text
    assert "복습에 추가" in text


async def test_define_then_add_then_review_then_good(chat, application):
    card = await chat.handle("/define 도커")
    assert card.buttons[0].label == "복습에 추가"
    assert "복습 카드에 넣었어요" in render_text(await chat.handle("1"))
    front = render_text(await chat.handle("/review"))
    assert "→ [1] 정답 보기" in front
    back = render_text(await chat.handle("1"))
    assert "→ [1] 다시  [2] 어려움  [3] 알맞음  [4] 쉬움" in back
    done = render_text(await chat.handle("3"))
    assert t("review.done.title") in done
    assert "2024-03-06 10:00" in done
    # Two days on, the same card is due again and /today counts it.
    application.clock.advance(dt.timedelta(days=2))
    today = render_text(await chat.handle("/today"))
    assert "복습할 카드 1장" in today
    assert "→ [1] 정답 보기" in render_text(await chat.handle("/review"))


async def test_reminders_switch_with_english_and_korean_words(chat, application):
    assert t("review.reminders.on") in render_text(await chat.handle("/review reminders on"))
    assert t("review.reminders.off") in render_text(await chat.handle("/review 알림:끄기"))
    assert t("review.reminders.usage") in render_text(await chat.handle("/review 알림"))


async def test_stats_writes_a_png_under_the_data_dir_and_prints_path_and_text(chat, tmp_path):
    await chat.handle("/define 도커")
    await chat.handle("1")
    text = render_text(await chat.handle("/stats"))
    name = f"{chat.user.id}-2024-03-04.png"
    path = (tmp_path / "data" / "stats" / name).resolve()
    assert str(path) in text
    data = await asyncio.to_thread(Path(path).read_bytes)
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) >= (800, 600)
    assert "연속 학습" in text
    assert "앞으로 14일 복습 예정" in text
    assert "2024-03-04: 1" in text


async def test_stats_of_a_member_with_no_history_is_a_clear_answer(chat):
    text = render_text(await chat.handle("/stats nobody"))
    assert t("stats.empty") in text


def answers(*fields: str):
    queue = list(fields)

    async def ask(prompt: str) -> str:
        return queue.pop(0)

    return ask


async def test_a_retro_term_row_and_the_days_terms_become_cards(chat, application):
    chat.ask = answers("배운 것", "회고", "", "파드 | 컨테이너 묶음 | 쿠버네티스")
    await chat.handle("/retro")
    review = application.services.review
    stats = await review.study_stats(chat.space, chat.user.id, chat.user.id)
    assert stats.cards >= 1
    assert stats.streak == 1
    added = await review.add_terms("console:local", chat.user.id, ["pod"])
    assert added == 0, "the 용어 row 파드 already made a card"
    front = render_text(await chat.handle("/review"))
    assert "→ [1] 정답 보기" in front


async def test_the_anki_button_writes_the_deck_under_the_data_dir(chat, tmp_path):
    text = render_text(await chat.click("review:anki:deck"))
    path = (tmp_path / "data" / "exports" / "studybot-console_local.apkg").resolve()
    assert str(path) in text
    assert (await asyncio.to_thread(path.read_bytes))[:2] == b"PK"
    assert "Anki" in text


async def test_export_offers_the_anki_deck_beside_the_til_file(chat):
    await chat.handle("/scrum 덱 받아 보기")
    exported = await chat.handle("/export today")
    assert [b.custom_id for b in exported.buttons] == ["review:anki:deck"]
    assert "Anki" in render_text(await chat.handle("1"))


async def test_the_weekly_digest_carries_the_teams_heatmap(chat, application, tmp_path):
    chat.ask = answers("도커를 배웠다", "좋았다", "", "")
    await chat.handle("/retro")
    await chat.handle("/define 도커")
    await chat.handle("1")  # 복습에 추가
    await chat.handle("/review")
    await chat.handle("1")  # 정답 보기
    await chat.handle("3")  # 알맞음
    services = application.services
    settings = await services.spaces.settings(CONSOLE_SPACE)
    compose = services.daily.composer(PostKind.WEEKLY_DIGEST)
    draft = await compose(settings, START.date(), START)
    [picture] = draft.reply.attachments
    assert picture.mime == "image/png"
    assert picture.data.startswith(b"\x89PNG")
    figures = await services.review.team_figures(CONSOLE_SPACE, "팀")
    assert sum(count for _, count in figures.heatmap) >= 2  # the retro and the review
    assert figures.reviews_done == 1


def test_team_figures_add_up_every_members_days_and_weeks():
    day = dt.date(2024, 3, 4)
    week = WeekAccuracy(day, 2, 1)

    def member(count: int, answered: int) -> StudyStats:
        accuracy = (dataclasses.replace(week, answered=answered, correct=answered - 1),)
        return StudyStats("u", "u", day, ((day, count),), accuracy, (), 1, 3, 2)

    team = team_stats([member(2, 2), member(3, 4)], "팀")
    assert team.heatmap == ((day, 5),)
    assert (team.accuracy[0].answered, team.accuracy[0].correct) == (6, 4)
    assert (team.reviews_done, team.cards, team.forecast) == (2, 0, ())
    assert team_stats([], "팀") is None
