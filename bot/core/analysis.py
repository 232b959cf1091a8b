"""Korean morphological analysis for lookup: the stems of a question and the words of a text.

The analyser (kiwipiepy, with the model its own package ships) takes about a second and a few
hundred MB to load, so it is loaded on first use only: a bot whose members only ever type
names pays nothing, and the first description or unusual ending pays once per process.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core import korean

log = logging.getLogger(__name__)

# Morphemes that end a question and never name what it asks about: particles (J…), endings
# (E…), the copula (이다, 아니다), suffixes, auxiliaries and punctuation.
_FUNCTIONAL = ("J", "E", "VCP", "VCN", "XS", "VX", "SF", "SP", "SS", "SE", "SO", "SW")
# Content words of a question's tail: 어디에 써?, 뭐야, 설명해줘, 알려줘, 무슨 뜻이에요 …
_QUESTION_WORDS = frozenset(
    (
        "뭐", "무엇", "무슨", "어디", "언제", "왜", "어떻게", "어떻", "어떤", "쓰",
        "사용", "하", "되", "설명", "알리", "알려주", "주", "뜻", "의미", "개념",
        "정의", "용도", "역할", "좀", "말", "이야기", "궁금", "대하", "관하", "대해",
        "관해", "거", "것", "게", "건",
    )
)  # fmt: skip
# What counts as a word for description search: nouns, verbs and adjectives by their stem,
# roots, foreign words and numbers.
_CONTENT = ("NNG", "NNP", "NR", "VV", "VA", "XR", "SL", "SH", "SN", "MAG")


@dataclass(frozen=True, slots=True)
class Morpheme:
    form: str
    tag: str
    start: int
    end: int


def _load_kiwi() -> Any:  # noqa: ANN401 - kiwipiepy ships no type information
    from kiwipiepy import Kiwi  # type: ignore[import-untyped]

    # Without its typo and multi-word dictionaries (lookup forgives typos itself) the
    # analyser loads in half the time and with about 190 MB less memory.
    return Kiwi(num_workers=-1, load_typo_dict=False, load_multi_dict=False)


@dataclass(frozen=True, slots=True)
class _Token:
    form: str
    tag: str
    start: int
    len: int


class _WordSplitter:
    """Stands in for an analyser that failed to load: whole words, no endings cut.

    Lookup then still answers names, typos, keyboard mode, pairs and (word for word)
    descriptions; only the endings past the particle list go unrecognised.
    """

    _WORD = re.compile(r"\w+")

    def tokenize(self, text: str | list[str]) -> list[_Token] | list[list[_Token]]:
        if isinstance(text, list):
            return [self._split(one) for one in text]
        return self._split(text)

    def _split(self, text: str) -> list[_Token]:
        return [
            _Token(m[0], "SL" if m[0].isascii() else "NNG", m.start(), len(m[0]))
            for m in self._WORD.finditer(text)
        ]


class _Analyser:
    """The one analyser of the process, loaded on first use under a lock."""

    def __init__(self, load: Callable[[], Any] = _load_kiwi) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._kiwi: Any = None
        self.load_seconds: float | None = None

    def loaded(self) -> bool:
        return self._kiwi is not None

    def get(self) -> Any:  # noqa: ANN401 - kiwipiepy ships no type information
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    started = time.perf_counter()
                    try:
                        self._kiwi = self._load()
                    except Exception:  # a broken install must not break /define
                        log.exception("Korean analyser failed to load; splitting words only")
                        self._kiwi = _WordSplitter()
                    self.load_seconds = time.perf_counter() - started
                    log.info("Korean analyser ready in %.2f s", self.load_seconds)
        return self._kiwi


ANALYSER = _Analyser()


@functools.lru_cache(maxsize=4096)
def morphemes(text: str) -> tuple[Morpheme, ...]:
    """The analyser's morphemes of text, with their character span in it."""
    tokens = ANALYSER.get().tokenize(text)
    return tuple(Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in tokens)


def morphemes_many(texts: Sequence[str]) -> list[tuple[Morpheme, ...]]:
    """`morphemes` for many texts in one call to the analyser (no cache: for index builds)."""
    results = ANALYSER.get().tokenize(list(texts))
    return [tuple(Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in r) for r in results]


def _in_tail(morpheme: Morpheme) -> bool:
    return morpheme.tag.startswith(_FUNCTIONAL) or morpheme.form in _QUESTION_WORDS


def stems(text: str) -> tuple[str, ...]:
    """What ``text`` asks about with its particles and endings cut off, longest first.

    ``노드와`` → 노드, ``레지스트리까지요`` → 레지스트리, ``EKS는 어디에 써?`` → EKS. A cut is
    made only where everything after it is a particle, an ending or a question word, so a
    description (``파드에서 도는 컨테이너``) is never cut down to the name it mentions.
    """
    text = text.strip()
    found = morphemes(text)
    cut = len(found)
    while cut > 1 and _in_tail(found[cut - 1]):
        cut -= 1
    cuts = (found[k].start for k in range(len(found) - 1, max(cut, 1) - 1, -1))
    forms = (korean.normalize(text[:at]) for at in cuts)
    return tuple(dict.fromkeys(form for form in forms if form))


def words(text: str) -> list[str]:
    """The words description search ranks by: content morphemes, casefolded.

    Each space-separated word is analysed on its own and remembered: a glossary repeats its
    words thousands of times, and analysing each distinct one once is what makes indexing
    100,000 definitions take seconds rather than minutes. Queries go the same way, so a word
    is cut identically in a question and in a definition.
    """
    return [w for eojeol in text.split() for w in _eojeol_words(eojeol)]


def words_many(texts: Sequence[str]) -> list[list[str]]:
    """`words` for many texts, sending every distinct unseen word to the analyser at once."""
    unseen = list(dict.fromkeys(e for text in texts for e in text.split()) - _KNOWN.keys())
    for eojeol, found in zip(unseen, morphemes_many(unseen), strict=True):
        _KNOWN[eojeol] = tuple(content_words(found))
    return [[w for e in text.split() for w in _KNOWN[e]] for text in texts]


_KNOWN: dict[str, tuple[str, ...]] = {}


def _eojeol_words(eojeol: str) -> tuple[str, ...]:
    # The index's own words stay known; a query's new words go through the bounded cache.
    found = _KNOWN.get(eojeol)
    return found if found is not None else tuple(content_words(morphemes(eojeol)))


def content_words(found: Sequence[Morpheme]) -> list[str]:
    return [m.form.casefold() for m in found if m.tag in _CONTENT and m.form not in _STOP]


# Words so common in questions and definitions that they only add noise to the ranking.
_STOP = frozenset(
    (
        "하", "되", "있", "없", "이", "그", "것", "수", "등", "때", "및", "더", "다시", "좀",
    )
)  # fmt: skip
