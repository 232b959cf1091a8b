"""The glossary service: `/define`, its buttons, autocomplete and `/help`, as neutral Replies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.errors import UnknownTermError
from bot.core.i18n import t
from bot.core.lookup import GlossaryIndex, LookupResult, Match
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

BUTTON_FEATURE = "define"
MAX_CHOICE_NAME = 100
_MAX_PRACTICE = 4


def show_button_id(term_id: str) -> str:
    """The custom id of a button that shows one entry; stable across restarts."""
    return f"{BUTTON_FEATURE}:show:{term_id}"


def parse_show_button(custom_id: str) -> str | None:
    """The term id in a ``define:show:<id>`` button, or None for any other id."""
    feature, _, rest = custom_id.partition(":")
    action, _, term_id = rest.partition(":")
    if feature != BUTTON_FEATURE or action != "show" or not term_id:
        return None
    return term_id


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice: what the user sees and the value sent back."""

    name: str
    value: str


class GlossaryService:
    """Answers questions about the glossary from validated content."""

    def __init__(self, content: Content, index: GlossaryIndex | None = None) -> None:
        self._content = content
        self._index = index if index is not None else GlossaryIndex(content.terms)

    @property
    def index(self) -> GlossaryIndex:
        return self._index

    def lookup(self, query: str) -> LookupResult:
        """The raw lookup, for callers that render results themselves (the CLI's JSON)."""
        return self._index.lookup(query)

    def define(self, query: str, locale: str | None = None) -> Reply:
        """Answer `/define`: the entry, several close entries, or a miss with suggestions."""
        result = self._index.lookup(query)
        if not result.matches:
            return self._miss(result, locale)
        if len(result.matches) > 1:
            return self._ambiguous(result, locale)
        return self.render_term(result.matches[0].term, locale, match=result.matches[0])

    def show(self, term_id: str, locale: str | None = None) -> Reply:
        """Answer a `define:show:<id>` button."""
        term = self._index.get(term_id)
        if term is None:
            raise UnknownTermError(term_id=term_id)
        return self.render_term(term, locale)

    def complete(self, prefix: str, limit: int = 25) -> list[Choice]:
        """Autocomplete choices for `/define`; the value is the entry id, which looks up exactly."""
        return [
            Choice(name=clip(_choice_label(term), MAX_CHOICE_NAME), value=term.id)
            for term in self._index.complete(prefix, limit)
        ]

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
                ReplyField("/help", t("help.help", locale)),
                ReplyField(t("help.examples", locale), examples),
            ),
        )

    def render_term(self, term: Term, locale: str | None, match: Match | None = None) -> Reply:
        """The card for one entry: definition, notes, aliases, related terms and practice."""
        fields: list[ReplyField] = []
        if term.notes:
            fields.append(ReplyField(t("define.notes", locale), _bullets(term.notes)))
        if term.aliases:
            fields.append(ReplyField(t("define.aliases", locale), ", ".join(term.aliases)))
        related = self._related(term)
        if related:
            names = ", ".join(r.term for r in related)
            fields.append(ReplyField(t("define.related", locale), names))
        practice = self._content.commands_for(term.id)
        if practice:
            fields.append(ReplyField(t("define.practice", locale), _practice(practice)))
        if term.links:
            links = "\n".join(f"{link.title}: <{link.url}>" for link in term.links)
            fields.append(ReplyField(t("define.links", locale), links))
        footer = [t("define.source", locale, source=term.source)] if term.source else []
        if match is not None:
            kind = t(f"match.{match.kind.value}", locale)
            footer.append(t("define.match", locale, kind=kind, score=match.score))
        return Reply(
            title=safe(term.term, MAX_TITLE),
            body=safe(term.definition, MAX_BODY),
            fields=tuple(ReplyField(f.name, safe(f.value, MAX_FIELD)) for f in fields),
            buttons=_buttons(related),
            footer=" · ".join(safe(part, MAX_FIELD) for part in footer),
        )

    def _related(self, term: Term) -> list[Term]:
        found = (self._index.get(term_id) for term_id in term.related)
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
