"""The Discord face's own start-up errors; every other error is mapped by the core's router."""

from __future__ import annotations

from bot.core.errors import StudyBotError


class DiscordLoginError(StudyBotError):
    """Discord refused the bot token (HTTP 401 at login, or gateway close code 4004)."""

    key = "error.discord_login"


class MissingTokenError(StudyBotError):
    """The Discord face was started without DISCORD_TOKEN."""

    key = "error.no_token"
