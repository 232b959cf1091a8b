"""Reply texts in Korean (the default) and English, looked up by key."""

from __future__ import annotations

from typing import Literal

from bot.core.messages import commands, console, daily, errors, glossary, journal, spaces
from bot.core.messages import review as review_messages

Locale = Literal["ko", "en"]
DEFAULT_LOCALE: Locale = "ko"

_CATALOGUES = (
    commands.MESSAGES,
    console.MESSAGES,
    daily.MESSAGES,
    errors.MESSAGES,
    glossary.MESSAGES,
    journal.MESSAGES,
    spaces.MESSAGES,
    review_messages.MESSAGES,
)
_MESSAGES: dict[str, dict[str, str]] = {}
for _catalogue in _CATALOGUES:
    _clash = _MESSAGES.keys() & _catalogue.keys()
    if _clash:  # pragma: no cover - caught by the first import in any test
        raise ValueError(f"message keys defined twice: {sorted(_clash)}")
    _MESSAGES.update(_catalogue)


def normalize_locale(locale: str | None) -> Locale:
    """Map a platform locale such as ``en-US`` or ``ko`` to a supported one."""
    if locale and locale.lower().startswith("en"):
        return "en"
    if locale and locale.lower().startswith("ko"):
        return "ko"
    return DEFAULT_LOCALE


def t(key: str, locale: str | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``locale``, falling back to Korean, formatted with ``params``."""
    entry = _MESSAGES[key]
    text = entry.get(normalize_locale(locale)) or entry[DEFAULT_LOCALE]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether the catalogue knows ``key``."""
    return key in _MESSAGES
