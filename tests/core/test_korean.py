"""Tests for Korean-aware text folding: normalization, jamo, 초성 and particles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core import korean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Docker", "docker"),
        ("ＤＯＣＫＥＲ", "docker"),
        ("  Docker-Compose! ", "dockercompose"),
        ("multi_stage build", "multistagebuild"),
        ("**`cgroup`**", "cgroup"),
        ("도커 컴포즈", "도커컴포즈"),
        ("do\u200bcker\x00\x07", "docker"),
        ("🐳 docker 🐳", "docker"),
        ("?!…", ""),
    ],
)
def test_normalize_folds_case_width_spaces_and_punctuation(text, expected):
    assert korean.normalize(text) == expected


def test_normalize_keeps_typed_jamo_as_compatibility_jamo():
    # NFKC turns ㄷ (U+3137) into a conjoining jamo; a 초성 query must survive as typed.
    assert korean.normalize("ㄷㅋ") == "ㄷㅋ"
    assert korean.normalize("쿠ㅂ") == "쿠ㅂ"
    assert korean.normalize("ﾡﾱ") == "ㄱㅁ"  # half-width jamo


def test_normalize_many_handles_texts_holding_the_separator():
    texts = ["Docker", "a\x00b", "ㄷㅋ"]
    assert korean.normalize_many(texts) == ["docker", "ab", "ㄷㅋ"]
    assert korean.normalize_many([]) == []


def test_normalize_many_can_keep_one_space_between_words():
    texts = ["  Docker   Compose ", "multi-stage build", "쿠버네티스"]
    assert korean.normalize_many(texts, keep_spaces=True) == [
        "docker compose",
        "multi stage build",
        "쿠버네티스",
    ]


def test_words_splits_at_spaces_and_hyphens():
    assert korean.words("Multi-stage  build") == ["multi", "stage", "build"]


@given(st.text(max_size=30))
def test_normalize_is_idempotent(text):
    once = korean.normalize(text)
    assert korean.normalize(once) == once


@given(st.lists(st.text(max_size=12), max_size=8))
def test_normalize_many_agrees_with_normalize(texts):
    assert korean.normalize_many(texts) == [korean.normalize(t) for t in texts]


def test_split_and_compose_are_inverse_for_every_syllable():
    for code in range(0xAC00, 0xD7A4):
        syllable = chr(code)
        assert korean.compose_syllable(*korean.split_syllable(syllable)) == syllable


def test_split_syllable_uses_unicode_arithmetic():
    assert korean.split_syllable("쿱") == ("ㅋ", "ㅜ", "ㅂ")
    assert korean.split_syllable("가") == ("ㄱ", "ㅏ", "")
    assert korean.compose_syllable("ㅎ", "ㅣ", "ㅎ") == "힣"


@pytest.mark.parametrize("bad", ["a", "ㄱ", "가나", ""])
def test_split_syllable_rejects_anything_but_one_syllable(bad):
    with pytest.raises(ValueError, match="Hangul syllable"):
        korean.split_syllable(bad)


def test_compose_syllable_rejects_a_vowel_in_the_initial_slot():
    with pytest.raises(ValueError, match="cannot compose"):
        korean.compose_syllable("ㅏ", "ㅏ")


def test_decompose_spells_syllables_as_basic_jamo():
    assert korean.decompose("쿠버") == "ㅋㅜㅂㅓ"
    assert korean.decompose("과") == "ㄱㅗㅏ"  # a compound vowel is typed as two keys
    assert korean.decompose("앉") == "ㅇㅏㄴㅈ"  # so is a compound final
    assert korean.decompose("cgroup") == "cgroup"


@pytest.mark.parametrize("typing", ["쿠", "쿠ㅂ", "쿱", "쿠버", "쿠번", "쿠버네"])
def test_a_half_typed_syllable_is_a_jamo_prefix_of_the_word(typing):
    assert korean.decompose("쿠버네티스").startswith(korean.decompose(typing))


def test_decompose_many_agrees_with_decompose():
    texts = ["쿠버네티스", "docker", "", "도커 이미지"]
    assert korean.decompose_many(texts) == [korean.decompose(t) for t in texts]


def test_weigh_consonants_doubles_consonants_only():
    assert korean.weigh_consonants("ㅍㅏㄷㅡ") == "ㅍㅍㅏㄷㄷㅡ"
    assert korean.weigh_consonants("pod") == "pod"


def test_chosung_takes_the_initial_of_each_syllable():
    assert korean.chosung("쿠버네티스") == "ㅋㅂㄴㅌㅅ"
    assert korean.chosung("도커") == "ㄷㅋ"
    assert korean.chosung_many(["도커", "파드"]) == ["ㄷㅋ", "ㅍㄷ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ㄷㅋ", True),
        ("ㅋㅂㄴㅌㅅ", True),
        ("도커", False),
        ("ㄷ커", False),
        ("ㅏ", False),
        ("", False),
    ],
)
def test_is_chosung_accepts_bare_consonants_only(text, expected):
    assert korean.is_chosung(text) is expected


def test_is_hangul_and_has_final():
    assert korean.is_hangul("쿠버네티스")
    assert not korean.is_hangul("도커s")
    assert not korean.is_hangul("")
    assert korean.has_final("컨")
    assert not korean.has_final("커")


@pytest.mark.parametrize(
    ("query", "stem"),
    [
        ("도커란", "도커"),
        ("도커가 뭐예요?", "도커"),
        ("쿠버네티스는?", "쿠버네티스"),
        ("파드에 대해", "파드"),
        ("컨테이너 뜻", "컨테이너"),
        ("cgroup이란", "cgroup"),
        ("cgroup이 뭐야", "cgroup"),
        ("이미지가 뭔가요", "이미지"),
        ("볼륨에 대해서 알려줘", "볼륨"),
        ("컨테이너의 뜻이 뭐야", "컨테이너"),
        ("서비스를 설명해줘", "서비스"),
        ("노드들", "노드"),
        ("What is Docker?", "docker"),
    ],
)
def test_candidates_strip_particles_and_question_endings(query, stem):
    forms = korean.candidates(query)
    assert forms[0] == korean.normalize(query)
    assert stem in forms


@pytest.mark.parametrize(
    ("query", "stem"),
    [
        ("도커란", "도커"),
        ("도커가 뭐예요?", "도커"),
        ("속도가 뭐야", "속도"),
        ("쿠버내티스는?", "쿠버내티스"),
    ],
)
def test_core_is_the_shortest_grammatical_stem_of_two_letters_or_more(query, stem):
    assert korean.core(korean.normalize(query)) == stem


def test_a_term_that_ends_like_a_particle_is_tried_whole_first():
    forms = korean.candidates("게이트웨이가")
    assert forms.index("게이트웨이") < forms.index("게이트웨")
    assert korean.core("게이트웨이") == "게이트웨이"  # 이 after 웨 (no 받침) is not a particle


def test_particle_agreement_decides_confidence():
    # 은/이 follow a final consonant, 는/가 a vowel: a mismatched one is tried last.
    assert korean.stems("컨테이너가") == ("컨테이너",)
    assert korean.core("컨테이너은") == "컨테이너은"
    assert korean.stems("컨테이너은")[-1] == "컨테이너"


@pytest.mark.parametrize("query", ["뭐야", "에 대해서 알려줘", "이가", "란"])
def test_an_ending_alone_is_not_stripped_to_nothing(query):
    assert korean.candidates(query) == (korean.normalize(query),)


def test_candidates_of_nothing_searchable_is_empty():
    assert korean.candidates("  ?! 🐳 ") == ()


@pytest.mark.parametrize(
    ("word", "variant"),
    [
        ("cgroups", "cgroup"),
        ("cgroup", "cgroups"),
        ("policies", "policy"),
        ("policy", "policies"),
        ("ingresses", "ingress"),
        ("namespaces", "namespace"),
    ],
)
def test_english_variants_fold_plurals_both_ways(word, variant):
    assert variant in korean.english_variants(word)


@pytest.mark.parametrize(("word", "wrong"), [("status", "statu"), ("class", "clas"), ("k8s", "k8")])
def test_english_variants_do_not_cut_words_that_only_end_in_s(word, wrong):
    assert wrong not in korean.english_variants(word)


def test_english_variants_leave_hangul_alone():
    assert korean.english_variants("파드들") == ()
