"""Score the lookup on the labelled learner queries of tests/core/lookup_queries.yaml.

Prints one row per kind (right / total) and every wrong answer; the README's table comes
from here, and tests/core/test_lookup_quality.py asserts the same numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core.lookup import GlossaryIndex, LookupResult, practice_texts
from bot.infra.content import load_content

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "core" / "lookup_queries.yaml"


@dataclass(frozen=True)
class Scored:
    kind: str
    query: str
    want: tuple[str, ...]  # empty: must miss
    got: tuple[str, ...]
    right: bool
    confident_wrong: bool


def shipped_index() -> GlossaryIndex:
    content = load_content(ROOT / "content")
    cards = ((c.command, c.explanation, c.terms) for c in content.commands)
    return GlossaryIndex(content.terms, practice_texts(cards))


def labelled() -> list[dict[str, object]]:
    return list(yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"])


def judge(kind: str, query: str, want: tuple[str, ...], result: LookupResult) -> Scored:
    got = tuple(m.term.id for m in result.matches)
    if not want:
        right = not result.found
    elif len(want) == 2:
        right = result.compared and got == want
    else:
        right = got[:1] == want
    return Scored(kind, query, want, got, right, result.found and not right)


def score(index: GlossaryIndex) -> list[Scored]:
    rows = []
    for row in labelled():
        want = row.get("want") or ()
        wanted = tuple(want) if isinstance(want, list) else (str(want),) if want else ()
        query = str(row["q"])
        rows.append(judge(str(row["kind"]), query, wanted, index.lookup(query)))
    return rows


def table(rows: list[Scored]) -> str:
    total, right = Counter(r.kind for r in rows), Counter(r.kind for r in rows if r.right)
    wrong = Counter(r.kind for r in rows if r.confident_wrong)
    lines = ["| kind | queries | right | confident wrong |", "|---|---|---|---|"]
    for kind in total:
        lines.append(f"| {kind} | {total[kind]} | {right[kind]} | {wrong[kind]} |")
    share = sum(right.values()) / len(rows)
    lines.append(
        f"| all | {len(rows)} | {sum(right.values())} ({share:.0%}) | {sum(wrong.values())} |"
    )
    return "\n".join(lines)


def main() -> None:
    rows = score(shipped_index())
    print(table(rows))
    for r in rows:
        if not r.right:
            print(f"wrong: {r.kind} {r.query!r} want {r.want} got {r.got}")


if __name__ == "__main__":
    main()
