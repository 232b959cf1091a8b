"""The one place Discord turns errors into friendly, private replies (and logs the bugs)."""

from __future__ import annotations

import logging

from discord import app_commands

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.replies import Reply, Tone

log = logging.getLogger(__name__)


class DiscordLoginError(StudyBotError):
    """Discord refused the bot token (HTTP 401 at login, or gateway close code 4004)."""

    key = "error.discord_login"


class MissingTokenError(StudyBotError):
    """The Discord face was started without DISCORD_TOKEN."""

    key = "error.no_token"


class StaleButtonError(StudyBotError):
    """A button whose ``<feature>:<action>`` no handler answers any more."""

    key = "error.stale_button"


def reply_for_error(
    error: BaseException, locale: str, *, interaction_id: int, command: str
) -> tuple[Reply, str]:
    """The private reply for ``error`` and the outcome to log; bugs are logged with traceback."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, StudyBotError):
        return error_reply(error, locale), f"refused:{type(error).__name__}"
    if isinstance(error, app_commands.CommandNotFound):
        text = t("error.unknown_command", locale, command=f"/{error.name}")
        return Reply(body=text, ephemeral=True, tone=Tone.WARNING), "unknown_command"
    log.error("interaction id=%s command=%s failed", interaction_id, command, exc_info=error)
    return apology_reply(locale), "error"


def error_reply(error: StudyBotError, locale: str) -> Reply:
    """The friendly reply for a domain error; only the user who asked sees it."""
    try:
        text = t(error.key, locale, **error.params)
    except (KeyError, IndexError, ValueError):  # a key or parameter the catalogue lacks
        text = t("error.generic", locale)
    return Reply(body=text, ephemeral=True, tone=Tone.WARNING)


def apology_reply(locale: str) -> Reply:
    """The short apology for a bug; the details go to the log, never to the user."""
    return Reply(body=t("error.generic", locale), ephemeral=True, tone=Tone.ERROR)
