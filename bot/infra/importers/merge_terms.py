"""Merging incoming glossary terms into every glossary file, matched by id or by any name."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from bot.core.models import Link, Term
from bot.infra.importers.result import Conflict, MergeReport
from bot.infra.importers.slug import normalize_name

T = TypeVar("T")


def fold(text: str) -> str:
    """Text as compared for sameness: NFKC, casefolded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def union(first: Iterable[T], second: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys([*first, *second]))


def union_text(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    """Both sequences in order, dropping texts that only differ in case or spacing."""
    kept = {fold(s): s for s in first}
    for item in second:
        kept.setdefault(fold(item), item)
    return tuple(kept.values())


def union_links(first: Iterable[Link], second: Iterable[Link]) -> tuple[Link, ...]:
    kept = {link.url: link for link in first}
    for link in second:
        kept.setdefault(link.url, link)
    return tuple(kept.values())


class GlossaryIndex:
    """Every term of a content folder, indexed by id and by each name the loader compares."""

    def __init__(self, files: dict[Path, list[Term]]) -> None:
        self.files = files
        self.home: dict[str, Path] = {}
        self.by_id: dict[str, Term] = {}
        self.names: dict[str, str] = {}
        for path, terms in files.items():
            for term in terms:
                self._index(term, path)

    def _index(self, term: Term, path: Path) -> None:
        self.home[term.id] = path
        self.by_id[term.id] = term
        for name in (*term.names, term.id):
            self.names.setdefault(normalize_name(name), term.id)

    def match(self, term: Term) -> str | None:
        """The id of the entry an incoming term is: same id, else any shared name or alias."""
        if term.id in self.by_id:
            return term.id
        keys = (normalize_name(n) for n in (*term.names, term.id))
        return next((self.names[k] for k in keys if k in self.names), None)

    def put(self, term: Term, path: Path) -> None:
        entries = self.files.setdefault(path, [])
        if term.id in self.by_id:
            entries[entries.index(self.by_id[term.id])] = term
        else:
            entries.append(term)
        self._index(term, path)


class TermMerger:
    """Adds or merges terms; ``ids`` maps each incoming id to the id it ended up under."""

    def __init__(self, index: GlossaryIndex, new_path: Path, report: MergeReport) -> None:
        self.index = index
        self.new_path = new_path
        self.report = report
        self.ids: dict[str, str] = {}
        self.touched: set[Path] = set()

    def add(self, incoming: Term) -> None:
        """First pass: place the term (its ``related`` waits until every id is known)."""
        target = self.index.match(incoming)
        if target is None:
            self.index.put(incoming.model_copy(update={"related": ()}), self.new_path)
            self.touched.add(self.new_path)
            self.report.record("added", f"term:{incoming.id}")
            self.ids[incoming.id] = incoming.id
            return
        existing = self.index.by_id[target]
        self.ids[incoming.id] = target
        if fold(existing.definition) != fold(incoming.definition):
            conflict = Conflict("term", target, existing.definition, incoming.definition)
            self.report.conflicts.append(conflict)
        merged = existing.model_copy(
            update={
                "aliases": self._aliases(existing, incoming),
                "notes": union_text(existing.notes, incoming.notes),
                "tags": union(existing.tags, incoming.tags),
                "links": union_links(existing.links, incoming.links),
            }
        )
        self._replace(existing, merged)

    def _aliases(self, existing: Term, incoming: Term) -> tuple[str, ...]:
        aliases = list(existing.aliases)
        taken = {normalize_name(n) for n in (*existing.names, existing.id)}
        for name in incoming.names:
            key = normalize_name(name)
            owner = self.index.names.get(key, existing.id)
            if owner != existing.id:
                reason = f"alias {name!r} already names {owner!r}"
                self.report.skipped.append((f"term:{existing.id}", reason))
            elif key not in taken:
                taken.add(key)
                aliases.append(name)
        return tuple(aliases)

    def link_related(self, incoming: Term) -> None:
        """Second pass: add ``related`` ids, renamed to where each term ended up."""
        target = self.ids[incoming.id]
        existing = self.index.by_id[target]
        wanted = [self.ids.get(r, r) for r in incoming.related]
        for missing in (r for r in wanted if r not in self.index.by_id):
            self.report.skipped.append((f"term:{target}", f"related {missing!r} does not exist"))
        known = [r for r in wanted if r in self.index.by_id and r != target]
        self._replace(
            existing, existing.model_copy(update={"related": union(existing.related, known)})
        )

    def _replace(self, old: Term, new: Term) -> None:
        if new == old:
            self.report.record("unchanged", f"term:{old.id}")
            return
        path = self.index.home[old.id]
        self.index.put(new, path)
        self.touched.add(path)
        self.report.record("merged", f"term:{old.id}")
