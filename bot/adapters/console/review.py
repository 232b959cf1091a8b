"""Console commands for spaced repetition: /review, its buttons, /stats and /today's line."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.core.i18n import t
from bot.core.models import UserRef
from bot.core.replies import Attachment, Reply

from .chat import ConsoleChat, need

_REMINDERS = ("reminders", "알림")


def register(chat: ConsoleChat, stats_dir: Path | None = None) -> None:
    services = chat.services

    async def review(args: str) -> Reply:
        # `/review reminders on` and `/review 알림:켜기` both switch reminders.
        words = args.replace(":", " ").split()
        if words and words[0].lower() in _REMINDERS:
            value = words[1] if len(words) > 1 else ""
            return await need(services.review).set_reminders(
                chat.space, chat.user, value, chat.locale
            )
        return await need(services.review).review(chat.space, chat.user, chat.locale)

    async def click(custom_id: str) -> Reply:
        reply = await need(services.review).click(chat.space, chat.user, custom_id, chat.locale)
        return await with_files(reply) if reply.attachments else reply

    async def with_files(reply: Reply) -> Reply:
        """Write the reply's files under the data dir and say where, before its text."""
        folder = stats_dir or _default_stats_dir()
        lines = []
        for attachment in reply.attachments:
            path = await asyncio.to_thread(_save, folder, attachment)
            lines.append(t("stats.saved", chat.locale, path=path))
        body = "\n\n".join([*lines, reply.body])
        return Reply(title=reply.title, body=body, ephemeral=True)

    async def stats(args: str) -> Reply:
        name = args.strip().lstrip("@")
        target = UserRef(chat.user.platform, name, name) if name else None
        reply = await need(services.review).stats(chat.space, chat.user, target, chat.locale)
        return await with_files(reply)

    async def today(_args: str) -> Reply:
        # /today with the member's own lines (복습할 카드 N장); daily's own /today has no actor.
        return await need(services.daily).today(chat.space, chat.locale, member=chat.user.id)

    chat.handlers.update({"review": review, "stats": stats, "today": today})
    chat.components["review"] = click


def _save(folder: Path, attachment: Attachment) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / attachment.name).resolve()
    path.write_bytes(attachment.data)
    return path


def _default_stats_dir() -> Path:
    """``<data dir>/stats``; the console has no settings of its own, so read them here."""
    from bot.settings import Settings

    return Settings().data_dir / "stats"
