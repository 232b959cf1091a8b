"""The interaction layer every face shares: ids, typed options, forms, refusals and routing."""

from __future__ import annotations

import dataclasses

import pytest

from bot.core.errors import FieldTooLongError
from bot.core.glossary import GlossaryService
from bot.core.interaction.actor import Actor, OutsideSpaceError
from bot.core.interaction.forms import (
    DISCORD_FORM,
    SLACK_FORM,
    Form,
    FormField,
    FormTooLargeError,
    Refusal,
    joined,
    keep_draft,
)
from bot.core.interaction.ids import MAX_ID, ActionId, action_id
from bot.core.interaction.options import Command, Option, UnknownOptionError, parse_text
from bot.core.interaction.router import Call, Router
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply
from bot.core.services import Services
from tests.adapters.discord.sample_content import sample_content

ALICE = UserRef("slack", "U1", "Alice")
TEAM = SpaceRef("slack", "T1")


def actor(**changes) -> Actor:
    return Actor(member=ALICE, locale="ko", space=TEAM, **changes)


@pytest.fixture
def router() -> Router:
    return build_router(Services(glossary=GlossaryService(sample_content())))


# --- ids -----------------------------------------------------------------------------------------


def test_an_id_formats_and_parses_back():
    text = action_id("quiz", "answer", "12:3")
    assert text == "quiz:answer:12:3"
    assert ActionId.parse(text) == ActionId("quiz", "answer", "12:3")
    assert ActionId.parse(text).route == "quiz:answer"


@pytest.mark.parametrize(
    "forged", ["", "quiz", "quiz:answer", "quiz:answer:", "Quiz:answer:1", "x" * (MAX_ID + 1)]
)
def test_forged_or_foreign_ids_do_not_parse(forged):
    assert ActionId.parse(forged) is None


def test_an_id_that_would_not_come_back_whole_is_refused_when_made():
    with pytest.raises(ValueError, match="not a valid action id"):
        action_id("define", "show", "x" * MAX_ID)


# --- options typed as text -----------------------------------------------------------------------

SETTINGS_LIKE = Command(
    "settings",
    (
        Option("timezone", label_key="option.settings.timezone", aliases=("tz",)),
        Option("morning", label_key="option.settings.morning"),
        Option("enabled", "flag", label_key="option.settings.enabled"),
    ),
)
DEFINE_LIKE = Command(
    "define",
    (
        Option("term", positional=True, label_key="option.define.term"),
        Option("private", "flag", label_key="option.define.private", words=("private",)),
    ),
)


@pytest.mark.parametrize(
    "text",
    [
        "timezone Europe/Berlin",
        "timezone=Europe/Berlin",
        "timezone:Europe/Berlin",
        "시간대 Europe/Berlin",
        "시간대:Europe/Berlin",
        "tz=Europe/Berlin",
    ],
)
def test_settings_accept_key_value_in_every_spelling(text):
    assert parse_text(SETTINGS_LIKE, text) == {"timezone": "Europe/Berlin"}


def test_a_time_value_keeps_its_colon_and_a_flag_reads_on_and_off():
    assert parse_text(SETTINGS_LIKE, "morning:09:30 enabled off") == {
        "morning": "09:30",
        "enabled": False,
    }
    assert parse_text(SETTINGS_LIKE, "자동게시 켜기") == {"enabled": True}


def test_words_no_option_claims_go_to_the_positional_option():
    assert parse_text(DEFINE_LIKE, "docker compose") == {"term": "docker compose"}
    assert parse_text(DEFINE_LIKE, "용어:cgroup") == {"term": "cgroup"}
    assert parse_text(DEFINE_LIKE, "term=cgroup 나만보기") == {"term": "cgroup", "private": True}
    assert parse_text(DEFINE_LIKE, "https://kubernetes.io/docs") == {
        "term": "https://kubernetes.io/docs"
    }


def test_text_a_command_cannot_place_is_named():
    with pytest.raises(UnknownOptionError) as caught:
        parse_text(SETTINGS_LIKE, "colour blue")
    assert caught.value.params["option"] == "colour blue"


# --- forms ---------------------------------------------------------------------------------------


def retro_like(value: str = "") -> Form:
    return Form(
        "journal:retro:pub",
        "오늘의 회고를 남겨요 · 2026-11-29 · 아주 긴 제목",
        (
            FormField("learned", "새로 배운 내용", value=value, max_length=4000),
            FormField("reflection", "오늘의 회고", required=True, max_length=4000),
        ),
    )


def test_a_form_fits_discord_as_it_is_and_slack_with_split_boxes():
    assert len(retro_like().fit(DISCORD_FORM).fields) == 2
    slack = retro_like("가" * 3500).fit(SLACK_FORM)
    assert len(slack.title) <= SLACK_FORM.title
    names = [f.name for f in slack.fields]
    assert names == ["learned", "learned__2", "reflection", "reflection__2"]
    assert all(len(f.value) <= SLACK_FORM.text for f in slack.fields)
    assert not slack.fields[1].required
    assert slack.fields[2].required


def test_split_boxes_join_back_into_the_text_as_typed():
    text = "첫 줄\n" + "가나다 " * 900
    slack = retro_like(text).fit(SLACK_FORM)
    values = {f.name: f.value for f in slack.fields}
    assert joined(values)["learned"] == text


def test_a_form_that_cannot_fit_is_refused_rather_than_cut():
    tiny = dataclasses.replace(DISCORD_FORM, inputs=2, text=10)
    with pytest.raises(FormTooLargeError):
        retro_like("가" * 25).fit(tiny)


def test_a_kept_draft_holds_every_word_and_a_long_one_becomes_a_file():
    short = keep_draft(Reply(body="no"), {"learned": "a" * 1500, "links": " "}, {"learned": "L"})
    assert "".join(f.value for f in short.fields) == "a" * 1500
    assert [f.name for f in short.fields] == ["L", "L (2)"]
    long = keep_draft(Reply(body="no"), {"learned": "b" * 9000}, {})
    (draft,) = long.attachments
    assert draft.data.decode().count("b") == 9000


# --- routing -------------------------------------------------------------------------------------


async def test_a_stale_or_forged_button_is_a_private_polite_refusal(router):
    outcome = await router.press(actor(), "define:explode:1")
    assert outcome.status == "refused:StaleButtonError"
    assert outcome.response.ephemeral


async def test_a_define_button_replaces_the_private_miss(router):
    outcome = await router.press(actor(), "define:show:kubernetes")
    assert outcome.response.title == "쿠버네티스"
    assert outcome.response.update


async def test_a_team_command_outside_a_space_is_refused():
    with pytest.raises(OutsideSpaceError):
        _ = Actor(member=ALICE, locale="ko").team


async def test_a_private_command_answers_privately_and_define_follows_its_option(router):
    help_reply = (await router.command(actor(), "help")).response
    public = (await router.command(actor(), "define", {"term": "cgroup"})).response
    private = await router.command(actor(), "define", {"term": "cgroup", "private": True})
    assert help_reply.ephemeral
    assert not public.ephemeral
    assert private.response.ephemeral


async def test_a_bug_is_an_apology_and_the_details_stay_in_the_log(router, caplog):
    async def boom(_call: Call) -> Reply:
        raise RuntimeError("secret detail")

    router.add_command(Command("boom"), boom)
    outcome = await router.command(actor(request="req-7"), "boom")
    assert outcome.status == "error"
    assert "secret detail" not in outcome.response.body
    assert any("req-7" in r.getMessage() for r in caplog.records)


async def test_a_refused_form_names_the_field_and_keeps_the_text(router):
    async def save(call: Call) -> Reply:
        raise FieldTooLongError(field="회고", name="reflection", limit=10)

    router.add_form("test:save", save)
    outcome = await router.submit(
        actor(), "test:save:pub", {"reflection": "길고 긴 회고 " * 3, "learned": "배움"}
    )
    refusal = outcome.response
    assert isinstance(refusal, Refusal)
    assert list(refusal.errors) == ["reflection"]
    assert refusal.values["reflection"] == "길고 긴 회고 " * 3
    assert refusal.reply.ephemeral
    assert any("길고 긴 회고" in f.value for f in refusal.reply.fields)


async def test_an_unknown_command_is_named_and_mentions_are_inert(router):
    outcome = await router.command_text(actor(), "@everyone", "")
    assert "@everyone" not in outcome.response.body


async def test_what_a_platform_must_know_before_the_answer(router):
    assert router.expects("command", "retro") == (True, True)
    assert router.expects("command", "define") == (False, False)
    assert router.expects("button", "journal:accept:3") == (False, False)
    assert router.expects("form", "journal:retro:prv") == (True, False)
    assert router.expects("form", "journal:retro:pub") == (False, False)
    assert router.expects("button", "nothing") == (True, False)


async def test_a_lookup_that_may_load_the_analyser_runs_off_the_event_loop(monkeypatch):
    import threading

    from bot.core.interaction.glossary import warmed

    glossary = GlossaryService(sample_content())
    loop_thread = threading.get_ident()
    cold = await warmed(glossary, None, threading.get_ident, quick=False)
    assert cold != loop_thread
    # A name answers in place at once; nothing it does can load the analyser.
    assert await warmed(glossary, None, threading.get_ident, quick=True) == loop_thread
    assert glossary.index.named("cgroup")
    assert glossary.index.named("ㅋㅂㄴㅌㅅ")
    assert not glossary.index.named("컨테이너를 한데 묶어 관리하는 것")
    monkeypatch.setattr(type(glossary.index), "warm", lambda _index: True)
    assert await warmed(glossary, None, threading.get_ident, quick=False) == loop_thread


async def test_a_private_entry_offers_to_share_it_with_the_channel(router):
    private = await router.command(actor(), "define", {"term": "cgroup", "private": True})
    public = (await router.command(actor(), "define", {"term": "cgroup"})).response
    assert "define:share:cgroup" in [b.custom_id for b in private.response.buttons]
    assert "define:share:cgroup" not in [b.custom_id for b in public.buttons]
    shared = (await router.press(actor(), "define:share:cgroup")).response
    assert not shared.ephemeral
