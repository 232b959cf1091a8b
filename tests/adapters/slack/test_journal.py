"""/scrum and /retro modals, edits, /log, /away, /export and glossary suggestions on Slack."""

from __future__ import annotations

import asyncio
import json

from bot.core.i18n import t
from bot.core.models import SpaceRef, UserRef
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.conftest import TIMEOUT, running
from tests.adapters.slack.fake_slack import TEAM
from tests.adapters.slack.fake_users import ADMIN, ALICE, BORA, LOUD

RETRO = {
    "learned": "파드와 cgroup으로 메모리를 제한하는 법을 실습했다",
    "reflection": "도커 네트워크가 아직 어렵다. 내일 다시 해 보자.",
    "links": "쿠버네티스 문서 https://kubernetes.io/docs/",
    "terms": "레플리카셋 | 파드 복제본 수를 유지하는 컨트롤러 | 내일 실습",
}
SPACE = SpaceRef("slack", TEAM)
PINGS = "<!channel> <!here> <!everyone> <@U0BORA0001> <!subteam^S0TEAM|devs> @here & <b>"


def _buttons(sent):
    return [e["action_id"] for b in sent["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def open_form(bot, name, text="", user=ALICE):
    ack = await bot.fake.envelope("slash_commands", p.command(bot.fake, name, text, user=user))
    await asyncio.wait_for(ack, TIMEOUT)
    return (await bot.view())["view"]


async def write_retro(bot, user=ALICE, values=None, text=""):
    view = await open_form(bot, "retro", text, user)
    assert await bot.submit(view, values or RETRO, user=user) == {}
    return await bot.post()


async def test_retro_opens_a_modal_within_slacks_limits(bot):
    view = await open_form(bot, "retro")
    assert view["callback_id"] == "journal:retro:pub"
    assert len(view["title"]["text"]) <= 24
    assert json.loads(view["private_metadata"]) == {"channel": p.CHANNEL}
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert all(b["element"]["max_length"] <= 3000 for b in inputs)
    # 4,000 characters a field: each is split over two boxes rather than cut.
    assert {"learned", "learned__2", "reflection", "reflection__2"} <= {
        b["block_id"] for b in inputs
    }


async def test_a_saved_retro_is_posted_to_the_channel_it_was_written_in(bot):
    card = await write_retro(bot)
    assert card["method"] == "chat.postMessage"
    assert card["channel"] == p.CHANNEL
    assert t("journal.saved", "ko") in json.dumps(card["blocks"], ensure_ascii=False)
    assert any(b.startswith("journal:edit:") for b in _buttons(card))


async def test_a_private_retro_is_confirmed_to_its_author_alone(bot):
    card = await write_retro(bot, text="나만보기")
    assert card["method"] == "chat.postEphemeral"
    assert card["user"] == ALICE["id"]
    assert card["channel"] == p.CHANNEL


async def test_a_long_field_is_split_and_joined_back_whole(bot):
    long = "가나다라 " * 700  # 3,500 characters: more than one Slack box holds
    view = await open_form(bot, "retro")
    values = RETRO | {"learned": long[:3000], "learned__2": long[3000:]}
    assert await bot.submit(view, values) == {}
    await bot.post()
    prefill = await bot.app.services.journal.retro_form(
        SPACE, UserRef("slack", ALICE["id"], "Alice")
    )
    assert prefill.form.learned == long.strip() or prefill.form.learned == long


async def test_a_blank_reflection_is_a_field_error_in_the_open_modal(bot):
    view = await open_form(bot, "retro")
    ack = await bot.submit(view, RETRO | {"reflection": "  "})
    assert ack["response_action"] == "errors"
    assert ack["errors"] == {"reflection": t("error.empty_field", "ko", field="오늘의 회고")}
    assert bot.fake.posts.empty()


async def test_scrum_saves_goals_and_another_member_cannot_edit_them(bot):
    view = await open_form(bot, "scrum")
    assert view["callback_id"] == "journal:scrum:pub"
    assert await bot.submit(view, {"goals": "파드 만들기\n볼륨 실습"}) == {}
    card = await bot.post()
    edit = next(b for b in _buttons(card) if b.startswith("journal:edit:"))
    refused = await bot.click(edit, user=BORA, ephemeral=False)
    assert refused["response_type"] == "ephemeral"
    assert t("error.not_owner", "ko") in json.dumps(refused["blocks"], ensure_ascii=False)
    await bot.fake.envelope("interactive", p.click(bot.fake, edit, user=ALICE, ephemeral=False))
    reopened = (await bot.view())["view"]
    goals = next(b for b in reopened["blocks"] if b["block_id"] == "goals")
    assert goals["element"]["initial_value"] == "파드 만들기\n볼륨 실습"


async def test_a_forged_edit_form_is_refused(bot):
    view = await open_form(bot, "retro")
    forged = view | {"callback_id": "journal:retro:pub.2020-01-01.U0ALICE001"}
    ack = await bot.submit(forged, RETRO, user=BORA)
    assert ack["response_action"] == "errors"
    assert list(ack["errors"].values()) == [t("error.not_owner", "ko")]
    assert bot.fake.posts.empty()


async def test_mention_strings_in_every_field_ping_nobody(bot):
    values = {name: f"{PINGS} {text}" for name, text in RETRO.items()}
    card = await write_retro(bot, user=LOUD, values=values)
    text = json.dumps(card, ensure_ascii=False)
    assert "<!channel>" not in text
    assert "&lt;" in text  # escaped for mrkdwn, shown as typed
    view = await open_form(bot, "retro", user=LOUD)
    prefill = next(b for b in view["blocks"] if b["block_id"] == "reflection")
    assert PINGS in prefill["element"]["initial_value"]  # the member's own text, as typed
    # The fake fails the test on any live mention anywhere else (conftest).


async def test_log_names_a_member_with_slacks_mention_syntax(bot):
    await write_retro(bot, user=ALICE)
    sent = await bot.command("log", f"<@{ALICE['id']}|alice>", user=BORA)
    assert sent["response_type"] == "ephemeral"
    assert "도커 네트워크" in json.dumps(sent["blocks"], ensure_ascii=False)


async def test_away_until_a_past_date_is_refused(bot):
    sent = await bot.command("away", "2020-01-01")
    assert sent["response_type"] == "ephemeral"
    assert "⚠️" in json.dumps(sent["blocks"], ensure_ascii=False)


async def test_export_uploads_the_markdown_to_the_members_dm(bot):
    await write_retro(bot)
    sent = await bot.command("export")
    assert sent["response_type"] == "ephemeral"
    upload = next(f for f in bot.fake.uploads.values() if f.get("channel"))
    assert upload["channel"] == "D" + ALICE["id"].lstrip("U")
    assert upload["filename"].endswith(".md")
    assert "도커 네트워크" in upload["data"].decode()


async def test_only_managers_see_and_accept_glossary_suggestions(bot):
    await write_retro(bot)
    denied = await bot.command("glossary", "suggestions", user=BORA)
    assert t("error.manage_glossary", "ko") in json.dumps(denied["blocks"], ensure_ascii=False)
    listing = await bot.command("glossary", "suggestions", user=ADMIN)
    accept = next(b for b in _buttons(listing) if b.startswith("journal:accept:"))
    refused = await bot.click(accept, user=BORA)
    assert t("error.manage_glossary", "ko") in json.dumps(refused["blocks"], ensure_ascii=False)
    added = await bot.click(accept, user=ADMIN)
    assert added["response_type"] == "in_channel"
    found = await bot.command("define", "레플리카셋")
    assert found["blocks"][0]["text"]["text"] == "레플리카셋"


async def test_a_form_not_ready_in_time_is_refused_instead_of_opening_late(fake, settings):
    # ack_within=0: no prefill is ever ready at once, as if the database were slow.
    async with running(fake, settings, ack_within=0.0) as slow:
        sent = await slow.command("retro")
        assert sent["response_type"] == "ephemeral"
        assert t("error.form_slow", "ko") in json.dumps(sent["blocks"], ensure_ascii=False)
        assert slow.fake.views.empty()


async def test_a_slow_save_is_acknowledged_first_and_confirmed_after(fake, settings):
    async with running(fake, settings) as bot:
        view = await open_form(bot, "retro")
    async with running(fake, settings, ack_within=0.0) as slow:
        assert await slow.submit(view, RETRO) == {}  # acknowledged before the save ended
        card = await slow.post()
        assert card["method"] == "chat.postMessage"
        assert t("journal.saved", "ko") in json.dumps(card["blocks"], ensure_ascii=False)


async def test_a_retro_written_where_the_bot_is_not_invited_is_confirmed_in_a_dm(bot):
    bot.fake.not_in_channel.add(p.CHANNEL)
    card = await write_retro(bot)
    assert card["method"] == "chat.postMessage"
    assert card["channel"] == "D" + ALICE["id"].lstrip("U")
    assert t("journal.saved", "ko") in json.dumps(card["blocks"], ensure_ascii=False)


async def test_making_a_retro_private_withdraws_its_earlier_public_card(bot):
    card = await write_retro(bot)
    assert card["method"] == "chat.postMessage"
    # The earlier card is withdrawn as the private version is saved, then the author hears.
    withdrawn = await write_retro(bot, values={"reflection": "이제는 나만 볼래요"}, text="나만보기")
    assert withdrawn["method"] == "chat.update"
    assert (await bot.post())["method"] == "chat.postEphemeral"
    assert withdrawn["ts"] == card["ts"]
    text = json.dumps(withdrawn["blocks"], ensure_ascii=False)
    assert t("journal.withdrawn", "ko") in text
    assert RETRO["reflection"] not in text
    assert "이제는 나만 볼래요" not in text
    assert bot.fake.problems == []
