"""A retro the bot said it saved survives `kill -9`: the reply only follows the commit."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path

from bot.core.i18n import t
from bot.core.journal import EntryKind
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.fake_discord import FakeDiscord, FakeInteraction
from tests.adapters.discord.fake_modals import form, member, submit

ROOT = Path(__file__).resolve().parents[3]
MEMBERS = 30
KILL_AFTER = 10  # acknowledged saves; the rest may still be in flight when the bot dies
START_TIMEOUT = 20.0
REPLY_TIMEOUT = 10.0


def bot_env(fake: FakeDiscord, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "STUDYBOT_"))}
    return env | {
        "DISCORD_TOKEN": fake.token,
        "DISCORD_GUILD_IDS": ",".join(str(g) for g in fake.guild_ids),
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "STUDYBOT_DATA_DIR": str(data_dir),
        "STUDYBOT_LOG_LEVEL": "WARNING",
    }


async def start_bot(fake: FakeDiscord, data_dir: Path, log: Path) -> asyncio.subprocess.Process:
    with log.open("wb") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--platform",
            "discord",
            cwd=data_dir,  # no stray .env is read
            env=bot_env(fake, data_dir) | {"PYTHONPATH": str(ROOT)},
            stdout=out,
            stderr=asyncio.subprocess.STDOUT,
        )


async def saved(interaction: FakeInteraction) -> str | None:
    """The member's id once the bot answered with a saved card (after a defer, if any)."""
    while True:
        sent = await interaction.reply(REPLY_TIMEOUT)
        if sent.embeds:
            footer = (sent.embeds[0].get("footer") or {}).get("text", "")
            return (
                interaction.payload["member"]["user"]["id"]
                if t("journal.saved") in footer
                else None
            )


async def stored_retro_authors(data_dir: Path) -> set[str]:
    db = await Database.open(data_dir / "studybot.sqlite3")
    try:
        entries = await SqliteJournalRepository(db).entries(
            f"discord:{p.GUILD_ID}", kind=EntryKind.RETRO
        )
    finally:
        await db.close()
    return {e.user_id for e in entries}


async def test_every_acknowledged_retro_survives_kill_9(fake, tmp_path):
    log = tmp_path / "bot.log"
    process = await start_bot(fake, tmp_path, log)
    acknowledged: set[str] = set()
    try:
        try:
            assert await fake.wait_session(START_TIMEOUT) == "identify"
        except TimeoutError:
            raise AssertionError(log.read_text(errors="replace")[-3000:]) from None
        members = [member(p.USER_ID + 100 + n, f"M{n:02}") for n in range(MEMBERS)]
        interactions = await asyncio.gather(
            *(
                submit(fake, form("journal:retro:pub", {"reflection": f"회고 {n}"}), member=m)
                for n, m in enumerate(members)
            )
        )
        waits = [asyncio.ensure_future(saved(i)) for i in interactions]
        for next_done in asyncio.as_completed(waits, timeout=REPLY_TIMEOUT * 2):
            user_id = await next_done
            if user_id is not None:
                acknowledged.add(user_id)
            if len(acknowledged) >= KILL_AFTER:
                break
        process.send_signal(signal.SIGKILL)  # at once: no shutdown, no flush, no close
        await asyncio.wait_for(process.wait(), START_TIMEOUT)
        for wait in waits:  # answers that reached the fake before the kill also count
            if wait.done() and not wait.cancelled() and wait.exception() is None:
                acknowledged.add(wait.result() or "")
            wait.cancel()
        acknowledged.discard("")
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    assert process.returncode == -signal.SIGKILL
    assert len(acknowledged) >= KILL_AFTER, log.read_text(errors="replace")[-3000:]
    assert acknowledged <= await stored_retro_authors(tmp_path)


async def test_sigterm_closes_the_database_and_exits_cleanly(fake, tmp_path):
    log = tmp_path / "bot.log"
    process = await start_bot(fake, tmp_path, log)
    try:
        try:
            assert await fake.wait_session(START_TIMEOUT) == "identify"
        except TimeoutError:
            raise AssertionError(log.read_text(errors="replace")[-3000:]) from None
        writer = member(p.USER_ID + 500, "Writer")
        interaction = await submit(
            fake, form("journal:retro:pub", {"reflection": "끝"}), member=writer
        )
        assert await saved(interaction) == str(p.USER_ID + 500)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), START_TIMEOUT)
    finally:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()

    output = log.read_text(errors="replace")
    assert process.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    # The last connection to close checkpoints the WAL into the database and removes it.
    wal = tmp_path / "studybot.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert str(p.USER_ID + 500) in await stored_retro_authors(tmp_path)
