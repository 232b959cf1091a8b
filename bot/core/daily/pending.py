"""What a `post-due` run left unposted: each due post not marked sent, and unsettled quizzes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.ports import PostKey, PostStatus
from bot.core.schedule import due_posts

if TYPE_CHECKING:
    from bot.core.ports import PostLog
    from bot.core.quiz.models import QuizRound
    from bot.core.spaces import SpaceSettings


async def unposted(
    spaces: Sequence[SpaceSettings],
    posts: PostLog,
    rounds: Sequence[QuizRound],
    at: dt.datetime,
    grace: dt.timedelta,
) -> list[str]:
    """One line per post due at ``at`` in ``spaces`` that is not out, with its last error.

    ``rounds`` are the quiz rounds still to settle; those of ``spaces`` are listed too.
    """
    missing: list[str] = []
    for settings in spaces:
        try:
            due = due_posts(settings, at, grace)
        except (ValueError, OverflowError) as exc:
            missing.append(f"{settings.key}: cannot work out what is due ({exc})")
            continue
        for post in due:
            record = await posts.get(PostKey(settings.key, post.local_date, post.kind))
            if record is None or record.status is not PostStatus.SENT:
                error = record.last_error if record is not None else None
                missing.append(
                    f"{post.kind} {post.local_date} {settings.key}: {error or 'not posted'}"
                )
    keys = {s.key for s in spaces}
    missing += [
        f"quiz-close {rnd.local_date} {rnd.space}: not settled"
        for rnd in rounds
        if rnd.space in keys
    ]
    return missing
