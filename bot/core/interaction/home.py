"""``home``: a member's dashboard (Slack's App Home), and its buttons to 스크럼, 회고, 퀴즈.

The dashboard shows today's goals, today's card (term of the day), the member's quiz
streak and accuracy. Its buttons (``home:open:<scrum|retro|quiz>``) answer like the
commands they stand for, so a face that shows the dashboard needs nothing else.
"""

from __future__ import annotations

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.interaction import daily, journal
from bot.core.interaction.ids import action_id
from bot.core.interaction.options import Command
from bot.core.interaction.router import Call, Response, Router
from bot.core.quiz import Period
from bot.core.replies import Reply, ReplyButton, ReplyField, safe
from bot.core.services import need

HOME = Command("home")
OPEN_BUTTON = "home:open"
_OPENS = {"scrum": journal.open_scrum, "retro": journal.open_retro, "quiz": daily.quiz}
_TODAY_LENGTH = 900


async def home(call: Call) -> Reply:
    """The member's dashboard, private to them."""
    actor, locale = call.actor, call.actor.locale
    space = actor.team
    prefill = await need(call.services.journal).scrum_form(space, actor.member)
    goals = prefill.goals if prefill.existing is not None else ""
    today = await need(call.services.daily).today(space, locale)
    rows = await need(call.services.quiz).standings(space, Period.ALL)
    mine = next((row for row in rows if row.user_id == actor.member.id), None)
    stats = t(
        "home.stats.value",
        locale,
        streak=mine.streak if mine else 0,
        accuracy=round(mine.accuracy * 100) if mine else 0,
        answered=mine.answered if mine else 0,
    )
    card = "\n".join(part for part in (today.title, today.body) if part)
    return Reply(
        title=t("home.title", locale, name=safe(actor.member.display_name, 80)),
        fields=(
            ReplyField(t("home.goals", locale), safe(goals, 1000) or t("home.goals.none", locale)),
            ReplyField(t("home.today", locale), safe(card, _TODAY_LENGTH) or "-"),
            ReplyField(t("home.stats", locale), stats),
        ),
        buttons=tuple(
            ReplyButton(t(f"home.button.{name}", locale), action_id("home", "open", name))
            for name in _OPENS
        ),
        ephemeral=True,
    )


async def open_from_home(call: Call) -> Response:
    """A dashboard button: the same answer as ``/scrum``, ``/retro`` or ``/quiz``."""
    handler = _OPENS.get(call.arg)
    if handler is None:
        raise UnknownHomeButtonError
    return await handler(call)


class UnknownHomeButtonError(StudyBotError):
    key = "error.stale_button"


def register(router: Router) -> None:
    router.add_command(HOME, home)
    router.add_button(OPEN_BUTTON, open_from_home, opens_form=True)
