"""The term of the day: a per-space rotation that shows every term once before any repeats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.ports import RotationPick
from bot.core.quiz.questions import rank

if TYPE_CHECKING:
    from bot.core.models import Term
    from bot.core.ports import RotationRepository


class TermRotation:
    """Picks one term per (space, local date), remembered in the repository across restarts."""

    def __init__(self, terms: Sequence[Term], repo: RotationRepository) -> None:
        self._terms = {term.id: term for term in terms}
        self._repo = repo

    async def pick(self, space: str, day: dt.date, prefer: Sequence[str] = ()) -> Term | None:
        """The day's term: the same one on every call for that day.

        Within a cycle no term repeats. ``prefer`` (today's curriculum terms) goes first
        when still unshown; the rest follow a stable shuffle per space and cycle. A new
        cycle starts once every term has been shown.
        """
        if not self._terms:
            return None
        existing = await self._repo.pick_on(space, day)
        if existing is not None and existing.term_id in self._terms:
            return self._terms[existing.term_id]
        cycle = await self._repo.latest_cycle(space)
        shown = await self._repo.shown_in_cycle(space, cycle) if cycle else set()
        remaining = [term_id for term_id in self._terms if term_id not in shown]
        if cycle == 0 or not remaining:
            cycle += 1
            remaining = list(self._terms)
        preferred = [term_id for term_id in prefer if term_id in remaining]
        chosen = (
            preferred[0] if preferred else min(remaining, key=lambda i: rank(f"{space}:{cycle}", i))
        )
        stored = await self._repo.record(space, RotationPick(day, chosen, cycle))
        return self._terms.get(stored.term_id, self._terms[chosen])
