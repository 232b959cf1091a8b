"""The team's glossary layer: linking entries to terms, suggestions, and accepting them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.core import korean
from bot.core.errors import TermExistsError, UnknownSuggestionError
from bot.core.journal.linking import TermLinker, name_keys
from bot.core.journal.models import EntryBody, EntryKind, Suggestion, SuggestionDraft, TermRow
from bot.core.models import Term

if TYPE_CHECKING:
    import datetime as dt

    from bot.core.glossary import GlossaryService
    from bot.core.lookup import GlossaryIndex
    from bot.core.models import UserRef
    from bot.core.ports import JournalRepository

# Turns a term name into an id base (^[a-z0-9][a-z0-9-]*$); the composition root passes the
# importers' romanizing ``term_slug`` so layer ids read like content ids.
Slugify = Callable[[str], str]
_PAREN = re.compile(r"^(?P<name>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ID_MAX = 80


def ascii_slug(name: str) -> str:
    """A plain slug; a name with no Latin letters or digits gets a short stable hash instead."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = _NON_ALNUM.sub("-", folded).strip("-")[:_ID_MAX].strip("-")
    if slug:
        return slug
    return "term-" + hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:8]


def name_key(name: str) -> str:
    return korean.normalize(name)


def split_name(name: str) -> tuple[str, tuple[str, ...]]:
    """``파드(POD)`` → ``("파드", ("POD",))``: a trailing parenthesis names an alias."""
    match = _PAREN.match(name.strip())
    if match is None:
        return name.strip(), ()
    aliases = tuple(a.strip() for a in re.split(r"[,，|]", match["inner"]) if a.strip())
    return match["name"].strip(), aliases


class TeamGlossary:
    """Links log text to a space's glossary and grows that glossary from suggestions."""

    def __init__(
        self,
        repo: JournalRepository,
        glossary: GlossaryService,
        slugify: Slugify | None = None,
    ) -> None:
        self._repo = repo
        self._glossary = glossary
        self._slugify = slugify or ascii_slug
        self._linkers: dict[str, tuple[GlossaryIndex, TermLinker]] = {}

    def linker(self, space: str) -> TermLinker:
        """The linker over the space's combined index, rebuilt when the index changes."""
        index = self._glossary.index_for(space)
        cached = self._linkers.get(space)
        if cached is None or cached[0] is not index:
            cached = self._linkers[space] = (index, TermLinker(index.terms))
        return cached[1]

    def term(self, space: str, term_id: str) -> Term | None:
        return self._glossary.index_for(space).get(term_id)

    def link(self, space: str, body: EntryBody) -> tuple[tuple[str, ...], tuple[TermRow, ...]]:
        """Term ids the retro mentions (text and 용어 rows), and the rows no term matches."""
        linker = self.linker(space)
        linked = dict.fromkeys(linker.scan((body.learned, body.reflection, *body.term_text)))
        unknown: list[TermRow] = []
        for row in body.terms:
            term_id = linker.match_name(row.term)
            if term_id is None:
                unknown.append(row)
            else:
                linked.setdefault(term_id)
        return tuple(linked), tuple(unknown)

    async def load_layers(self) -> int:
        """Push every stored layer into the glossary (at start); return how many spaces."""
        layers = await self._repo.layers()
        for space, terms in layers.items():
            self._glossary.set_layer(space, await self._without_private_sources(space, terms))
        return len(layers)

    async def refresh_layer(self, space: str) -> None:
        """Reload a space's layer, say after a retro turned private: its name leaves the cards."""
        terms = await self._repo.layer_terms(space)
        if terms:
            self._glossary.set_layer(space, await self._without_private_sources(space, terms))

    async def _without_private_sources(self, space: str, terms: Sequence[Term]) -> list[Term]:
        """The layer's terms, with no "출처: <name> · <date>" that points at a private retro.

        A term accepted from a retro that is private now (or was, before private rows stopped
        being suggested) keeps its definition, which the team accepted, but not its author.
        """
        hidden: set[tuple[str | None, str]] = set()
        for suggestion in await self._repo.suggestions(space, pending_only=False):
            if suggestion.accepted and await self._from_private(suggestion):
                hidden.add((suggestion.term_id, _source(suggestion)))
        return [
            term.model_copy(update={"source": None}) if (term.id, term.source) in hidden else term
            for term in terms
        ]

    async def suggest(
        self,
        space: str,
        author: UserRef,
        day: dt.date,
        rows: Sequence[TermRow],
        at: dt.datetime,
    ) -> None:
        """Remember 용어 rows the glossary lacks as suggestions, with who wrote them."""
        drafts = [
            SuggestionDraft(space, name_key(r.term), r, author.id, author.display_name, day, at)
            for r in rows
            if name_key(r.term)
        ]
        if drafts:
            await self._repo.add_suggestions(drafts)

    async def _from_private(self, suggestion: Suggestion) -> bool:
        """Whether the retro a suggestion came from is private now (say, edited to private).

        Private retros are never suggested; this also hides what was suggested before the
        entry turned private, or before private rows stopped being suggested at all.
        """
        entry = await self._repo.entry_on(
            suggestion.space, suggestion.user_id, suggestion.local_date, EntryKind.RETRO
        )
        return entry is not None and not entry.public

    async def pending(self, space: str) -> list[Suggestion]:
        """Pending suggestions from public retros whose name the glossary lacks, oldest first."""
        linker = self.linker(space)
        found = await self._repo.suggestions(space, pending_only=True)
        return [
            s
            for s in found
            if linker.match_name(s.row.term) is None and not await self._from_private(s)
        ]

    async def accept(
        self, space: str, suggestion_id: int, by: str, at: dt.datetime
    ) -> tuple[Suggestion, Term]:
        """Add a suggestion to the space's layer; lookup, autocomplete and quiz see it at once."""
        suggestion = await self._repo.get_suggestion(suggestion_id)
        if (
            suggestion is None
            or suggestion.space != space
            or suggestion.accepted
            or await self._from_private(suggestion)
        ):
            raise UnknownSuggestionError(suggestion_id=suggestion_id)
        term = self._term_for(space, suggestion)
        if not await self._repo.add_layer_term(space, term, suggestion.name_key, by, at):
            raise TermExistsError(term=suggestion.row.term)
        await self._repo.mark_accepted(space, suggestion.name_key, term.id, at)
        await self.refresh_layer(space)
        return suggestion, term

    def _term_for(self, space: str, suggestion: Suggestion) -> Term:
        """The layer term; its main name may not clash with any name the space already has."""
        index = self._glossary.index_for(space)
        taken = {key for term in index.terms for key in name_keys(term)}
        name, aliases = split_name(suggestion.row.term)
        if name_key(name) in taken or name_key(suggestion.row.term) in taken:
            raise TermExistsError(term=suggestion.row.term)
        kept = tuple(a for a in aliases if name_key(a) and name_key(a) not in taken)
        ids = {term.id for term in index.terms}
        base = self._slugify(name) or ascii_slug(name)
        term_id, n = base, 1
        while term_id in ids:
            n += 1
            term_id = f"{base}-{n}"
        row = suggestion.row
        return Term(
            id=term_id,
            term=name,
            aliases=kept,
            definition=row.definition,
            notes=(row.note,) if row.note else (),
            source=_source(suggestion),
        )


def _source(suggestion: Suggestion) -> str:
    """Where an accepted term came from, as its card's "출처" shows it."""
    return f"{suggestion.display_name} · {suggestion.local_date.isoformat()}"
