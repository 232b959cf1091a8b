"""The glossary service: `/define`, its buttons, autocomplete and `/help`, as neutral Replies."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from bot.core.errors import UnknownTermError
from bot.core.i18n import Locale, normalize_locale, t
from bot.core.interaction.ids import action_id
from bot.core.lookup import GlossaryIndex, LookupResult, Match, MatchKind, practice_texts
from bot.core.models import CommandCard, Content, Term
from bot.core.replies import (
    MAX_BODY,
    MAX_BUTTONS,
    MAX_FIELD,
    MAX_TITLE,
    Reply,
    ReplyButton,
    ReplyField,
    Tone,
    clip,
    safe,
)
from bot.core.review.models import add_button_id

BUTTON_FEATURE = "define"
MAX_CHOICE_NAME = 100
_MAX_PRACTICE = 4
_MAX_CACHED_CARDS = 4096


def show_button_id(term_id: str) -> str:
    """The custom id of a button that shows one entry; stable across restarts."""
    return action_id(BUTTON_FEATURE, "show", term_id)


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice: what the user sees and the value sent back."""

    name: str
    value: str


class GlossaryService:
    """Answers questions about the glossary from validated content.

    A space may add its own terms on top of the content (its glossary layer, accepted from
    members' suggestions): ``set_layer`` builds that space's combined index, and every call
    given ``space=`` (the ``<platform>:<id>`` key) searches it. Without ``space`` only the
    content is searched, exactly as before layers existed.

    ``linked`` names groups of spaces that are one team on several platforms (a Discord
    server and a Slack workspace, say): they search one combined index, so a term accepted
    on one face is found on the other.
    """

    def __init__(
        self,
        content: Content,
        index: GlossaryIndex | None = None,
        linked: Iterable[Iterable[str]] = (),
    ) -> None:
        self._content = content
        # Each linked space answers from its group's index, kept under the group's first key.
        self._group: dict[str, str] = {}
        for group in linked:
            keys = list(dict.fromkeys(group))
            for key in keys:
                self._group[key] = keys[0]
        if index is None:
            index = GlossaryIndex(content.terms, practice_of(content))
        self._index = index
        self._layers: dict[str, GlossaryIndex] = {}
        self._layer_terms: dict[str, tuple[Term, ...]] = {}
        self._practice: dict[str, list[CommandCard]] = {}
        for card in content.commands:
            for term_id in dict.fromkeys(card.terms):
                self._practice.setdefault(term_id, []).append(card)
        # Cards are pure functions of (space's index, term, locale) and are asked for again
        # and again in a busy channel; a bounded cache spares re-rendering them each time.
        self._cards: dict[tuple[str | None, str, Locale], Reply] = {}
        self._review_button = False

    @property
    def index(self) -> GlossaryIndex:
        return self._index

    def set_layer(self, space_key: str, terms: Sequence[Term]) -> None:
        """Replace a space's own terms and rebuild its combined index (content first).

        A linked space's index holds the terms of every space in its group.
        """
        layer = tuple(terms)
        if layer:
            self._layer_terms[space_key] = layer
        else:
            self._layer_terms.pop(space_key, None)
        group = self._group_of(space_key)
        members = [k for k in self._layer_terms if self._group_of(k) == group]
        shared = {t.id: t for k in members for t in self._layer_terms[k]}
        if shared:
            combined = GlossaryIndex((*self._index.terms, *shared.values()), self._index.practice)
            self._layers[group] = combined
        else:
            self._layers.pop(group, None)
        self._cards.clear()

    def _group_of(self, space_key: str) -> str:
        return self._group.get(space_key, space_key)

    def layer(self, space_key: str) -> tuple[Term, ...]:
        """The terms a space added on top of the content (empty for none)."""
        return self._layer_terms.get(space_key, ())

    def index_for(self, space: str | None = None) -> GlossaryIndex:
        """The index a space searches: its combined one, or the content's."""
        if space is None:
            return self._index
        return self._layers.get(self._group_of(space), self._index)

    def terms(self, space: str | None = None) -> tuple[Term, ...]:
        """Every term a space sees; the quiz's terms provider. Stable while unchanged."""
        return self.index_for(space).terms

    def lookup(self, query: str, *, space: str | None = None) -> LookupResult:
        """The raw lookup, for callers that render results themselves (the CLI's JSON)."""
        return self.index_for(space).lookup(query)

    def define(
        self,
        query: str,
        locale: str | None = None,
        *,
        space: str | None = None,
        shareable: bool = False,
    ) -> Reply:
        """Answer `/define`: the entry, several close entries, or a miss with suggestions.

        ``shareable`` (a private answer) gives a single entry a 채널에 공유 button that shows
        it to the whole channel.
        """
        result = self.index_for(space).lookup(query)
        if not result.matches:
            return self._miss(result, locale)
        if result.compared:
            return self._compare(result, locale)
        if len(result.matches) > 1:
            return self._ambiguous(result, locale)
        match = result.matches[0]
        card = self.render_term(match.term, locale, match=match, space=space)
        if not shareable:
            return card
        share = ReplyButton(
            t("define.share", locale), action_id(BUTTON_FEATURE, "share", match.term.id)
        )
        return dataclasses.replace(card, buttons=(*card.buttons, share))

    def show(self, term_id: str, locale: str | None = None, *, space: str | None = None) -> Reply:
        """Answer a `define:show:<id>` button."""
        term = self.index_for(space).get(term_id)
        if term is None:
            raise UnknownTermError(term_id=term_id)
        return self.render_term(term, locale, space=space)

    def complete(
        self,
        prefix: str,
        limit: int = 25,
        *,
        space: str | None = None,
        locale: str | None = None,
    ) -> list[Choice]:
        """Autocomplete choices for `/define`; the value is the entry id, which looks up exactly.

        Once the typed text has two words or more and starts no name, entries whose
        description matches it are offered instead: a name being typed (``docker compose``)
        never waits for the analyser.
        """
        index = self.index_for(space)
        named = index.complete(prefix, limit)
        choices = [Choice(clip(_choice_label(x), MAX_CHOICE_NAME), x.id) for x in named]
        if len(prefix.split()) >= 2 and not choices:
            for match in index.describe(prefix[: MAX_CHOICE_NAME * 2], limit):
                label = t("define.choice.described", locale, term=_choice_label(match.term))
                choices.append(Choice(clip(label, MAX_CHOICE_NAME), match.term.id))
        return choices

    def help(self, locale: str | None = None) -> Reply:
        """Answer `/help`."""
        examples = (
            "`/define cgroup` · `/define 도커란` · `/define ㅋㅂㄴㅌㅅ` · `/define kubernets`"
        )
        return Reply(
            title=t("help.title", locale),
            body=t(
                "help.body",
                locale,
                terms=len(self._index),
                commands=len(self._content.commands),
            ),
            fields=(
                ReplyField("/define", t("help.define", locale)),
                ReplyField(t("help.daily.name", locale), t("help.daily", locale)),
                ReplyField(t("help.journal.name", locale), t("help.journal", locale)),
                ReplyField("/help", t("help.help", locale)),
                ReplyField(t("help.examples", locale), examples),
            ),
        )

    def render_term(
        self,
        term: Term,
        locale: str | None,
        match: Match | None = None,
        *,
        space: str | None = None,
    ) -> Reply:
        """The card for one entry: definition, notes, aliases, related terms and practice."""
        group = None if space is None else self._group_of(space)
        key = (group if group in self._layers else None, term.id, normalize_locale(locale))
        card = self._cards.get(key)
        if card is None:
            if len(self._cards) >= _MAX_CACHED_CARDS:
                self._cards.clear()
            card = self._cards[key] = self._card(term, key[2], self.index_for(space))
        if match is None:
            return card
        kind = t(f"match.{match.kind.value}", locale)
        how = t("define.match", locale, kind=kind, score=match.score)
        card = replace(card, footer=f"{card.footer} · {how}" if card.footer else how)
        if match.kind is MatchKind.DESCRIPTION and match.sentence:
            found = ReplyField(t("define.described", locale), safe(match.sentence, MAX_FIELD))
            card = replace(card, fields=(found, *card.fields))
        return card

    def _compare(self, result: LookupResult, locale: str | None) -> Reply:
        """Two entries side by side: one inline field (a column) for each."""
        first, second = (m.term for m in result.matches[:2])
        title = t("define.compare.title", locale, first=first.term, second=second.term)
        return Reply(
            title=safe(title, MAX_TITLE),
            fields=tuple(
                ReplyField(safe(x.term, MAX_TITLE), _column(x), inline=True)
                for x in (first, second)
            ),
            buttons=_buttons((first, second)),
            footer=t("define.compare.footer", locale),
        )

    def _card(self, term: Term, locale: Locale, index: GlossaryIndex) -> Reply:
        fields: list[ReplyField] = []
        if term.notes:
            fields.append(ReplyField(t("define.notes", locale), _bullets(term.notes)))
        if term.aliases:
            fields.append(ReplyField(t("define.aliases", locale), ", ".join(term.aliases)))
        related = self._related(term, index)
        if related:
            names = ", ".join(r.term for r in related)
            fields.append(ReplyField(t("define.related", locale), names))
        practice = self._practice.get(term.id)
        if practice:
            fields.append(ReplyField(t("define.practice", locale), _practice(practice)))
        if term.links:
            links = "\n".join(f"{link.title}: <{link.url}>" for link in term.links)
            fields.append(ReplyField(t("define.links", locale), links))
        footer = [t("define.source", locale, source=term.source)] if term.source else []
        review = self._review(term, locale)
        return Reply(
            title=safe(term.term, MAX_TITLE),
            body=safe(term.definition, MAX_BODY),
            fields=tuple(ReplyField(f.name, safe(f.value, MAX_FIELD)) for f in fields),
            buttons=review + _buttons(related)[: MAX_BUTTONS - len(review)],
            footer=" · ".join(safe(part, MAX_FIELD) for part in footer),
        )

    def offer_review(self) -> None:
        """Put ``복습에 추가`` on every entry; the composition root calls it once cards exist."""
        self._review_button = True
        self._cards.clear()

    def _review(self, term: Term, locale: Locale) -> tuple[ReplyButton, ...]:
        if not self._review_button:
            return ()
        return (ReplyButton(t("review.add.button", locale), add_button_id(term.id)),)

    def _related(self, term: Term, index: GlossaryIndex) -> list[Term]:
        found = (index.get(term_id) for term_id in term.related)
        return [r for r in found if r is not None]

    def _ambiguous(self, result: LookupResult, locale: str | None) -> Reply:
        terms = [m.term for m in result.matches]
        return Reply(
            title=t("define.ambiguous.title", locale),
            body=t("define.ambiguous.body", locale, query=safe(result.query, 100)),
            fields=tuple(ReplyField(safe(x.term, MAX_TITLE), _summary(x)) for x in terms),
            buttons=_buttons(terms),
            ephemeral=True,
            tone=Tone.WARNING,
        )

    def _miss(self, result: LookupResult, locale: str | None) -> Reply:
        terms = [m.term for m in result.suggestions]
        body = t("define.miss.body", locale, query=safe(result.query, 100))
        hint = t("define.miss.suggest", locale) if terms else t("define.miss.none", locale)
        return Reply(
            title=t("define.miss.title", locale),
            body=f"{body}\n{hint}",
            fields=tuple(ReplyField(safe(x.term, MAX_TITLE), _summary(x)) for x in terms),
            buttons=_buttons(terms),
            ephemeral=True,
            tone=Tone.WARNING,
        )


def practice_of(content: Content) -> dict[str, list[str]]:
    """Term id → the practice lines that mention it, which description search also ranks."""
    return practice_texts((c.command, c.explanation, c.terms) for c in content.commands)


def _column(term: Term) -> str:
    notes = "\n" + _bullets(term.notes[:2]) if term.notes else ""
    return safe(term.definition + notes, MAX_FIELD)


def _choice_label(term: Term) -> str:
    latin = next((a for a in term.aliases if a.isascii()), None)
    if latin and not term.term.isascii():
        return f"{term.term} ({latin})"
    return term.term


def _summary(term: Term) -> str:
    first_line = term.definition.splitlines()[0] if term.definition else ""
    return safe(first_line, 200)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def _practice(cards: Iterable[CommandCard]) -> str:
    # The first line of an explanation says what the command does; the flag lines that
    # follow would crowd the card, and `/define` of the command's terms shows the cards anyway.
    lines = [
        f"`{c.command}` — {c.explanation.splitlines()[0]}" for c in list(cards)[:_MAX_PRACTICE]
    ]
    return "\n".join(lines)


def _buttons(terms: Iterable[Term]) -> tuple[ReplyButton, ...]:
    unique = list(dict.fromkeys(terms))[:MAX_BUTTONS]
    return tuple(ReplyButton(clip(x.term, 80), show_button_id(x.id)) for x in unique)
