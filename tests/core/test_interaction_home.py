"""``home``: a member's dashboard and its buttons, through the router every face shares."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.core.i18n import t
from bot.core.interaction.actor import Actor
from bot.core.interaction.forms import Form
from bot.core.interaction.setup import build_router
from bot.core.models import SpaceRef, UserRef
from bot.core.replies import Reply
from bot.core.services import Services
from tests.core.fakes import make_journal

SPACE = SpaceRef("slack", "T1")
ALICE = Actor(UserRef("slack", "U1", "Alice"), "ko", SPACE)
NOW = dt.datetime(2024, 3, 4, 10, tzinfo=ZoneInfo("Asia/Seoul"))


def _router():
    js = make_journal(NOW)
    services = Services(
        glossary=js.glossary,
        spaces=js.stack.spaces,
        daily=js.stack.daily,
        quiz=js.stack.quiz,
        journal=js.journal,
    )
    return build_router(services), js


async def test_home_shows_todays_goals_and_the_quiz_record_privately():
    router, js = _router()
    await js.journal.save_scrum(SPACE, ALICE.member, "파드 만들기", public=True)
    outcome = await router.command(ALICE, "home")
    reply = outcome.response
    assert isinstance(reply, Reply)
    assert reply.ephemeral
    fields = {f.name: f.value for f in reply.fields}
    assert "파드 만들기" in fields[t("home.goals", "ko")]
    stats = t("home.stats.value", "ko", streak=0, accuracy=0, answered=0)
    assert fields[t("home.stats", "ko")] == stats
    assert [b.custom_id for b in reply.buttons] == [
        "home:open:scrum",
        "home:open:retro",
        "home:open:quiz",
    ]


async def test_home_buttons_answer_like_their_commands():
    router, _ = _router()
    scrum = (await router.press(ALICE, "home:open:scrum")).response
    quiz = (await router.press(ALICE, "home:open:quiz")).response
    forged = await router.press(ALICE, "home:open:anything")
    assert isinstance(scrum, Form)
    assert scrum.id == "journal:scrum:pub"
    assert isinstance(quiz, Reply)
    assert any(b.custom_id.startswith("quiz:answer:") for b in quiz.buttons)
    assert forged.status == "refused:UnknownHomeButtonError"
