"""The share button: a private entry shown again to the whole channel."""

from __future__ import annotations

from bot.core.glossary import GlossaryService
from bot.core.interaction.actor import Actor
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply
from bot.core.services import Services
from tests.adapters.discord.sample_content import sample_content

ALICE = Actor(UserRef("slack", "U1", "Alice"), "ko", SpaceRef("slack", "T1"))


async def test_share_shows_the_entry_to_everyone_as_a_new_message():
    router = build_router(Services(glossary=GlossaryService(sample_content())))
    outcome = await router.press(ALICE, "define:share:cgroup")
    assert isinstance(outcome.response, Reply)
    assert outcome.response.ephemeral is False
    assert outcome.response.update is False
    assert outcome.response.title
    assert router.expects("button", "define:share:cgroup") == (False, False)


async def test_sharing_an_unknown_term_is_refused_privately():
    router = build_router(Services(glossary=GlossaryService(sample_content())))
    outcome = await router.press(ALICE, "define:share:no-such-term")
    assert outcome.status.startswith("refused:")
    assert isinstance(outcome.response, Reply)
    assert outcome.response.ephemeral
