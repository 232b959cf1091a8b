"""Text typed in the wrong input mode, converted with the two-set (두벌식) layout both ways."""

from __future__ import annotations

import re

from bot.core import korean

# The standard 두벌식 layout: each Latin key and the jamo it types in Korean mode. Shift only
# changes five consonants and two vowels; every other shifted key types the unshifted jamo.
_KEYS = {
    "q": "ㅂ", "w": "ㅈ", "e": "ㄷ", "r": "ㄱ", "t": "ㅅ", "y": "ㅛ", "u": "ㅕ", "i": "ㅑ",
    "o": "ㅐ", "p": "ㅔ", "a": "ㅁ", "s": "ㄴ", "d": "ㅇ", "f": "ㄹ", "g": "ㅎ", "h": "ㅗ",
    "j": "ㅓ", "k": "ㅏ", "l": "ㅣ", "z": "ㅋ", "x": "ㅌ", "c": "ㅊ", "v": "ㅍ", "b": "ㅠ",
    "n": "ㅜ", "m": "ㅡ",
    "Q": "ㅃ", "W": "ㅉ", "E": "ㄸ", "R": "ㄲ", "T": "ㅆ", "O": "ㅒ", "P": "ㅖ",
}  # fmt: skip
# A shifted key (ㄲ, ㅒ) folds to its letter, as the lookup casefolds what it matches.
_JAMO_TO_KEY = {jamo: key.lower() for key, jamo in _KEYS.items()}
# Two keys that make one vowel or one final consonant.
_VOWEL_PAIRS = {
    ("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ", ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ",
}  # fmt: skip
_FINAL_PAIRS = {
    ("ㄱ", "ㅅ"): "ㄳ", ("ㄴ", "ㅈ"): "ㄵ", ("ㄴ", "ㅎ"): "ㄶ", ("ㄹ", "ㄱ"): "ㄺ",
    ("ㄹ", "ㅁ"): "ㄻ", ("ㄹ", "ㅂ"): "ㄼ", ("ㄹ", "ㅅ"): "ㄽ", ("ㄹ", "ㅌ"): "ㄾ",
    ("ㄹ", "ㅍ"): "ㄿ", ("ㄹ", "ㅎ"): "ㅀ", ("ㅂ", "ㅅ"): "ㅄ",
}  # fmt: skip
_LETTERS = re.compile(r"([A-Za-z]+)")
_VOWELS = frozenset(korean.JUNGSEONG)
_FINALS = frozenset(korean.JONGSEONG[1:])


def to_latin(text: str) -> str | None:
    """The Latin keys that type ``text`` in Korean mode (ㅊㅎ개ㅕㅔ → cgroup), or None.

    None when the text holds nothing a Korean-mode keyboard types (no Hangul at all).
    """
    spelled = korean.decompose(text)  # syllables and compound jamo become single keys
    if not any(ch in _JAMO_TO_KEY for ch in spelled):
        return None
    return "".join(_JAMO_TO_KEY.get(ch, ch) for ch in spelled)


def to_hangul(text: str) -> str | None:
    """The Hangul that typing ``text`` in Korean mode makes (ehzjvkdlf → 도커파일), or None.

    None unless every letter falls into a whole syllable: English words typed on purpose
    (pdo, banana) leave a bare jamo behind and are not taken for Korean.
    """
    if not text.isascii() or not any(ch.isalpha() for ch in text):
        return None
    out: list[str] = []
    for run in _LETTERS.split(text):  # letters become syllables; digits, spaces stay
        if not run.isalpha():
            out.append(run)
            continue
        composed = _compose([_KEYS.get(ch) or _KEYS[ch.lower()] for ch in run])
        if composed is None:
            return None
        out.append(composed)
    return "".join(out)


def _compose(jamo: list[str]) -> str | None:
    """Syllables from a key sequence, the way an IME builds them; None if a jamo is left bare."""
    syllables: list[str] = []
    i, n = 0, len(jamo)

    def starts_syllable(at: int) -> bool:
        return at + 1 < n and jamo[at] not in _VOWELS and jamo[at + 1] in _VOWELS

    while i < n:
        if not starts_syllable(i):
            return None
        initial, medial = jamo[i], jamo[i + 1]
        i += 2
        if i < n and (medial, jamo[i]) in _VOWEL_PAIRS:
            medial = _VOWEL_PAIRS[medial, jamo[i]]
            i += 1
        final = ""
        if i < n and jamo[i] in _FINALS and not starts_syllable(i):
            final = jamo[i]
            i += 1
            if i < n and (final, jamo[i]) in _FINAL_PAIRS and not starts_syllable(i):
                final = _FINAL_PAIRS[final, jamo[i]]
                i += 1
        syllables.append(korean.compose_syllable(initial, medial, final))
    return "".join(syllables)
