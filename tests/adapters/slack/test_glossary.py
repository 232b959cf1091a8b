"""/define on Slack: a private entry with 채널에 공유, "did you mean" buttons, the search box."""

from __future__ import annotations

import asyncio

from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.conftest import TIMEOUT


def _buttons(sent):
    return [e["action_id"] for b in sent["blocks"] if b["type"] == "actions" for e in b["elements"]]


def _text(sent):
    return str(sent["blocks"])


async def test_define_answers_privately_with_a_share_button(bot):
    sent = await bot.command("define", "cgroup")
    assert sent["response_type"] == "ephemeral"
    assert sent["blocks"][0]["type"] == "header"
    assert "define:share:cgroup" in _buttons(sent)
    assert "define:show:namespace" in _buttons(sent)  # related terms as buttons


async def test_share_posts_the_entry_to_the_channel(bot):
    shared = await bot.click("define:share:cgroup")
    assert shared["response_type"] == "in_channel"
    assert shared["replace_original"] is False
    assert "define:share:cgroup" not in _buttons(shared)


async def test_a_miss_offers_did_you_mean_buttons_that_replace_it(bot):
    miss = await bot.command("define", "pdo")
    assert miss["response_type"] == "ephemeral"
    shows = [b for b in _buttons(miss) if b.startswith("define:show:")]
    assert 1 <= len(shows) <= 5
    assert not [b for b in _buttons(miss) if b.startswith("define:share:")]
    entry = await bot.click(shows[0], ephemeral=True)
    assert entry["replace_original"] is True


async def test_define_without_text_opens_a_search_box_that_suggests_from_one_letter(bot):
    ack = await bot.fake.envelope("slash_commands", p.command(bot.fake, "define", ""))
    await asyncio.wait_for(ack, TIMEOUT)
    opened = await bot.view()
    view = opened["view"]
    element = view["blocks"][0]["element"]
    assert element["type"] == "external_select"
    assert element["min_query_length"] == 1
    suggested = await asyncio.wait_for(
        await bot.fake.envelope("interactive", p.suggest(view, "ㄷㅋ")), TIMEOUT
    )
    values = [option["value"] for option in suggested["options"]]
    assert "docker" in values
    assert all(
        len(o["text"]["text"]) <= 75 and len(o["value"]) <= 150 for o in suggested["options"]
    )
    accepted = await bot.submit(view, {"term": "docker"})
    assert accepted == {}
    shown = await bot.post()
    assert shown["method"] == "chat.postEphemeral"
    assert shown["channel"] == p.CHANNEL
    assert "Docker" in str(shown["blocks"]) or "도커" in str(shown["blocks"])


async def test_help_lists_the_commands(bot):
    sent = await bot.command("help")
    assert "/define" in _text(sent)
    assert sent["response_type"] == "ephemeral"


async def test_a_forged_button_is_refused_politely(bot):
    sent = await bot.click("define:show:../../etc/passwd<!channel>")
    assert sent["response_type"] == "ephemeral"
    forged = await bot.click("nothing-like-an-id")
    assert forged["response_type"] == "ephemeral"
    assert "Traceback" not in _text(forged)


async def test_the_find_terms_shortcut_lists_the_terms_of_a_message(bot):
    message = "오늘 <!here> 도커랑 파드를 띄웠다 <@U0BORA0001>"
    ack = await bot.fake.envelope("interactive", p.shortcut(bot.fake, message, "find_terms"))
    await asyncio.wait_for(ack, TIMEOUT)
    sent = await bot.response()
    assert sent["response_type"] == "ephemeral"
    assert _buttons(sent) == ["define:show:docker", "define:show:pod"]


async def test_two_terms_in_one_question_are_two_columns(bot):
    sent = await bot.command("define", "cgroup vs namespace")
    columns = [b for b in sent["blocks"] if b["type"] == "section" and "fields" in b]
    assert len(columns) == 1
    [left, right] = columns[0]["fields"]
    assert "Cgroup" in left["text"]
    assert "네임스페이스" in right["text"]
