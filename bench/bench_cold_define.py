"""Benchmark a cold `python -m bot define` on 100,000 generated terms against the shipped glossary.

Each run is a fresh process: load the content folder (YAML), validate it, build the index and
answer one query. The baseline in the same run is the same command on the small shipped
glossary, which isolates what the large glossary itself costs, and a bare interpreter start.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_lookup import SEED, generate_terms

ROOT = Path(__file__).resolve().parents[1]


def write_content(folder: Path, count: int) -> tuple[str, str]:
    terms = generate_terms(count, random.Random(SEED))
    rows = [t.model_dump(mode="json", exclude_defaults=True) for t in terms]
    (folder / "glossary").mkdir(parents=True)
    text = yaml.safe_dump({"terms": rows}, allow_unicode=True, sort_keys=False)
    (folder / "glossary" / "generated.yaml").write_text(text, encoding="utf-8")
    middle = terms[len(terms) // 2]
    return middle.term, " ".join(middle.definition.split()[2:5])  # a name, a description


def timed(command: list[str], runs: int, data_dir: Path, *, fresh: bool = False) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDYBOT_DATA_DIR": str(data_dir)}
    samples = []
    for _ in range(runs):
        if fresh:
            shutil.rmtree(data_dir, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        query, described = write_content(folder / "content", args.terms)
        size = (folder / "content" / "glossary" / "generated.yaml").stat().st_size / 1e6
        define = [sys.executable, "-m", "bot", "define", "--json"]
        big = [*define, "--content", str(folder / "content"), query]
        data = folder / "data"
        label = f"{args.terms:,} terms ({size:.1f} MB YAML)"
        rows = [
            ("bare `python -c pass`", timed([sys.executable, "-c", "pass"], args.runs, data)),
            ("shipped glossary", timed([*define, "cgroup"], args.runs, data)),
            (f"{label}, no cache (parse, validate, index)", timed(big, 2, data, fresh=True)),
            (f"{label}, content cache warm", timed(big, args.runs, data)),
            (
                f"{label}, cache warm, a description query (loads the analyser, indexes "
                "every definition)",
                timed([*big[:-1], described], args.runs, data),
            ),
        ]
    print(f"cold `python -m bot define`, {args.runs} runs each, wall seconds")
    print("| run | median | min | max |")
    print("|---|---|---|---|")
    for label, samples in rows:
        print(
            f"| {label} | {statistics.median(samples):.2f} | {min(samples):.2f} | "
            f"{max(samples):.2f} |"
        )


if __name__ == "__main__":
    main()
