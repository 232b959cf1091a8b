"""A process that saves a burst of retros through the SQLite repository, for kill -9 tests.

Usage: ``python -m tests.faults.burst_saver DB_PATH COUNT``. It prints ``ack <user id>``
(flushed) only after ``save_retro`` returned, that is after the entry was committed, the way
a chat face answers "saved" only then; ``ready`` comes first.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.core.journal import RetroForm
from bot.core.models import UserRef
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from tests.core.fakes import SPACE, at, make_journal

WAVE = 10  # saves that arrive together, as a team submitting at once


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def reflection(user_id: str) -> str:
    return f"{user_id}번 회원의 회고: 오늘은 파드와 서비스를 실습했다"


async def main(path: Path, count: int) -> None:
    db = await Database.open(path)
    js = make_journal(at("Asia/Seoul", 2024, 3, 4, 21), repo=SqliteJournalRepository(db))
    say("ready")

    async def save(n: int) -> None:
        member = UserRef("discord", str(1000 + n), f"M{n}")
        await js.journal.save_retro(SPACE, member, RetroForm(reflection=reflection(member.id)))
        say(f"ack {member.id}")

    for start in range(0, count, WAVE):
        await asyncio.gather(*(save(n) for n in range(start, min(start + WAVE, count))))
    say("done")
    await asyncio.Event().wait()  # stay up until killed, as the bot would


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
