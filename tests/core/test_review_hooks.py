"""The small hooks other features carry for review cards: /define's button and the quiz's."""

import pytest

from bot.core.glossary import GlossaryService
from bot.core.models import UserRef
from bot.core.quiz import parse_answer_button
from bot.core.replies import MAX_BUTTONS
from tests.core.fakes import CONTENT, SPACE, at, make_stack

ALICE = UserRef("discord", "u1", "Alice")


def test_define_offers_add_to_review_only_once_cards_can_be_stored():
    glossary = GlossaryService(CONTENT)
    before = glossary.define("도커")
    assert not any(b.custom_id.startswith("review:") for b in before.buttons)
    glossary.offer_review()
    after = glossary.define("도커")
    assert after.buttons[0].label == "복습에 추가"
    assert after.buttons[0].custom_id == "review:add:docker"
    assert len(after.buttons) <= MAX_BUTTONS


async def test_a_failing_answer_hook_does_not_lose_the_answer():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10))
    calls = []

    async def broken(space, rnd, answer):
        calls.append(answer.user_id)
        raise RuntimeError("review storage is down")

    stack.quiz.answered = broken
    reply = await stack.quiz.practice(SPACE, ALICE)
    round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
    ack = await stack.quiz.answer(SPACE, ALICE, f"quiz:answer:{round_id}:0")
    assert ack.body or ack.title
    assert calls == ["u1"]
    assert len(await stack.quiz_repo.answers(round_id)) == 1


@pytest.mark.parametrize("correct", [True, False])
async def test_the_answer_hook_hears_each_first_answer_once(correct):
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10))
    heard = []

    async def hook(space, rnd, answer):
        heard.append((rnd.id, answer.correct))

    stack.quiz.answered = hook
    reply = await stack.quiz.practice(SPACE, ALICE)
    round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
    rnd = await stack.quiz_repo.get_round(round_id)
    choice = rnd.question.answer if correct else (rnd.question.answer + 1) % 4
    await stack.quiz.answer(SPACE, ALICE, f"quiz:answer:{round_id}:{choice}")
    with pytest.raises(Exception, match="already"):
        await stack.quiz.answer(SPACE, ALICE, f"quiz:answer:{round_id}:{choice}")
    assert heard == [(round_id, correct)]


async def test_a_failing_saved_entry_hook_does_not_lose_the_retro():
    from bot.core.journal import RetroForm
    from tests.core.fakes import make_journal

    journal = make_journal(at("Asia/Seoul", 2024, 3, 4, 20))
    heard = []

    async def broken(space, user_id, day, kind, rows):
        heard.append((kind, rows))
        raise RuntimeError("review storage is down")

    journal.journal.saved = broken
    form = RetroForm(learned="파드를 배웠다", reflection="좋았다", terms="파드 | 컨테이너 묶음 |")
    saved = await journal.journal.save_retro(SPACE, ALICE, form)
    assert saved.entry.body.learned == "파드를 배웠다"
    assert heard == [("retro", ["pod"])]
