"""The console with the database: the daily loop and the team log, as a person types them."""

from __future__ import annotations

import io

import pytest

from bot.adapters.console import CONSOLE_SPACE, ConsolePublisher, make_chat, prepare_space
from bot.adapters.console.render import render_text
from bot.app import Application
from bot.core.errors import AlreadyAnsweredError
from bot.core.i18n import t
from bot.core.replies import Tone
from bot.infra.content import load_content, shipped_content_dir
from bot.settings import Settings


@pytest.fixture
async def application(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    async with Application(settings, load_content(shipped_content_dir()), "console") as app:
        await prepare_space(app.services)
        yield app


@pytest.fixture
def chat(application):
    return make_chat(application.services)


def answers(*fields: str):
    """A stand-in for the terminal: each call to ask() returns the next field."""
    queue = list(fields)

    async def ask(prompt: str) -> str:
        return queue.pop(0)

    return ask


async def test_practice_quiz_is_answered_once(chat):
    question = await chat.handle("/quiz")
    assert len(question.buttons) == 4
    first = await chat.handle("/answer 1")
    assert first.title or first.body
    again = await chat.handle("/answer 2")
    assert again.tone is Tone.WARNING
    assert again.body == t(AlreadyAnsweredError.key, "ko")


async def test_answer_without_a_question_explains_how(chat):
    reply = await chat.handle("/answer 3")
    assert "/quiz" in reply.body


async def test_settings_change_and_a_bad_timezone(chat):
    changed = render_text(await chat.handle("/settings quiz=14:30"))
    assert "14:30" in changed
    refused = await chat.handle("/settings timezone=Mars/Olympus")
    assert refused.tone is Tone.WARNING
    assert "14:30" in render_text(await chat.handle("/settings"))


async def test_today_shows_the_morning_post(chat):
    assert (await chat.handle("/today")).title


async def test_scrum_inline_goals_and_log(chat):
    saved = await chat.handle("/scrum 도커 볼륨 실습;컴포즈 파일 써 보기")
    assert "도커 볼륨 실습" in render_text(saved)
    log = render_text(await chat.handle("/log"))
    assert "컴포즈 파일 써 보기" in log


async def test_retro_asks_each_field_and_links_terms(chat):
    chat.ask = answers(
        "오늘은 cgroup이랑 파드를 공부했다",
        "재미있었다 @everyone",
        "https://kubernetes.io/docs/",
        "서비스 | 파드를 묶어 노출하는 방법 | ClusterIP",
    )
    text = render_text(await chat.handle("/retro"))
    assert "Cgroup" in text
    assert "파드" in text
    assert "@everyone" not in text


async def test_retro_without_reflection_is_refused_and_nothing_saved(chat):
    chat.ask = answers("배운 것", "", "", "")
    refused = await chat.handle("/retro")
    assert refused.tone is Tone.WARNING
    assert "회고" in refused.body
    assert "배운 것" not in render_text(await chat.handle("/log"))


async def test_export_gives_the_teams_note_format(chat):
    chat.ask = answers("배운 것", "회고", "", "볼륨 | 데이터를 남기는 저장소 | docker volume")
    await chat.handle("/scrum 도커 이해하기")
    await chat.handle("/retro")
    exported = await chat.handle("/export today")
    assert exported.title.startswith("til-")
    assert exported.body.startswith("## 날짜: ")
    assert "| 용어 | 정의 | 비고 |" in exported.body
    assert "- 학습 목표 1 : 도커 이해하기" in exported.body


async def test_scheduled_posts_print_in_the_terminal(application, chat):
    out = io.StringIO()
    publisher = ConsolePublisher(out, chat)
    message_id = await publisher.post(CONSOLE_SPACE, "console", await chat.handle("/quiz"))
    assert message_id == "1"
    assert "[1]" in out.getvalue()
    assert chat.quiz_buttons  # the printed quiz can be answered by number


async def test_a_scheduled_post_shows_the_prompt_again_after_it(chat):
    out = io.StringIO()
    publisher = ConsolePublisher(out, chat, prompt="studybot> ")
    await publisher.post(CONSOLE_SPACE, "console", await chat.handle("/today"))
    assert out.getvalue().endswith("\n\nstudybot> ")


# --- typing options the way the README shows them ----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "/settings timezone Europe/Berlin",
        "/settings timezone=Europe/Berlin",
        "/settings timezone:Europe/Berlin",
        "/settings 시간대 Europe/Berlin",
    ],
)
async def test_settings_accept_key_value_in_every_spelling(chat, line):
    changed = await chat.handle(line)
    assert changed.tone is not Tone.WARNING, changed.body
    assert "Europe/Berlin" in render_text(await chat.handle("/settings"))


async def test_an_unknown_setting_is_named_not_mistaken_for_a_value(chat):
    refused = await chat.handle("/settings colour blue")
    assert refused.tone is Tone.WARNING
    assert "colour blue" in refused.body


async def test_discord_style_options_work_in_the_console(chat):
    assert (await chat.handle("/define 용어:cgroup")).title == "Cgroup"
    assert (await chat.handle("/define term:cgroup")).title == "Cgroup"
    for line in ("/away until:2099-12-05", "/away 날짜:2099-12-05"):
        assert (await chat.handle(line)).tone is Tone.SUCCESS
    await chat.handle("/scrum 옵션 읽기 연습")
    member = chat.user.id
    for line in (f"/log 팀원:{member} 기간:today", f"/log member:{member} when:today"):
        assert "옵션 읽기 연습" in render_text(await chat.handle(line))


async def test_a_button_number_that_does_not_exist_says_so(chat):
    none_yet = await chat.handle("7")
    assert none_yet.body == t("console.button.none", "ko", number=7)
    await chat.handle("/quiz")
    missing = await chat.handle("9")
    assert missing.body == t("console.button.unknown", "ko", number=9, count=4)


async def test_help_in_the_console_explains_numbers_answer_and_quit(chat):
    text = render_text(await chat.handle("/help"))
    assert "/answer" in text
    assert "/quit" in text


async def test_the_edit_button_on_a_retro_card_opens_the_form_prefilled(chat):
    chat.ask = answers("처음 배운 것", "처음 회고", "", "")
    card = await chat.handle("/retro")
    assert [b.custom_id.rpartition(":")[0] for b in card.buttons] == ["journal:edit"]
    prompts: list[str] = []

    async def keep_all_but_reflection(prompt: str) -> str:
        prompts.append(prompt)
        return "고친 회고" if len(prompts) == 2 else ""

    chat.ask = keep_all_but_reflection
    edited = render_text(await chat.handle("1"))
    assert "처음 배운 것" in prompts[0]  # the box shows what is saved
    assert "고친 회고" in edited
    assert "처음 배운 것" in edited
