"""Load a content folder (YAML) into validated models; problems read `path:line: message`."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.core.errors import ContentError
from bot.core.models import Content, CurriculumFile, GlossaryFile, PracticeFile
from bot.infra.content_files import (
    GLOSSARY_DIR,
    Sources,
    read_sources,
)
from bot.infra.content_limits import alias_problem, term_problems

log = logging.getLogger(__name__)

# libyaml's C loader parses an order of magnitude faster; the pure one is the fallback.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

M = TypeVar("M", bound=BaseModel)


def shipped_content_dir() -> Path:
    """The content folder that ships inside the package (or the checkout's `content/`)."""
    try:
        packaged = resources.files("bot.content")
        path = Path(str(packaged))
        if (path / GLOSSARY_DIR).is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "content"


@dataclass(frozen=True, slots=True)
class _Loaded:
    path: Path
    text: str
    data: Any


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []
        self._lines: dict[tuple[Path, str], list[int]] = {}

    def add(self, path: Path, line: int, message: str) -> None:
        self.items.append(f"{path}:{line}: {message}")

    def add_entry(self, entry: _Entry, message: str) -> None:
        """Report a problem with one list entry, locating its line only now.

        Composing the node tree is slow on large files, so it happens only when there is
        something to report.
        """
        key = (entry.loaded.path, entry.top)
        if key not in self._lines:
            self._lines[key] = _entry_lines(entry.loaded, entry.top)
        lines = self._lines[key]
        self.add(entry.loaded.path, lines[entry.index] if entry.index < len(lines) else 1, message)

    def where(self, entry: _Entry) -> str:
        lines = self._lines.get((entry.loaded.path, entry.top)) or _entry_lines(
            entry.loaded, entry.top
        )
        return f"{entry.loaded.path}:{lines[entry.index] if entry.index < len(lines) else 1}"


@dataclass(frozen=True, slots=True)
class _Entry:
    loaded: _Loaded
    top: str
    index: int


def load_content(directory: Path) -> Content:
    """Read and validate every content file in ``directory``; raise ContentError on problems."""
    return parse_sources(read_sources(directory))


def parse_sources(sources: Sources) -> Content:
    """Validate content already read; raise ContentError (`path:line: message`) on problems."""
    problems = _Problems()
    glossaries = [_parse(p, text, GlossaryFile, problems) for p, text in sources.glossaries]
    practices = [_parse(p, text, PracticeFile, problems) for p, text in sources.practices]
    curriculum = (
        _parse(*sources.curriculum, CurriculumFile, problems) if sources.curriculum else None
    )
    content = Content(
        terms=tuple(t for g in glossaries if g for t in g[1].terms),
        commands=tuple(c for p in practices if p for c in p[1].commands),
        days=curriculum[1].days if curriculum else (),
    )
    if not problems.items:
        _check_references(glossaries, practices, curriculum, problems)
    if problems.items:
        raise ContentError(problems.items)
    return content


def _parse(path: Path, text: str, model: type[M], problems: _Problems) -> tuple[_Loaded, M] | None:
    too_large = alias_problem(path, text)
    if too_large is not None:
        problems.items.append(too_large)
        return None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C-accelerated
    except yaml.YAMLError as exc:
        problems.add(path, _error_line(text, exc), f"invalid YAML: {_error_text(exc)}")
        return None
    try:
        return _Loaded(path, text, data), model.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(text, Loader=_Loader)
        for error in exc.errors():
            line = _line_of(root, error["loc"])
            problems.add(path, line, _describe(error))
        return None


def _error_line(text: str, exc: yaml.YAMLError) -> int:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(exc, "position", None)  # a reader error knows only its offset
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 1


def _error_text(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        return f"character U+{code:04X} is not allowed ({exc.reason})"
    return str(getattr(exc, "problem", None) or exc)


def _describe(error: ErrorDetails) -> str:
    loc = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{error['loc'][-1]}' (at {loc})"
    if kind == "missing":
        return f"missing required key '{error['loc'][-1]}' (at {loc})"
    if kind == "string_too_short":
        return f"'{error['loc'][-1]}' must not be empty (at {loc})"
    return f"{loc}: {error['msg']}"


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int:
    """The 1-based line of the YAML node at ``loc``, or of its nearest existing parent."""
    if node is None:
        return 1
    for depth, part in enumerate(loc, start=1):
        found = _child(node, part)
        if found is None:
            break
        key, node = found
        if depth == len(loc) and key is not None:
            # A key is reported where the key stands, even when its value starts below it.
            return key.start_mark.line + 1
    return node.start_mark.line + 1


def _child(node: yaml.Node, part: int | str) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key, value) nodes under ``node`` for a list index or a mapping key."""
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        items: list[yaml.Node] = node.value
        return (None, items[part]) if 0 <= part < len(items) else None
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for key, value in pairs:
            if key.value == str(part):
                return key, value
    return None


def _entry_lines(loaded: _Loaded, top: str) -> list[int]:
    root = yaml.compose(loaded.text, Loader=_Loader)
    found = _child(root, top) if root is not None else None
    seq = found[1] if found else None
    if not isinstance(seq, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in seq.value]


def name_key(name: str) -> str:
    """The form under which two names count as the same alias."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def _located(files: Sequence[tuple[_Loaded, Any] | None], top: str) -> Iterator[tuple[_Entry, Any]]:
    for item in files:
        if item is None:
            continue
        loaded, model = item
        for index, entry in enumerate(getattr(model, top)):
            yield _Entry(loaded, top, index), entry


def _check_references(
    glossaries: Sequence[tuple[_Loaded, GlossaryFile] | None],
    practices: Sequence[tuple[_Loaded, PracticeFile] | None],
    curriculum: tuple[_Loaded, CurriculumFile] | None,
    problems: _Problems,
) -> None:
    terms = list(_located(glossaries, "terms"))
    ids: dict[str, _Entry] = {}
    owners: dict[str, tuple[str, _Entry]] = {}
    for entry, term in terms:
        for problem in term_problems(term.names, term.definition, term.notes):
            problems.add_entry(entry, f"'{term.id}': {problem}")
        if term.id in ids:
            first = problems.where(ids[term.id])
            problems.add_entry(entry, f"duplicate id '{term.id}' (first at {first})")
        ids.setdefault(term.id, entry)
    for entry, term in terms:
        for name in dict.fromkeys(name_key(n) for n in (*term.names, term.id)):
            owner_id, owner_entry = owners.setdefault(name, (term.id, entry))
            if owner_id != term.id:
                where = problems.where(owner_entry)
                problems.add_entry(
                    entry,
                    f"'{term.id}': name '{name}' is already claimed by '{owner_id}' ({where})",
                )
        for rel in term.related:
            if rel not in ids:
                problems.add_entry(entry, f"'{term.id}': related id '{rel}' does not exist")
    _check_practice(practices, ids.keys(), problems)
    _check_curriculum(curriculum, ids.keys(), practices, problems)


def _check_practice(
    practices: Sequence[tuple[_Loaded, PracticeFile] | None],
    ids: Collection[str],
    problems: _Problems,
) -> None:
    seen: set[str] = set()
    for entry, card in _located(practices, "commands"):
        if card.id in seen:
            problems.add_entry(entry, f"duplicate command id '{card.id}'")
        seen.add(card.id)
        for term_id in card.terms:
            if term_id not in ids:
                problems.add_entry(entry, f"'{card.id}': term id '{term_id}' does not exist")


def _check_curriculum(
    curriculum: tuple[_Loaded, CurriculumFile] | None,
    ids: Collection[str],
    practices: Sequence[tuple[_Loaded, PracticeFile] | None],
    problems: _Problems,
) -> None:
    if curriculum is None:
        return
    cards = {c.id for p in practices if p for c in p[1].commands}
    days: set[int] = set()
    for entry, day in _located([curriculum], "days"):
        if day.day in days:
            problems.add_entry(entry, f"duplicate day {day.day}")
        days.add(day.day)
        for term_id in day.terms:
            if term_id not in ids:
                problems.add_entry(entry, f"day {day.day}: term id '{term_id}' does not exist")
        for card_id in day.practice:
            if card_id not in cards:
                problems.add_entry(entry, f"day {day.day}: practice id '{card_id}' does not exist")
