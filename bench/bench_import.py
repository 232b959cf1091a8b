"""Benchmark `import til` on notes of 1k, 10k and 100k 용어 rows: the cost should grow linearly.

Each size runs in its own process (`--one N`) so that its peak memory is its own. For each
note the script times, one after another in that process:
- the baseline: read the file and split it into lines, the least any import must do;
- parse: `parse_til` (markdown-it, the glossary table, the note's date, goals and links);
- merge: `merge_note` into an empty content folder, which writes the YAML files.
The table prints each time and its cost per row; a linear import keeps µs/row flat as the
note grows tenfold, as the baseline does.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bot.infra.importers.merge import merge_note
from bot.infra.importers.til import parse_til

SIZES = (1_000, 10_000, 100_000)


def note(rows: int) -> str:
    """A TIL note in the team's layout with ``rows`` glossary rows, some with code spans."""
    lines = [
        "# 2025-02-10",
        "",
        "## 학습 목표",
        "",
        "- 학습 목표 1 : 도커 이해하기",
        "",
        "## 새로 배운 내용",
        "",
        "| 용어 | 정의 | 비고 |",
        "| --- | --- | --- |",
    ]
    for n in range(rows):
        term = f"`kubectl get po{n} | grep x`" if n % 10 == 0 else f"용어{n} term{n}"
        lines.append(f"| {term} | 정의 {n}: 컨테이너를 묶어 실행하는 단위 | - 비고 {n} |")
    lines += ["", "## 회고", "", "오늘은 많이 배웠다.", ""]
    return "\n".join(lines)


def one(rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "note.md"
        path.write_text(note(rows), encoding="utf-8")
        start = time.perf_counter()
        lines = path.read_text(encoding="utf-8").split("\n")
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        parsed = parse_til(path.read_text(encoding="utf-8"), str(path))
        parse = time.perf_counter() - start
        start = time.perf_counter()
        merge_note(Path(tmp) / "content", parsed)
        merge = time.perf_counter() - start
        if len(parsed.terms) != rows or len(lines) <= rows:
            raise SystemExit(f"{rows} rows gave {len(parsed.terms)} terms: the import is broken")
        return {
            "rows": rows,
            "mb": path.stat().st_size / 1e6,
            "baseline": baseline,
            "parse": parse,
            "merge": merge,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", type=int, help="measure one size in this process")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    results = []
    for rows in args.sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(rows)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(proc.stdout))
    print("`import til` growth, one process per size, wall seconds (µs per row)")
    print(
        "| rows | note MB | baseline: read + split lines | parse_til | merge_note | total "
        "| peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        per = [f"{r[k]:.3f} ({r[k] / r['rows'] * 1e6:.0f})" for k in ("baseline", "parse", "merge")]
        total = r["parse"] + r["merge"]
        print(
            f"| {r['rows']:,} | {r['mb']:.1f} | {' | '.join(per)} | "
            f"{total:.2f} ({total / r['rows'] * 1e6:.0f}) | {r['rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
