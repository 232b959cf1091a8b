"""Markdown helpers for importers: inline text, blocks, tables and sections from markdown-it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.core.journal.cells import escape_inner_pipes

# Rewrites a link: given (href, rendered text) return the text to show. The default keeps
# Markdown's own ``[text](url)`` form so Discord still renders it as a link.
LinkRenderer = Callable[[str, str], str]

_NEWLINE = re.compile(r"\r\n?|\n")  # how markdown-it counts lines
_BR = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。…)\]다요음함]$")


def default_link(href: str, text: str) -> str:
    """``[text](url)``, or just the url when the text is the url itself."""
    if not href:
        return text
    if not text or text == href:
        return href
    return f"[{text}]({href})"


@cache
def parser() -> MarkdownIt:
    """The shared CommonMark parser with GitHub tables (inline HTML stays on for ``<br>``)."""
    return MarkdownIt("commonmark").enable("table")


def parse(text: str) -> list[Token]:
    """The token stream of ``text``; in tables, a pipe inside a code span stays in its cell.

    GFM splits a table row at such a pipe; the lines of each table that have one are written
    again with the pipe escaped (the splitter the retro's 용어 rows use), then parsed again.
    """
    tokens = parser().parse(text)
    if "`" not in text or "|" not in text:
        return tokens
    lines = _NEWLINE.split(text)
    changed = False
    for tok in tokens:
        if tok.type != "table_open" or not tok.map:
            continue
        for number in range(tok.map[0], tok.map[1]):
            line = lines[number]
            if "`" in line and (escaped := escape_inner_pipes(line)) != line:
                lines[number] = escaped
                changed = True
    return parser().parse("\n".join(lines)) if changed else tokens


def _render_children(children: Sequence[Token], link: LinkRenderer) -> str:
    out: list[str] = []
    pos = 0
    while pos < len(children):
        tok = children[pos]
        if tok.type == "link_open":
            depth, end = 1, pos + 1
            while end < len(children) and depth:
                depth += {"link_open": 1, "link_close": -1}.get(children[end].type, 0)
                end += 1
            inner = _render_children(children[pos + 1 : end - 1], link)
            href = str(tok.attrs.get("href", ""))
            out.append(href if tok.markup == "autolink" else link(href, inner))
            pos = end
            continue
        out.append(_render_token(tok))
        pos += 1
    return "".join(out)


def _render_token(tok: Token) -> str:
    kind = tok.type
    if kind in {"text", "text_special"}:
        return tok.content
    if kind == "code_inline":
        return f"`{tok.content}`"
    if kind in {"strong_open", "strong_close"}:
        return "**"
    if kind in {"em_open", "em_close"}:
        return "*"
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "\n"
    if kind == "html_inline":
        return "\n" if _BR.match(tok.content.strip()) else ""
    if kind == "image":
        return tok.content
    return tok.content


def render_inline(token: Token, link: LinkRenderer = default_link) -> str:
    """Plain text of an ``inline`` token; bold, emphasis and code keep their Markdown marks."""
    text = _render_children(token.children or [], link)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()


@dataclass(frozen=True, slots=True)
class Block:
    """A top-level block rendered to text; ``line`` is 1-based within the parsed text."""

    kind: str
    text: str
    line: int | None


def _list_text(tokens: Sequence[Token], link: LinkRenderer) -> str:
    lines: list[str] = []
    counters: list[int | None] = []  # one per open list: next number, or None when bulleted
    fresh: list[bool] = []  # one per open item: no line written for it yet
    for tok in tokens:
        if tok.type in {"bullet_list_open", "ordered_list_open"}:
            ordered = tok.type == "ordered_list_open"
            counters.append(int(tok.attrs.get("start", 1) or 1) if ordered else None)
        elif tok.type in {"bullet_list_close", "ordered_list_close"}:
            counters.pop()
        elif tok.type == "list_item_open":
            fresh.append(True)
        elif tok.type == "list_item_close":
            fresh.pop()
        elif tok.type == "inline" and counters:
            indent = "  " * (len(counters) - 1)
            number = counters[-1]
            marker = "- " if number is None else f"{number}. "
            if not fresh or not fresh[-1]:
                marker = " " * len(marker)
            elif number is not None:
                counters[-1] = number + 1
            lines.append(indent + marker + render_inline(tok, link).replace("\n", " "))
            if fresh:
                fresh[-1] = False
    return "\n".join(lines)


def block_end(tokens: Sequence[Token], start: int) -> int:
    """The index just past the block that opens at ``start``."""
    level, end = 0, start
    while True:
        level += tokens[end].nesting
        end += 1
        if level <= 0:
            return end


def blocks(tokens: Sequence[Token], link: LinkRenderer = default_link) -> list[Block]:
    """Top-level blocks (paragraphs, headings, lists, code, tables…) as rendered text."""
    out: list[Block] = []
    pos = 0
    while pos < len(tokens):
        tok = tokens[pos]
        end = block_end(tokens, pos)
        inner = tokens[pos:end]
        line = tok.map[0] + 1 if tok.map else None
        kind = tok.type.removesuffix("_open")
        if kind in {"bullet_list", "ordered_list"}:
            text = _list_text(inner, link)
        elif kind in {"fence", "code_block"}:
            text = tok.content.rstrip("\n")
        else:
            text = "\n".join(render_inline(t, link) for t in inner if t.type == "inline")
        if text.strip():
            out.append(Block(kind, text.strip("\n"), line))
        pos = end
    return out


_LISTS = frozenset({"bullet_list", "ordered_list"})


def _introduces(prev: Block, block: Block) -> bool:
    if prev.kind != "paragraph" or block.kind not in _LISTS:
        return False
    text = prev.text.rstrip()
    return text.endswith(":") or not _SENTENCE_END.search(text)


def join_lead_ins(items: Sequence[Block]) -> list[Block]:
    """Join a paragraph that introduces a list (``…consists of`` / ``…:``) with that list."""
    out: list[Block] = []
    for block in items:
        if out and _introduces(out[-1], block):
            out[-1] = Block("paragraph", f"{out[-1].text}\n{block.text}", out[-1].line)
        else:
            out.append(block)
    return out


@dataclass(frozen=True, slots=True)
class Table:
    """A Markdown table: header cells and body rows, each cell rendered to text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int | None, ...]
    line: int | None


def tables(tokens: Sequence[Token], link: LinkRenderer = default_link) -> list[Table]:
    """Every table in a token stream, rows padded or cut to the header's width."""
    out: list[Table] = []
    pos = 0
    while pos < len(tokens):
        if tokens[pos].type != "table_open":
            pos += 1
            continue
        end = block_end(tokens, pos)
        header: list[str] = []
        rows: list[list[str]] = []
        lines: list[int | None] = []
        in_head = False
        for tok in tokens[pos:end]:
            if tok.type in {"thead_open", "thead_close"}:
                in_head = tok.type == "thead_open"
            elif tok.type == "tr_open" and not in_head:
                rows.append([])
                lines.append(tok.map[0] + 1 if tok.map else None)
            elif tok.type == "inline":
                (header if in_head else rows[-1]).append(render_inline(tok, link))
        width = len(header)
        body = tuple(tuple((row + [""] * width)[:width]) for row in rows)
        first = tokens[pos].map
        out.append(Table(tuple(header), body, tuple(lines), first[0] + 1 if first else None))
        pos = end
    return out


@dataclass(slots=True)
class Section:
    """The tokens under one heading, up to the next heading of the same or a higher level."""

    title: str
    level: int
    line: int | None
    tokens: list[Token] = field(default_factory=list)


def sections(tokens: Sequence[Token]) -> list[Section]:
    """Split a token stream at every heading; nested headings stay inside their parents too."""
    out: list[Section] = []
    open_sections: list[Section] = []
    pos = 0
    while pos < len(tokens):
        tok = tokens[pos]
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
            title = render_inline(tokens[pos + 1]) if pos + 1 < len(tokens) else ""
            open_sections = [s for s in open_sections if s.level < level]
            section = Section(title, level, tok.map[0] + 1 if tok.map else None)
            out.append(section)
            for parent in open_sections:
                parent.tokens.extend(tokens[pos : pos + 3])
            open_sections.append(section)
            pos += 3
            continue
        for section in open_sections:
            section.tokens.append(tok)
        pos += 1
    return out
