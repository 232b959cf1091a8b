"""The daily loop's commands and buttons: /today, /quiz, /leaderboard, /settings, answers."""

from __future__ import annotations

from bot.core.interaction.options import Command, Option, OptionValue, text_option
from bot.core.interaction.router import Call, Router
from bot.core.quiz import Period
from bot.core.replies import Reply
from bot.core.services import need
from bot.core.spaces import SettingsUpdate

TODAY = Command("today")
QUIZ = Command("quiz")
LEADERBOARD = Command(
    "leaderboard",
    (Option("period", positional=True, label_key="option.leaderboard.period"),),
    private=False,
)
SETTING_NAMES = (
    "channel",
    "timezone",
    "morning",
    "quiz",
    "quiz_close",
    "retro",
    "days",
    "enabled",
    "mention_reminders",
)
_FLAGS = {"enabled", "mention_reminders"}
_ALIASES = {
    "timezone": ("tz", "시간대"),
    "quiz_close": ("close",),
    "days": ("study_days", "요일"),
    "channel": ("channel_id", "채널"),
    "mention_reminders": ("mentions", "mention"),
}
SETTINGS = Command(
    "settings",
    (
        *(
            Option(
                name,
                "flag" if name in _FLAGS else "text",
                label_key=f"option.settings.{name}",
                aliases=_ALIASES.get(name, ()),
            )
            for name in SETTING_NAMES
        ),
        # Only typed text offers these two; Discord keeps its options to the common ones.
        Option("start", aliases=("시작",)),
        Option("locale", aliases=("language", "언어")),
    ),
)


async def today(call: Call) -> Reply:
    """Today's post, with the member's own lines (cards to review)."""
    actor = call.actor
    return await need(call.services.daily).today(actor.team, actor.locale, member=actor.member.id)


async def quiz(call: Call) -> Reply:
    actor = call.actor
    return await need(call.services.quiz).practice(actor.team, actor.member, actor.locale)


async def answer(call: Call) -> Reply:
    """A click on a quiz choice: recorded once per member, answered privately."""
    actor = call.actor
    custom_id = f"quiz:answer:{call.arg}"
    return await need(call.services.quiz).answer(actor.team, actor.member, custom_id, actor.locale)


async def leaderboard(call: Call) -> Reply:
    period = text_option(call.options, "period") or Period.WEEK.value
    actor = call.actor
    return await need(call.services.quiz).leaderboard(actor.team, period, actor.locale)


def settings_update(options: dict[str, OptionValue]) -> SettingsUpdate:
    """The change a member asked for; flags read ``on``/``켜기`` as well as true/false."""
    return SettingsUpdate(
        channel=text_option(options, "channel"),
        timezone=text_option(options, "timezone"),
        morning=text_option(options, "morning"),
        quiz=text_option(options, "quiz"),
        quiz_close=text_option(options, "quiz_close"),
        retro=text_option(options, "retro"),
        days=text_option(options, "days"),
        enabled=_raw_flag(options.get("enabled")),
        mention_reminders=_raw_flag(options.get("mention_reminders")),
        start=text_option(options, "start"),
        locale=text_option(options, "locale"),
    )


def _raw_flag(value: OptionValue) -> str | bool | None:
    """A flag as given: the settings parser reads ``on``/``켜기`` and names a bad value."""
    if value is None or isinstance(value, bool):
        return value
    return str(value)


async def settings(call: Call) -> Reply:
    """Show the settings, or change them; the service refuses members who cannot manage."""
    spaces, actor = need(call.services.spaces), call.actor
    update = settings_update(dict(call.options))
    if update.is_empty():
        return await spaces.show(actor.team, actor.locale)
    return await spaces.change(actor.team, update, can_manage=actor.can_manage, locale=actor.locale)


def register(router: Router) -> None:
    router.add_command(TODAY, today)
    router.add_command(QUIZ, quiz)
    router.add_command(LEADERBOARD, leaderboard)
    router.add_command(SETTINGS, settings)
    router.add_button("quiz:answer", answer)
