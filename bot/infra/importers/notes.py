"""Glossary entries written inside notes: term/definition/notes tables and bold bullet lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from bot.core.journal.cells import split_cells
from bot.core.models import Term
from bot.infra.importers.markdown import Table, block_end, render_inline, tables
from bot.infra.importers.result import warning
from bot.infra.importers.slug import IdAllocator, is_latin, split_name, term_slug

_TERM_HEADS = frozenset(
    {"용어", "단어", "개념", "키워드", "이름", "term", "terms", "name", "keyword"}
)
_DEFINITION_HEADS = frozenset(
    {"정의", "설명", "뜻", "의미", "definition", "meaning", "description"}
)
_NOTES_HEADS = frozenset({"비고", "참고", "메모", "notes", "note", "remarks", "comments"})
# With an empty first header only these make the table a glossary (the team's own layout).
_BARE_DEFINITION_HEADS = frozenset({"정의", "definition"})
_NOTE_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")
_MARKS = re.compile(r"\*\*|__|`")
_COLON = re.compile(r"^\s*[:：]\s*")


def _head(cell: str) -> str:
    return _MARKS.sub("", cell).strip().casefold()


def is_glossary_header(header: Sequence[str]) -> bool:
    """Whether a table header reads like term | definition [| notes], in Korean or English."""
    if len(header) not in {2, 3}:
        return False
    first, second = _head(header[0]), _head(header[1])
    if len(header) == 3 and _head(header[2]) not in _NOTES_HEADS:
        return False
    if not first:
        return second in _BARE_DEFINITION_HEADS
    return first in _TERM_HEADS and second in _DEFINITION_HEADS


def split_notes(cell: str) -> list[str]:
    """One note per line of a cell, without the ``- `` a writer put in front of each."""
    return [n for n in (_NOTE_BULLET.sub("", line).strip() for line in cell.split("\n")) if n]


def _definition(cell: str) -> str:
    return "\n".join(line.strip() for line in cell.split("\n") if line.strip())


class GlossaryBuilder:
    """Builds validated terms from loose rows, with unique ids and readable warnings."""

    def __init__(self, source: str, ids: IdAllocator | None = None) -> None:
        self.source = source
        self.ids = ids or IdAllocator()
        self.terms: list[Term] = []
        self.warnings: list[str] = []

    def add(self, name: str, definition: str, notes: Sequence[str], line: int | None) -> None:
        term, aliases = _names(_MARKS.sub("", name).replace("\n", " "))
        if not term:
            self.warnings.append(warning(self.source, "row without a term name; skipped", line))
            return
        if not definition.strip():
            message = f"{term}: empty definition; skipped"
            self.warnings.append(warning(self.source, message, line))
            return
        self.terms.append(
            Term(
                id=self.ids.take(term_slug(term, aliases)),
                term=term,
                aliases=tuple(aliases),
                definition=definition,
                notes=tuple(notes),
                source=self.source,
            )
        )

    def add_table(self, table: Table) -> None:
        for row, line in zip(table.rows, table.row_lines, strict=True):
            notes = split_notes(row[2]) if len(row) > 2 else []
            self.add(row[0], _definition(row[1]), notes, line)

    def add_bullets(self, tokens: Sequence[Token]) -> None:
        pos = 0
        while pos < len(tokens):
            if tokens[pos].type != "list_item_open":
                pos += 1
                continue
            end = block_end(tokens, pos)
            if not self._add_bullet(tokens[pos:end]):
                pos += 1
                continue
            pos = end

    def _add_bullet(self, item: Sequence[Token]) -> bool:
        if len(item) < 3 or item[1].type != "paragraph_open":
            return False
        children = [c for c in item[2].children or [] if c.type != "text" or c.content]
        if len(children) < 3 or children[0].type != "strong_open":
            return False
        close = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
        if close is None:
            return False
        name = "".join(c.content for c in children[1:close]).strip()
        rest = render_inline(_inline_of(children[close + 1 :]))
        if not (name.endswith((":", "：")) or _COLON.match(rest)):
            return False
        notes = [render_inline(t) for t in item[3:] if t.type == "inline"]
        line = item[0].map[0] + 1 if item[0].map else None
        self.add(name.rstrip(":： "), _COLON.sub("", rest, count=1), notes, line)
        return True


_NAME_LIST = re.compile(r"\s*(?:/|,|，)\s*")


def _names(cell: str) -> tuple[str, list[str]]:
    """The term and aliases of a name cell: ``서비스 (Service)``, or ``서비스 / Service``.

    A cell that lists a Korean and a Latin name with ``/`` or ``,`` names one term in both
    languages, so the Latin name becomes an alias and gives the term its id.
    """
    term, aliases = split_name(cell)
    parts = [p for p in _NAME_LIST.split(term) if p]
    if aliases or len(parts) < 2 or is_latin(parts[0]) or not any(map(is_latin, parts[1:])):
        return term, aliases
    return parts[0], parts[1:]


def _inline_of(children: Sequence[Token]) -> Token:
    token = Token("inline", "", 0)
    token.children = list(children)
    return token


_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _row_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return split_cells(text)


def broken_tables(tokens: Sequence[Token], source: str) -> list[str]:
    """Warnings for glossary tables that Markdown read as text: header and rule disagree."""
    found: list[str] = []
    for pos, tok in enumerate(tokens[:-1]):
        if tok.type != "paragraph_open" or not tok.map:
            continue
        lines = tokens[pos + 1].content.split("\n")
        if len(lines) < 2 or not _DELIMITER_ROW.match(lines[1]):
            continue
        header, rule = _row_cells(lines[0]), _row_cells(lines[1])
        if is_glossary_header([c.strip() for c in header]) and len(rule) != len(header):
            message = (
                f"table not read: its header has {len(header)} cells and the row under it "
                f"{len(rule)}; make them match"
            )
            found.append(warning(source, message, tok.map[0] + 2))
    return found


def glossary_from_tokens(
    tokens: Sequence[Token], source: str, ids: IdAllocator | None = None
) -> tuple[list[Term], list[str]]:
    """Terms from every glossary table and every ``- **Term**: definition`` bullet."""
    builder = GlossaryBuilder(source, ids)
    for table in tables(tokens):
        if is_glossary_header(table.header):
            builder.add_table(table)
    builder.add_bullets(tokens)
    return builder.terms, [*broken_tables(tokens, source), *builder.warnings]
