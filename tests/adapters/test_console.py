"""The console chat: slash commands in, text out, button numbers click, errors stay kind."""

from __future__ import annotations

import io

import pytest

from bot.adapters.console import ConsoleChat, make_chat, render_text
from bot.adapters.console.terminal import run
from bot.core.glossary import GlossaryService
from bot.core.interaction.options import Command
from bot.core.interaction.router import Call
from bot.core.replies import Reply, ReplyButton, ReplyField, Tone
from bot.core.services import Services


@pytest.fixture
def chat(small_content) -> ConsoleChat:
    return make_chat(Services(glossary=GlossaryService(small_content)))


def test_render_text_shows_every_part_of_a_reply():
    reply = Reply(
        title="도커",
        body="정의",
        fields=(ReplyField("비고", "한 줄\n두 줄"),),
        buttons=(ReplyButton("파드", "define:show:pod"),),
        footer="출처",
        tone=Tone.WARNING,
    )
    assert render_text(reply) == "⚠️ [도커]\n정의\n— 비고\n  한 줄\n  두 줄\n→ [1] 파드\n(출처)"


async def test_define_shows_the_card_with_notes_related_and_practice(chat):
    text = render_text(await chat.handle("/define 도커란"))
    assert text.startswith("[도커]")
    assert "가상머신보다 가볍다" in text
    assert "Cgroup" in text  # related
    assert "docker run -i -t ubuntu" in text  # practice card that mentions the term


async def test_a_line_without_slash_is_a_lookup(chat):
    assert render_text(await chat.handle("cgroups")).startswith("[Cgroup]")


async def test_typing_a_button_number_clicks_it(chat):
    miss = await chat.handle("/define 도컹")
    assert miss.buttons, "a near miss offers suggestions"
    picked = await chat.handle("1")
    assert picked.title == miss.buttons[0].label


async def test_empty_define_gets_a_clear_message(chat):
    reply = await chat.handle("/define   ")
    assert reply.tone is Tone.WARNING
    assert "/define cgroup" in reply.body


async def test_huge_query_gets_a_clear_message_not_a_traceback(chat):
    reply = await chat.handle("/define " + "가" * 10_000)
    assert reply.tone is Tone.WARNING
    assert "너무 길어요" in reply.body


async def test_unknown_command_is_named_and_defanged(chat):
    reply = await chat.handle("/@everyone hi")
    assert "@everyone" not in reply.body
    assert "/help" in reply.body


async def test_mass_mention_query_cannot_ping(chat):
    text = render_text(await chat.handle("/define @everyone"))
    assert "@everyone" not in text


async def test_a_failing_handler_gives_an_apology_and_the_chat_goes_on(chat):
    async def boom(_call: Call) -> Reply:
        raise RuntimeError("bug")

    chat.router.add_command(Command("boom"), boom)
    assert (await chat.handle("/boom")).tone is Tone.ERROR
    assert (await chat.handle("/define k8s")).title == "쿠버네티스"


async def test_piped_session_answers_each_line_and_stops_at_end_of_input(chat):
    stdin = io.StringIO("/help\n\n/define ㅋㅂㄴㅌㅅ\n/quit\n/define cgroup\n")
    stdout = io.StringIO()
    await run(chat, stdin, stdout, interactive=False)
    out = stdout.getvalue()
    assert "[studybot 도움말]" in out
    assert "[쿠버네티스]" in out
    assert "[Cgroup]" not in out  # /quit ended the session
    assert "studybot>" not in out  # no prompt when stdin is not a terminal


async def test_english_locale_answers_in_english(small_content):
    chat = make_chat(Services(glossary=GlossaryService(small_content)), locale="en")
    assert (await chat.handle("/help")).title == "studybot help"


async def test_a_form_that_cannot_open_reads_its_fields_instead_of_running_them(chat):
    # Without a database /retro cannot open; the four field blocks that follow it in piped
    # input must not run as commands, and what was typed comes back with the refusal.
    stdin = io.StringIO("/retro\n/define 파드\n\n반성\n\n\n\n/define cgroup\n")
    stdout = io.StringIO()
    await run(chat, stdin, stdout, interactive=False)
    out = stdout.getvalue()
    assert "[파드]" not in out
    assert "/define 파드" in out
    assert "반성" in out
    assert "[Cgroup]" in out
