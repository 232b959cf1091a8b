"""The one place any face's errors become friendly, private replies (and bugs are logged)."""

from __future__ import annotations

import logging

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.replies import Reply, Tone, defang

log = logging.getLogger(__name__)


class StaleButtonError(StudyBotError):
    """A button or form id no handler answers (an old version's, or a forged one)."""

    key = "error.stale_button"


class SlowFormError(StudyBotError):
    """A form's prefill took so long that the platform would have dropped it.

    Discord cannot open a form after a deferral and Slack's trigger_id lives 3 s, so a form
    that is not ready in time is refused politely instead of opening late.
    """

    key = "error.form_slow"


class UnknownCommandError(StudyBotError):
    """A command this bot does not have."""

    key = "error.unknown_command"


def error_reply(error: StudyBotError, locale: str) -> Reply:
    """The friendly reply for a domain error; only the member who asked sees it.

    Errors often quote what the member typed, so every quoted text is made inert first.
    """
    params = {k: defang(v) if isinstance(v, str) else v for k, v in error.params.items()}
    try:
        text = t(error.key, locale, **params)
    except (KeyError, IndexError, ValueError):  # a key or parameter the catalogue lacks
        text = t("error.generic", locale)
    return Reply(body=text, ephemeral=True, tone=Tone.WARNING)


def apology_reply(locale: str) -> Reply:
    """The short apology for a bug; the details go to the log, never to the member."""
    return Reply(body=t("error.generic", locale), ephemeral=True, tone=Tone.ERROR)


def reply_for_error(error: BaseException, locale: str, *, where: str) -> tuple[Reply, str]:
    """The private reply for ``error`` and the outcome to log; bugs are logged with traceback."""
    if isinstance(error, StudyBotError):
        return error_reply(error, locale), f"refused:{type(error).__name__}"
    log.error("%s failed", where, exc_info=error)
    return apology_reply(locale), "error"
