"""The daily quiz end to end: posted at its time, answered by button once each, closed by edit."""

from __future__ import annotations

import re

from bot.core.i18n import t
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.daily_loop import (
    ALICE,
    BORA,
    CHAN,
    CHANNEL,
    MARKS,
    MONDAY,
    NO_MENTIONS,
    change_settings,
    click,
    field_value,
    online,
    right_choice,
    seoul,
    study_loop,
)

ENGLISH = ("en-US", "en-GB")
ANSWER_ID = re.compile(r"quiz:answer:(\d+):(\d)")


def answer_ids(post) -> list[str]:
    return [c for c in post.custom_ids if ANSWER_ID.fullmatch(c)]


async def post_quiz(fake, loop):
    """Pick the study channel and fire the quiz job at 13:00; the channel post."""
    await change_settings(fake, 채널=CHANNEL)
    assert await loop.fire("quiz", seoul(12, 59)) == []
    [item] = await loop.fire("quiz", seoul(13))
    post = fake.channels.posts[-1]
    assert item.message_id == post.message["id"]
    return post


async def test_quiz_post_reaches_the_channel_with_one_button_per_option(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        post = await post_quiz(fake, loop)

    assert post.message["channel_id"] == CHANNEL
    assert post.embeds[0]["title"] == t("quiz.daily.title", "ko", date=MONDAY.isoformat())
    ids = answer_ids(post)
    assert len(ids) == 4
    assert {ANSWER_ID.fullmatch(i)[2] for i in ids} == {"0", "1", "2", "3"}
    assert post.body["allowed_mentions"] == NO_MENTIONS


async def test_members_answer_once_each_and_the_close_edits_the_post(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        post = await post_quiz(fake, loop)
        ids = answer_ids(post)
        alice = await click(fake, post, ids[0], ALICE)
        right = await right_choice(loop)
        bora = await click(fake, post, ids[1] if right == 0 else ids[right], BORA)
        again = await click(fake, post, ids[right], ALICE)
        loop.clock.set(seoul(18))  # closing time: the buttons are still there, the round is not
        late = await click(fake, post, ids[right], CHAN)
        [closed] = await loop.fire("quiz_close", seoul(18))

    assert alice.ephemeral
    assert bora.ephemeral
    assert {alice.embeds[0]["title"], bora.embeds[0]["title"]} == {
        t("quiz.ack.right", "ko"),
        t("quiz.ack.wrong", "ko"),
    }
    # While the daily quiz is open the private reply names neither the answer nor its reason.
    assert not alice.embeds[0].get("fields")
    assert not any(mark in alice.embeds[0]["description"] for mark in MARKS)
    assert again.ephemeral
    assert again.embeds[0]["description"] == t("error.already_answered", "ko")
    [edit] = fake.channels.edits
    assert closed.message_id == edit.message["id"] == post.message["id"]
    counts = t("quiz.result.count.value", "ko", answered=2, right=1)
    assert field_value(edit, t("quiz.result.count", "ko")) == counts
    winner = "Alice" if right == 0 else "Bora"
    assert field_value(edit, t("quiz.result.winners", "ko")) == winner
    assert edit.body["components"] == []  # the buttons are gone once it closed
    assert late.ephemeral
    assert late.embeds[0]["description"] == t("error.round_closed", "ko")
    every = [*fake.channels.sent, *fake.sent]
    assert all(s.data["allowed_mentions"] == NO_MENTIONS for s in every)
    assert fake.rejected == []


async def test_answer_button_still_counts_after_a_restart(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        post = await post_quiz(fake, loop)

    # A new process on the same data directory: new Application, new client, no stored View.
    async with study_loop(settings, seoul(14)) as loop, online(fake, loop):
        ack = await click(fake, post, answer_ids(post)[2], ALICE)
        [closed] = await loop.fire("quiz_close", seoul(18))

    assert ack.embeds[0]["title"] in {t("quiz.ack.right", "ko"), t("quiz.ack.wrong", "ko")}
    [edit] = fake.channels.edits
    assert edit.message["id"] == post.message["id"] == closed.message_id
    answered = field_value(edit, t("quiz.result.count", "ko"))
    assert answered == t("quiz.result.count.value", "ko", answered=1, right=int(right_of(ack)))


def right_of(ack) -> bool:
    return ack.embeds[0]["title"] == t("quiz.ack.right", "ko")


async def test_forged_and_unknown_answer_buttons_are_refused_politely(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        post = await post_quiz(fake, loop)
        round_id = ANSWER_ID.fullmatch(answer_ids(post)[0])[1]
        planted = fake.planted_message(
            [f"quiz:answer:{round_id}:9", "quiz:answer:424242:1", "quiz:answer:x:1"]
        )
        replies = [await click(fake, planted, c, ALICE) for c in planted.custom_ids]
        still = await click(fake, post, answer_ids(post)[0], ALICE)

    assert all(r.ephemeral for r in replies)
    assert [r.embeds[0]["description"] for r in replies] == [
        t("error.invalid_answer", "ko"),
        t("error.unknown_round", "ko"),
        t("error.invalid_answer", "ko"),
    ]
    assert still.embeds[0]["title"] in {t("quiz.ack.right", "ko"), t("quiz.ack.wrong", "ko")}


async def test_practice_question_is_private_and_only_its_owner_answers(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        question = await (await fake.slash("quiz", member=ALICE)).reply()
        ids = answer_ids(question)
        someone_else = await click(fake, question, ids[0], BORA)
        mine = await click(fake, question, ids[0], ALICE)

    assert question.ephemeral
    assert question.embeds[0]["title"] == t("quiz.practice.title", "ko")
    assert len(ids) == 4
    assert someone_else.embeds[0]["description"] == t("error.unknown_round", "ko")
    assert mine.ephemeral
    assert mine.embeds[0]["title"] in {t("quiz.ack.right", "ko"), t("quiz.ack.wrong", "ko")}
    assert fake.channels.posts == []


async def test_leaderboard_counts_the_daily_quiz_for_the_chosen_period(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        post = await post_quiz(fake, loop)
        ack = await click(fake, post, answer_ids(post)[0], ALICE)
        empty = await (await fake.slash("leaderboard", {"기간": "week"}, member=BORA)).reply()
        await loop.fire("quiz_close", seoul(18))
        board = await (await fake.slash("leaderboard", {"기간": "all"}, member=BORA)).reply()

    assert empty.embeds[0]["title"] == t("leaderboard.title", "ko", period="이번 주")
    assert "Alice" in empty.embeds[0]["description"]
    assert not board.ephemeral
    assert board.embeds[0]["title"] == t("leaderboard.title", "ko", period="전체")
    correct = int(right_of(ack))
    assert f"Alice — 정답 {correct}/1" in board.embeds[0]["description"]


async def test_quiz_commands_sync_in_korean_with_english_choices(fake, settings):
    async with study_loop(settings, seoul(12)) as loop, online(fake, loop):
        pass

    commands = {c["name"]: c for c in fake.command_puts[0].payload}
    assert commands["quiz"]["description"] == t("command.quiz", "ko")
    assert commands["today"]["description_localizations"]["en-US"] == t("command.today", "en")
    [period] = commands["leaderboard"]["options"]
    assert period["name"] == "기간"
    assert period["name_localizations"] == dict.fromkeys(ENGLISH, "period")
    assert [c["name"] for c in period["choices"]] == ["이번 주", "이번 달", "전체"]
    assert [c["value"] for c in period["choices"]] == ["week", "month", "all"]
    assert period["choices"][0]["name_localizations"]["en-GB"] == "this week"
    assert fake.command_puts[0].guild_id == p.GUILD_ID
