"""The reply catalogue: every text in Korean and English, with the same placeholders."""

from __future__ import annotations

import itertools
import re
import string

import pytest

from bot.core import i18n
from bot.core.i18n import normalize_locale, t

KEYS = sorted(i18n._MESSAGES)


def _fields(text: str) -> set[str]:
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


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


# Values that end in a vowel, a consonant, ㄹ, a Latin word and digits, with the final consonant
# each is read with ("" for a vowel).
SAMPLES = {
    "도커": "",
    "아침": "ㅁ",
    "서울": "ㄹ",
    "내일": "ㄹ",
    "pod": "",
    "cgroup": "ㅂ",
    "helm": "ㅁ",
    "3": "ㅁ",
    "2026-12-05": "",
}
PAIRS = {"은": "는", "이": "가", "을": "를", "과": "와", "으로": "로"}
FORMS = {
    form: pair for first, second in PAIRS.items() for pair in [(first, second)] for form in pair
}
CLOSERS = "`*_'\")]”’»"
VARIABLE = re.compile(r"^(은|는|이|가|을|를|과|와|으로|로)(?![가-힣])")


def expected_particle(final: str, form: str) -> str:
    with_final, without = FORMS[form]
    if with_final == "으로":
        return with_final if final and final != "ㄹ" else without
    return with_final if final else without


def _pieces(text: str):
    return list(string.Formatter().parse(text))


@pytest.mark.parametrize("key", KEYS)
def test_no_korean_text_puts_a_raw_particle_after_a_placeholder(key):
    pieces = _pieces(i18n._MESSAGES[key]["ko"])
    assert "은(는)" not in i18n._MESSAGES[key]["ko"]
    for (before, field, _, _), (after, *_) in itertools.pairwise(pieces):
        # In "마감({close})은" the particle belongs to the word before the parenthesis.
        if field and "|" not in field and not before.endswith("("):
            rest = after.lstrip(CLOSERS)
            assert not VARIABLE.match(rest), f"{key}: {{{field}}} is followed by {rest[:3]!r}"


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(("value", "final"), SAMPLES.items())
def test_every_korean_template_picks_the_particle_by_the_value(key, value, final):
    template = i18n._MESSAGES[key]["ko"]
    pieces = _pieces(template)
    params = {
        field.split("|")[0].split(".")[0]: 3 if spec else value
        for _, field, spec, _ in pieces
        if field
    }
    if not params:
        return
    shown = t(key, "ko", **params)
    for (_, field, spec, _), (after, *_) in zip(pieces, [*pieces[1:], ("",)], strict=False):
        if field and "|" in field and not spec:
            form = field.split("|")[1]
            closers = after[: len(after) - len(after.lstrip(CLOSERS))]
            want = value + closers + expected_particle(final, form)
            assert want in shown, (key, shown)


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("error.invalid_timezone", "서울", "`서울`은 올바른"),
        ("error.invalid_timezone", "Europe/Berlin", "`Europe/Berlin`은 올바른"),
        ("error.invalid_date", "내일", "`내일`은 올바른"),
        ("error.invalid_time", "아침", "`아침`은 올바른"),
        ("error.invalid_time", "9시", "`9시`는 올바른"),
    ],
)
def test_replies_from_the_issue_read_right(key, value, text):
    assert text in t(key, "ko", value=value)


def test_a_particle_placeholder_in_english_is_just_the_value():
    assert t("error.invalid_timezone", "en", value="서울").startswith("`서울`")
