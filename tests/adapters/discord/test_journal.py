"""The team log on Discord end to end: forms, cards, edits, /log, /away, /export, suggestions."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from zoneinfo import ZoneInfo

import discord
import pytest
from discord import app_commands

from bot.adapters.discord.interact import dispatch
from bot.adapters.discord.publisher import rest_publisher
from bot.adapters.discord.runner import build_client, run_client
from bot.app import Application
from bot.core.i18n import t
from bot.core.interaction.forms import Form
from bot.core.interaction.options import Command
from bot.core.interaction.router import Call
from bot.core.models import SpaceRef, UserRef
from bot.core.spaces import SettingsUpdate
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import make_settings, running, serving
from tests.adapters.discord.fake_discord import FakeDiscord, Sent
from tests.adapters.discord.fake_modals import (
    fields,
    files,
    form,
    member,
    modal_of,
    resolved,
    submit,
)
from tests.adapters.discord.sample_content import sample_content
from tests.core.fakes import FixedClock

SEOUL = ZoneInfo("Asia/Seoul")
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=SEOUL)  # a Wednesday, a study day
TODAY = NOW.date().isoformat()
SPACE = SpaceRef("discord", str(p.GUILD_ID))
ALICE_ID, BOB_ID, CAROL_ID, MANAGER_ID = (p.USER_ID + n for n in (1, 2, 3, 4))
ALICE = member(ALICE_ID, "Alice")
BOB = member(BOB_ID, "Bob")
CAROL = member(CAROL_ID, "Carol")
MANAGER = member(MANAGER_ID, "Mina", manage_guild=True)
RETRO = {
    "learned": "파드와 cgroup으로 메모리를 제한하는 법을 실습했다",
    "reflection": "도커 네트워크가 아직 어렵다. 내일 다시 해 보자.",
    "links": "쿠버네티스 문서 https://kubernetes.io/docs/",
    "terms": "레플리카셋 | 파드 복제본 수를 유지하는 컨트롤러 | 내일 실습",
}


def ref(who: dict) -> UserRef:
    return UserRef("discord", who["user"]["id"], who["user"]["global_name"])


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def app(fake, tmp_path, clock):
    settings = make_settings(fake, tmp_path, channel_id=str(p.CHANNEL_ID))
    async with Application(settings, sample_content(), "discord", clock=clock) as application:
        yield application


@pytest.fixture
async def journal_bot(fake, app):
    async with running(fake, serving(app.settings, app.services)):
        yield app


async def open_form(fake: FakeDiscord, command: str, who: dict, **options) -> dict:
    sent = await (await fake.slash(command, options, member=who)).reply()
    return modal_of(sent)


async def write_retro(fake: FakeDiscord, who: dict, values=None, **options) -> Sent:
    modal = await open_form(fake, "retro", who, **options)
    return await (await submit(fake, modal, values or RETRO, member=who)).reply()


def edit_id(card: Sent) -> str:
    (custom_id,) = card.custom_ids
    assert custom_id.startswith("journal:edit:")
    return custom_id


def field(card: Sent, name: str) -> str:
    return next(f["value"] for f in card.embeds[0].get("fields", []) if f["name"] == name)


def refusal(sent: Sent) -> str:
    assert sent.ephemeral
    return sent.embeds[0]["description"]


# --- /retro: the form, the card, edits -----------------------------------------------------------


async def test_retro_opens_a_modal_with_four_fields_of_at_most_4000(fake, journal_bot):
    modal = await open_form(fake, "retro", ALICE)

    assert modal["custom_id"] == "journal:retro:pub"
    assert [c["type"] for c in modal["components"]] == [18, 18, 18, 18]  # a Label each
    boxes = fields(modal)
    assert list(boxes) == ["learned", "reflection", "links", "terms"]
    assert [b["label"] for b in boxes.values()] == [
        t("form.retro.learned", "ko"),
        t("form.retro.reflection", "ko"),
        t("form.retro.links", "ko"),
        t("form.retro.terms", "ko"),
    ]
    assert all(b["max_length"] == 4000 and "4000" in b["description"] for b in boxes.values())
    assert [b["required"] for b in boxes.values()] == [False, True, False, False]
    assert all(not b.get("value") for b in boxes.values())
    assert fake.rejected == []


async def test_submitted_retro_is_posted_publicly_with_linked_terms(fake, journal_bot):
    card = await write_retro(fake, ALICE)

    assert card.type == p.CHANNEL_MESSAGE
    assert not card.ephemeral
    embed = card.embeds[0]
    assert embed["title"] == t("journal.retro.title", "ko", name="Alice", date=TODAY)
    assert embed["description"] == RETRO["reflection"]
    linked = field(card, t("journal.linked", "ko"))
    assert {"파드", "Cgroup", "도커"} <= set(linked.split(", "))
    assert t("journal.saved", "ko") in embed["footer"]["text"]
    assert "레플리카셋" in embed["footer"]["text"]  # suggested for the glossary
    assert edit_id(card).removeprefix("journal:edit:").isdigit()
    assert card.data["allowed_mentions"] == {"parse": []}


async def test_second_retro_the_same_day_prefills_and_edits_the_entry(fake, journal_bot):
    first = await write_retro(fake, ALICE)

    modal = await open_form(fake, "retro", ALICE)
    assert fields(modal)["reflection"]["value"] == RETRO["reflection"]
    assert fields(modal)["terms"]["value"].startswith("레플리카셋 | ")
    second = await (
        await submit(fake, modal, {"reflection": "이제 조금 알겠다"}, member=ALICE)
    ).reply()

    assert edit_id(second) == edit_id(first)
    assert t("journal.updated", "ko", version=2) in second.embeds[0]["footer"]["text"]
    entry_id = int(edit_id(first).rsplit(":", 1)[1])
    history = await journal_bot.services.journal.history(SPACE, ref(ALICE), entry_id)
    assert [v.body.reflection for v in history] == [RETRO["reflection"]]


async def test_another_member_cannot_edit_an_entry(fake, journal_bot):
    card = await write_retro(fake, ALICE)

    answer = await (await fake.click(card, edit_id(card), member=BOB)).reply()

    assert answer.type == p.CHANNEL_MESSAGE  # a message, not a form
    assert refusal(answer) == t("error.not_owner", "ko")


async def test_edit_button_opens_the_owners_prefilled_form_and_saves_it(fake, journal_bot):
    card = await write_retro(fake, ALICE)

    modal = modal_of(await (await fake.click(card, edit_id(card), member=ALICE)).reply())
    assert modal["custom_id"] == f"journal:retro:pub.{TODAY}.{ALICE_ID}"
    assert fields(modal)["learned"]["value"] == RETRO["learned"]
    edited = await (await submit(fake, modal, {"learned": "볼륨"}, member=ALICE)).reply()

    assert edit_id(edited) == edit_id(card)
    assert field(edited, t("journal.field.learned", "ko")) == "볼륨"


async def test_someone_elses_edit_form_is_refused(fake, journal_bot):
    await write_retro(fake, ALICE)
    forged = form(f"journal:retro:pub.{TODAY}.{ALICE_ID}", {"reflection": "내가 고칠래"})

    answer = await (await submit(fake, forged, member=BOB)).reply()

    assert refusal(answer) == t("error.not_owner", "ko")
    prefill = await journal_bot.services.journal.retro_form(SPACE, ref(ALICE))
    assert prefill.form.reflection == RETRO["reflection"]


async def test_private_retro_is_shown_only_to_its_author(fake, journal_bot):
    modal = await open_form(fake, "retro", ALICE, 나만보기=True)
    assert modal["custom_id"] == "journal:retro:prv"

    card = await (await submit(fake, modal, RETRO, member=ALICE)).reply()

    assert card.ephemeral
    assert t("journal.private", "ko") in card.embeds[0]["footer"]["text"]


async def test_english_client_gets_an_english_form(fake, journal_bot):
    sent = await (await fake.slash("retro", member=ALICE, locale="en-US")).reply()
    modal = modal_of(sent)

    assert modal["title"] == t("form.retro.title", "en")
    assert fields(modal)["reflection"]["label"] == t("form.retro.reflection", "en")
    assert fields(modal)["terms"]["description"] == t("form.retro.terms.hint", "en", limit=4000)
    assert fake.rejected == []


async def test_slow_prefill_is_refused_instead_of_opening_the_form_late(fake, app):
    client = build_client(app.settings, app.services)

    async def build(_call: Call) -> Form:
        await asyncio.Event().wait()  # a database that never answers
        raise AssertionError

    client.router.add_command(Command("slowform", form_fields=("goals",)), build)

    @app_commands.command(name="slowform", description="느린 양식")
    async def slowform(interaction: discord.Interaction) -> None:
        await dispatch(interaction, "slowform", defer_after=0.0)

    client.tree.add_command(slowform)
    async with running(fake, lambda stop: run_client(client, stop=stop)):
        answer = await (await fake.slash("slowform")).reply()

    assert refusal(answer) == t("error.form_slow", "ko")


async def test_retro_form_opened_before_a_restart_is_saved_after_it(fake, app):
    async with running(fake, serving(app.settings, app.services)):
        modal = await open_form(fake, "retro", ALICE)

    async with running(fake, serving(app.settings, app.services)):
        card = await (await submit(fake, modal, RETRO, member=ALICE)).reply()

    assert card.embeds[0]["title"] == t("journal.retro.title", "ko", name="Alice", date=TODAY)


# --- /scrum --------------------------------------------------------------------------------------


async def test_scrum_form_carries_over_the_last_days_unfinished_goals(fake, journal_bot):
    yesterday = NOW.date() - dt.timedelta(days=1)
    journal = journal_bot.services.journal
    await journal.save_scrum(SPACE, ref(ALICE), "✅ 도커 설치\n볼륨 실습", day=yesterday)

    modal = await open_form(fake, "scrum", ALICE)
    (goals,) = fields(modal).values()
    assert modal["custom_id"] == "journal:scrum:pub"
    assert goals["value"] == "볼륨 실습"
    assert goals["max_length"] == 4000
    assert "4000" in goals["description"]
    card = await (
        await submit(fake, modal, {"goals": "볼륨 실습\n파드 만들기"}, member=ALICE)
    ).reply()

    assert not card.ephemeral
    assert card.embeds[0]["title"] == t("journal.scrum.title", "ko", name="Alice", date=TODAY)
    assert field(card, t("journal.field.goals", "ko")) == "• 볼륨 실습\n• 파드 만들기"


async def test_scrum_edit_button_opens_the_owners_goals(fake, journal_bot):
    modal = await open_form(fake, "scrum", ALICE)
    card = await (await submit(fake, modal, {"goals": "[x] 도커 설치\n볼륨"}, member=ALICE)).reply()

    reopened = modal_of(await (await fake.click(card, edit_id(card), member=ALICE)).reply())

    assert reopened["custom_id"] == f"journal:scrum:pub.{TODAY}.{ALICE_ID}"
    assert fields(reopened)["goals"]["value"] == "✅ 도커 설치\n볼륨"


# --- bad input -----------------------------------------------------------------------------------


async def test_oversized_field_is_refused_with_the_field_named(fake, journal_bot):
    modal = await open_form(fake, "retro", ALICE)
    values = RETRO | {"learned": "가" * 4001}  # past what the Discord client lets anyone type

    answer = await (await submit(fake, modal, values, member=ALICE, strict=False)).reply()

    assert refusal(answer) == t("error.field_too_long", "ko", field="새로 배운 내용", limit=4000)
    prefill = await journal_bot.services.journal.retro_form(SPACE, ref(ALICE))
    assert prefill.existing is None


async def test_blank_reflection_is_refused(fake, journal_bot):
    modal = await open_form(fake, "retro", ALICE)

    answer = await (await submit(fake, modal, {"reflection": "  \n "}, member=ALICE)).reply()

    assert refusal(answer) == t("error.empty_field", "ko", field="오늘의 회고")


async def test_a_refused_form_gives_back_what_was_typed(fake, journal_bot):
    modal = await open_form(fake, "retro", ALICE)
    typed = {"learned": "볼륨과 바인드 마운트의 차이를 정리했다", "reflection": " "}

    answer = await (await submit(fake, modal, typed, member=ALICE)).reply()

    fields = {f["name"]: f["value"] for f in answer.embeds[0]["fields"]}
    assert fields[t("form.draft.learned", "ko")] == typed["learned"]
    assert t("form.draft.reflection", "ko") not in fields  # blank, nothing to give back


async def test_mentions_in_a_retro_stay_inert(fake, journal_bot):
    values = RETRO | {"reflection": "@everyone 봐 주세요 <@123456789012345678> @here"}

    card = await write_retro(fake, ALICE, values)

    text = json.dumps(card.body, ensure_ascii=False)
    assert "@everyone" not in text
    assert "@here" not in text
    assert "<@123456789012345678>" not in text
    assert card.data["allowed_mentions"] == {"parse": []}


async def test_form_for_a_future_day_is_refused(fake, journal_bot):
    tomorrow = (NOW.date() + dt.timedelta(days=1)).isoformat()
    forged = form(f"journal:retro:pub.{tomorrow}.{ALICE_ID}", {"reflection": "미리 쓰기"})

    answer = await (await submit(fake, forged, member=ALICE)).reply()

    assert refusal(answer) == t("error.future_date", "ko", value=tomorrow)


async def test_garbled_form_is_refused_as_stale(fake, journal_bot):
    garbled = form("journal:retro:everyone", {"reflection": "회고"})

    answer = await (await submit(fake, garbled, member=ALICE)).reply()

    assert refusal(answer) == t("error.stale_form", "ko")


async def test_form_of_an_unknown_kind_is_answered_not_left_to_fail(fake, journal_bot):
    unknown = form("journal:poem:pub", {"reflection": "회고"})

    answer = await (await submit(fake, unknown, member=ALICE)).reply()

    assert answer.ephemeral
    assert refusal(answer) == t("error.stale_button", "ko")


# --- /log, /away, /export ------------------------------------------------------------------------


async def test_log_shows_a_teammate_only_their_public_entries(fake, journal_bot):
    await write_retro(fake, ALICE)
    modal = await open_form(fake, "scrum", ALICE, 나만보기=True)
    await (await submit(fake, modal, {"goals": "비밀 목표"}, member=ALICE)).reply()

    interaction = await fake.slash(
        "log", {"팀원": str(ALICE_ID)}, member=BOB, resolved=resolved(ALICE)
    )
    seen_by_bob = await interaction.reply()
    own = await (await fake.slash("log", member=ALICE)).reply()

    assert seen_by_bob.ephemeral
    assert [f["name"] for f in seen_by_bob.embeds[0]["fields"]] == [f"{TODAY} · 회고"]
    assert [f["name"] for f in own.embeds[0]["fields"]] == [
        f"{TODAY} · 스크럼 🔒",
        f"{TODAY} · 회고",
    ]


async def test_away_until_a_past_date_is_refused_and_a_later_one_is_kept(fake, journal_bot):
    past = await (await fake.slash("away", {"날짜": "2026-11-24"}, member=CAROL)).reply()
    later = await (await fake.slash("away", {"날짜": "2026-11-30"}, member=CAROL)).reply()

    assert refusal(past) == t("error.away_past", "ko", value="2026-11-24")
    assert later.ephemeral
    assert later.embeds[0]["description"] == t("journal.away.set", "ko", date="2026-11-30")


async def test_export_attaches_the_weeks_markdown_file(fake, journal_bot):
    await write_retro(fake, ALICE)

    sent = await (await fake.slash("export", member=ALICE)).reply()

    assert sent.ephemeral
    (upload,) = files(fake, sent)
    assert upload.filename == "til-2026-11-23_2026-11-29.md"
    assert upload.text.startswith(f"## 날짜: {TODAY}")
    assert "| 레플리카셋 | 파드 복제본 수를 유지하는 컨트롤러 | 내일 실습 |" in upload.text
    assert sent.embeds[0]["description"] == t("journal.export.ready", "ko", name=upload.filename)


async def test_slow_export_is_deferred_then_the_file_is_edited_in(fake, app):
    client = build_client(app.settings, app.services)

    @app_commands.command(name="slowexport", description="느린 내보내기")
    async def slowexport(interaction: discord.Interaction) -> None:
        await dispatch(interaction, "export", {"when": "today"}, defer_after=0.0)

    client.tree.add_command(slowexport)
    async with running(fake, lambda stop: run_client(client, stop=stop)):
        await write_retro(fake, p.member())
        interaction = await fake.slash("slowexport")
        placeholder, answer = await interaction.reply(), await interaction.reply()

    assert placeholder.type == p.DEFERRED_MESSAGE
    assert placeholder.ephemeral
    assert answer.route == "edit"
    (upload,) = files(fake, answer)
    assert upload.filename == f"til-{TODAY}.md"


async def test_export_of_an_empty_period_says_so_without_a_file(fake, journal_bot):
    sent = await (await fake.slash("export", {"기간": "2026-11-02"}, member=ALICE)).reply()

    assert refusal(sent) == t("journal.log.empty", "ko")
    assert files(fake, sent) == []


# --- /glossary suggestions -----------------------------------------------------------------------


async def test_only_managers_see_and_accept_glossary_suggestions(fake, journal_bot):
    await write_retro(fake, ALICE)

    denied = await (await fake.subcommand("glossary", "suggestions", member=BOB)).reply()
    listing = await (await fake.subcommand("glossary", "suggestions", member=MANAGER)).reply()
    (accept,) = listing.custom_ids
    clicked_by_bob = await (await fake.click(listing, accept, member=BOB)).reply()
    added = await (await fake.click(listing, accept, member=MANAGER)).reply()
    found = await (await fake.slash("define", {"용어": "레플리카셋"})).reply()

    assert refusal(denied) == t("error.manage_glossary", "ko")
    assert listing.ephemeral
    assert accept.startswith("journal:accept:")
    assert refusal(clicked_by_bob) == t("error.manage_glossary", "ko")
    assert not added.ephemeral
    assert added.embeds[0]["title"] == f"{t('journal.accepted', 'ko')} · 레플리카셋"
    assert found.embeds[0]["title"] == "레플리카셋"


# --- the evening reminder ------------------------------------------------------------------------


async def _evening(fake: FakeDiscord, app: Application) -> Sent:
    await write_retro(fake, ALICE)
    modal = await open_form(fake, "scrum", BOB)
    await (await submit(fake, modal, {"goals": "파드 만들기"}, member=BOB)).reply()
    await (await fake.slash("away", {"날짜": "2026-11-30"}, member=CAROL)).reply()
    at = dt.datetime.combine(NOW.date(), dt.time(21), tzinfo=SEOUL)
    async with rest_publisher(app.settings) as publisher:
        await app.post_due(publisher, at, f"discord:{p.GUILD_ID}")
    title = t("journal.reminder.title", "ko", date=TODAY)
    (reminder,) = [s for s in fake.channels.posts if s.embeds[0]["title"] == title]
    return reminder


async def test_evening_reminder_names_the_members_without_a_retro(fake, journal_bot):
    reminder = await _evening(fake, journal_bot)

    assert reminder.embeds[0]["description"] == t("journal.reminder.body", "ko", names="Bob")
    assert not reminder.body.get("content")
    assert reminder.body["allowed_mentions"] == {"parse": []}


async def test_reminder_with_mentions_on_pings_exactly_the_missing_members(fake, journal_bot):
    spaces = journal_bot.services.spaces
    await spaces.change(SPACE, SettingsUpdate(mention_reminders="on"), can_manage=True)

    reminder = await _evening(fake, journal_bot)

    assert reminder.body["content"] == f"<@{BOB_ID}>"
    allowed = reminder.body["allowed_mentions"]
    assert allowed["parse"] == []
    assert [int(u) for u in allowed["users"]] == [BOB_ID]
    assert not allowed.get("roles")


# --- the commands as synced ----------------------------------------------------------------------


async def test_log_commands_are_synced_in_korean_with_english_names(fake, journal_bot):
    retro = fake.registered("retro")
    glossary = fake.registered("glossary")

    assert retro["description"] == t("command.retro", "ko")
    (private,) = retro["options"]
    assert private["name"] == "나만보기"
    assert private["name_localizations"] == {"en-US": "private", "en-GB": "private"}
    assert [o["name"] for o in glossary["options"]] == ["suggestions"]
    assert {"scrum", "retro", "log", "away", "export", "glossary"} <= {
        c["name"] for c in fake.command_puts[-1].payload
    }


async def test_making_a_retro_private_withdraws_its_earlier_public_card(fake, app):
    connected = asyncio.Event()

    async def on_ready(publisher) -> None:
        app.relay.connect("discord", publisher)
        connected.set()

    async with running(fake, serving(app.settings, app.services, on_ready=on_ready)):
        await asyncio.wait_for(connected.wait(), 10)
        await _write_public_then_private(fake)


async def _write_public_then_private(fake):
    public = await write_retro(fake, ALICE)
    assert not public.ephemeral
    card_id = public.message["id"]

    private = await write_retro(fake, ALICE, {"reflection": "이제는 나만 볼래요"}, 나만보기=True)

    assert private.ephemeral
    [edit] = [e for e in fake.channels.edits if e.message["id"] == card_id]
    text = json.dumps(edit.body, ensure_ascii=False)
    assert t("journal.withdrawn", "ko") in text
    assert RETRO["reflection"] not in text
    assert "이제는 나만 볼래요" not in text
    assert fake.rejected == []
