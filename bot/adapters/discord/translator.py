"""Slash-command texts: Korean by default, English for en-US and en-GB, all from bot.core.i18n."""

from __future__ import annotations

from discord import Locale, app_commands

from bot.core.i18n import DEFAULT_LOCALE, has, t

ENGLISH_LOCALES = frozenset({Locale.american_english, Locale.british_english})


def ls(key: str) -> app_commands.locale_str:
    """A command text whose default is the Korean catalogue entry for ``key``."""
    return app_commands.locale_str(t(key, DEFAULT_LOCALE), key=key)


class StudyTranslator(app_commands.Translator):
    """Answers discord.py's translation requests from the shared reply catalogue."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        key = string.extras.get("key")
        if locale not in ENGLISH_LOCALES or not isinstance(key, str) or not has(key):
            return None
        return t(key, "en")
