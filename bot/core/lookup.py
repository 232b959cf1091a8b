"""Glossary search: names, aliases, endings, 초성, typos, keyboard mode, pairs and descriptions."""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import itemgetter
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core import analysis, keyboard, korean, phrases
from bot.core.errors import EmptyQueryError, QueryTooLongError, StudyBotError
from bot.core.models import Term

if TYPE_CHECKING:  # numpy and the ranking load on the first description query only
    from bot.core.describe import DescriptionIndex

MAX_QUERY_LENGTH = 100
MAX_MATCHES = 5
MAX_SUGGESTIONS = 5
AMBIGUITY_MARGIN = 3.0
MIN_FUZZY_SCORE = 70.0
_VARIANT_PENALTY = 5.0
_PARTICLE_SCORE = 95.0
_CHOSUNG_SCORE = 90.0
_KEYBOARD_PENALTY = 10.0
_MIXED_SCORE = 95.0
# A length bucket bigger than this is searched only among keys that share the query's first
# two or last two jamo: a typo rarely hits both ends, and searching 100,000 terms stays ~1 ms.
_SPLIT_BUCKET = 500
_SCAN_FACTOR = 10  # autocomplete ranks at most limit * this many prefix hits
_HEAD, _TAIL = itemgetter(slice(None, 2)), itemgetter(slice(-2, None))
_RefsOf = Callable[[str], list[int]]
_Hits = list[tuple[int, int, str, int]]  # (category, key length, key, term position)
_extract = functools.partial(process.extract, scorer=OSA.distance, processor=None, limit=10)


class _Postings:
    """Refs (``position << 1 | is_alias``) per key; a lone ref stays a bare int, not a list.

    Ints are not garbage-collected objects, which halves the build time of 100,000 terms.
    """

    __slots__ = ("first", "more")

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.more: dict[str, list[int]] = {}

    def extend(self, keys: Iterable[str], refs: Iterable[int]) -> None:
        first, more = self.first, self.more
        for key, ref in zip(keys, refs, strict=True):
            if first.setdefault(key, ref) != ref:
                more.setdefault(key, []).append(ref)

    def get(self, key: str) -> list[int]:
        first = self.first.get(key)
        return [] if first is None else [first, *self.more.get(key, ())]


class MatchKind(StrEnum):
    EXACT = "exact"
    ALIAS = "alias"
    PARTICLE = "particle"
    CHOSUNG = "chosung"
    FUZZY = "fuzzy"
    KEYBOARD = "keyboard"
    MIXED = "mixed"
    DESCRIPTION = "description"


@dataclass(frozen=True, slots=True)
class Match:
    term: Term
    kind: MatchKind
    score: float
    sentence: str = ""  # for a description hit: the entry's sentence that matched


@dataclass(frozen=True, slots=True)
class LookupResult:
    """The answer to one query: matches when found, otherwise "did you mean" suggestions."""

    query: str
    matches: tuple[Match, ...]
    suggestions: tuple[Match, ...]
    compared: bool = False  # the query asked about two terms: ``matches`` are both, in order

    @property
    def found(self) -> bool:
        return bool(self.matches)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


def edit_budget(length: int) -> int:
    """Edits a query of ``length`` jamo may carry and still count as a confident match.

    None below 4 jamo (ㄷㅋ, pod), one up to 7 (포드, cgrup), then one more every 5 jamo.
    """
    return bisect.bisect_right((4, 8, 13, 18), length)


def _bucket(keys: list[str]) -> dict[tuple[int, str], list[str]]:
    # (n, "") holds every key of length n; (n, "<" + head) and (n, ">" + tail) split a big
    # bucket by its first and last two jamo. ``keys`` come sorted; the grouping stays in C.
    buckets: dict[tuple[int, str], list[str]] = {}
    for length, group in itertools.groupby(sorted(keys, key=len), key=len):
        same_length = buckets[length, ""] = list(group)  # still sorted: the sort is stable
        if len(same_length) > _SPLIT_BUCKET:
            for head, keys_at in itertools.groupby(same_length, _HEAD):
                buckets[length, "<" + head] = list(keys_at)
            for tail, keys_at in itertools.groupby(sorted(same_length, key=_TAIL), _TAIL):
                buckets[length, ">" + tail] = list(keys_at)
    return buckets


class GlossaryIndex:
    """Every glossary term, indexed once for fast lookups and autocomplete."""

    def __init__(
        self, terms: Iterable[Term], practice: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        # Description search and the script pairs are built on first need, not here: most
        # bots never pay for them, and the content cache stores the index without them.
        self.practice: Mapping[str, Sequence[str]] = dict(practice or {})
        self._described: DescriptionIndex | None = None
        self._scripts: dict[str, set[str]] | None = None
        # Each young-generation collection walks the build's 300,000-item lists; pausing the
        # cyclic collector for the build, which makes no cycles, takes a third off its time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(tuple(terms))
        finally:
            if collecting:
                gc.enable()

    def _build(self, terms: tuple[Term, ...]) -> None:
        self._terms = terms
        self._by_id = {term.id: term for term in reversed(self._terms)}  # the first one wins
        self._exact = _Postings()  # normalized name → refs
        self._jamo = _Postings()  # jamo spelling of a name with Hangul in it → refs
        self._words = _Postings()  # jamo of a name from its second word on → refs
        self._chosung = _Postings()  # 초성 of an all-Hangul name → refs
        names, keys, refs = self._names()
        self._add_names(names, keys, refs)
        latin = [key for key in self._exact.first if key.isascii()]
        self._spelled = sorted(latin + list(self._jamo.first))
        self._word_keys = sorted(self._words.first)
        self._chosung_keys = sorted(self._chosung.first)
        order = sorted(range(len(self._terms)), key=keys.__getitem__)  # keys start with terms
        self._alphabetical = tuple(self._terms[i] for i in order)
        self._buckets = _bucket(self._spelled)

    def _names(self) -> tuple[list[str], list[str], list[int]]:
        """Every name, its normalized key and its ref; an id that folds to the term is left out."""
        terms = self._terms
        names = [term.term for term in terms]
        keys = korean.normalize_many(names)
        refs = [position << 1 for position in range(len(terms))]
        ids = [term.id for term in terms]
        id_keys = [term_id.replace("-", "") for term_id in ids]  # Term ids match [a-z0-9-]+
        extra = [p for p, key in enumerate(keys) if id_keys[p] != key]
        names += [ids[p] for p in extra]
        keys += [id_keys[p] for p in extra]
        refs += [p << 1 for p in extra]
        aliases = [alias for term in terms for alias in term.aliases]
        names += aliases
        keys += korean.normalize_many(aliases)
        refs += [p << 1 | 1 for p, term in enumerate(terms) for _ in term.aliases]
        return names, keys, refs

    def _add_names(self, names: list[str], keys: list[str], refs: list[int]) -> None:
        # Stage by stage over plain lists: the per-name work runs 300,000 times for 100k terms.
        kept = self._add_exact(keys, refs)
        hangul = [i for i in kept if not keys[i].isascii()]
        hangul_keys = [keys[i] for i in hangul]
        hangul_refs = [refs[i] for i in hangul]
        self._jamo.extend(korean.decompose_many(hangul_keys), hangul_refs)
        pure = [j for j, key in enumerate(hangul_keys) if korean.is_hangul(key)]
        initials = korean.chosung_many([hangul_keys[j] for j in pure])
        self._chosung.extend(initials, [hangul_refs[j] for j in pure])
        spaced = [i for i in kept if len(keys[i]) != len(names[i])]  # maybe several words
        inner, inner_refs = [], []
        forms = korean.normalize_many([names[i] for i in spaced], keep_spaces=True)
        for i, form in zip(spaced, forms, strict=True):
            parts = form.split(" ")
            for start in range(1, len(parts)):
                inner.append("".join(parts[start:]))
                inner_refs.append(refs[i])
        self._words.extend(korean.decompose_many(inner), inner_refs)

    def _add_exact(self, keys: list[str], refs: list[int]) -> list[int]:
        """Index normalized names; return the indexes of those that added a (key, term) pair."""
        first, more = self._exact.first, self._exact.more
        kept = []
        for i, (key, ref) in enumerate(zip(keys, refs, strict=True)):
            seen = first.get(key)
            if seen is None:
                if key:
                    first[key] = ref
                    kept.append(i)
            elif (more[key][-1] if key in more else seen) >> 1 != ref >> 1:
                more.setdefault(key, []).append(ref)
                kept.append(i)
        return kept

    def _refs(self, spelled: str) -> list[int]:
        return self._jamo.get(spelled) or self._exact.get(spelled)

    def __len__(self) -> int:
        return len(self._terms)

    def get(self, term_id: str) -> Term | None:
        """The term with this id, if any."""
        return self._by_id.get(term_id)

    @property
    def terms(self) -> tuple[Term, ...]:
        return self._terms

    def lookup(self, query: str) -> LookupResult:
        """Find the term a learner means, or say it is missing and suggest close ones."""
        text = query.strip()
        if len(text) > MAX_QUERY_LENGTH:
            raise QueryTooLongError(limit=MAX_QUERY_LENGTH)
        forms = korean.candidates(text)
        if not forms:
            raise EmptyQueryError()
        matches = self._exact_matches(forms) or self._chosung_matches(forms)
        if matches:
            return LookupResult(query, matches, ())
        compared = self._compared(text)
        if compared:
            return LookupResult(query, compared, (), compared=True)
        matches = self._understood(text, forms)
        if matches:
            return LookupResult(query, matches, ())
        return self._describe(query, text, forms)

    def _name_matches(self, text: str) -> tuple[Match, ...]:
        """The entries one name in a question stands for, by every means but description."""
        forms = korean.candidates(text)
        if not forms:
            return ()
        return (
            self._exact_matches(forms)
            or self._chosung_matches(forms)
            or self._understood(text, forms)
        )

    def _understood(self, text: str, forms: Sequence[str]) -> tuple[Match, ...]:
        """Past today's exact names: mixed scripts, keyboard mode, typos, then the analyser.

        The cheap stages come first and the analyser last, so only a question that nothing
        else understands loads it; its stems are then looked up exactly, then with typos.
        """
        matches = self._mixed_matches(text) or self._keyboard_matches(text, fuzzy=False)
        matches = matches or self._exact_matches((forms[0], *korean.sentence_stems(forms[0])))
        matches = matches or self._fuzzy_matches(forms)
        if matches or not korean.has_syllables(text):
            return matches or self._keyboard_matches(text, fuzzy=True)
        stems = analysis.stems(text)
        if stems:  # behind the text itself, so that an exact hit on a stem counts as peeled
            matches = self._exact_matches((forms[0], *stems)) or self._fuzzy_matches(stems[-1:])
        return matches or self._keyboard_matches(text, fuzzy=True)

    def _compared(self, text: str) -> tuple[Match, ...]:
        """Both entries of ``A랑 B 차이`` or ``A vs B``, when each side names one."""
        asked = phrases.pair(text)
        if asked is None:
            return ()
        first, second = (self._name_matches(side) for side in asked)
        if not first or not second or first[0].term.id == second[0].term.id:
            return ()
        return first[0], second[0]

    def _mixed_matches(self, text: str) -> tuple[Match, ...]:
        words = korean.words(text)
        if len(words) < 2:
            return ()
        for form in phrases.mixed_forms(words, self._pairs()):
            refs = self._exact.get(form)
            if refs:
                found = self._named(refs, False, 0.0)
                return tuple(Match(m.term, MatchKind.MIXED, _MIXED_SCORE) for m in found)
        return ()

    def _pairs(self) -> dict[str, set[str]]:
        if self._scripts is None:
            self._scripts = phrases.transliterations(self._terms)
        return self._scripts

    def _keyboard_matches(self, text: str, *, fuzzy: bool) -> tuple[Match, ...]:
        """Look up what the keys would have typed in the other input mode."""
        converted = keyboard.to_hangul(text)
        if converted is None and " " not in text.strip() and not text.isascii():
            converted = keyboard.to_latin(text)
        forms = korean.candidates(converted or "")
        if not forms:
            return ()
        found = self._fuzzy_matches(forms) if fuzzy else self._exact_matches(forms)
        if not found and not fuzzy:
            found = self._chosung_matches(forms)
        score = 100.0 - _KEYBOARD_PENALTY
        return tuple(Match(m.term, MatchKind.KEYBOARD, min(score, m.score)) for m in found)

    def named(self, query: str) -> bool:
        """Whether ``query`` is answered by a name or 초성 alone (microseconds, nothing loads).

        Most questions in a chat are names; only the rest may reach the analyser.
        """
        try:
            forms = korean.candidates(query.strip())
        except StudyBotError:
            return True  # refused at once, before anything could load
        return bool(forms) and bool(self._exact_matches(forms) or self._chosung_matches(forms))

    def warm(self) -> bool:
        """Whether every kind of lookup answers at once (nothing slow is left to load).

        The first description query loads the analyser and builds the description index.
        """
        return self._described is not None and analysis.ANALYSER.loaded()

    def describer(self) -> DescriptionIndex:
        """The description search, built on first use (it loads the analyser)."""
        if self._described is None:
            from bot.core.describe import DescriptionIndex

            self._described = DescriptionIndex(self._terms, self.practice, self._pairs())
        return self._described

    def describe(self, text: str, limit: int = MAX_SUGGESTIONS) -> tuple[Match, ...]:
        """Entries whose texts match a description, best first, without any confidence test."""
        if len(korean.words(text)) < 2:
            return ()
        ranking = self.describer().rank(text, limit)
        return tuple(self._described_match(h.position, h.score, "") for h in ranking.hits)

    def _described_match(self, position: int, score: float, sentence: str) -> Match:
        return Match(self._terms[position], MatchKind.DESCRIPTION, round(score, 1), sentence)

    def _describe(self, query: str, text: str, forms: Sequence[str]) -> LookupResult:
        """Rank entries by their texts; answer only when one clearly wins, else suggest."""
        stems = analysis.stems(text) if korean.has_syllables(text) else ()
        suggestions = self._suggestions(stems[-1:] or forms)
        if len(korean.words(text)) < 2:
            return LookupResult(query, (), suggestions)
        ranking = self.describer().rank(text)
        if ranking.confident:
            best = ranking.hits[0]
            sentence = self.describer().sentence(best.position, text)
            match = self._described_match(best.position, best.score, sentence)
            return LookupResult(query, (match,), ())
        described = [self._described_match(h.position, h.score, "") for h in ranking.hits]
        merged = {m.term.id: m for m in (*described, *suggestions)}
        return LookupResult(query, (), tuple(merged.values())[:MAX_SUGGESTIONS])

    def _exact_matches(self, forms: Sequence[str]) -> tuple[Match, ...]:
        for stripped, form in enumerate(forms):
            refs = self._exact.get(form)
            if refs:
                return self._named(refs, stripped > 0, 0.0)
            variants = [r for v in korean.english_variants(form) for r in self._exact.get(v)]
            if variants:
                return self._named(variants, stripped > 0, _VARIANT_PENALTY)
        return ()

    def _named(self, refs: Iterable[int], stripped: bool, penalty: float) -> tuple[Match, ...]:
        best: dict[int, Match] = {}
        score = (_PARTICLE_SCORE if stripped else 100.0) - penalty
        for ref in sorted(refs):  # a name before an alias of the same term
            kind = MatchKind.PARTICLE if stripped else (MatchKind.EXACT, MatchKind.ALIAS)[ref & 1]
            best.setdefault(ref >> 1, Match(self._terms[ref >> 1], kind, score))
        ordered = sorted(best.values(), key=lambda m: (m.kind is MatchKind.ALIAS, m.term.term))
        return tuple(ordered[:MAX_MATCHES])

    def _chosung_matches(self, forms: Sequence[str]) -> tuple[Match, ...]:
        for form in forms:
            refs = self._chosung.get(form) if korean.is_chosung(form) else []
            if refs:  # names before aliases, shorter terms first
                refs.sort(key=lambda r: (r & 1, len(self._terms[r >> 1].term), r))
                top = list(dict.fromkeys(ref >> 1 for ref in refs))[:MAX_MATCHES]
                return tuple(Match(self._terms[p], MatchKind.CHOSUNG, _CHOSUNG_SCORE) for p in top)
        return ()

    def _fuzzy_matches(self, forms: Sequence[str]) -> tuple[Match, ...]:
        scores: dict[int, float] = {}
        for form in dict.fromkeys((korean.core(forms[0]), forms[0])):
            spelled = korean.decompose(form)
            self._collect(spelled, edit_budget(len(spelled)), scores)
        top = max(scores.values(), default=0.0)
        if top < MIN_FUZZY_SCORE:
            return ()
        return self._fuzzy(scores, max(MIN_FUZZY_SCORE, top - AMBIGUITY_MARGIN))[:MAX_MATCHES]

    def _fuzzy(self, scores: dict[int, float], floor: float) -> tuple[Match, ...]:
        ranked = sorted((-s, self._terms[p].term, p) for p, s in scores.items() if s >= floor)
        return tuple(Match(self._terms[p], MatchKind.FUZZY, -s) for s, _, p in ranked)

    def _collect(self, spelled: str, budget: int, scores: dict[int, float]) -> None:
        """Score terms with a name within ``budget`` edits, weighing consonant slips double."""
        if budget <= 0:
            return
        weighted = korean.weigh_consonants(spelled)
        for key in self._near(spelled, budget):
            score = OSA.normalized_similarity(weighted, korean.weigh_consonants(key))
            score = round(100.0 * score, 1)
            for ref in self._refs(key):
                scores[ref >> 1] = max(score, scores.get(ref >> 1, 0.0))

    def _near(self, spelled: str, budget: int) -> set[str]:
        found: set[str] = set()
        for length in range(max(1, len(spelled) - budget), len(spelled) + budget + 1):
            pools = [self._buckets.get((length, ""), [])]
            if len(pools[0]) > _SPLIT_BUCKET:
                pools = [
                    self._buckets.get((length, "<" + spelled[:2]), []),
                    self._buckets.get((length, ">" + spelled[-2:]), []),
                ]
            for pool in pools:
                hits = _extract(spelled, pool, score_cutoff=budget)
                found.update(key for key, _, _ in hits)
        return found

    def _suggestions(self, forms: Sequence[str]) -> tuple[Match, ...]:
        stem = korean.core(forms[0])
        spelled = korean.decompose(stem)
        scores: dict[int, float] = {}
        self._collect(spelled, min(4, max(1, len(spelled) * 2 // 5)), scores)
        for rank, position in enumerate(self._completions(stem, MAX_SUGGESTIONS)):
            scores.setdefault(position, 60.0 - rank)  # typed the start of a longer name
        return self._fuzzy(scores, 0.0)[:MAX_SUGGESTIONS]

    def complete(self, prefix: str, limit: int = 25) -> tuple[Term, ...]:
        """Terms that start with what the user has typed so far, best first, for autocomplete."""
        key = korean.normalize(prefix[: MAX_QUERY_LENGTH * 2])
        if limit <= 0 or not key:
            return self._alphabetical[: max(limit, 0)]
        return tuple(self._terms[p] for p in self._completions(key, limit))

    def _completions(self, key: str, limit: int) -> list[int]:
        spelled = korean.decompose(key)
        hits = self._scan(self._spelled, self._refs, spelled, limit, False)
        hits += self._scan(self._word_keys, self._words.get, spelled, limit, True)
        if korean.is_chosung(key):
            hits += self._scan(self._chosung_keys, self._chosung.get, key, limit, False)
        return list(dict.fromkeys(position for *_, position in sorted(hits)))[:limit]

    @staticmethod
    def _scan(keys: list[str], refs_of: _RefsOf, prefix: str, limit: int, inner: bool) -> _Hits:
        """Rank prefix hits: the whole name typed, then names, then aliases, then inner words."""
        hits = []
        start = bisect.bisect_left(keys, prefix)
        for key in keys[start : start + limit * _SCAN_FACTOR]:
            if not key.startswith(prefix):
                break
            for ref in refs_of(key):
                category = 3 if inner else 0 if key == prefix else 1 + (ref & 1)
                hits.append((category, len(key), key, ref >> 1))
        return hits


def practice_texts(commands: Iterable[tuple[str, str, Sequence[str]]]) -> dict[str, list[str]]:
    """Term id → the practice texts that mention it, from (command, explanation, term ids)."""
    texts: dict[str, list[str]] = {}
    for command, explanation, term_ids in commands:
        line = f"{command}: {explanation.splitlines()[0] if explanation else ''}"
        for term_id in dict.fromkeys(term_ids):
            texts.setdefault(term_id, []).append(line)
    return texts
