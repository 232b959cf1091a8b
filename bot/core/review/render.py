"""Replies of /review and /stats, built from cards, terms and stats; no platform markup."""

from __future__ import annotations

import datetime as dt

from bot.core.i18n import t
from bot.core.models import Term
from bot.core.quiz.questions import mask
from bot.core.replies import MAX_BODY, MAX_FIELD, MAX_TITLE, Reply, ReplyButton, ReplyField, safe
from bot.core.review.models import Card, Grade, flip_button_id, rate_button_id
from bot.core.review.stats import StudyStats


def local_when(instant: dt.datetime, tz: dt.tzinfo) -> str:
    """A due instant as the space's local date and time, ``YYYY-MM-DD HH:MM``."""
    return instant.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def front(card: Card, term: Term, left: int, locale: str, note: str = "") -> Reply:
    """The question side: the term or its masked definition, never a note or a command."""
    if card.shows_definition:
        prompt = t("review.front.definition", locale)
        shown = mask(term.definition, term.names)
    else:
        prompt, shown = t("review.front.term", locale), term.term
    body = f"{note}\n\n" if note else ""
    return Reply(
        title=t("review.title", locale, left=left),
        body=safe(f"{body}**{prompt}**\n{shown}", MAX_BODY),
        buttons=(ReplyButton(t("review.show", locale), flip_button_id(card)),),
        ephemeral=True,
    )


def back(card: Card, term: Term, left: int, locale: str) -> Reply:
    """The answer side with the four grades."""
    fields: tuple[ReplyField, ...] = ()
    if term.notes:
        notes = "\n".join(f"• {n}" for n in term.notes[:3])
        fields = (ReplyField(t("define.notes", locale), safe(notes, MAX_FIELD)),)
    return Reply(
        title=safe(f"{t('review.title', locale, left=left)} · {term.term}", MAX_TITLE),
        body=safe(f"**{term.term}**\n{term.definition}", MAX_BODY),
        fields=fields,
        buttons=tuple(
            ReplyButton(t(f"review.grade.{g.value}", locale), rate_button_id(card, g))
            for g in Grade
        ),
        footer=t("review.back.footer", locale),
        ephemeral=True,
    )


def done(next_due: dt.datetime | None, tz: dt.tzinfo, locale: str, note: str = "") -> Reply:
    """Nothing due: say when the next card is."""
    body = t("review.done.body", locale, when=local_when(next_due, tz)) if next_due else ""
    return Reply(
        title=t("review.done.title", locale),
        body="\n\n".join(part for part in (note, body) if part),
        ephemeral=True,
    )


def no_cards(locale: str) -> Reply:
    return Reply(
        title=t("review.none.title", locale), body=t("review.none.body", locale), ephemeral=True
    )


def stats_text(stats: StudyStats, locale: str) -> str:
    """The text version of /stats: streak, accuracy by week, reviews, due per day."""
    lines = [
        t("stats.streak", locale, days=stats.streak),
        t("stats.cards", locale, cards=stats.cards, reviews=stats.reviews_done),
        "",
        f"{t('stats.accuracy', locale)}:",
    ]
    rows = [w for w in stats.accuracy if w.answered]
    lines += [
        "  "
        + t(
            "stats.accuracy.row",
            locale,
            week=w.week_start.isoformat(),
            correct=w.correct,
            answered=w.answered,
            percent=w.percent,
        )
        for w in rows
    ] or ["  " + t("stats.accuracy.none", locale)]
    lines += ["", f"{t('stats.forecast', locale)}:"]
    lines += [f"  {day.isoformat()}: {count}" for day, count in stats.forecast]
    return "\n".join(lines)


def stats_reply(stats: StudyStats, locale: str) -> Reply:
    body = t("stats.empty", locale) if stats.empty else stats_text(stats, locale)
    return Reply(
        title=safe(t("stats.title", locale, name=stats.name), MAX_TITLE),
        body=safe(body, MAX_BODY),
        ephemeral=True,
    )
