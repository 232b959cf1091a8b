"""Builds multiple-choice questions from content: plausible, distinct options, one right answer."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from bot.core.models import CommandCard, Content, Term
from bot.core.quiz.choices import (
    MAX_CHOICE,
    command_words,
    mentions,
    short_choice,
    subcommand,
    term_kind,
)
from bot.core.quiz.models import OPTION_COUNT, Question, QuestionKind

BLANK = "＿＿＿"
_MIN_PROMPT = 4  # a note that is only the masked name tells nothing
_Builder = Callable[[str, Collection[str]], Iterable[Question]]


def normalize(text: str) -> str:
    """Compare texts ignoring case, width, spacing and punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", folded)


def rank(seed: str, item: str) -> str:
    """A stable pseudo-random sort key: the same seed always gives the same order."""
    return hashlib.sha256(f"{seed}\x1f{item}".encode()).hexdigest()


def mask(text: str, names: Iterable[str]) -> str:
    """``text`` with every one of ``names`` blanked out, so a prompt never gives the answer."""
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(name), BLANK, text, flags=re.IGNORECASE)
    return text


@dataclass(frozen=True, slots=True)
class _Option:
    """A candidate option: its text, who it belongs to and what makes it look plausible.

    ``words`` are what the question shows of its subject (a command's parts, a term's names):
    a decoy that repeats them is ruled out by reading. ``kind`` keeps commands with commands
    and concepts with concepts; ``family`` groups cards that would be a second right answer.
    """

    owner: str
    text: str
    names: frozenset[str]
    tags: frozenset[str]
    kind: str = "concept"
    family: str = ""
    words: tuple[str, ...] = ()


def _term_names(term: Term) -> frozenset[str]:
    return frozenset(n for n in (normalize(x) for x in term.names) if n)


class QuestionFactory:
    """Makes questions of every kind the content has material for."""

    def __init__(self, content: Content) -> None:
        self._terms = tuple({term.id: term for term in content.terms}.values())
        self._cards = content.commands
        self._tags = {term.id: frozenset(term.tags) for term in self._terms}
        self._kinds = {term.id: term_kind(term) for term in self._terms}
        # A term's short definition never names the term, so a choice cannot give it away.
        self._definitions = {
            term.id: short_choice(term.definition, _spoken(term.names)) for term in self._terms
        }
        self._card_choices = {
            card.id: short_choice(card.explanation, command_words(card.command))
            for card in self._cards
        }

    def every(self, seed: str = "") -> Iterator[Question]:
        """Every question the content can make for ``seed``: each kind, each subject."""
        for kind in QuestionKind:
            yield from self._builders()[kind](seed, ())

    @property
    def term_count(self) -> int:
        return len(self._terms)

    def make(
        self, seed: str, kind: QuestionKind | None = None, prefer: Collection[str] = ()
    ) -> Question | None:
        """A question for ``seed``, or None when the content cannot make any (< 2 terms).

        ``kind`` (or one picked from the seed) is tried first. If it has no material, or only
        material for fewer than four options, other kinds are tried, and the question records
        the kind that was wanted so the reply can say so. ``prefer`` names term ids to ask
        about first (today's curriculum).
        """
        wanted = kind or min(QuestionKind, key=lambda k: rank(seed, k.value))
        order = [wanted, *sorted((k for k in QuestionKind if k != wanted), key=lambda k: k.value)]
        best: Question | None = None
        for candidate_kind in order:
            question = self._best_of_kind(candidate_kind, seed, prefer)
            if question is None:
                continue
            if best is None or len(question.options) > len(best.options):
                best = question
            if len(best.options) == OPTION_COUNT:
                break
        if best is None or best.kind == wanted:
            return best
        return Question(
            best.kind, best.prompt, best.options, best.answer, best.explanation,
            best.subject_id, requested_kind=wanted,
        )  # fmt: skip

    def _best_of_kind(
        self, kind: QuestionKind, seed: str, prefer: Collection[str]
    ) -> Question | None:
        best: Question | None = None
        for question in self._builders()[kind](seed, prefer):
            if best is None or len(question.options) > len(best.options):
                best = question
            if len(best.options) == OPTION_COUNT:
                break
        return best

    def _builders(self) -> dict[QuestionKind, _Builder]:
        return {
            QuestionKind.TERM_TO_DEFINITION: self._term_to_definition,
            QuestionKind.DEFINITION_TO_TERM: self._definition_to_term,
            QuestionKind.NOTE_TO_TERM: self._note_to_term,
            QuestionKind.COMMAND_TO_EXPLANATION: self._command_to_explanation,
        }

    def _subjects(self, seed: str, prefer: Collection[str]) -> list[Term]:
        return sorted(self._terms, key=lambda t: (t.id not in prefer, rank(seed, t.id)))

    def _term_option(self, term: Term, text: str) -> _Option:
        return _Option(
            term.id,
            text,
            _term_names(term),
            self._tags[term.id],
            self._kinds[term.id],
            term.id,
            _spoken(term.names),
        )

    def _term_options(self, use_names: bool) -> list[_Option]:
        options = []
        for term in self._terms:
            text = term.term if use_names else self._definitions[term.id]
            if text and len(text) <= MAX_CHOICE:
                options.append(self._term_option(term, text))
        return options

    def _term_to_definition(self, seed: str, prefer: Collection[str]) -> Iterable[Question]:
        pool = self._term_options(use_names=False)
        for term in self._subjects(seed, prefer):
            text = self._definitions[term.id]
            if not text:
                continue
            answer = self._term_option(term, text)
            yield from self._assemble(
                QuestionKind.TERM_TO_DEFINITION, seed, term.term, answer, pool, _explain(term)
            )

    def _definition_to_term(self, seed: str, prefer: Collection[str]) -> Iterable[Question]:
        pool = self._term_options(use_names=True)
        for term in self._subjects(seed, prefer):
            prompt = mask(term.definition, term.names)
            yield from self._name_question(
                QuestionKind.DEFINITION_TO_TERM, seed, term, prompt, pool
            )

    def _note_to_term(self, seed: str, prefer: Collection[str]) -> Iterable[Question]:
        pool = self._term_options(use_names=True)
        for term in self._subjects(seed, prefer):
            notes = sorted(term.notes, key=lambda n: rank(seed, n))
            for note in notes:
                prompt = mask(note, term.names)
                if len(normalize(prompt.replace(BLANK, ""))) < _MIN_PROMPT:
                    continue
                yield from self._name_question(QuestionKind.NOTE_TO_TERM, seed, term, prompt, pool)
                break

    def _name_question(
        self, kind: QuestionKind, seed: str, term: Term, prompt: str, pool: list[_Option]
    ) -> Iterable[Question]:
        names = _term_names(term)
        if any(name in normalize(prompt) for name in names):
            return
        # An option named inside the prompt would be ruled out by reading, so it is no decoy.
        shown = normalize(prompt)
        fair = [o for o in pool if not any(len(n) > 1 and n in shown for n in o.names)]
        if len(term.term) > MAX_CHOICE:
            return
        answer = self._term_option(term, term.term)
        yield from self._assemble(kind, seed, prompt, answer, fair, _explain(term))

    def _command_to_explanation(self, seed: str, prefer: Collection[str]) -> Iterable[Question]:
        def tags(card: CommandCard) -> frozenset[str]:
            found = {tag for term_id in card.terms for tag in self._tags.get(term_id, ())}
            return frozenset(found | set(card.terms))

        def option(card: CommandCard, text: str) -> _Option:
            names = frozenset({normalize(card.command)})
            family = subcommand(card.command)
            return _Option(
                card.id,
                text,
                names,
                tags(card),
                "command",
                family,
                tuple(command_words(card.command)),
            )

        usable = [(c, text) for c in self._cards if (text := self._card_choices[c.id])]
        pool = [option(card, text) for card, text in usable]
        ordered = sorted(
            usable, key=lambda u: (not set(u[0].terms) & set(prefer), rank(seed, u[0].id))
        )
        for card, text in ordered:
            explanation = f"{card.command} — {card.explanation}"
            kind = QuestionKind.COMMAND_TO_EXPLANATION
            yield from self._assemble(
                kind, seed, card.command, option(card, text), pool, explanation
            )

    def _assemble(
        self,
        kind: QuestionKind,
        seed: str,
        prompt: str,
        answer: _Option,
        pool: Sequence[_Option],
        explanation: str,
    ) -> Iterable[Question]:
        decoys = _pick_decoys(seed, answer, pool)
        if not decoys:
            return
        options = sorted([answer.text, *(d.text for d in decoys)], key=lambda x: rank(seed, x))
        yield Question(
            kind=kind,
            prompt=prompt,
            options=tuple(options),
            answer=options.index(answer.text),
            explanation=explanation,
            subject_id=answer.owner,
        )


def _pick_decoys(seed: str, answer: _Option, pool: Sequence[_Option]) -> list[_Option]:
    """Up to three wrong options of the answer's kind: same tags first.

    Never a duplicate, the answer under another name, a card of the same subcommand (a second
    right answer) or a text that repeats what the question shows of its subject.
    """
    candidates = [
        o
        for o in pool
        if o.owner != answer.owner
        and o.kind == answer.kind
        and o.family != answer.family
        and not o.names & answer.names
        and o.text.strip()
        and not mentions(o.text, answer.words)
    ]
    candidates.sort(key=lambda o: (-len(o.tags & answer.tags), rank(seed, o.owner)))
    seen = {normalize(answer.text)}
    picked: list[_Option] = []
    for option in candidates:
        key = normalize(option.text)
        if not key or key in seen:
            continue
        seen.add(key)
        picked.append(option)
        if len(picked) == OPTION_COUNT - 1:
            break
    return picked


def _spoken(names: Iterable[str]) -> tuple[str, ...]:
    """Names long enough to give a term away when a choice repeats them."""
    return tuple(n for n in names if len(normalize(n)) >= 2)


def _explain(term: Term) -> str:
    return f"{term.term} — {term.definition}"
