"""The weekly digest: who wrote on how many days, terms covered, quiz accuracy, new terms."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.core import korean
from bot.core.i18n import t
from bot.core.journal.models import Entry, EntryKind
from bot.core.journal.periods import week_of
from bot.core.models import Term
from bot.core.quiz.leaderboard import Period, Standing, standings
from bot.core.quiz.models import ScoredAnswer
from bot.core.replies import MAX_FIELD, MAX_TITLE, Reply, ReplyField, safe

TOP_NEW_TERMS = 5
MAX_COVERED = 20
MAX_ROWS = 10


@dataclass(frozen=True, slots=True)
class Digest:
    """One ISO week of a space, up to its last study day."""

    start: dt.date
    end: dt.date
    writers: tuple[tuple[str, int], ...]  # (display name, days written), most first
    covered: tuple[tuple[str, int], ...]  # (term name, members who mentioned it)
    quiz: tuple[Standing, ...]
    new_terms: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.writers or self.covered or self.quiz)


def _term_keys(entry: Entry) -> dict[str, str]:
    """Term key → display name: glossary ids from links, and the member's own 용어 rows."""
    keys = {f"id:{term_id}": term_id for term_id in entry.linked}
    for row in entry.body.terms:
        key = korean.normalize(row.term)
        if key:
            keys.setdefault(f"row:{key}", row.term)
    return keys


def _writers(week: Sequence[Entry]) -> tuple[tuple[str, int], ...]:
    days: dict[str, set[dt.date]] = {}
    names: dict[str, str] = {}
    for entry in week:
        days.setdefault(entry.user_id, set()).add(entry.local_date)
        names[entry.user_id] = entry.display_name
    rows = sorted(((names[u], len(d)) for u, d in days.items()), key=lambda r: (-r[1], r[0]))
    return tuple(rows)


def build_digest(
    entries: Sequence[Entry],
    answers: Sequence[ScoredAnswer],
    round_dates: Sequence[dt.date],
    day: dt.date,
    term_of: Callable[[str], Term | None],
) -> Digest:
    """The digest of the week holding ``day``, from every entry up to then.

    Covered terms are the glossary terms linked in the week's retros, counted by members.
    A new term is one (glossary-linked or from a 용어 row) that no entry before the week had;
    the top ones are those most members wrote about.
    """
    start, _ = week_of(day)
    week = [e for e in entries if start <= e.local_date <= day]
    before = [e for e in entries if e.local_date < start]
    seen = {key for e in before for key in _term_keys(e)}
    covered: Counter[str] = Counter()
    fresh: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for user_keys in _keys_by_member(week).values():
        for key, label in user_keys.items():
            labels.setdefault(key, label)
            if key.startswith("id:"):
                covered[key] += 1
            if key not in seen:
                fresh[key] += 1

    def name(key: str) -> str:
        term = term_of(labels[key]) if key.startswith("id:") else None
        return term.term if term is not None else labels[key]

    def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
        return sorted(((name(k), n) for k, n in counts.items()), key=lambda r: (-r[1], r[0]))

    return Digest(
        start=start,
        end=day,
        writers=_writers(week),
        covered=tuple(ranked(covered)[:MAX_COVERED]),
        quiz=tuple(standings(answers, round_dates, day, Period.WEEK)),
        new_terms=tuple(n for n, _ in ranked(fresh)[:TOP_NEW_TERMS]),
    )


def _keys_by_member(week: Sequence[Entry]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for entry in week:
        if entry.kind is EntryKind.RETRO:
            found.setdefault(entry.user_id, {}).update(_term_keys(entry))
    return found


def _quiz_text(rows: Sequence[Standing], locale: str) -> str:
    correct = sum(r.correct for r in rows)
    answered = sum(r.answered for r in rows)
    lines = [
        t("journal.digest.quiz_team", locale, accuracy=_pct(correct, answered),
          correct=correct, answered=answered)
    ]  # fmt: skip
    lines += [
        t("journal.digest.quiz_row", locale, name=r.display_name, accuracy=_pct(r.correct,
          r.answered), correct=r.correct, answered=r.answered)
        for r in rows[:MAX_ROWS]
    ]  # fmt: skip
    return "\n".join(lines)


def _pct(correct: int, answered: int) -> int:
    return round(100 * correct / answered) if answered else 0


def digest_reply(digest: Digest, locale: str) -> Reply:
    none = t("journal.digest.none", locale)
    writers = "\n".join(
        t("journal.digest.writer_row", locale, name=n, days=d) for n, d in digest.writers[:MAX_ROWS]
    )
    covered = ", ".join(f"{n} ({c})" if c > 1 else n for n, c in digest.covered)
    rows = (
        ("journal.digest.writers", writers or none),
        ("journal.digest.terms", covered or none),
        ("journal.digest.quiz", _quiz_text(digest.quiz, locale) if digest.quiz else none),
        ("journal.digest.new_terms", ", ".join(digest.new_terms) or none),
    )
    title = t("journal.digest.title", locale, start=digest.start.isoformat(),
              end=digest.end.isoformat())  # fmt: skip
    return Reply(
        title=safe(title, MAX_TITLE),
        fields=tuple(ReplyField(t(k, locale), safe(v, MAX_FIELD)) for k, v in rows),
        footer=t("journal.digest.footer", locale),
    )
