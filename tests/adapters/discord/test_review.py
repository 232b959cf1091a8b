"""/review and /stats end to end through the fake Discord: add, flip, rate, picture."""

from __future__ import annotations

import datetime as dt

from bot.core.i18n import t
from tests.adapters.discord.daily_loop import ALICE, BORA, click, online, seoul, study_loop
from tests.adapters.discord.fake_modals import files


async def slash(fake, name, options=None, who=ALICE):
    return await (await fake.slash(name, options or {}, member=who)).reply()


async def test_define_add_then_review_flip_and_rate_through_buttons(fake, settings):
    async with study_loop(settings, seoul(10)) as loop, online(fake, loop):
        empty = await slash(fake, "review")
        card = await slash(fake, "define", {"용어": "pod"})
        assert card.custom_ids[0] == "review:add:pod"
        added = await click(fake, card, "review:add:pod", ALICE)
        front = await slash(fake, "review")
        [flip] = front.custom_ids
        back = await click(fake, front, flip, ALICE)
        good = next(i for i in back.custom_ids if i.endswith(".good"))
        # A forged click by another member (the card is private to Alice) changes nothing.
        stolen = await click(fake, back, good, BORA)
        done = await click(fake, back, good, ALICE)

    assert empty.ephemeral
    assert empty.embeds[0]["title"] == t("review.none.title", "ko")
    assert added.ephemeral
    assert added.embeds[0]["description"] == t("review.added", "ko", term="파드")
    assert front.ephemeral
    assert flip.startswith("review:flip:")
    assert len(back.custom_ids) == 4
    assert done.embeds[0]["title"] == t("review.done.title", "ko")
    assert "2025-03-05 10:00" in done.embeds[0]["description"]
    assert stolen.embeds[0]["description"] == t("review.error.unknown_card", "ko")


async def test_reminders_option_switches_them_on(fake, settings):
    async with study_loop(settings, seoul(10)) as loop, online(fake, loop):
        on = await slash(fake, "review", {"알림": "on"})
        reminded = await loop.app.services.review.reminded(f"discord:{fake.guild_ids[0]}")

    assert on.embeds[0]["description"] == t("review.reminders.on", "ko")
    assert reminded == {str(ALICE["user"]["id"])}


async def test_stats_answers_privately_with_a_png(fake, settings):
    async with study_loop(settings, seoul(10)) as loop, online(fake, loop):
        await loop.app.services.review.add_terms(
            f"discord:{fake.guild_ids[0]}", str(ALICE["user"]["id"]), ["pod"]
        )
        loop.clock.advance(dt.timedelta(minutes=1))
        sent = await slash(fake, "stats")

    assert sent.ephemeral
    (upload,) = files(fake, sent)
    assert upload.filename.endswith("-2025-03-03.png")
    assert upload.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert t("stats.forecast", "ko") in sent.embeds[0]["description"]


async def test_the_anki_button_answers_privately_with_the_deck(fake, settings):
    async with study_loop(settings, seoul(10)) as loop, online(fake, loop):
        post = fake.planted_message(["review:anki:deck"])
        sent = await click(fake, post, "review:anki:deck", ALICE)

    assert sent.ephemeral
    (upload,) = files(fake, sent)
    assert upload.filename == f"studybot-discord_{fake.guild_ids[0]}.apkg"
    assert upload.data[:2] == b"PK"
