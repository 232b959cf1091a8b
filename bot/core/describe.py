"""Description search: BM25 over the analyser's words of each entry's definition and notes.

A learner who describes a term instead of naming it (``tar 파일에 담긴 이미지를 다시 불러오기``)
finds it here. Each entry is one document made of its definition, notes, names, tags and the
practice commands that mention it. The ranking is BM25 (k1 1.2, b 0.75) over the analyser's
content morphemes, written here on numpy arrays rather than taken from bm25s: the documents
are already tokenized by the analyser, and one ``scores[docs] += weights`` per query word is
all that ranking needs (bm25s would add scipy, tens of MB, for the same arithmetic).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.core import analysis, korean
from bot.core.models import Term

K1, B = 1.2, 0.75
# The best entry must beat the runner-up by this factor, and match this many of the query's
# words, to be answered; otherwise the learner gets suggestions, never a confident guess.
CLEAR_LEAD = 1.3
MIN_WORDS_MATCHED = 2
MIN_SHARE_MATCHED = 0.5
NAME_WEIGHT = 2  # a word of an entry's name or alias counts twice as much as one elsewhere
GLOSS_WEIGHT = 0.5  # a gloss is a guess at what the learner meant: it counts half
# Verbs learners use for what Docker and Kubernetes commands are named after; the query gains
# the command's word, which the entry's names carry (불러오다 → load).
GLOSSES: Mapping[str, tuple[str, ...]] = {
    "불러오": ("load",), "내보내": ("export",), "가져오": ("import", "pull"),
    "내려받": ("pull",), "올리": ("push",), "배포": ("deploy", "deployment"),
}  # fmt: skip
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Hit:
    position: int  # of the term in the index
    score: float
    matched: int  # distinct query words found in the entry


@dataclass(frozen=True, slots=True)
class Ranking:
    hits: tuple[Hit, ...]  # best first
    query_words: int

    @property
    def confident(self) -> bool:
        """Whether the best entry clearly beats the next one and covers the question."""
        if not self.hits:
            return False
        best = self.hits[0]
        needed = max(MIN_WORDS_MATCHED, math.ceil(self.query_words * MIN_SHARE_MATCHED))
        if best.matched < needed:
            return False
        return len(self.hits) == 1 or best.score >= CLEAR_LEAD * self.hits[1].score


def name_words(term: Term) -> list[str]:
    """The words of an entry's names and tags, as typed.

    Names are not sentences to analyse, and keeping them from the analyser is most of what
    keeps a 100,000-term build short: nearly every name is a word of its own.
    """
    return [word for name in (*term.names, *term.tags) for word in korean.words(name)]


def sentences(term: Term, practice: Sequence[str]) -> list[str]:
    texts = [term.definition, *term.notes, *practice]
    found = (s.strip(" -•*") for text in texts for s in _SENTENCE.split(text))
    return [s for s in found if s]


class DescriptionIndex:
    """BM25 over the analyser's words of every entry; built on the first description query."""

    def __init__(
        self,
        terms: Sequence[Term],
        practice: Mapping[str, Sequence[str]],
        scripts: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._terms = terms
        self._practice = practice
        self._scripts = scripts or {}
        docs = [sentences(t, practice.get(t.id, ())) for t in terms]
        analysed = iter(analysis.words_many([text for doc in docs for text in doc]))
        counts: list[Counter[str]] = []
        for term, doc in zip(terms, docs, strict=True):
            words: Counter[str] = Counter()
            for _ in doc:
                words.update(next(analysed))
            names = Counter(name_words(term))
            words.update({word: NAME_WEIGHT * n for word, n in names.items()})
            counts.append(words)
        self._postings = _postings(counts)

    def rank(self, query: str, limit: int = 5) -> Ranking:
        """Entries ranked by how well their texts match the query's words."""
        asked = list(dict.fromkeys(analysis.words(query)))
        if not asked or not self._terms or limit <= 0:
            return Ranking((), len(asked))
        scores = np.zeros(len(self._terms), dtype=np.float32)
        matched = np.zeros(len(self._terms), dtype=np.int16)
        for word in asked:
            found = []
            for form, factor in self._forms(word).items():
                docs, weights = self._postings.get(form, (None, None))
                if docs is not None and weights is not None:
                    scores[docs] += weights * np.float32(factor)
                    found.append(docs)
            if found:  # a word counts once per entry, whichever of its forms matched
                matched[found[0] if len(found) == 1 else np.unique(np.concatenate(found))] += 1
        count = min(limit, len(self._terms))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.lexsort((top, -scores[top]))]  # best first, then in glossary order
        hits = [Hit(int(p), float(scores[p]), int(matched[p])) for p in top if scores[p] > 0]
        return Ranking(tuple(hits), len(asked))

    def _forms(self, word: str) -> dict[str, float]:
        """A query word and what it stands for, each with its weight.

        The word in its other script (도커 ↔ docker) counts fully, a gloss (불러오 → load)
        by `GLOSS_WEIGHT`.
        """
        forms = dict.fromkeys(GLOSSES.get(word, ()), GLOSS_WEIGHT)
        forms.update(dict.fromkeys((word, *self._scripts.get(word, ())), 1.0))
        return forms

    def sentence(self, position: int, query: str) -> str:
        """The entry's sentence that shares most words with the query (its first on a tie)."""
        term = self._terms[position]
        found = sentences(term, self._practice.get(term.id, ()))
        if not found:
            return term.definition
        asked = {form for word in analysis.words(query) for form in self._forms(word)}
        overlaps = [len(asked & set(analysis.words(s))) for s in found]
        return found[overlaps.index(max(overlaps))]


_Arrays = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]


def _postings(counts: Sequence[Counter[str]]) -> dict[str, _Arrays]:
    lengths = [sum(c.values()) for c in counts]
    average = (sum(lengths) / len(lengths)) if lengths and sum(lengths) else 1.0
    by_word: dict[str, tuple[list[int], list[float]]] = {}
    for position, (words, length) in enumerate(zip(counts, lengths, strict=True)):
        norm = K1 * (1 - B + B * length / average)
        for word, tf in words.items():
            docs, weights = by_word.setdefault(word, ([], []))
            docs.append(position)
            weights.append(tf * (K1 + 1) / (tf + norm))
    total = len(counts)
    postings: dict[str, _Arrays] = {}
    for word, (docs, weights) in by_word.items():
        idf = math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
        postings[word] = (
            np.asarray(docs, dtype=np.int32),
            np.asarray(weights, dtype=np.float32) * np.float32(idf),
        )
    return postings
