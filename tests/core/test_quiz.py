import dataclasses
import datetime as dt

import pytest

from bot.core.errors import (
    AlreadyAnsweredError,
    InvalidAnswerError,
    RoundClosedError,
    UnknownRoundError,
)
from bot.core.i18n import t
from bot.core.models import CommandCard, Content, SpaceRef, UserRef
from bot.core.quiz import (
    Period,
    QuestionFactory,
    QuestionKind,
    ScoredAnswer,
    answer_button_id,
    parse_answer_button,
    parse_period,
)
from bot.core.quiz.choices import MAX_CHOICE, command_words, short_choice
from bot.core.quiz.leaderboard import current_streak, standings
from bot.core.quiz.questions import BLANK, normalize
from bot.core.replies import Tone
from bot.core.spaces import SettingsUpdate
from tests.core.fakes import CONTENT, SPACE, TERMS, at, make_stack, term

ALICE = UserRef("discord", "u1", "Alice")
BOB = UserRef("discord", "u2", "Bob")
CAROL = UserRef("discord", "u3", "Carol")
MONDAY = dt.date(2024, 3, 4)
BY_ID = {x.id: x for x in TERMS}


def check_question(q):
    keys = [normalize(o) for o in q.options]
    assert len(set(keys)) == len(keys), q.options
    assert 0 <= q.answer < len(q.options)
    if q.kind is QuestionKind.TERM_TO_DEFINITION:
        subject = BY_ID[q.subject_id]
        assert q.answer_text == subject.definition
        assert [o for o in q.options if o == subject.definition] == [subject.definition]
    elif q.kind in (QuestionKind.DEFINITION_TO_TERM, QuestionKind.NOTE_TO_TERM):
        subject = BY_ID[q.subject_id]
        assert q.answer_text == subject.term
        for name in subject.names:
            assert normalize(name) not in normalize(q.prompt)


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_every_kind_makes_four_distinct_options_with_one_right_answer(kind):
    factory = QuestionFactory(CONTENT)
    for n in range(40):
        q = factory.make(f"seed-{n}", kind)
        assert q is not None
        assert q.kind is kind
        assert q.requested_kind is None
        assert len(q.options) == 4
        check_question(q)


def test_command_questions_come_from_practice_cards():
    q = QuestionFactory(CONTENT).make("s", QuestionKind.COMMAND_TO_EXPLANATION)
    card = next(c for c in CONTENT.commands if c.id == q.subject_id)
    assert q.prompt == card.command
    assert q.answer_text == card.explanation


def test_generation_is_deterministic_per_seed_and_varies_across_seeds():
    factory = QuestionFactory(CONTENT)
    assert factory.make("same") == factory.make("same")
    assert len({factory.make(f"s{n}").subject_id for n in range(30)}) > 3
    assert len({factory.make(f"s{n}").kind for n in range(30)}) == len(QuestionKind)


def test_definition_prompt_masks_the_answer_name():
    content = Content(
        terms=(
            term("pod", "Pod", "Pod는 하나 이상의 컨테이너 묶음", tags=("k8s",)),
            *TERMS[5:],
        )
    )
    factory = QuestionFactory(content)
    q = factory.make("x", QuestionKind.DEFINITION_TO_TERM, prefer=("pod",))
    assert q.subject_id == "pod"
    assert "Pod" not in q.prompt
    assert BLANK in q.prompt


def test_decoys_are_never_the_answer_under_another_name_or_a_duplicate():
    content = Content(
        terms=(
            term("k8s", "쿠버네티스", "컨테이너 오케스트레이션 도구", aliases=("Kubernetes",)),
            term("kube", "Kubernetes", "컨테이너를 관리하는 오케스트레이터"),
            term("a", "에이", "서로 다른 설명 하나"),
            term("b", "비", "서로 다른 설명 하나."),
            term("c", "씨", "세 번째 설명"),
            term("d", "디", "네 번째 설명"),
        )
    )
    factory = QuestionFactory(content)
    for n in range(60):
        for kind in (QuestionKind.TERM_TO_DEFINITION, QuestionKind.DEFINITION_TO_TERM):
            q = factory.make(f"n{n}", kind)
            keys = [normalize(o) for o in q.options]
            assert len(set(keys)) == len(keys)
            if q.subject_id in {"k8s", "kube"}:
                names = {normalize(o) for o in q.options}
                assert not {"쿠버네티스", "kubernetes"} <= names
                defs = {"컨테이너오케스트레이션도구", "컨테이너를관리하는오케스트레이터"}
                assert not defs <= names


def test_decoys_prefer_terms_with_the_same_tags():
    factory = QuestionFactory(CONTENT)
    q = factory.make("t", QuestionKind.DEFINITION_TO_TERM, prefer=("pod",))
    assert q.subject_id == "pod"
    k8s_names = {BY_ID[i].term for i in ("deployment", "service", "namespace")}
    decoys = set(q.options) - {q.answer_text}
    assert decoys <= k8s_names | {BY_ID["pod"].term}


def test_small_glossary_falls_back_to_fewer_options_and_says_so():
    content = Content(terms=TERMS[:3])
    q = QuestionFactory(content).make("s", QuestionKind.TERM_TO_DEFINITION)
    assert len(q.options) == 3
    check_question(q)


def test_a_kind_without_material_falls_back_to_another_kind_and_says_so():
    content = Content(terms=TERMS)  # no practice cards at all
    q = QuestionFactory(content).make("s", QuestionKind.COMMAND_TO_EXPLANATION)
    assert q.kind is not QuestionKind.COMMAND_TO_EXPLANATION
    assert q.requested_kind is QuestionKind.COMMAND_TO_EXPLANATION
    assert len(q.options) == 4


def test_too_few_cards_for_four_options_prefers_a_full_question_of_another_kind():
    cards = (
        CommandCard(id="a", command="docker ps", explanation="목록"),
        CommandCard(id="b", command="docker rm", explanation="삭제"),
    )
    q = QuestionFactory(Content(terms=TERMS, commands=cards)).make(
        "s", QuestionKind.COMMAND_TO_EXPLANATION
    )
    assert len(q.options) == 4
    assert q.requested_kind is QuestionKind.COMMAND_TO_EXPLANATION


def test_a_single_term_cannot_make_a_quiz():
    assert QuestionFactory(Content(terms=TERMS[:1])).make("s") is None
    assert QuestionFactory(Content(terms=())).make("s") is None


def test_two_terms_make_a_two_option_question():
    q = QuestionFactory(Content(terms=TERMS[:2])).make("s")
    assert q is not None
    assert len(q.options) == 2


async def daily_round(stack, day=MONDAY, **changes):
    settings = await stack.spaces.settings(SPACE)
    if changes:
        settings = dataclasses.replace(settings, **changes)
        await stack.space_repo.save(settings)
    rnd, reply = await stack.quiz.open_daily(settings, day, stack.clock.now())
    return rnd, reply


async def test_daily_post_has_one_button_per_option_with_namespaced_ids():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, reply = await daily_round(stack)
    assert [b.custom_id for b in reply.buttons] == [f"quiz:answer:{rnd.id}:{i}" for i in range(4)]
    assert not reply.ephemeral
    assert "18:00" in reply.footer
    assert rnd.closes_at == at("Asia/Seoul", 2024, 3, 4, 18, 0)


async def test_answer_buttons_show_the_short_choices_not_numbers():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, reply = await daily_round(stack)
    assert [b.label for b in reply.buttons] == list(rnd.question.options)
    assert all(len(b.label) <= MAX_CHOICE for b in reply.buttons)


async def test_opening_the_daily_round_twice_reuses_it():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    first, _ = await daily_round(stack)
    second, _ = await daily_round(stack)
    assert first == second


def revealed(reply, question) -> bool:
    """Whether a reply shows the right option or the explanation anywhere."""
    shown = " ".join([reply.title, reply.body, reply.footer, *(f.value for f in reply.fields)])
    return question.answer_text in shown or question.explanation in shown


async def test_a_daily_answer_says_only_right_privately_while_the_quiz_is_open():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    reply = await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, rnd.question.answer))
    assert reply.ephemeral
    assert reply.tone is Tone.SUCCESS
    assert reply.title == t("quiz.ack.right", "ko")
    assert not revealed(reply, rnd.question)
    assert reply.body == t("quiz.ack.daily_wait", "ko", close="18:00")


async def test_a_wrong_daily_answer_says_only_wrong_until_the_close():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    wrong = (rnd.question.answer + 1) % 4
    reply = await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, wrong), "en")
    assert reply.title == t("quiz.ack.wrong", "en")
    assert not revealed(reply, rnd.question)
    assert not any(mark in reply.body for mark in ("1️⃣", "2️⃣", "3️⃣", "4️⃣"))


async def test_the_close_reveals_the_daily_answer_and_explanation_to_everyone():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    closed = await stack.quiz.close(rnd, at("Asia/Seoul", 2024, 3, 4, 18, 0), "ko")
    assert not closed.ephemeral
    assert revealed(closed, rnd.question)


async def test_a_wrong_practice_answer_reveals_the_right_one_at_once():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10, 0))
    reply = await stack.quiz.practice(SPACE, ALICE, "en")
    round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
    rnd = await stack.quiz_repo.get_round(round_id)
    wrong = (rnd.question.answer + 1) % len(rnd.question.options)
    ack = await stack.quiz.answer(SPACE, ALICE, answer_button_id(round_id, wrong), "en")
    assert ack.title == t("quiz.ack.wrong", "en")
    assert rnd.question.answer_text in ack.body
    assert ack.fields[0].value == rnd.question.explanation


async def test_answering_twice_is_refused():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, 0))
    with pytest.raises(AlreadyAnsweredError):
        await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, rnd.question.answer))
    answers = await stack.quiz_repo.answers(rnd.id)
    assert [a.choice for a in answers] == [0]


async def test_answer_after_close_is_refused():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    stack.clock.set(at("Asia/Seoul", 2024, 3, 4, 18, 0))
    with pytest.raises(RoundClosedError):
        await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, 0))
    assert await stack.quiz_repo.answers(rnd.id) == []


async def test_answer_to_a_round_closed_early_is_refused():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    await stack.quiz.close(rnd, stack.clock.now(), "ko")
    with pytest.raises(RoundClosedError):
        await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, 0))


async def test_unknown_round_and_another_space_round_are_refused():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    with pytest.raises(UnknownRoundError):
        await stack.quiz.answer(SPACE, ALICE, answer_button_id(999, 0))
    with pytest.raises(UnknownRoundError):
        await stack.quiz.answer(SpaceRef("discord", "other"), ALICE, answer_button_id(rnd.id, 0))


@pytest.mark.parametrize(
    "custom_id",
    [
        "quiz:answer:abc:0",
        "quiz:answer:1:x",
        "quiz:answer:1:-1",
        "quiz:answer:1",
        "quiz:answer:1:0:extra",
        "quiz:answer: 1:0",
        "define:show:pod",
        "quiz:answer:1:4",
        "quiz:answer:1:99",
    ],
)
async def test_forged_button_ids_are_refused_and_nothing_is_stored(custom_id):
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    assert rnd.id == 1
    with pytest.raises(InvalidAnswerError):
        await stack.quiz.answer(SPACE, ALICE, custom_id)
    assert await stack.quiz_repo.answers(rnd.id) == []


def test_button_ids_round_trip():
    assert parse_answer_button(answer_button_id(12, 3)) == (12, 3)


async def test_practice_is_private_owned_and_kept_out_of_the_leaderboard():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10, 0))
    reply = await stack.quiz.practice(SPACE, ALICE)
    assert reply.ephemeral
    assert reply.title == t("quiz.practice.title", "ko")
    round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
    rnd = await stack.quiz_repo.get_round(round_id)
    assert rnd.practice
    with pytest.raises(UnknownRoundError):
        await stack.quiz.answer(SPACE, BOB, answer_button_id(round_id, 0))
    ack = await stack.quiz.answer(SPACE, ALICE, answer_button_id(round_id, rnd.question.answer))
    assert ack.tone is Tone.SUCCESS
    assert t("quiz.practice.footer", "ko") == ack.footer
    with pytest.raises(AlreadyAnsweredError):
        await stack.quiz.answer(SPACE, ALICE, answer_button_id(round_id, 0))
    assert await stack.quiz.standings(SPACE, Period.ALL) == []


async def test_practice_with_one_term_says_no_quiz_can_be_made():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10, 0), Content(terms=TERMS[:1]))
    reply = await stack.quiz.practice(SPACE, ALICE)
    assert reply.title == t("quiz.none.title", "ko")
    assert reply.buttons == ()
    assert reply.tone is Tone.WARNING


async def test_small_glossary_reply_carries_a_note():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10, 0), Content(terms=TERMS[:3]))
    reply = await stack.quiz.practice(SPACE, ALICE, "en")
    notes = [f.value for f in reply.fields if f.name == t("quiz.note", "en")]
    assert notes
    assert t("quiz.note.few_options", "en", count=3) in notes[0]
    assert len(reply.buttons) == 3


async def test_fallback_kind_reply_carries_a_note():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 10, 0), Content(terms=TERMS))
    for _ in range(20):
        stack.clock.advance(dt.timedelta(minutes=1))
        reply = await stack.quiz.practice(SPACE, ALICE, "en")
        round_id, _ = parse_answer_button(reply.buttons[0].custom_id)
        rnd = await stack.quiz_repo.get_round(round_id)
        if rnd.question.requested_kind is not None:
            kind = t(f"quiz.kind.{rnd.question.requested_kind.value}", "en")
            assert any(t("quiz.note.fallback", "en", kind=kind) in f.value for f in reply.fields)
            return
    pytest.fail("no practice question asked for the command kind in 20 tries")


async def test_closing_reveals_the_answer_count_and_who_got_it_right():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    right, wrong = rnd.question.answer, (rnd.question.answer + 1) % 4
    await stack.quiz.answer(SPACE, ALICE, answer_button_id(rnd.id, right))
    await stack.quiz.answer(SPACE, BOB, answer_button_id(rnd.id, wrong))
    await stack.quiz.answer(SPACE, CAROL, answer_button_id(rnd.id, right))
    reply = await stack.quiz.close(rnd, at("Asia/Seoul", 2024, 3, 4, 18, 0), "en")
    fields = {f.name: f.value for f in reply.fields}
    assert fields[t("quiz.result.count", "en")] == t(
        "quiz.result.count.value", "en", answered=3, right=2
    )
    assert fields[t("quiz.result.winners", "en")] == "Alice, Carol"
    assert fields[t("quiz.result.answer", "en")] == rnd.question.answer_text
    assert reply.buttons == ()
    assert "✅" in reply.body


async def test_display_names_in_results_cannot_ping_anyone():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    rnd, _ = await daily_round(stack)
    evil = UserRef("discord", "u9", "@everyone")
    await stack.quiz.answer(SPACE, evil, answer_button_id(rnd.id, rnd.question.answer))
    reply = await stack.quiz.close(rnd, stack.clock.now(), "en")
    assert "@everyone" not in " ".join(f.value for f in reply.fields)


# --- leaderboard and streaks ------------------------------------------------------------------


def scored(day, user, correct, name=None):
    return ScoredAnswer(day, user, name or user, correct)


THU, FRI, MON, TUE = (dt.date(2024, 3, d) for d in (7, 8, 11, 12))


def test_weekends_do_not_break_a_streak():
    assert current_streak({THU, FRI, MON}, [THU, FRI, MON], MON, today_open=False) == 3


def test_a_wrong_or_missing_day_breaks_a_streak():
    assert current_streak({THU, MON}, [THU, FRI, MON], MON, today_open=False) == 1
    assert current_streak({THU, FRI}, [THU, FRI, MON], MON, today_open=False) == 0


def test_todays_open_quiz_does_not_break_a_streak_yet():
    assert current_streak({THU, FRI}, [THU, FRI, MON], MON, today_open=True) == 2
    assert current_streak({THU, FRI, MON}, [THU, FRI, MON], MON, today_open=True) == 3


def test_standings_order_by_correct_then_accuracy_and_count_the_period():
    answers = [
        scored(dt.date(2024, 2, 28), "a", True),
        scored(dt.date(2024, 2, 29), "a", True),
        scored(THU, "a", True),
        scored(FRI, "a", False),
        scored(THU, "b", True),
        scored(FRI, "b", True),
        scored(FRI, "c", True),
    ]
    rounds = [dt.date(2024, 2, 28), dt.date(2024, 2, 29), THU, FRI]
    week = standings(answers, rounds, FRI, Period.WEEK)
    assert [(s.user_id, s.correct, s.answered) for s in week] == [
        ("b", 2, 2),
        ("c", 1, 1),
        ("a", 1, 2),
    ]
    assert [s.streak for s in week] == [2, 1, 0]
    month = standings(answers, rounds, FRI, Period.MONTH)
    assert [(s.user_id, s.correct) for s in month] == [("b", 2), ("c", 1), ("a", 1)]
    every = standings(answers, rounds, FRI, Period.ALL)
    assert (every[0].user_id, every[0].correct, every[0].answered) == ("a", 3, 4)
    assert every[0].accuracy == 0.75


async def answer_daily(stack, day, user, right):
    settings = await stack.spaces.settings(SPACE)
    rnd, _ = await stack.quiz.open_daily(settings, day, stack.clock.now())
    choice = rnd.question.answer if right else (rnd.question.answer + 1) % len(rnd.question.options)
    await stack.quiz.answer(SPACE, user, answer_button_id(rnd.id, choice))


async def test_leaderboard_counts_weeks_in_the_space_timezone():
    stack = make_stack(at("America/New_York", 2024, 3, 4, 13, 0))
    await stack.spaces.change(SPACE, SettingsUpdate(timezone="America/New_York"), can_manage=True)
    for day in (4, 5, 6, 7, 8):
        stack.clock.set(at("America/New_York", 2024, 3, day, 13, 30))
        await answer_daily(stack, dt.date(2024, 3, day), ALICE, right=day != 6)
    # Sunday 22:00 in New York is already Monday in UTC; the week is still this week.
    stack.clock.set(at("America/New_York", 2024, 3, 10, 22, 0))
    rows = await stack.quiz.standings(SPACE, Period.WEEK)
    assert [(r.correct, r.answered, r.streak) for r in rows] == [(4, 5, 2)]
    stack.clock.set(at("America/New_York", 2024, 3, 11, 9, 0))
    assert await stack.quiz.standings(SPACE, "week") == []
    assert [(r.correct, r.streak) for r in await stack.quiz.standings(SPACE, "all")] == [(4, 2)]


async def test_streak_survives_the_weekend_end_to_end():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 7, 13, 0))
    for day in (THU, FRI, MON):
        stack.clock.set(dt.datetime.combine(day, dt.time(4, 30), tzinfo=dt.UTC))
        await answer_daily(stack, day, BOB, right=True)
    rows = await stack.quiz.standings(SPACE, Period.ALL)
    assert rows[0].streak == 3


async def test_leaderboard_reply_lists_members_and_handles_empty_periods():
    stack = make_stack(at("Asia/Seoul", 2024, 3, 4, 13, 0))
    empty = await stack.quiz.leaderboard(SPACE, "week", "en")
    assert empty.body == t("leaderboard.empty", "en")
    await answer_daily(stack, MONDAY, ALICE, right=True)
    reply = await stack.quiz.leaderboard(SPACE, "bogus", "en")
    assert reply.title == t("leaderboard.title", "en", period=t("leaderboard.week", "en"))
    assert "Alice" in reply.body
    assert "100%" in reply.body


@pytest.mark.parametrize(
    ("word", "period"),
    [("week", Period.WEEK), ("이번 달", Period.MONTH), ("전체", Period.ALL), ("??", Period.WEEK)],
)
def test_leaderboard_periods_are_read_in_english_and_korean(word, period):
    assert parse_period(word) is period


def test_a_choice_is_the_first_clause_without_usage_lines_or_bullets():
    text = (
        "컨테이너 이름을 바꾼다. 형식: docker rename (기존 이름) (새 이름). "
        "여기서는 myubuntu를 myubuntu2로 바꾼다.\n- rename: 이름 변경"
    )
    assert short_choice(text, command_words("docker rename myubuntu myubuntu2")) == (
        "컨테이너 이름을 바꾼다."
    )


def test_a_choice_drops_an_example_that_names_the_command_arguments():
    text = "생성되어 있거나 중지된 컨테이너(mycentos)를 시작한다. 들어가려면 docker attach를 쓴다."
    assert short_choice(text, command_words("docker start mycentos")) == (
        "생성되어 있거나 중지된 컨테이너를 시작한다."
    )


def test_a_long_definition_is_cut_to_a_short_choice():
    text = "가" * 50 + ", " + "나" * 50
    choice = short_choice(text)
    assert choice == "가" * 50
    assert len(short_choice("단어 " * 60)) <= MAX_CHOICE


def test_a_definition_choice_never_names_its_term():
    node = term("node", "노드", "노드는 쿠버네티스의 작업 장비이다.")
    content = Content(terms=(node, *TERMS[:4]))
    q = QuestionFactory(content).make("n", QuestionKind.TERM_TO_DEFINITION, prefer=("node",))
    assert q.subject_id == "node"
    assert q.answer_text == "쿠버네티스의 작업 장비이다."


def test_command_terms_get_command_decoys_and_concepts_get_concepts():
    commands = [
        term(name, name, f"{name}에 대한 서로 다른 설명 {i}", aliases=(f"docker {name}",))
        for i, name in enumerate(("import", "export", "save", "load"))
    ]
    content = Content(terms=(*commands, *TERMS))
    factory = QuestionFactory(content)
    names = {"import", "export", "save", "load"}
    for q in factory.every("kinds"):
        if q.kind is QuestionKind.TERM_TO_DEFINITION:
            continue
        if q.subject_id in names:
            assert set(q.options) <= names, q.options
        else:
            assert not set(q.options) & names, q.options


def test_a_card_of_the_same_subcommand_is_never_a_decoy():
    cards = (
        CommandCard(id="ps", command="docker ps", explanation="실행 중인 컨테이너 목록을 본다."),
        CommandCard(id="ps-a", command="docker ps -a", explanation="모든 컨테이너 목록을 본다."),
        CommandCard(id="images", command="docker images", explanation="이미지 목록을 본다."),
        CommandCard(id="pull", command="docker pull nginx", explanation="이미지를 받는다."),
        CommandCard(id="rm", command="docker rm web", explanation="컨테이너를 지운다."),
    )
    factory = QuestionFactory(Content(terms=TERMS, commands=cards))
    for q in factory.every("family"):
        if q.kind is QuestionKind.COMMAND_TO_EXPLANATION and q.subject_id in {"ps", "ps-a"}:
            assert not {"실행 중인 컨테이너 목록을 본다.", "모든 컨테이너 목록을 본다."} <= set(
                q.options
            )
