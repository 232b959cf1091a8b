"""Benchmark GlossaryIndex on a large generated glossary against difflib and brute-force BM25."""

from __future__ import annotations

import argparse
import difflib
import math
import os
import random
import resource
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from bot.core import analysis, keyboard, korean
from bot.core.errors import EmptyQueryError
from bot.core.lookup import GlossaryIndex, LookupResult
from bot.core.models import Term

T = TypeVar("T")
SEED = 20240601
INITIALS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅓㅗㅜㅡㅣㅐㅔ"
FINALS = ("", "", "", "ㄴ", "ㄹ", "ㅇ", "ㅁ", "ㄱ")
LATIN_ONSETS = ("b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr")
LATIN_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
LATIN_CODAS = ("", "", "n", "r", "s", "t", "x", "ck")
PARTICLES = ("이 뭐야?", "가 뭐예요?", "는?", "란", "에 대해 알려줘", " 뜻")
ENDINGS = ("을", "를", "의", "에", "", "로", "에서", "와")
PAIRS = ("{a}랑 {b} 차이", "{a}와 {b}의 차이점", "{a} vs {b}")
MISSES = ("xyzzy", "banana", "SELECT * FROM terms", "@everyone", "qwpzxv", "🐳🐳", "ㅁㄴㅇㄹ ㅋㅋ")
SMALL_GLOSSARY = (
    ("docker", "Docker", ("도커",)), ("container", "컨테이너", ("container",)),
    ("image", "이미지", ("image",)), ("dockerfile", "Dockerfile", ("도커파일",)),
    ("layer", "레이어", ("layer",)), ("registry", "레지스트리", ("registry",)),
    ("volume", "볼륨", ("volume",)), ("network", "네트워크", ("network",)),
    ("docker-compose", "Docker Compose", ("도커 컴포즈",)), ("cgroup", "cgroup", ("컨트롤 그룹",)),
    ("namespace", "네임스페이스", ("namespace",)),
    ("kubernetes", "쿠버네티스", ("kubernetes", "k8s")),
    ("pod", "파드", ("pod",)), ("node", "노드", ("node",)), ("cluster", "클러스터", ("cluster",)),
    ("deployment", "디플로이먼트", ("deployment",)), ("replicaset", "레플리카셋", ("replicaset",)),
    ("service", "서비스", ("service",)), ("ingress", "인그레스", ("ingress",)),
    ("configmap", "컨피그맵", ("configmap",)), ("secret", "시크릿", ("secret",)),
    ("statefulset", "스테이트풀셋", ("statefulset",)), ("daemonset", "데몬셋", ("daemonset",)),
    ("job", "잡", ("job",)), ("cronjob", "크론잡", ("cronjob",)), ("port", "포트", ("port",)),
    ("kubectl", "kubectl", ("큐브컨트롤",)), ("helm", "헬름", ("helm",)),
    ("multistage-build", "Multi-stage build", ("멀티 스테이지 빌드", "multistage")),
    ("probe", "프로브", ("probe", "liveness probe")),
)  # fmt: skip


def hangul_word(rng: random.Random) -> str:
    return "".join(
        korean.compose_syllable(rng.choice(INITIALS), rng.choice(MEDIALS), rng.choice(FINALS))
        for _ in range(rng.randint(2, 5))
    )


def latin_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(LATIN_ONSETS) + rng.choice(LATIN_VOWELS) + rng.choice(LATIN_CODAS)
        for _ in range(rng.randint(1, 4))
    )


def unique(make: Callable[[], str], taken: set[str]) -> str:
    """A fresh word: a glossary has one entry per name, so the answer to a query is known."""
    while (word := make()) in taken or korean.normalize(word) in taken:
        pass
    taken.update((word, korean.normalize(word)))
    return word


def definitions(count: int) -> list[str]:
    """Eight words of a 5,000-word made-up vocabulary, with particles, for each entry.

    Drawn from their own generator, so the names (and every other query) stay the same as
    when entries had no definitions.
    """
    rng = random.Random(SEED + 1)
    vocabulary = list(dict.fromkeys(hangul_word(rng) for _ in range(5_000)))
    return [
        " ".join(rng.choice(vocabulary) + rng.choice(ENDINGS) for _ in range(8))
        for _ in range(count)
    ]


def generate_terms(count: int, rng: random.Random) -> list[Term]:
    terms: list[Term] = []
    taken: set[str] = set()
    described = iter(definitions(count))
    for n in range(count):
        words = 2 if rng.random() < 0.3 else 1
        english = unique(lambda w=words: " ".join(latin_word(rng) for _ in range(w)), taken)
        hangul = unique(lambda: hangul_word(rng), taken)
        main, alias = (hangul, english) if n % 2 else (english.title(), hangul)
        aliases = (alias, unique(lambda: hangul_word(rng), taken)) if n % 5 == 0 else (alias,)
        term_id = english.replace(" ", "-")
        terms.append(Term(id=term_id, term=main, aliases=aliases, definition=next(described)))
    return terms


def typo(word: str, rng: random.Random) -> str:
    """One plausible slip: in Hangul a changed vowel or an added or dropped 받침, in Latin a
    dropped or swapped letter."""
    if korean.is_hangul(word):
        position = rng.randrange(len(word))
        initial, medial, final = korean.split_syllable(word[position])
        if rng.random() < 1 / 3:
            final = "" if final else "ㄴ"
        else:
            medial = rng.choice([v for v in MEDIALS if v != medial])
        slipped = korean.compose_syllable(initial, medial, final)
        return word[:position] + slipped + word[position + 1 :]
    position = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:position] + word[position + 1 :]
    return word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]


def fresh_typo(word: str, rng: random.Random, taken: set[str]) -> str:
    """A typo that is not itself another entry's name (then finding that entry is right)."""
    for _ in range(20):
        slipped = typo(word, rng)
        if korean.normalize(slipped) not in taken:
            return slipped
    return slipped


@dataclass(frozen=True)
class Query:
    category: str
    text: str
    expected: str | None  # the term id that must be among the matches; None means "must miss"
    second: str | None = None  # a comparison's other entry


def make_queries(terms: Sequence[Term], per_category: int, rng: random.Random) -> list[Query]:
    queries: list[Query] = []
    taken = {korean.normalize(name) for term in terms for name in (*term.names, term.id)}
    for term in rng.sample(list(terms), per_category):
        hangul = next(n for n in term.names if korean.is_hangul(korean.normalize(n)))
        latin = next(n for n in term.names if korean.normalize(n).isascii())
        queries += [
            Query("exact", rng.choice((term.term.upper(), term.id)), term.id),
            Query("particle", hangul + rng.choice(PARTICLES), term.id),
            Query("chosung", korean.chosung(korean.normalize(hangul)), term.id),
        ]
        typed = latin if len(latin) >= 6 else hangul
        if len(korean.decompose(korean.normalize(typed))) >= 4:  # shorter is too short to guess
            queries.append(Query("typo", fresh_typo(typed, rng, taken), term.id))
    queries += [
        Query("miss", rng.choice(MISSES) + "".join(rng.sample("zqxj", 2)), None)
        for _ in range(per_category)
    ]
    return queries + learner_queries(terms, per_category, rng)


def learner_queries(terms: Sequence[Term], per_category: int, rng: random.Random) -> list[Query]:
    """Keyboard-mode, two-term and description queries, one of each per sampled entry."""
    queries: list[Query] = []
    for one, other in zip(
        rng.sample(list(terms), per_category), rng.sample(list(terms), per_category), strict=True
    ):
        hangul = next(n for n in one.names if korean.is_hangul(korean.normalize(n)))
        queries.append(Query("keyboard", keyboard.to_latin(hangul) or "", one.id))
        if one.id != other.id:
            names = (rng.choice(one.names), rng.choice(other.names))
            text = rng.choice(PAIRS).format(a=names[0], b=names[1])
            queries.append(Query("two-term", text, one.id, other.id))
        words = one.definition.split()
        if len(words) >= 3:
            start = rng.randrange(len(words) - 2)
            queries.append(Query("description", " ".join(words[start : start + 3]), one.id))
    return queries


def correct(query: Query, result: LookupResult) -> bool:
    if query.expected is None:
        return not result.found
    if query.second is not None:
        found = [m.term.id for m in result.matches]
        return result.compared and found == [query.expected, query.second]
    return any(m.term.id == query.expected for m in result.matches)


def safe_lookup(index: GlossaryIndex, text: str) -> LookupResult:
    try:
        return index.lookup(text)
    except EmptyQueryError:  # the right answer to "🐳🐳"
        return LookupResult(text, (), ())


def percentile(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class Timings:
    """Wall-clock and CPU milliseconds per call; CPU time ignores other tenants of the box."""

    label: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    correct: int = 0

    def measure(self, call: Callable[[], T]) -> T:
        wall, cpu = time.perf_counter(), time.process_time()
        value = call()
        self.cpu.append((time.process_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)
        return value

    def add(self, other: Timings) -> None:
        self.wall += other.wall
        self.cpu += other.cpu
        self.correct += other.correct

    def row(self, *, accuracy: bool = True) -> str:
        right = f"{self.correct}/{len(self.wall)}" if accuracy else "-"
        cells = [percentile(self.wall, 50), percentile(self.wall, 99), max(self.wall)]
        cells += [percentile(self.cpu, 50), percentile(self.cpu, 99)]
        numbers = " | ".join(f"{c:>8.3f}" for c in cells)
        return f"| {self.label:<26} | {len(self.wall):>5} | {numbers} | {right:>9} |"


HEADER = (
    "|                            |       |   wall ms                      |    cpu ms           |"
    "           |\n"
    "| case                       |     n |      p50 |      p99 |      max |      p50 |      p99 |"
    "   correct |\n"
    "|----------------------------|-------|----------|----------|----------|----------|----------|"
    "-----------|"
)


def time_lookups(index: GlossaryIndex, queries: Sequence[Query], label: str) -> list[Timings]:
    by_category: dict[str, Timings] = {}
    for query in queries:
        timings = by_category.setdefault(query.category, Timings(f"{label}: {query.category}"))
        result = timings.measure(lambda q=query: safe_lookup(index, q.text))
        timings.correct += correct(query, result)
    return list(by_category.values())


def merged(parts: Iterable[Timings], label: str) -> Timings:
    total = Timings(label)
    for part in parts:
        total.add(part)
    return total


def time_completions(index: GlossaryIndex, queries: Sequence[Query]) -> Timings:
    """Autocomplete as a learner types: every prefix of the particle queries' first word."""
    timings = Timings("complete: each keystroke")
    for query in queries:
        if query.category == "particle":
            for end in range(len(query.text.split()[0]) + 1):
                timings.measure(lambda q=query.text[:end]: index.complete(q))
    return timings


def time_difflib(terms: Sequence[Term], queries: Sequence[Query]) -> tuple[Timings, int]:
    """The naive baseline: difflib.get_close_matches over every normalized name."""
    owners: dict[str, set[str]] = {}
    for entry in terms:
        for name in (*entry.names, entry.id):
            owners.setdefault(korean.normalize(name), set()).add(entry.id)
    names = sorted(owners.keys() - {""})
    timings = Timings("difflib: same sample")
    for query in queries:
        key = korean.normalize(query.text)
        close = timings.measure(lambda k=key: difflib.get_close_matches(k, names, 5, 0.6))
        found = {term_id for name in close for term_id in owners[name]}
        timings.correct += (query.expected in found) if query.expected else not found
    return timings, len(names)


def small_glossary() -> list[Term]:
    return [Term(id=i, term=t, aliases=a, definition="d") for i, t, a in SMALL_GLOSSARY]


def report_large(terms: Sequence[Term], queries: Sequence[Query], sample_size: int) -> None:
    builds = Timings("build")
    index = GlossaryIndex(())
    for _ in range(3):
        index = builds.measure(lambda: GlossaryIndex(terms))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"GlossaryIndex over {len(terms):,} generated terms, {len(queries):,} queries")
    print(f"{os.cpu_count()} CPUs, load average {load} (other tenants inflate wall times)")
    print(
        f"build, 3 runs: wall {', '.join(f'{b:,.0f}' for b in builds.wall)} ms; "
        f"cpu {', '.join(f'{b:,.0f}' for b in builds.cpu)} ms\n"
    )
    report_analyser(index)
    report_memory(terms)
    for query in queries[:100]:  # warm up, so the timings measure the search itself
        safe_lookup(index, query.text)
    print(HEADER)
    parts = time_lookups(index, queries, "index")
    for part in [*parts, merged(parts, "index: all")]:
        print(part.row())
    print(time_completions(index, queries).row(accuracy=False))
    sample = random.Random(SEED).sample(list(queries), min(sample_size, len(queries)))
    baseline, name_count = time_difflib(terms, sample)
    same = merged(time_lookups(index, sample, "index"), "index: difflib's sample")
    print(same.row())
    print(baseline.row())
    described = [q for q in queries if q.category == "description"][:sample_size]
    brute = time_brute_bm25(terms, described)
    ranked = merged(time_lookups(index, described, "index"), "index: BM25's sample")
    print(ranked.row())
    print(brute.row())
    ratio = statistics.median(baseline.wall) / statistics.median(same.wall)
    print(
        f"\ndifflib.get_close_matches(n=5, cutoff=0.6) over {name_count:,} names ran on "
        f"{len(sample)} sampled queries only (about a second each); on those, the index is "
        f"{ratio:,.0f}x faster at the median. Brute-force BM25 scores every entry's words "
        f"in Python for {len(described)} description queries; the index is "
        f"{statistics.median(brute.wall) / statistics.median(ranked.wall):,.0f}x faster."
    )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report_analyser(index: GlossaryIndex) -> None:
    """The analyser's load and the description index's first build, both paid on first use."""
    before = rss_mb()
    started = time.perf_counter()
    analysis.ANALYSER.get()
    loaded = time.perf_counter() - started
    print(f"Korean analyser: loaded in {loaded:.2f} s; peak RSS {before:,.0f} → {rss_mb():,.0f} MB")
    started = time.perf_counter()
    index.describer()
    print(f"description index, first build: {time.perf_counter() - started:,.1f} s\n")


def report_memory(terms: Sequence[Term]) -> None:
    """Python heap held by the name index and by the description index (tracemalloc)."""
    tracemalloc.start()
    index = GlossaryIndex(terms)
    names = tracemalloc.get_traced_memory()[0]
    index.describer()
    total = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"index memory at {len(terms):,} terms: names {names / 1e6:,.0f} MB, description "
        f"search {(total - names) / 1e6:,.0f} MB more (the analyser's model not counted)\n"
    )


def time_brute_bm25(terms: Sequence[Term], queries: Sequence[Query]) -> Timings:
    """The naive baseline: BM25 of every entry's words, recomputed in Python per query."""
    docs = [Counter(w) for w in analysis.words_many([t.definition for t in terms])]
    lengths = [sum(d.values()) for d in docs]
    average = sum(lengths) / len(lengths)
    frequency = Counter(word for d in docs for word in d)
    timings = Timings("brute-force BM25: sample")

    def rank(words: list[str]) -> str:
        best, best_score = "", 0.0
        for term, doc, length in zip(terms, docs, lengths, strict=True):
            score = 0.0
            for word in words:
                tf = doc.get(word, 0)
                if tf:
                    idf = math.log(
                        1 + (len(docs) - frequency[word] + 0.5) / (frequency[word] + 0.5)
                    )
                    score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / average))
            if score > best_score:
                best, best_score = term.id, score
        return best

    for query in queries:
        found = timings.measure(lambda q=query: rank(analysis.words(q.text)))
        timings.correct += found == query.expected
    return timings


def report_small() -> None:
    small = small_glossary()
    index = GlossaryIndex(small)
    queries = make_queries(small, len(small), random.Random(SEED))
    print(f"\nA real-sized glossary: {len(small)} terms, {len(queries)} queries x 20\n")
    print(HEADER)
    parts = time_lookups(index, queries * 20, f"{len(small)} terms")
    for part in [*parts, merged(parts, f"{len(small)} terms: all")]:
        print(part.row())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terms", type=int, default=100_000, help="generated glossary size")
    parser.add_argument("--queries", type=int, default=300, help="queries per category")
    parser.add_argument("--difflib-queries", type=int, default=20, help="difflib's sample")
    args = parser.parse_args()
    rng = random.Random(SEED)
    terms = generate_terms(args.terms, rng)
    queries = make_queries(terms, min(args.queries, len(terms)), rng)
    report_large(terms, queries, args.difflib_queries)
    report_small()
    print(
        "\ncorrect: the expected entry is among the matches (a miss: nothing is matched). "
        "A 초성 key of 2-3 consonants is shared by dozens of generated words, so many 초성 "
        "answers are ambiguous and list 5 of them."
    )


if __name__ == "__main__":
    main()
