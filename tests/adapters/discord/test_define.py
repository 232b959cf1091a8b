"""`/define` end to end: a real discord.py client against the fake Discord over real sockets."""

from __future__ import annotations

import json
import logging

from bot.core.glossary import GlossaryService
from bot.core.i18n import t
from bot.core.models import Term
from bot.core.replies import Reply
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import make_services, running, serving
from tests.adapters.discord.fake_discord import FakeDiscord, Sent
from tests.adapters.discord.sample_content import sample_content


async def define(fake: FakeDiscord, query: str, *, locale: str = "ko", **options) -> Sent:
    interaction = await fake.slash("define", {"용어": query, **options}, locale=locale)
    return await interaction.reply()


async def test_exact_query_answers_publicly_with_the_entry(fake, bot):
    sent = await define(fake, "cgroup")

    assert sent.type == p.CHANNEL_MESSAGE
    assert not sent.ephemeral
    assert sent.embeds[0]["title"] == "Cgroup"
    assert "define:show:namespace" in sent.custom_ids


async def test_korean_particle_query_finds_the_term(fake, bot):
    sent = await define(fake, "도커란")

    assert sent.embeds[0]["title"] == "도커"


async def test_initial_consonant_query_finds_the_term(fake, bot):
    sent = await define(fake, "ㅋㅂㄴㅌㅅ")

    assert sent.embeds[0]["title"] == "쿠버네티스"


async def test_english_client_gets_english_labels(fake, bot):
    sent = await define(fake, "cgroup", locale="en-GB")

    assert sent.embeds[0]["fields"][0]["name"] == "Notes"


async def test_private_option_makes_the_entry_ephemeral(fake, bot):
    sent = await define(fake, "cgroup", 나만보기=True)

    assert sent.ephemeral
    assert sent.embeds[0]["title"] == "Cgroup"


async def test_autocomplete_matches_korean_initials(fake, bot):
    interaction = await fake.autocomplete("define", {"용어": "ㅋㅂ"}, focused="용어")
    sent = await interaction.reply()

    assert sent.type == p.AUTOCOMPLETE_RESULT
    choices = sent.data["choices"]
    assert choices[0]["value"] == "kubernetes"
    assert choices[0]["name"].startswith("쿠버네티스")
    assert len(choices) <= 25


async def test_autocomplete_matches_a_latin_prefix(fake, bot):
    interaction = await fake.autocomplete("define", {"용어": "cg"}, focused="용어")
    sent = await interaction.reply()

    assert sent.data["choices"] == [{"name": "Cgroup", "value": "cgroup"}]


async def test_miss_is_private_and_its_suggestion_button_shows_the_entry(fake, bot):
    miss = await define(fake, "pdo")
    assert miss.ephemeral
    assert miss.embeds[0]["title"] == t("define.miss.title", "ko")
    assert miss.custom_ids == ["define:show:pod"]

    click = await fake.click(miss, "define:show:pod")
    entry = await click.reply()

    assert entry.type == p.UPDATE_MESSAGE  # the private miss turns into the entry in place
    assert entry.embeds[0]["title"] == "파드"


async def test_related_button_on_a_public_card_answers_only_the_clicker(fake, bot):
    card = await define(fake, "cgroup")

    click = await fake.click(card, "define:show:namespace")
    entry = await click.reply()

    assert entry.type == p.CHANNEL_MESSAGE
    assert entry.ephemeral
    assert entry.embeds[0]["title"] == "네임스페이스"


async def test_buttons_answer_after_a_restart(fake, settings, services):
    async with running(fake, serving(settings, services)):
        card = await define(fake, "cgroup")

    async with running(fake, serving(settings, services)):
        click = await fake.click(card, "define:show:docker")
        entry = await click.reply()

    assert entry.embeds[0]["title"] == "도커"


async def test_button_for_a_removed_term_explains_kindly(fake, bot):
    old = fake.planted_message(["define:show:gone"])

    click = await fake.click(old, "define:show:gone")
    answer = await click.reply()

    assert answer.ephemeral
    assert answer.embeds[0]["description"] == t("error.unknown_term", "ko")


async def test_button_of_an_unknown_feature_is_reported_stale(fake, bot):
    old = fake.planted_message(["poll:vote:7:2"])

    click = await fake.click(old, "poll:vote:7:2", locale="en-US")
    answer = await click.reply()

    assert answer.ephemeral
    assert answer.embeds[0]["description"] == t("error.stale_button", "en")


class ExplodingGlossary(GlossaryService):
    def define(self, query: str, locale: str | None = None, **options) -> Reply:
        if query == "boom":
            raise RuntimeError("kaboom")
        return super().define(query, locale, **options)


async def test_crashing_handler_apologises_privately_and_bot_keeps_answering(
    fake, settings, caplog
):
    services = make_services(ExplodingGlossary(sample_content()))
    async with running(fake, serving(settings, services)):
        failed = await fake.slash("define", {"용어": "boom"})
        apology = await failed.reply()
        after = await define(fake, "cgroup")

    assert apology.ephemeral
    assert apology.embeds[0]["description"] == t("error.generic", "ko")
    assert "kaboom" not in json.dumps(apology.body)
    assert after.embeds[0]["title"] == "Cgroup"
    crash = [
        r for r in caplog.records if r.levelno >= logging.ERROR and failed.id in r.getMessage()
    ]
    assert crash
    assert crash[0].exc_info is not None


async def test_help_is_private_and_lists_the_commands(fake, bot):
    interaction = await fake.slash("help")
    sent = await interaction.reply()

    assert sent.ephemeral
    assert sent.embeds[0]["title"] == t("help.title", "ko")
    assert "/define" in [f["name"] for f in sent.embeds[0]["fields"]]


async def test_everyone_query_cannot_ping_anyone(fake, bot):
    sent = await define(fake, "@everyone hello")

    assert "@everyone" not in json.dumps(sent.body, ensure_ascii=False)
    assert sent.data["allowed_mentions"] == {"parse": []}


async def test_every_message_the_bot_sends_disables_mentions(fake, bot):
    card = await define(fake, "cgroup")
    miss = await define(fake, "pdo")
    await (await fake.click(miss, "define:show:pod")).reply()
    await (await fake.click(card, "define:show:docker")).reply()
    await (await fake.slash("help")).reply()

    messages = [s for s in fake.sent if s.type != p.AUTOCOMPLETE_RESULT]
    assert len(messages) == 5
    assert all(s.data["allowed_mentions"] == {"parse": []} for s in messages)
    assert fake.rejected == []
    assert fake.unhandled == []


async def test_command_the_bot_no_longer_has_gets_a_private_hint(fake, bot):
    stale = {"id": p.snowflake(), "name": "poll", "type": 1, "options": []}

    interaction = await fake.interact(p.APPLICATION_COMMAND, stale, locale="ko")
    answer = await interaction.reply()

    assert answer.ephemeral
    assert answer.embeds[0]["description"] == t("error.unknown_command", "ko", command="/poll")


async def test_a_servers_own_terms_are_found_only_in_that_server(fake, settings, services):
    own = Term(id="study-room", term="스터디룸", definition="우리 팀이 모이는 음성 채널")
    services.glossary.set_layer(f"discord:{p.GUILD_ID}", [own])
    async with running(fake, serving(settings, services)):
        here = await define(fake, "스터디룸")
        completed = await (await fake.autocomplete("define", {"용어": "스터"}, "용어")).reply()

    assert here.embeds[0]["title"] == "스터디룸"
    assert {"name": "스터디룸", "value": "study-room"} in completed.data["choices"]
    assert services.glossary.define("스터디룸").title != "스터디룸"


async def test_two_terms_in_one_question_are_side_by_side(fake, bot):
    answer = await (await fake.slash("define", {"용어": "cgroup vs namespace"})).reply()
    fields = answer.embeds[0]["fields"]
    assert [f["inline"] for f in fields[:2]] == [True, True]
    assert "Cgroup" in fields[0]["name"]
