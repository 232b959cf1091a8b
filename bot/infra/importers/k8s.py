"""The Kubernetes website glossary (one Markdown file per term, YAML front matter) as terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.errors import ContentError
from bot.core.models import Link, Term
from bot.infra.content_files import read_file
from bot.infra.importers.markdown import Block, blocks, join_lead_ins, parse
from bot.infra.importers.result import ImportResult, shared_names, warning
from bot.infra.importers.slug import IdAllocator, normalize_name, slugify, split_name

SOURCE = "kubernetes.io glossary (CC BY 4.0)"
SITE = "https://kubernetes.io"
DEFAULT_VERSION = "v1.28"  # the API reference version current when the glossary was taken
_MORE = re.compile(r"<!--\s*more\s*-->")
_SHORTCODE = re.compile(r"\{\{[<%]\s*(?P<close>/)?\s*(?P<name>[\w-]+)(?P<args>.*?)\s*[>%]\}\}")
_ARG = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_POSITIONAL = re.compile(r'^\s*"([^"]*)"')
_NOTE_SHORTCODES = frozenset({"note", "caution", "warning"})


@dataclass(slots=True)
class _Page:
    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int
    id: str = ""
    term: str = ""
    aliases: list[str] = field(default_factory=list)


def _text_value(meta: Mapping[str, Any], *keys: str) -> str:
    """The first of several spellings of a key (``full_link`` / ``full-link``) that is set."""
    value = next((meta[k] for k in keys if meta.get(k) is not None), "")
    return str(value)


def _read(path: Path, warnings: list[str]) -> _Page | None:
    try:
        text = read_file(path)
    except ContentError as exc:
        warnings.extend(f"{problem}; skipped" for problem in exc.problems)
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        warnings.append(warning(path, "no front matter; skipped", 1))
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        warnings.append(warning(path, "front matter is not closed; skipped", 1))
        return None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        warnings.append(warning(path, f"front matter is not valid YAML; skipped ({exc})", line))
        return None
    if not isinstance(meta, dict):
        warnings.append(warning(path, "front matter is not a mapping; skipped", 1))
        return None
    return _Page(path, meta, "\n".join(lines[end + 1 :]), end + 2)


def _aliases(page: _Page, warnings: list[str]) -> list[str]:
    aka = page.meta.get("aka")
    if aka is None:
        return []
    if isinstance(aka, str):
        return [a.strip() for a in aka.split(",") if a.strip()]
    if isinstance(aka, list):
        return [str(a).strip() for a in aka if a is not None and str(a).strip()]
    warnings.append(warning(page.path, f"aka is neither a list nor text: {aka!r}; ignored"))
    return []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return []


class _Shortcodes:
    """Replaces Hugo shortcodes with plain text, collecting the terms that tooltips point to."""

    def __init__(self, lookup: Mapping[str, _Page], version: str) -> None:
        self.lookup = lookup
        self.version = version
        self.related: list[str] = []
        self.problems: list[tuple[int, str]] = []

    def expand(self, text: str) -> str:
        return _SHORTCODE.sub(lambda m: self._one(m, text), text)

    def _one(self, match: re.Match[str], text: str) -> str:
        name, args = match["name"], match["args"]
        line = text.count("\n", 0, match.start())
        if name == "glossary_tooltip":
            attrs = dict(_ARG.findall(args))
            term_id = attrs.get("term_id", "")
            target = self.lookup.get(term_id.casefold())
            # An unknown target stays in ``related`` so the final pass reports and drops it.
            related = target.id if target else slugify(term_id)
            if related and related not in self.related:
                self.related.append(related)
            return attrs.get("text") or (target.term if target else term_id)
        if name == "param":
            positional = _POSITIONAL.match(args)
            if positional and positional[1] == "version":
                return self.version
        if name in _NOTE_SHORTCODES:
            return "\n\n"
        self.problems.append((line, f"unsupported shortcode {match[0]!r} dropped"))
        return ""


def _absolute(url: str) -> str:
    return f"{SITE}{url}" if url.startswith("/") else url


def _link(href: str, text: str) -> str:
    url = _absolute(href)
    return f"[{text}]({url})" if text and text != url else url


def _texts(items: list[Block]) -> list[str]:
    return [b.text for b in join_lead_ins(items)]


def _definition_and_notes(body: str, short: str) -> tuple[str, list[str]]:
    parts = _MORE.split(body, maxsplit=1)
    if len(parts) == 2:
        head, notes = _texts(blocks(parse(parts[0]), _link)), _texts(blocks(parse(parts[1]), _link))
    else:
        head_and_rest = _texts(blocks(parse(body), _link))
        head, notes = head_and_rest[:1], head_and_rest[1:]
    definition = "\n".join(head).strip() or " ".join(short.split())
    return definition, notes


def _build(page: _Page, lookup: Mapping[str, _Page], version: str) -> tuple[Term | None, list[str]]:
    codes, meta_codes = _Shortcodes(lookup, version), _Shortcodes(lookup, version)
    body = codes.expand(page.body)
    short = meta_codes.expand(_text_value(page.meta, "short_description", "short-description"))
    full_link = meta_codes.expand(_text_value(page.meta, "full_link", "full-link")).strip()
    definition, notes = _definition_and_notes(body, short)
    problems = [warning(page.path, msg, page.body_line + line) for line, msg in codes.problems]
    problems += [warning(page.path, msg) for _, msg in meta_codes.problems]
    if not definition:
        return None, [*problems, warning(page.path, f"{page.id}: empty definition; skipped")]
    listed = [
        lookup[r.casefold()].id if r.casefold() in lookup else slugify(r)
        for r in _strings(page.meta.get("related"))
    ]
    related = [r for r in dict.fromkeys([*codes.related, *meta_codes.related, *listed]) if r]
    title = f"kubernetes.io: {page.term}"
    links = (Link(title=title, url=_absolute(full_link)),) if full_link else ()
    term = Term(
        id=page.id,
        term=page.term,
        aliases=tuple(page.aliases),
        definition=definition,
        notes=tuple(notes),
        tags=tuple(dict.fromkeys(_strings(page.meta.get("tags")))),
        related=tuple(r for r in related if r != page.id),
        links=links,
        source=SOURCE,
    )
    return term, problems


def _first_pass(path: Path, warnings: list[str]) -> tuple[list[_Page], dict[str, _Page]]:
    pages: list[_Page] = []
    lookup: dict[str, _Page] = {}
    ids = IdAllocator()
    for file in sorted(path.glob("*.md")):
        if file.name in {"index.md", "_index.md"}:
            continue
        page = _read(file, warnings)
        if page is None:
            continue
        raw_id = str(page.meta.get("id") or file.stem)
        page.id = ids.take(slugify(raw_id) or slugify(file.stem))
        title = str(page.meta.get("title") or raw_id)
        page.term, page.aliases = split_name(title)
        seen = {normalize_name(n) for n in (page.term, *page.aliases)}
        page.aliases += [a for a in _aliases(page, warnings) if normalize_name(a) not in seen]
        pages.append(page)
        for key in (file.stem, raw_id, page.id):
            lookup.setdefault(key.casefold(), page)
    return pages, lookup


def _drop_unknown_related(terms: list[Term], warn: Callable[[Term, str], None]) -> list[Term]:
    known = {t.id for t in terms}
    out: list[Term] = []
    for term in terms:
        missing = [r for r in term.related if r not in known]
        for related in missing:
            warn(term, f"related term {related!r} is not in this glossary; dropped")
        kept = tuple(r for r in term.related if r in known)
        out.append(term.model_copy(update={"related": kept}) if missing else term)
    return out


def k8s_source_name(path: Path) -> str:
    """The content file name for a folder: ``k8s-<folder>``, whatever the folder is called."""
    name = slugify(path.resolve().name)
    return f"k8s-{name}" if name else "k8s"


def import_k8s_dir(path: Path, *, version: str = DEFAULT_VERSION) -> ImportResult:
    """Import every ``*.md`` term file in one language folder (``index.md`` is skipped)."""
    if not path.is_dir():
        raise ContentError([f"{path}: not a folder; give the glossary folder (content/en/docs/…)"])
    result = ImportResult()
    pages, lookup = _first_pass(path, result.warnings)
    if not pages and not result.warnings:
        result.warnings.append(warning(path, "no term files (*.md) found; nothing imported"))
    files: dict[str, Path] = {}
    terms: list[Term] = []
    for page in pages:
        term, problems = _build(page, lookup, version)
        result.warnings.extend(problems)
        if term is not None:
            terms.append(term)
            files[term.id] = page.path
    result.terms = _drop_unknown_related(
        terms, lambda t, msg: result.warnings.append(warning(files[t.id], msg))
    )
    for later, earlier, name in shared_names(result.terms):
        message = f"{later}: name {name!r} is also used by {earlier!r} (one concept?)"
        result.warnings.append(warning(files[later], message))
    return result
