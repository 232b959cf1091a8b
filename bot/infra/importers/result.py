"""What an importer hands back: the terms it built and the warnings a person should read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.core.models import Term
from bot.infra.importers.slug import normalize_name


def warning(path: Path | str, message: str, line: int | None = None) -> str:
    """A warning in the content error format: ``path:line: message`` or ``path: message``."""
    return f"{path}:{line}: {message}" if line is not None else f"{path}: {message}"


@dataclass(slots=True)
class ImportResult:
    """Validated terms from one source, plus ``path:line: message`` warnings."""

    terms: list[Term] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def term(self, term_id: str) -> Term | None:
        """The imported term with this id, if any."""
        return next((t for t in self.terms if t.id == term_id), None)


def shared_names(terms: list[Term]) -> list[tuple[str, str, str]]:
    """``(later id, earlier id, name)`` for every name two imported terms both claim."""
    owners: dict[str, str] = {}
    found: list[tuple[str, str, str]] = []
    for term in terms:
        for name in (*term.names, term.id):
            owner = owners.setdefault(normalize_name(name), term.id)
            if owner != term.id and all(f[:2] != (term.id, owner) for f in found):
                found.append((term.id, owner, name))
    return found


@dataclass(frozen=True, slots=True)
class Conflict:
    """An incoming text that differs from the one already in content (which is kept)."""

    kind: str  # "term" or "command"
    id: str
    existing: str
    incoming: str


_OUTCOMES = ("added", "merged", "unchanged")


@dataclass(slots=True)
class MergeReport:
    """What a merge did; entries read ``term:<id>``, ``command:<id>`` or ``day:<n>``."""

    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    # entry → its outcome, so recording stays constant-time on a note of 100,000 rows
    _outcomes: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def record(self, outcome: str, entry: str) -> None:
        """Note one outcome per entry: ``added`` beats ``merged``, which beats ``unchanged``."""
        lists = {"added": self.added, "merged": self.merged, "unchanged": self.unchanged}
        current = self._outcomes.get(entry)
        if current is None:
            lists[outcome].append(entry)
            self._outcomes[entry] = outcome
        elif _OUTCOMES.index(outcome) < _OUTCOMES.index(current):
            lists[current].remove(entry)
            lists[outcome].append(entry)
            self._outcomes[entry] = outcome

    def lines(self) -> list[str]:
        """Plain lines for a terminal: the counts, then every skip, conflict and written file."""
        out = [
            f"added: {len(self.added)}",
            f"merged: {len(self.merged)}",
            f"unchanged: {len(self.unchanged)}",
            f"skipped: {len(self.skipped)}",
            f"conflicts: {len(self.conflicts)}",
        ]
        out += [f"skipped {entry}: {reason}" for entry, reason in self.skipped]
        for conflict in self.conflicts:
            out.append(f"conflict {conflict.kind}:{conflict.id}")
            out.append(f"  existing: {conflict.existing}")
            out.append(f"  incoming: {conflict.incoming}")
        out += [f"wrote: {path}" for path in self.written]
        return out
