"""The evening retro reminder: which known members have not written today's retro yet.

Known members are everyone the space has seen study: whoever wrote any log entry (or set
/away) and whoever answered a daily quiz there. Members who are away that day are skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

from bot.core.i18n import t
from bot.core.journal.models import Member
from bot.core.replies import MAX_BODY, MAX_TITLE, Reply, safe


def known_members(*groups: Iterable[Member]) -> list[Member]:
    """Everyone in the groups once, the first group's display name winning."""
    found: dict[str, Member] = {}
    for group in groups:
        for member in group:
            found.setdefault(member.user_id, member)
    return sorted(found.values(), key=lambda m: (m.display_name.casefold(), m.user_id))


def is_away(user_id: str, day: dt.date, away: Mapping[str, dt.date]) -> bool:
    until = away.get(user_id)
    return until is not None and day <= until


def missing_members(
    members: Sequence[Member],
    wrote: Collection[str],
    away: Mapping[str, dt.date],
    day: dt.date,
) -> tuple[list[Member], int]:
    """Members without a retro on ``day`` who are not away, and how many are away."""
    missing = [m for m in members if m.user_id not in wrote]
    resting = [m for m in missing if is_away(m.user_id, day, away)]
    return [m for m in missing if m not in resting], len(resting)


def reminder_reply(
    day: dt.date,
    missing: Sequence[Member],
    away_count: int,
    locale: str,
    *,
    mention: bool,
) -> Reply | None:
    """The reminder post, or None when no one is missing (nothing to post).

    Names are always plain, defanged text. With ``mention`` the reply also carries the ids
    in ``Reply.mentions``: the only pings an adapter may send with it.
    """
    if not missing:
        return None
    names = ", ".join(m.display_name for m in missing)
    body = t("journal.reminder.body", locale, names=names)
    footer = t("journal.reminder.footer", locale)
    if away_count:
        footer = f"{t('journal.reminder.away', locale, count=away_count)} · {footer}"
    return Reply(
        title=safe(t("journal.reminder.title", locale, date=day.isoformat()), MAX_TITLE),
        body=safe(body, MAX_BODY),
        footer=footer,
        mentions=tuple(m.user_id for m in missing) if mention else (),
    )
