"""The reply catalogue: every text in Korean and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from bot.core import i18n
from bot.core.i18n import normalize_locale, t

KEYS = sorted(i18n._MESSAGES)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", KEYS)
def test_every_text_has_korean_and_english_with_the_same_placeholders(key):
    entry = i18n._MESSAGES[key]
    assert set(entry) == {"ko", "en"}
    assert entry["ko"].strip()
    assert entry["en"].strip()
    assert _fields(entry["ko"]) == _fields(entry["en"])


def test_locales_from_platforms_map_to_korean_or_english():
    assert normalize_locale("en-US") == "en"
    assert normalize_locale("en-GB") == "en"
    assert normalize_locale("ko") == "ko"
    assert normalize_locale("ja") == "ko"  # the server's default language
    assert normalize_locale(None) == "ko"


def test_texts_are_formatted_with_their_parameters():
    assert t("error.query_too_long", "en", limit=100).endswith("under 100 characters.")
    assert "100자" in t("error.query_too_long", None, limit=100)
