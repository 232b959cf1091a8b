"""Korean particles that agree with the word before them: 은/는, 이/가, 을/를, 과/와, 으로/로.

The choice depends on how the last syllable is *read*, so Latin words, acronyms and digits are
read the way Korean speakers say them: ``cgroup``(씨그룹)은, ``pod``(파드)는, ``k8s``(케이에이츠)는,
``API``(에이피아이)는, ``helm``(헬름)은, ``3``(삼)은, ``10``(십)은.

tossi, the known library for this, was last released in 2018 for Python 2.7/3.4 and reads a
Latin word by the name of its last letter (``pod`` as 디), which is wrong for the words this bot
shows; hence this small function.
"""

from __future__ import annotations

import re

from bot.core.korean import is_hangul, split_syllable

# Each pair is (after a final consonant, after a vowel). 으로/로 also takes 로 after ㄹ.
_PAIRS = (
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("이나", "나"),
    ("이랑", "랑"),
    ("이라고", "라고"),
    ("이란", "란"),
    ("이에요", "예요"),
    ("이야", "야"),
)
_PAIR_OF = {form: pair for pair in _PAIRS for form in pair}
PARTICLES = frozenset(_PAIR_OF)

_DIGIT_FINAL = dict(
    zip("0123456789", ["ㅇ", "ㄹ", "", "ㅁ", "", "", "ㄱ", "ㄹ", "ㄹ", ""], strict=True)
)
# 십, 백, 천, 만 (10⁴ to 10⁷ are 만, 십만, 백만, 천만), 억, 조.
_ZEROS_FINAL = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ", 4: "ㄴ", 5: "ㄴ", 6: "ㄴ", 7: "ㄴ", 8: "ㄱ", 12: ""}
# Korean names of Latin letters that end in a consonant: 엘, 엠, 엔, 알.
_LETTER_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
_LAST_RUN = re.compile(r"([A-Za-z]+|[0-9]+|[가-힣])[^A-Za-z0-9가-힣]*$")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_UPPER_TAIL = re.compile(r"[A-Z]{2,}$")
_VOWELS = "aeiouy"
# English endings whose Korean spelling ends in a consonant (받침), checked longest first.
_WORD_ENDINGS = (
    ("ng", "ㅇ"), ("le", "ㄹ"), ("me", "ㅁ"), ("ne", "ㄴ"), ("ck", "ㄱ"), ("ook", "ㄱ"),
    ("oop", ""), ("ype", "ㅂ"), ("web", "ㅂ"), ("job", "ㅂ"),
)  # fmt: skip


def _number_final(digits: str) -> str:
    stripped = digits.rstrip("0")
    if not stripped:
        return "ㅇ"  # 영
    zeros = len(digits) - len(stripped)
    if zeros == 0:
        return _DIGIT_FINAL[digits[-1]]
    return _ZEROS_FINAL[max(z for z in _ZEROS_FINAL if z <= zeros)]


def _word_final(word: str) -> str:
    """How an English word's Korean spelling ends: 도커, 헬름, 씨그룹, 파드, 셋, 스택."""
    lower = word.lower()
    for ending, final in _WORD_ENDINGS:
        if lower.endswith(ending):
            return final
    last = lower[-1]
    before = lower[-2:-1]
    if last in "mn":
        return "ㅁ" if last == "m" else "ㄴ"
    if last == "l":
        return "ㄹ"
    if before and before in _VOWELS and before != "y":
        # A short vowel and a voiceless stop become 받침: group 그룹, set 셋, spec 스펙.
        long_vowel = lower[-3:-1] in ("oo", "ee", "ea", "ai", "oa")
        if last == "p" and lower[-3:-1] != "oo":
            return "ㅂ"
        if last == "t" and not long_vowel:
            return "ㅅ"
        if last in "kc" and not long_vowel:
            return "ㄱ"
    return ""  # vowels, r, s, x, d, g, b, f, v, h and clusters end in a vowel: 도커, 파드, 노드


def final_consonant(word: str) -> str | None:
    """The final consonant (받침) the word is read with: '' after a vowel, None if unreadable.

    Trailing punctuation and a trailing parenthesis (``파드(Pod)``) are ignored; acronyms in
    capitals are read letter by letter (``API`` 에이피아이, ``VM`` 브이엠).
    """
    text = word.strip()
    unwrapped = _TRAILING_PAREN.sub("", text)
    if unwrapped:
        text = unwrapped
    match = _LAST_RUN.search(text)
    if match is None:
        return None
    run = match.group(1)
    if is_hangul(run):
        return split_syllable(run)[2]
    if run.isdigit():
        return _number_final(run)
    # A single letter, an acronym (API) or capitals at the end (ArgoCD) are spelled out.
    if len(run) == 1 or run.isupper() or _UPPER_TAIL.search(run):
        return _LETTER_FINAL.get(run[-1].lower(), "")
    return _word_final(run)


def particle(word: str, form: str) -> str:
    """The form of the particle ``form`` (either of its pair, 은 or 는) that fits after ``word``.

    When the word cannot be read (only emoji or symbols), both are written: 은(는).
    """
    with_final, without = _PAIR_OF[form]
    final = final_consonant(word)
    if final is None:
        return f"{with_final}({without})"
    if with_final == "으로":
        return with_final if final and final != "ㄹ" else without
    return with_final if final else without


def attach(word: str, form: str) -> str:
    """The word followed by the form of the particle that fits it: 서울 and 는 give 서울은."""
    return word + particle(word, form)
