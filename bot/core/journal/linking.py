"""Glossary terms mentioned in a retro: exact, alias and particle matches over word n-grams."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from bot.core import korean
from bot.core.models import Term

MAX_WORDS = 6
MIN_KEY_LENGTH = 2
# Kept under its old name: the particles now live in ``korean``, shared with ``/define``.
EXTRA_PARTICLES = korean.SENTENCE_PARTICLES
_URL = re.compile(r"https?://\S+|<[@#!&][^>]*>", re.IGNORECASE)
_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*$")


def name_keys(term: Term) -> list[str]:
    """The normalized keys a term answers to: its name, aliases and id (as the lookup does)."""
    keys = [korean.normalize(name) for name in term.names]
    keys.append(term.id.replace("-", ""))
    return [key for key in dict.fromkeys(keys) if key]


class TermLinker:
    """Finds glossary terms in free text without fuzzy matching, so nothing is linked by guess.

    A word sequence links a term when its normalized form, or a form with a particle peeled
    off (the same ``korean`` normalizer and stems as ``/define``), is exactly a term's name,
    alias or id. Longer sequences win, so "Docker Compose" is one term, not two.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_key: dict[str, str] = {}
        self._terms: dict[str, Term] = {}
        self._heads: set[str] = set()  # first words of multi-word names
        longest = 1
        for term in terms:
            if term.id in self._terms:
                continue
            self._terms[term.id] = term
            for key in name_keys(term):
                if len(key) >= MIN_KEY_LENGTH:
                    self._by_key.setdefault(key, term.id)
            for name in term.names:
                words = korean.words(name)
                if len(words) > 1:
                    self._heads.add(words[0])
                longest = max(longest, len(words))
        self._max_words = min(MAX_WORDS, longest)

    def term(self, term_id: str) -> Term | None:
        return self._terms.get(term_id)

    def match(self, text: str) -> str | None:
        """The id of the term that ``text`` names exactly (particles allowed), if any."""
        for form in _forms(text):
            found = self._by_key.get(form)
            if found is not None:
                return found
        return None

    def match_name(self, name: str) -> str | None:
        """Like ``match`` for a 용어 cell, trying ``파드(POD)`` whole, then each part."""
        found = self.match(name)
        paren = _PAREN.match(name.strip())
        if found is None and paren is not None:
            found = self.match(paren["name"]) or self.match(paren["inner"])
        return found

    def scan(self, texts: Sequence[str]) -> tuple[str, ...]:
        """Ids of the terms the texts mention, in order of first mention."""
        found: dict[str, None] = {}
        for text in texts:
            words = korean.words(_URL.sub(" ", text))
            pos = 0
            while pos < len(words):
                step = 1
                most = min(self._max_words, len(words) - pos) if words[pos] in self._heads else 1
                for size in range(most, 0, -1):
                    term_id = self.match("".join(words[pos : pos + size]))
                    if term_id is not None:
                        found.setdefault(term_id, None)
                        step = size
                        break
                pos += step
        return tuple(found)


@functools.lru_cache(maxsize=65536)
def _forms(text: str) -> tuple[str, ...]:
    """The keys a word or phrase may stand for, with particles and endings taken off.

    The same forms ``/define`` tries (`korean.word_forms`), so a retro links exactly what
    ``/define`` finds by name. A team writes the same words day after day, and a retro is
    scanned word by word, so the forms are remembered.
    """
    return korean.word_forms(text)
