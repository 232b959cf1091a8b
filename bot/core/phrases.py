"""How a question is put together: two terms compared, and names typed in mixed scripts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from bot.core import korean
from bot.core.models import Term

_MAX_FORMS = 32
# "A vs B", "A or B", "A 대 B", "A / B", with or without "차이" after; and the Korean "A랑 B
# 차이", "A와 B의 차이점", "A하고 B 비교", where the difference word is what makes it a pair.
_DIFFERENCE = r"(?:의)?\s*(?:차이점?|차이가|비교|다른\s*점|difference|differences)"
_PAIR_PATTERNS = (
    re.compile(
        rf"^(?P<a>.+?)\s+(?:vs\.?|versus|or|대|/)\s+(?P<b>.+?)(?:\s*{_DIFFERENCE}.*)?$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<a>.+?)\s*(?:이랑|랑|하고|와|과|and|&)\s+(?P<b>.+?)\s*{_DIFFERENCE}.*$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:difference\s+between\s+)(?P<a>.+?)\s+and\s+(?P<b>.+?)\??$", re.IGNORECASE),
)


def pair(text: str) -> tuple[str, str] | None:
    """The two terms a comparison asks about (``파드랑 노드 차이`` → 파드, 노드), or None."""
    for pattern in _PAIR_PATTERNS:
        found = pattern.match(text.strip())
        if found and found["a"].strip() and found["b"].strip():
            return found["a"].strip(), found["b"].strip()
    return None


def transliterations(terms: Iterable[Term]) -> dict[str, set[str]]:
    """Word ↔ word across scripts, learned from the glossary's own names.

    An entry named ``Helm Chart`` with the alias ``헬름 차트`` teaches helm ↔ 헬름 and chart ↔
    차트; ``Docker`` with ``도커`` teaches docker ↔ 도커. Only names with as many words in each
    script are paired, word by word.
    """
    pairs: dict[str, set[str]] = {}
    for term in terms:
        spelled = [korean.words(name) for name in term.names]
        latin = [w for w in spelled if w and all(x.isascii() for x in w)]
        hangul = [w for w in spelled if w and all(korean.is_hangul(x) for x in w)]
        for one, other in itertools.product(latin, hangul):
            if len(one) == len(other):
                for a, b in zip(one, other, strict=True):
                    pairs.setdefault(a, set()).add(b)
                    pairs.setdefault(b, set()).add(a)
    return pairs


def mixed_forms(words: Sequence[str], pairs: dict[str, set[str]]) -> list[str]:
    """Keys for a name typed partly in each script (``도커 image`` → 도커이미지, dockerimage)."""
    scripts = {w[0].isascii() for w in words}  # 도커 compose로: the first letter tells
    if len(words) < 2 or len(scripts) < 2:
        return []
    options = [[w, *sorted(pairs.get(w, ()))] for w in words]
    options[-1] += [s for s in korean.word_forms(words[-1]) if s not in options[-1]]
    forms = ("".join(combo) for combo in itertools.islice(itertools.product(*options), _MAX_FORMS))
    return [f for f in forms if f != "".join(words)]
