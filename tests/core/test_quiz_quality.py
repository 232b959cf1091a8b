"""Every question the shipped content and the Kubernetes glossary can make, checked for fairness.

No choice gives the answer away, none repeats another, exactly one is right, each is short,
and the wrong ones come from the same kind of card without being a second right answer.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.core.models import Content
from bot.core.quiz import Question, QuestionFactory, QuestionKind
from bot.core.quiz.choices import (
    MAX_CHOICE,
    command_words,
    mentions,
    short_choice,
    subcommand,
    term_kind,
)
from bot.core.quiz.questions import normalize
from bot.infra.content import load_content, shipped_content_dir
from bot.infra.importers.k8s import import_k8s_dir

SEEDS = ("quality-a", "quality-b", "quality-c")


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content(shipped_content_dir())


def k8s_content(shared_dir, shipped: Content, locale: str) -> Content:
    terms = import_k8s_dir(shared_dir / "data/k8s-glossary" / locale).terms
    return Content(terms=tuple(terms), commands=shipped.commands)


class Judge:
    """What the content says each choice belongs to, built apart from the factory."""

    def __init__(self, content: Content) -> None:
        self.terms = {t.id: t for t in content.terms}
        self.cards = {c.id: c for c in content.commands}
        self.names: dict[str, set[str]] = defaultdict(set)  # normalized name → term ids
        self.definitions: dict[str, set[str]] = defaultdict(set)  # choice → term ids
        self.card_choices: dict[str, set[str]] = defaultdict(set)  # choice → card ids
        for term in content.terms:
            for name in term.names:
                self.names[normalize(name)].add(term.id)
            spoken = [n for n in term.names if len(normalize(n)) >= 2]
            text = short_choice(term.definition, spoken)
            if text:
                self.definitions[text].add(term.id)
        for card in content.commands:
            text = short_choice(card.explanation, command_words(card.command))
            if text:
                self.card_choices[text].add(card.id)

    def check(self, q: Question) -> None:
        where = f"{q.kind.value} {q.subject_id}: {q.prompt[:60]!r} {q.options}"
        right = q.answer_text
        assert 2 <= len(q.options) <= 4, where
        assert 0 <= q.answer < len(q.options), where
        keys = [normalize(o) for o in q.options]
        assert len(set(keys)) == len(keys), f"duplicate choices in {where}"
        for option in q.options:
            assert len(option) <= MAX_CHOICE, f"{len(option)} characters: {option!r}"
            assert "\n" not in option, where
            assert "형식:" not in option, where
            assert not option.lstrip().startswith(("- ", "* ", "• ")), where
        wrong = [o for i, o in enumerate(q.options) if i != q.answer]
        if q.kind is QuestionKind.COMMAND_TO_EXPLANATION:
            self._check_command(q, right, wrong, where)
        elif q.kind is QuestionKind.TERM_TO_DEFINITION:
            self._check_definition_choices(q, right, wrong, where)
        else:
            self._check_name_choices(q, right, wrong, where)

    def _check_command(self, q: Question, right: str, wrong: list[str], where: str) -> None:
        card = self.cards[q.subject_id]
        assert q.prompt == card.command
        assert q.subject_id in self.card_choices[right], where
        for word in command_words(q.prompt):
            if mentions(right, [word]):
                assert all(mentions(o, [word]) for o in q.options), f"{word!r} leaks: {where}"
        for option in wrong:
            owners = self.card_choices.get(option)
            assert owners, f"a decoy that is no command's explanation: {where}"
            assert q.subject_id not in owners, where
            families = {subcommand(self.cards[c].command) for c in owners}
            assert subcommand(card.command) not in families, f"second right answer: {where}"

    def _check_definition_choices(
        self, q: Question, right: str, wrong: list[str], where: str
    ) -> None:
        term = self.terms[q.subject_id]
        assert q.prompt == term.term
        assert q.subject_id in self.definitions[right], where
        spoken = [n for n in term.names if len(normalize(n)) >= 2]
        assert not mentions(right, spoken), f"the right choice names the term: {where}"
        for option in wrong:
            owners = self.definitions.get(option)
            assert owners, f"a decoy that is no term's definition: {where}"
            assert q.subject_id not in owners, where
            assert all(term_kind(self.terms[o]) == term_kind(term) for o in owners), where
            # a decoy that is the subject under another name would be a second right answer
            assert not any(set(term.names) & set(self.terms[o].names) for o in owners), where

    def _check_name_choices(self, q: Question, right: str, wrong: list[str], where: str) -> None:
        term = self.terms[q.subject_id]
        assert right == term.term, where
        shown = normalize(q.prompt)
        for name in term.names:
            assert normalize(name) not in shown, f"the prompt names {name!r}: {where}"
        subject_names = {normalize(n) for n in term.names}
        for option in wrong:
            owners = self.names.get(normalize(option))
            assert owners, f"a decoy that is no term's name: {where}"
            assert q.subject_id not in owners, f"second right answer: {where}"
            assert normalize(option) not in subject_names, where
            assert all(term_kind(self.terms[o]) == term_kind(term) for o in owners), where


def every_question(content: Content) -> list[Question]:
    factory = QuestionFactory(content)
    return [q for seed in SEEDS for q in factory.every(seed)]


def test_every_question_from_the_shipped_content_is_fair(shipped):
    judge = Judge(shipped)
    questions = every_question(shipped)
    for q in questions:
        judge.check(q)
    asked = {(q.kind, q.subject_id) for q in questions}
    # every practice card and every term is asked about, so nothing was skipped to pass
    for card in shipped.commands:
        assert (QuestionKind.COMMAND_TO_EXPLANATION, card.id) in asked, card.id
    for term in shipped.terms:
        assert (QuestionKind.TERM_TO_DEFINITION, term.id) in asked, term.id
        assert (QuestionKind.DEFINITION_TO_TERM, term.id) in asked, term.id


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_every_question_from_the_kubernetes_glossary_is_fair(shared_dir, shipped, locale):
    content = k8s_content(shared_dir, shipped, locale)
    judge = Judge(content)
    questions = every_question(content)
    for q in questions:
        judge.check(q)
    asked = {q.subject_id for q in questions if q.kind is QuestionKind.TERM_TO_DEFINITION}
    assert len(asked) >= 0.9 * len(content.terms)


def test_the_rename_card_asks_without_repeating_its_arguments(shipped):
    factory = QuestionFactory(shipped)
    [q] = [
        q
        for q in factory.every("rename")
        if q.kind is QuestionKind.COMMAND_TO_EXPLANATION and q.subject_id == "docker-rename"
    ]
    assert q.prompt == "docker rename myubuntu myubuntu2"
    assert q.answer_text == "컨테이너 이름을 바꾼다."
