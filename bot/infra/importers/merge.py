"""Merging imported terms, commands and days into a content folder without duplicating any."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.core.errors import ContentError
from bot.core.models import (
    CommandCard,
    CurriculumFile,
    GlossaryFile,
    PracticeFile,
    StudyDay,
    Term,
)
from bot.infra.content_files import read_file
from bot.infra.importers.merge_terms import GlossaryIndex, TermMerger, fold, union, union_links
from bot.infra.importers.result import Conflict, MergeReport
from bot.infra.importers.slug import IdAllocator
from bot.infra.importers.til import TilNote
from bot.infra.importers.yamlio import write_content

GLOSSARY_DIR = "glossary"
PRACTICE_DIR = "practice"
CURRICULUM_FILE = "curriculum.yaml"
_SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
M = TypeVar("M", bound=BaseModel)


def load_file(path: Path, model: type[M]) -> M | None:
    """A content file validated as ``model``; None when it is missing or empty."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = yaml.safe_load(read_file(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError([f"{path}:{mark.line + 1 if mark else 1}: {exc}"]) from exc
    if data is None:
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [f"{path}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ContentError(problems) from exc


def _command_key(command: str) -> str:
    return " ".join(command.split())


class _Practice:
    """Every practice card, merged by command text; a taken id gets a ``-2`` suffix."""

    def __init__(self, out_dir: Path, new_path: Path, report: MergeReport) -> None:
        paths = sorted((out_dir / PRACTICE_DIR).glob("*.yaml"))
        self.files = {p: list(f.commands) for p in paths if (f := load_file(p, PracticeFile))}
        self.new_path = new_path
        self.report = report
        self.ids: dict[str, str] = {}
        self.touched: set[Path] = set()
        self.by_command = {
            _command_key(c.command): (p, c) for p, cs in self.files.items() for c in cs
        }
        self.allocator = IdAllocator({c.id for cards in self.files.values() for c in cards})

    def add(self, incoming: CommandCard, term_ids: dict[str, str], known: set[str]) -> None:
        terms = [term_ids.get(t, t) for t in incoming.terms]
        card = incoming.model_copy(update={"terms": tuple(t for t in terms if t in known)})
        found = self.by_command.get(_command_key(card.command))
        if found is None:
            card = card.model_copy(update={"id": self.allocator.take(card.id)})
            self._put(self.new_path, None, card)
            self.report.record("added", f"command:{card.id}")
        else:
            path, existing = found
            card = existing.model_copy(update={"terms": union(existing.terms, card.terms)})
            if fold(existing.explanation) != fold(incoming.explanation):
                conflict = Conflict(
                    "command", existing.id, existing.explanation, incoming.explanation
                )
                self.report.conflicts.append(conflict)
            outcome = "unchanged" if card == existing else "merged"
            if card != existing:
                self._put(path, existing, card)
            self.report.record(outcome, f"command:{card.id}")
        self.ids[incoming.id] = card.id

    def _put(self, path: Path, old: CommandCard | None, new: CommandCard) -> None:
        cards = self.files.setdefault(path, [])
        if old is None:
            cards.append(new)
        else:
            cards[cards.index(old)] = new
        self.by_command[_command_key(new.command)] = (path, new)
        self.touched.add(path)


def _merge_days(
    days: list[StudyDay], incoming: StudyDay, known: tuple[set[str], set[str]]
) -> tuple[str, str]:
    """Merge one day in place by date (or title when undated); returns (outcome, entry)."""
    terms, cards = known
    wanted = incoming.model_copy(
        update={
            "terms": tuple(t for t in incoming.terms if t in terms),
            "practice": tuple(c for c in incoming.practice if c in cards),
        }
    )
    for pos, day in enumerate(days):
        same = (
            day.date == wanted.date if wanted.date else not day.date and day.title == wanted.title
        )
        if not same:
            continue
        merged = day.model_copy(
            update={
                "goals": union(day.goals, wanted.goals),
                "terms": union(day.terms, wanted.terms),
                "practice": union(day.practice, wanted.practice),
                "links": union_links(day.links, wanted.links),
            }
        )
        days[pos] = merged
        return ("unchanged" if merged == day else "merged"), f"day:{day.day}"
    number = max((d.day for d in days), default=0) + 1
    days.append(wanted.model_copy(update={"day": number}))
    return "added", f"day:{number}"


def merge_into(
    out_dir: Path,
    *,
    terms: Sequence[Term] = (),
    commands: Sequence[CommandCard] = (),
    days: Sequence[StudyDay] = (),
    source_name: str,
) -> MergeReport:
    """Merge imported entries into a content folder, reading every existing file first.

    New terms go to ``glossary/<source_name>.yaml``, new cards to ``practice/<source_name>.yaml``
    and days to ``curriculum.yaml``; files are written atomically and only when they change.
    A term whose id or any name matches an existing one (in any glossary file) is merged into
    it: aliases, notes, tags, related and links are united and a different definition is
    reported as a conflict, never overwritten. Ids in commands and days follow the merge.
    Raises ContentError when an existing file does not validate.
    """
    if not _SOURCE_NAME.match(source_name):
        raise ValueError(f"source_name must match {_SOURCE_NAME.pattern}: {source_name!r}")
    report = MergeReport()
    glossary_paths = sorted((out_dir / GLOSSARY_DIR).glob("*.yaml"))
    index = GlossaryIndex(
        {p: list(f.terms) for p in glossary_paths if (f := load_file(p, GlossaryFile))}
    )
    term_merger = TermMerger(index, out_dir / GLOSSARY_DIR / f"{source_name}.yaml", report)
    for term in terms:
        term_merger.add(term)
    for term in terms:
        term_merger.link_related(term)
    known_terms = set(index.by_id)
    practice = _Practice(out_dir, out_dir / PRACTICE_DIR / f"{source_name}.yaml", report)
    for card in commands:
        practice.add(card, term_merger.ids, known_terms)
    touched: dict[Path, BaseModel] = {
        p: GlossaryFile(terms=tuple(index.files[p])) for p in term_merger.touched
    }
    touched |= {p: PracticeFile(commands=tuple(practice.files[p])) for p in practice.touched}
    if days:
        curriculum = _add_days(out_dir, days, (term_merger.ids, known_terms), practice, report)
        touched[out_dir / CURRICULUM_FILE] = curriculum
    for path in sorted(touched):
        if write_content(path, touched[path]):
            report.written.append(path)
    return report


def _add_days(
    out_dir: Path,
    days: Sequence[StudyDay],
    terms: tuple[dict[str, str], set[str]],
    practice: _Practice,
    report: MergeReport,
) -> CurriculumFile:
    existing = load_file(out_dir / CURRICULUM_FILE, CurriculumFile)
    merged = list(existing.days) if existing else []
    term_ids, known_terms = terms
    cards = {c.id for cs in practice.files.values() for c in cs}
    for day in days:
        renamed = day.model_copy(
            update={
                "terms": tuple(term_ids.get(t, t) for t in day.terms),
                "practice": tuple(practice.ids.get(c, c) for c in day.practice),
            }
        )
        outcome, entry = _merge_days(merged, renamed, (known_terms, cards))
        report.record(outcome, entry)
    return CurriculumFile(days=tuple(merged))


def merge_note(out_dir: Path, note: TilNote, source_name: str = "til") -> MergeReport:
    """Merge one TIL note: its terms, its command cards and its date, goals and links."""
    day = note.to_study_day()
    return merge_into(
        out_dir,
        terms=note.terms,
        commands=note.commands,
        days=[day] if day else [],
        source_name=source_name,
    )
