"""The lookup scored on labelled learner queries: at least 90% right, no confident miss."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIN_RIGHT = 0.90
MIN_QUERIES, MIN_MISSES = 150, 30


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "lookup_quality", ROOT / "bench" / "lookup_quality.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored():
    scorer = _scorer()
    rows = scorer.score(scorer.shipped_index())
    print("\n" + scorer.table(rows))  # noqa: T201 - the per-kind table, shown with -s
    return rows


def test_the_labelled_set_covers_every_kind_of_question(scored):
    kinds = Counter(r.kind for r in scored)
    assert len(scored) >= MIN_QUERIES
    assert kinds["miss"] >= MIN_MISSES
    expected = {"exact", "alias", "ending", "chosung", "typo", "keyboard", "mixed", "pair"}
    assert expected | {"description"} <= set(kinds)


def test_at_least_nine_in_ten_learner_queries_are_answered_right(scored):
    right = sum(r.right for r in scored)
    wrong = [(r.kind, r.query, r.want, r.got) for r in scored if not r.right]
    assert right / len(scored) >= MIN_RIGHT, wrong


def test_nothing_the_glossary_lacks_gets_a_confident_answer(scored):
    confident = [(r.query, r.got) for r in scored if not r.want and r.confident_wrong]
    assert confident == []


def test_a_description_never_answers_the_wrong_entry(scored):
    wrong = [(r.query, r.got) for r in scored if r.kind == "description" and r.confident_wrong]
    assert wrong == []
