"""The team's seed note, imported, gives exactly the shipped glossary's entries."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.core.lookup import GlossaryIndex, MatchKind
from bot.infra.content import load_content, shipped_content_dir
from bot.infra.importers.til import parse_til

SEED = "seed/000_96633a297b19d804.txt"


# The note's "도커(컨테이너)" row defines two things; the shipped glossary keeps them apart.
SPLIT_ROW = {"docker": ("docker", "container")}


def test_seed_rows_import_to_the_shipped_entries(shared_dir):
    note = parse_til((shared_dir / SEED).read_text(encoding="utf-8"), SEED)
    shipped = load_content(shipped_content_dir())
    by_id = {t.id: t for t in shipped.terms}
    index = GlossaryIndex(shipped.terms)
    matched = {}
    for term in note.terms:
        result = index.lookup(term.term)
        assert result.best is not None, term.term
        assert result.best.kind in {MatchKind.EXACT, MatchKind.ALIAS}, term.term
        matched[term.id] = result.best.term
    assert len(note.terms) == 29
    split = {part for parts in SPLIT_ROW.values() for part in parts}
    assert {t.id for t in matched.values()} | split == {t.id for t in shipped.terms}
    for imported_id, entry in matched.items():
        imported = next(t for t in note.terms if t.id == imported_id)
        parts = [by_id[p] for p in SPLIT_ROW.get(entry.id, (entry.id,))]
        for part in parts:
            assert fuzz.partial_ratio(part.definition, imported.definition) > 90, part.id
        assert len(imported.notes) == sum(len(p.notes) for p in parts), entry.id
        if len(parts) == 1:
            assert fuzz.ratio(imported.definition, entry.definition) > 90, entry.id


def test_seed_goal_and_references_are_curriculum_day_one(shared_dir):
    note = parse_til((shared_dir / SEED).read_text(encoding="utf-8"), SEED)
    day = load_content(shipped_content_dir()).days[0]
    assert note.goals[0] == day.goals[0]
    assert str(note.date) == str(day.date)
    assert [link.url for link in note.links] == [link.url for link in day.links]
