"""Quiz replies: the question post, the answer acknowledgement, the result and the leaderboard."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.i18n import t
from bot.core.quiz.choices import MAX_CHOICE
from bot.core.quiz.leaderboard import Period, Standing
from bot.core.quiz.models import OPTION_COUNT, Answer, Question, QuizRound, answer_button_id
from bot.core.replies import (
    MAX_BODY,
    MAX_FIELD,
    MAX_TITLE,
    Reply,
    ReplyButton,
    ReplyField,
    Tone,
    safe,
)

_MARKS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣")
_PROMPT_LIMIT = 1200
_OPTION_LIMIT = 600
_MAX_NAMES = 30
_LEADERBOARD_ROWS = 10


def _mark(index: int) -> str:
    return _MARKS[index] if index < len(_MARKS) else f"{index + 1}."


def _question_body(question: Question, locale: str | None, *, reveal: bool = False) -> str:
    """The question; the closed post also lists the choices with the right one ticked.

    While a round is open its choices are the buttons themselves, so they are not repeated.
    """
    lead = t(f"quiz.lead.{question.kind.value}", locale)
    lines = [lead, "", safe(question.prompt, _PROMPT_LIMIT)]
    if reveal:
        lines.append("")
        for i, option in enumerate(question.options):
            tick = " ✅" if i == question.answer else ""
            lines.append(f"{_mark(i)} {safe(option, _OPTION_LIMIT)}{tick}")
    return safe("\n".join(lines), MAX_BODY)


def _notes(question: Question, locale: str | None) -> tuple[ReplyField, ...]:
    notes = []
    if question.requested_kind is not None:
        wanted = t(f"quiz.kind.{question.requested_kind.value}", locale)
        notes.append(t("quiz.note.fallback", locale, kind=wanted))
    if len(question.options) < OPTION_COUNT:
        notes.append(t("quiz.note.few_options", locale, count=len(question.options)))
    if not notes:
        return ()
    return (ReplyField(t("quiz.note", locale), "\n".join(notes)),)


def question_reply(rnd: QuizRound, locale: str | None, closes_label: str | None = None) -> Reply:
    """The question with one button per choice, labelled with the choice."""
    question = rnd.question
    # A button shows its short choice (Discord allows 80 characters), not a bare number.
    buttons = tuple(
        ReplyButton(safe(option, MAX_CHOICE), answer_button_id(rnd.id, i))
        for i, option in enumerate(question.options)
    )
    if rnd.practice:
        title, footer = t("quiz.practice.title", locale), t("quiz.practice.footer", locale)
    else:
        title = t("quiz.daily.title", locale, date=rnd.local_date.isoformat())
        footer = t("quiz.daily.footer", locale, close=closes_label or "-")
    return Reply(
        title=title,
        body=_question_body(question, locale),
        fields=_notes(question, locale),
        buttons=buttons,
        footer=footer,
        ephemeral=rnd.practice,
    )


def no_quiz_reply(locale: str | None, term_count: int, *, ephemeral: bool) -> Reply:
    return Reply(
        title=t("quiz.none.title", locale),
        body=t("quiz.none.body", locale, count=term_count),
        ephemeral=ephemeral,
        tone=Tone.WARNING,
    )


def ack_reply(
    rnd: QuizRound, choice: int, locale: str | None, closes_label: str | None = None
) -> Reply:
    """The private answer to a member's click: right or wrong, and why.

    A daily round says only right or wrong while it is open: a revealed answer could be posted
    in the channel before the close, which shows the answer and the explanation to everyone.
    A practice round is the member's own, so it reveals at once.
    """
    question = rnd.question
    right = choice == question.answer
    title = t("quiz.ack.right" if right else "quiz.ack.wrong", locale)
    tone = Tone.SUCCESS if right else Tone.WARNING
    if not rnd.practice:
        body = t("quiz.ack.daily_wait", locale, close=closes_label or "-")
        return Reply(title=title, body=body, ephemeral=True, tone=tone)
    answer = f"{_mark(question.answer)} {question.answer_text}"
    return Reply(
        title=title,
        body=safe(t("quiz.ack.answer", locale, answer=answer), MAX_BODY),
        fields=(ReplyField(t("quiz.explanation", locale), safe(question.explanation, MAX_FIELD)),),
        footer=t("quiz.practice.footer", locale),
        ephemeral=True,
        tone=tone,
    )


def result_reply(rnd: QuizRound, answers: Sequence[Answer], locale: str | None) -> Reply:
    """The closed daily quiz: the answer, how many answered, who got it right."""
    question = rnd.question
    winners = [a.display_name for a in sorted(answers, key=lambda a: a.answered_at) if a.correct]
    shown = ", ".join(winners[:_MAX_NAMES])
    if len(winners) > _MAX_NAMES:
        shown += " " + t("quiz.result.more", locale, count=len(winners) - _MAX_NAMES)
    return Reply(
        title=t("quiz.result.title", locale, date=rnd.local_date.isoformat()),
        body=_question_body(question, locale, reveal=True),
        fields=(
            ReplyField(t("quiz.result.answer", locale), safe(question.answer_text, MAX_FIELD)),
            ReplyField(
                t("quiz.result.count", locale),
                t("quiz.result.count.value", locale, answered=len(answers), right=len(winners)),
                inline=True,
            ),
            ReplyField(
                t("quiz.result.winners", locale),
                safe(shown, MAX_FIELD) or t("quiz.result.nobody", locale),
            ),
            ReplyField(t("quiz.explanation", locale), safe(question.explanation, MAX_FIELD)),
        ),
        footer=t("quiz.result.footer", locale),
        tone=Tone.INFO,
    )


def leaderboard_reply(rows: Sequence[Standing], period: Period, locale: str | None) -> Reply:
    title = t("leaderboard.title", locale, period=t(f"leaderboard.{period.value}", locale))
    if not rows:
        return Reply(title=safe(title, MAX_TITLE), body=t("leaderboard.empty", locale))
    lines = [
        t(
            "leaderboard.row",
            locale,
            rank=i,
            name=safe(row.display_name, 80),
            correct=row.correct,
            answered=row.answered,
            accuracy=round(row.accuracy * 100),
            streak=row.streak,
        )
        for i, row in enumerate(rows[:_LEADERBOARD_ROWS], start=1)
    ]
    return Reply(
        title=safe(title, MAX_TITLE),
        body=safe("\n".join(lines), MAX_BODY),
        footer=t("leaderboard.footer", locale),
    )
