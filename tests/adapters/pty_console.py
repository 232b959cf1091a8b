"""A console bot for the pseudo-terminal test: SIGUSR1 makes it post, as the schedule would."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from bot.adapters import console
from bot.core.glossary import GlossaryService
from bot.core.models import SpaceRef
from bot.core.replies import Reply
from bot.core.services import Services
from bot.infra.content import load_content, shipped_content_dir


async def main(history: Path) -> None:
    services = Services(glossary=GlossaryService(load_content(shipped_content_dir())))
    loop = asyncio.get_running_loop()

    posting: set[asyncio.Task[str]] = set()

    async def start_schedule(publisher: console.ConsolePublisher) -> None:
        def post() -> None:
            reply = Reply(title="오늘의 용어", body="SCHEDULED-POST 파드")
            task = loop.create_task(publisher.post(SpaceRef("console", "local"), "console", reply))
            posting.add(task)
            task.add_done_callback(posting.discard)

        loop.add_signal_handler(signal.SIGUSR1, post)

    await console.serve(services, "ko", start_schedule, history=history)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
