"""Reply texts in Korean (the default) and English, looked up by key."""

from __future__ import annotations

import string
from typing import Literal

from bot.core.messages import (
    commands,
    console,
    daily,
    errors,
    glossary,
    interaction,
    journal,
    spaces,
)
from bot.core.messages import review as review_messages
from bot.core.particles import particle

Locale = Literal["ko", "en"]
DEFAULT_LOCALE: Locale = "ko"

_CATALOGUES = (
    commands.MESSAGES,
    console.MESSAGES,
    daily.MESSAGES,
    errors.MESSAGES,
    glossary.MESSAGES,
    interaction.MESSAGES,
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
    if not params:
        return text
    return _format(text, params) if "|" in text else text.format(**params)


_FORMATTER = string.Formatter()
# Marks that close around a value (`code`, **bold**, quotes): a particle goes after them.
_CLOSERS = "`*_'\")]”’»"


def _format(text: str, params: dict[str, object]) -> str:
    """``str.format`` that also fills ``{name|은}``: the value and the particle that fits it.

    The particle is written after any closing marks that follow the placeholder, so
    ``"`{value|은}` …"`` gives ``"`서울`은 …"`` and ``"`pod`는 …"``.
    """
    out: list[str] = []
    pending = ""
    for literal, field, spec, conversion in _FORMATTER.parse(text):
        if pending:
            closing = len(literal) - len(literal.lstrip(_CLOSERS))
            literal = literal[:closing] + pending + literal[closing:]
            pending = ""
        out.append(literal)
        if field is None:
            continue
        form = ""
        if "|" in field:
            field, form = field.split("|", 1)
        elif spec and "|" in spec:
            spec, form = spec.split("|", 1)
        value = _FORMATTER.convert_field(_FORMATTER.get_field(field, (), params)[0], conversion)
        shown = _FORMATTER.format_field(value, spec or "")
        out.append(shown)
        if form:
            pending = particle(shown, form)
    out.append(pending)
    return "".join(out)


def has(key: str) -> bool:
    """Whether the catalogue knows ``key``."""
    return key in _MESSAGES
