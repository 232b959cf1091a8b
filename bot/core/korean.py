"""Korean-aware text folding for glossary search: normalizing, jamo, 초성 and particles."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from enum import Enum

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONGSEONG = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_LAST = 0xD7A3
_PER_INITIAL = len(JUNGSEONG) * len(JONGSEONG)  # 588 syllables share one initial consonant

# Compound vowels and finals are typed as two keys, so they count as two jamo: that keeps a
# half-typed syllable a prefix of the finished one and makes a slip cost one edit, not two.
_COMPOUND = {
    "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ",
    "ㅢ": "ㅡㅣ", "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ",
    "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ",
}  # fmt: skip

_NOT_WORD = re.compile(r"[\W_]+")
_NOT_WORD_BUT_NUL = re.compile(r"[^\w\0]+")  # an underscore is \w: replaced on its own, faster
_CHOSUNG_ONLY = re.compile(r"[ㄱ-ㅎ]+")
_HANGUL_ONLY = re.compile(r"[가-힣]+")
_CONJOINING = re.compile(r"[\u1100-\u11ff]")


def split_syllable(syllable: str) -> tuple[str, str, str]:
    """Split one precomposed Hangul syllable into (initial, medial, final) compatibility jamo."""
    if len(syllable) != 1 or not _SYLLABLE_FIRST <= ord(syllable) <= _SYLLABLE_LAST:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    index = ord(syllable) - _SYLLABLE_FIRST
    initial, rest = divmod(index, _PER_INITIAL)
    medial, final = divmod(rest, len(JONGSEONG))
    return CHOSEONG[initial], JUNGSEONG[medial], JONGSEONG[final]


def compose_syllable(initial: str, medial: str, final: str = "") -> str:
    """Build a syllable from compatibility jamo: the inverse of `split_syllable`."""
    if initial not in CHOSEONG or medial not in JUNGSEONG or final not in JONGSEONG:
        raise ValueError(f"cannot compose {initial!r} {medial!r} {final!r}")
    index = (CHOSEONG.index(initial) * len(JUNGSEONG) + JUNGSEONG.index(medial)) * len(
        JONGSEONG
    ) + JONGSEONG.index(final)
    return chr(_SYLLABLE_FIRST + index)


def _conjoining_to_compat() -> dict[int, str]:
    # NFKC turns compatibility jamo (ㄷ, U+3137) into conjoining jamo (U+1103); fold them back.
    table = {0x1100 + i: c for i, c in enumerate(CHOSEONG)}
    table.update({0x1161 + i: c for i, c in enumerate(JUNGSEONG)})
    table.update({0x11A8 + i: c for i, c in enumerate(JONGSEONG[1:])})
    return table


def _syllable_tables() -> tuple[dict[int, str], dict[int, str]]:
    jamo: dict[int, str] = {ord(k): v for k, v in _COMPOUND.items()}
    initials: dict[int, str] = {}
    for code in range(_SYLLABLE_FIRST, _SYLLABLE_LAST + 1):
        parts = split_syllable(chr(code))
        jamo[code] = "".join(_COMPOUND.get(p, p) for p in parts)
        initials[code] = parts[0]
    return jamo, initials


_COMPAT = _conjoining_to_compat()
_DOUBLED = {code: chr(code) * 2 for code in range(ord("ㄱ"), ord("ㅎ") + 1)}
_JAMO, _INITIALS = _syllable_tables()


def normalize(text: str) -> str:
    """Fold text for matching: NFKC, casefold, and drop spaces, punctuation, symbols and emoji."""
    folded = _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())
    return folded.translate(_COMPAT) if _CONJOINING.search(folded) else folded


def normalize_many(texts: Sequence[str], *, keep_spaces: bool = False) -> list[str]:
    """`normalize` many texts in one pass over a joined string, several times faster.

    With ``keep_spaces`` every run of spaces and punctuation becomes a single space instead,
    which keeps the word boundaries of "Docker Compose".
    """
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:  # a text holds the separator itself
        return [(" ".join(words(t)) if keep_spaces else normalize(t)) for t in texts]
    folded = unicodedata.normalize("NFKC", joined).casefold()
    if keep_spaces:
        folded = _NOT_WORD_BUT_NUL.sub(" ", folded.replace("_", " "))
        folded = folded.replace(" \0", "\0").replace("\0 ", "\0")
        folded = folded.strip(" ")
    else:
        folded = _NOT_WORD_BUT_NUL.sub("", folded).replace("_", "")
    if _CONJOINING.search(folded):
        folded = folded.translate(_COMPAT)
    return folded.split("\0") if texts else []


def words(text: str) -> list[str]:
    """The normalized words of text, split at spaces, hyphens and other punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _CONJOINING.search(folded):
        folded = folded.translate(_COMPAT)
    return [w for w in _NOT_WORD.split(folded) if w]


def decompose(text: str) -> str:
    """Spell every Hangul syllable out as basic jamo (쿠버 → ㅋㅜㅂㅓ); other characters stay."""
    return text if text.isascii() else text.translate(_JAMO)


def decompose_many(texts: list[str]) -> list[str]:
    """`decompose` for many texts in one pass; texts must not contain a newline."""
    return "\n".join(texts).translate(_JAMO).split("\n") if texts else []


def weigh_consonants(jamo: str) -> str:
    """Write each consonant jamo twice, so that editing a consonant costs twice a vowel.

    Learners mostly slip on vowels (포드 for 파드, 쿠버내티스), while a changed consonant usually
    makes another word (노드, 포트); distances on this spelling tell the two apart.
    """
    return jamo.translate(_DOUBLED)


def chosung(text: str) -> str:
    """Replace each Hangul syllable with its initial consonant (쿠버네티스 → ㅋㅂㄴㅌㅅ)."""
    return text.translate(_INITIALS)


def chosung_many(texts: list[str]) -> list[str]:
    """`chosung` for many texts in one pass; texts must not contain a newline."""
    return "\n".join(texts).translate(_INITIALS).split("\n") if texts else []


def is_chosung(text: str) -> bool:
    """Whether text is made of bare consonants only, the way people type 초성 searches."""
    return _CHOSUNG_ONLY.fullmatch(text) is not None


def has_syllables(text: str) -> bool:
    """Whether text holds a precomposed Hangul syllable anywhere (not only bare jamo)."""
    return _HANGUL_ONLY.search(text) is not None


def is_hangul(text: str) -> bool:
    """Whether text is non-empty and made of precomposed Hangul syllables only."""
    return _HANGUL_ONLY.fullmatch(text) is not None


def has_final(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침), which decides 은/는, 이/가, 을/를."""
    return bool(split_syllable(syllable)[2])


class _After(Enum):
    ANY = "any"
    VOWEL = "vowel"  # 는, 가, 를, 란: only after a syllable without 받침
    CONSONANT = "consonant"  # 은, 이, 을, 이란: only after a syllable with 받침


_QUESTIONS = (
    "뭐예요", "뭐에요", "뭐야", "뭐지", "뭐죠", "뭐임", "뭐니", "뭐냐", "뭔가요",
    "뭔데", "뭔지", "뭐", "무엇인가요", "무엇이에요", "무엇입니까", "무엇이야", "무엇",
    "알려줘", "알려주세요", "알려줄래", "알려줄래요", "설명해줘", "설명해주세요",
    "설명좀", "설명", "좀", "뜻", "의미", "개념", "정의",
)  # fmt: skip
_PARTICLES = {
    _After.CONSONANT: ("은", "이", "을", "이란", "이라는", "이라는게", "이란게", "이라고"),
    _After.VOWEL: ("는", "가", "를", "란", "라는", "라는게", "란게", "라고"),
    _After.ANY: (
        "의", "도", "에", "들", "에대해", "에대해서", "에대하여", "에대한", "에관해", "에관한",
    ),
}  # fmt: skip


def _endings_by_last_letter() -> dict[str, list[tuple[str, _After]]]:
    endings = [(q, _After.ANY) for q in _QUESTIONS]
    endings += [(p, after) for after, items in _PARTICLES.items() for p in items]
    by_last: dict[str, list[tuple[str, _After]]] = {}
    for ending, after in sorted(endings, key=lambda item: -len(item[0])):
        by_last.setdefault(ending[-1], []).append((ending, after))
    return by_last


_ENDINGS = _endings_by_last_letter()  # longest first, so 이란 is tried before 란
_ENDING_WORDS = frozenset(e for items in _ENDINGS.values() for e, _ in items)
_EN_PREFIXES = ("whatis", "whatare", "whats", "define", "meaningof")
_MAX_STRIPS = 4


def _agrees(stem: str, after: _After) -> bool:
    last = stem[-1]
    if after is _After.ANY or not is_hangul(last):
        return True  # after Latin letters or digits either form is plausible
    return has_final(last) == (after is _After.CONSONANT)


def _strip_once(word: str) -> list[tuple[str, bool]]:
    found = []
    for ending, after in _ENDINGS.get(word[-1:], ()):
        if word.endswith(ending) and len(word) > len(ending):
            stem = word[: -len(ending)]
            if stem not in _ENDING_WORDS:
                found.append((stem, _agrees(stem, after)))
    return found


@functools.lru_cache(maxsize=4096)
def _all_stems(word: str) -> tuple[tuple[str, bool], ...]:
    """Every stem reachable by peeling endings, with whether every peel was grammatical."""
    stems: dict[str, bool] = {}
    frontier = [(word, True)]
    for _ in range(_MAX_STRIPS):
        next_frontier = []
        for current, fits in frontier:
            for stem, agrees in _strip_once(current):
                grammatical = fits and agrees
                if stems.get(stem) is None or (grammatical and not stems[stem]):
                    stems[stem] = grammatical
                    next_frontier.append((stem, grammatical))
        frontier = next_frontier
    return tuple(stems.items())


def _english_stems(normalized: str) -> list[str]:
    return [
        normalized[len(p) :]
        for p in _EN_PREFIXES
        if normalized.startswith(p) and len(normalized) > len(p)
    ]


def stems(normalized: str) -> tuple[str, ...]:
    """Forms of a normalized query with particles and question endings removed, best first.

    Grammatical peels (이 after 받침, 가 after a vowel …) come first, longest stem first, so a term
    that merely ends like a particle (게이트웨이) is tried whole before it is cut; English
    question prefixes ("what is") follow, and ungrammatical peels come last.
    """
    found = _all_stems(normalized)
    grammatical = sorted((s for s, ok in found if ok), key=len, reverse=True)
    doubtful = sorted((s for s, ok in found if not ok), key=len, reverse=True)
    ordered = (*grammatical, *_english_stems(normalized), *doubtful)
    return tuple(dict.fromkeys(s for s in ordered if s != normalized))


def core(normalized: str) -> str:
    """The likeliest term inside a question: the shortest grammatical stem of two or more letters.

    Typo search runs on it; a one-letter stem (속도 → 속) is never what a learner asked about.
    """
    found = _all_stems(normalized)
    pool = [s for s, ok in found if ok and len(s) >= 2]
    pool += [s for s in _english_stems(normalized) if len(s) >= 2]
    return min(pool, key=len, default=normalized)


def candidates(query: str) -> tuple[str, ...]:
    """Normalized forms to look up, most faithful first; empty when nothing searchable is left."""
    normalized = normalize(query)
    if not normalized:
        return ()
    return (normalized, *stems(normalized))


def english_variants(word: str) -> tuple[str, ...]:
    """Singular and plural spellings of a normalized English word (cgroups ↔ cgroup, policy)."""
    tail = word[-4:]
    if len(tail) < 3 or not tail.isalpha() or not tail.isascii():
        return ()
    forms = [word + "s", word + "es"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    if word.endswith("s") and not word.endswith(("ss", "us")) and len(word) >= 4:
        forms.append(word[:-1])
        if word.endswith("es") and len(word) >= 5:
            forms.append(word[:-2])
        if word.endswith("ies") and len(word) >= 5:
            forms.append(word[:-3] + "y")
    return tuple(forms)


# Particles a sentence uses that a one-word question rarely does ("도커랑 파드를", "노드와",
# "헬름으로"). The retro linker and `/define` both peel them through `word_forms`, so a retro
# links exactly the terms `/define` finds by name.
SENTENCE_PARTICLES: tuple[str, ...] = tuple(
    sorted(
        (
            "이랑", "랑", "하고", "와", "과", "와는", "과는", "으로", "로", "으로는", "로는",
            "으로도", "로도", "에서", "에서는", "에서도", "에게", "한테", "까지", "부터", "만",
            "만큼", "처럼", "보다", "이나", "나", "이며", "며", "에는", "에도", "이랑은", "랑은",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip


def word_forms(text: str) -> tuple[str, ...]:
    """Every key a word may stand for, most faithful first.

    Itself, its stems, its plural or singular spelling, and the stems left after a sentence
    particle (``노드와`` → 노드).
    """
    normalized = normalize(text)
    if not normalized:
        return ()
    return (*candidates(normalized), *english_variants(normalized), *sentence_stems(normalized))


def sentence_stems(normalized: str) -> list[str]:
    """The forms of a normalized word left after peeling one of `SENTENCE_PARTICLES`."""
    return [
        form
        for ending in SENTENCE_PARTICLES
        if normalized.endswith(ending) and len(normalized) > len(ending)
        for form in candidates(normalized[: -len(ending)])
    ]
