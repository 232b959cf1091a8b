"""The Docker docs glossary (a YAML map of term to Markdown) as terms."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.core.errors import ContentError
from bot.core.models import Term
from bot.infra.content_files import read_file
from bot.infra.importers.markdown import blocks, join_lead_ins, parse
from bot.infra.importers.result import ImportResult, shared_names, warning
from bot.infra.importers.slug import IdAllocator, normalize_name, slugify

SOURCE = "Docker docs glossary (Apache-2.0)"
SITE = "https://docs.docker.com"
_ALSO_KNOWN = re.compile(
    r"^[ \t]*[*_]Also known as:?[ \t]*(?P<names>[^*_\n]+?)[ \t]*[*_][ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)
_ALIAS_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|or)\s+")
_ANCHOR_DROP = re.compile(r"[^\w\- ]")


def anchor(name: str) -> str:
    """The heading anchor the docs site gives a term: lowercase, spaces as hyphens."""
    return _ANCHOR_DROP.sub("", name.strip().lower()).replace(" ", "-")


def also_known_as(text: str) -> tuple[str, list[str]]:
    """Take the ``*Also known as …*`` lines out of a text; return the rest and the aliases."""
    aliases: list[str] = []
    for match in _ALSO_KNOWN.finditer(text):
        aliases += [a.strip(" .") for a in _ALIAS_SPLIT.split(match["names"]) if a.strip(" .")]
    return _ALSO_KNOWN.sub("", text), aliases


def _entries(path: Path, warnings: list[str]) -> list[tuple[str, str, int]]:
    text = read_file(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or exc
        raise ContentError(
            [warning(path, f"invalid YAML: {problem}; nothing imported", line)]
        ) from exc
    if not isinstance(root, yaml.MappingNode):
        warnings.append(warning(path, "expected a map of term to text; nothing imported"))
        return []
    entries: list[tuple[str, str, int]] = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
            warnings.append(warning(path, "entry is not `term: text`; skipped", line))
            continue
        entries.append((str(key.value).strip(), str(value.value), line))
    return entries


class _TermLinks:
    """Turns ``[x](#anchor)`` into plain text plus a related id; other links become absolute."""

    def __init__(self, anchors: dict[str, str]) -> None:
        self.anchors = anchors
        self.related: list[str] = []
        self.unknown: list[str] = []

    def __call__(self, href: str, text: str) -> str:
        if href.startswith("#"):
            target = self.anchors.get(href[1:].lower())
            if target is None:
                self.unknown.append(href)
            elif target not in self.related:
                self.related.append(target)
            return text
        url = f"{SITE}{href}" if href.startswith("/") else href
        return f"[{text}]({url})" if text and text != url else url


def import_docker_glossary(path: Path) -> ImportResult:
    """Import Docker's ``glossary.yaml``: first paragraph is the definition, the rest notes."""
    result = ImportResult()
    entries = _entries(path, result.warnings)
    ids = IdAllocator()
    own_ids = [ids.take(slugify(name) or "term") for name, _, _ in entries]
    anchors = {
        anchor(name): term_id for (name, _, _), term_id in zip(entries, own_ids, strict=True)
    }
    for (name, text, line), term_id in zip(entries, own_ids, strict=True):
        body, aliases = also_known_as(text)
        links = _TermLinks(anchors)
        paragraphs = [b.text for b in join_lead_ins(blocks(parse(body), links))]
        for href in links.unknown:
            result.warnings.append(warning(path, f"{name}: link to unknown term {href}", line))
        if not paragraphs:
            result.warnings.append(warning(path, f"{name}: empty definition; skipped", line))
            continue
        names = {normalize_name(name)}
        result.terms.append(
            Term(
                id=term_id,
                term=name,
                aliases=tuple(a for a in dict.fromkeys(aliases) if normalize_name(a) not in names),
                definition=paragraphs[0],
                notes=tuple(paragraphs[1:]),
                related=tuple(r for r in links.related if r != term_id),
                source=SOURCE,
            )
        )
    for later, earlier, name in shared_names(result.terms):
        message = f"{later}: name {name!r} is also used by {earlier!r}"
        result.warnings.append(warning(path, message))
    return result
