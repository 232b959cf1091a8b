"""Console commands for the daily loop: /today, /quiz, /answer, /leaderboard, /settings."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.replies import Reply, Tone
from bot.core.spaces import SettingsUpdate

from .chat import ConsoleChat, need


def register(chat: ConsoleChat) -> None:
    services = chat.services

    async def today(_args: str) -> Reply:
        return await need(services.daily).today(chat.space, chat.locale)

    async def quiz(_args: str) -> Reply:
        return await need(services.quiz).practice(chat.space, chat.user, chat.locale)

    async def click_quiz(custom_id: str) -> Reply:
        return await need(services.quiz).answer(chat.space, chat.user, custom_id, chat.locale)

    async def answer(args: str) -> Reply:
        choice = args.strip()
        if not choice.isdigit() or not 1 <= int(choice) <= len(chat.quiz_buttons):
            return Reply(body=t("console.answer.usage", chat.locale), tone=Tone.WARNING)
        return await click_quiz(chat.quiz_buttons[int(choice) - 1])

    async def leaderboard(args: str) -> Reply:
        period = args.strip() or "week"
        return await need(services.quiz).leaderboard(chat.space, period, chat.locale)

    async def settings(args: str) -> Reply:
        spaces = need(services.spaces)
        if not args.strip():
            return await spaces.show(chat.space, chat.locale)
        pairs = dict(part.partition("=")[::2] for part in args.split())
        update = SettingsUpdate.from_pairs(pairs)
        # The person at the terminal runs the bot, so they manage the console space.
        return await spaces.change(chat.space, update, can_manage=True, locale=chat.locale)

    chat.handlers.update(
        {
            "today": today,
            "quiz": quiz,
            "answer": answer,
            "leaderboard": leaderboard,
            "settings": settings,
        }
    )
    chat.components["quiz"] = click_quiz
