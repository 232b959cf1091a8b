"""``terms``: the glossary terms a text mentions, through the router every face shares."""

from __future__ import annotations

from bot.core.glossary import GlossaryService
from bot.core.i18n import t
from bot.core.interaction.actor import Actor
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply
from bot.core.services import Services
from tests.adapters.discord.sample_content import sample_content

ALICE = Actor(UserRef("slack", "U1", "Alice"), "ko", SpaceRef("slack", "T1"))


async def _terms(text: str) -> Reply:
    router = build_router(Services(glossary=GlossaryService(sample_content())))
    outcome = await router.command(ALICE, "terms", {"text": text})
    assert isinstance(outcome.response, Reply)
    return outcome.response


async def test_terms_in_a_message_are_listed_with_buttons_in_order_of_mention():
    reply = await _terms("오늘 도커랑 파드를 띄우고 cgroup으로 메모리를 제한했다")
    assert reply.ephemeral
    assert reply.title == t("terms.found", "ko", count=3)
    assert [b.custom_id for b in reply.buttons] == [
        "define:show:docker",
        "define:show:pod",
        "define:show:cgroup",
    ]


async def test_a_message_without_terms_says_so():
    reply = await _terms("점심 뭐 먹을까요? <!channel>")
    assert reply.body == t("terms.none", "ko")
    assert reply.ephemeral


async def test_text_with_quotes_and_option_words_is_not_parsed_as_options():
    reply = await _terms('"private" 도커 timezone:UTC')
    assert [b.custom_id for b in reply.buttons] == ["define:show:docker"]
