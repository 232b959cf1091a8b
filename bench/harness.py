"""Shared parts of the Discord benchmarks: bot child processes, /proc readings and rounds."""

# The benchmarks run the fake Discord from the tests in their own process and each bot in a
# subprocess of the benchmark script (`python bench/bench_X.py --child <kind> ...`): the
# studybot, which every script builds its own way, or a bare discord.py client answering
# "pong" to every interaction, the floor. The scripts put the repository root on sys.path
# before they import this module.

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sqlite3
import statistics
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

from tests.adapters.discord import fake_payloads as p

if TYPE_CHECKING:
    from bot.settings import Settings
    from tests.adapters.discord.fake_discord import FakeDiscord

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 60.0  # seconds for a bot child to connect and identify
STOP_TIMEOUT = 15.0  # seconds for a bot child to stop after SIGTERM, before SIGKILL
KINDS = ("studybot", "pong", "richpong")

Studybot = Callable[[str, str, str, asyncio.Event], Awaitable[None]]
R = TypeVar("R")


# -- the bots (child processes) ----------------------------------------------------------------


def bot_settings(api: str, gateway: str, data_dir: str, **extra: Any) -> Settings:
    """The bot's Settings against the fake Discord at ``api``/``gateway``, plus ``extra``."""
    from bot.settings import Settings

    return Settings(
        _env_file=None,
        discord_token=p.BOT_TOKEN,
        discord_guild_ids=(p.GUILD_ID,),
        discord_api_base=api,
        discord_gateway_url=gateway,
        data_dir=Path(data_dir),
        **extra,
    )


def need(service: Any) -> Any:
    """A service the Application built (None only outside ``async with``)."""
    if service is None:
        raise RuntimeError("the Application did not build that service")
    return service


async def pong(
    api: str, gateway: str, stop: asyncio.Event, *, ephemeral: bool = False, rich: bool = False
) -> None:
    """A bare discord.py client answering "pong" to every interaction, until ``stop``.

    ``rich`` answers with the embed and buttons of the bot's `/define cgroup` card instead of
    one word: the cost of sending such a message, without the command tree, lookup or log.
    """
    import discord
    import yarl
    from discord.gateway import DiscordWebSocket

    card = _define_card() if rich else None

    class Pong(discord.Client):
        async def on_interaction(self, interaction: discord.Interaction) -> None:
            if card is None:
                await interaction.response.send_message("pong", ephemeral=ephemeral)
                return
            from bot.adapters.discord.render import NO_MENTIONS, render

            rendered = render(card)  # built per message, as the bot does
            await interaction.response.send_message(
                embed=rendered.embed,
                view=rendered.view or discord.utils.MISSING,
                allowed_mentions=NO_MENTIONS,
            )

    discord.http.Route.BASE = api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    intents = discord.Intents.none()
    intents.guilds = True
    client = Pong(
        intents=intents,
        chunk_guilds_at_startup=False,
        max_messages=None,
        member_cache_flags=discord.MemberCacheFlags.none(),
    )
    async with client:
        await client.login(p.BOT_TOKEN)
        connection = asyncio.create_task(client.connect())
        await stop.wait()
        await client.close()
        await connection


def _define_card() -> Any:
    from bot.core.glossary import GlossaryService
    from tests.adapters.discord.sample_content import sample_content

    return GlossaryService(sample_content()).define("cgroup")


async def _child(args: argparse.Namespace, studybot: Studybot, *, ephemeral_pong: bool) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    if args.child == "studybot":
        await studybot(args.api, args.gateway, args.data_dir, stop)
    else:
        rich = args.child == "richpong"
        await pong(args.api, args.gateway, stop, ephemeral=ephemeral_pong, rich=rich)


def arguments(
    description: str | None, rounds: int, rounds_help: str | None = None
) -> argparse.ArgumentParser:
    """The command line of a benchmark script: --rounds, and the hidden child options."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rounds", type=int, default=rounds, help=rounds_help)
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--gateway", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    return parser


def run_child(
    args: argparse.Namespace,
    studybot: Studybot,
    *,
    ephemeral_pong: bool = False,
    quiet: Iterable[str] = (),
) -> None:
    """Run the bot ``args.child`` until SIGTERM; ``quiet`` loggers log warnings only."""
    # Production logging: one INFO line per interaction, formatted and written (to a file).
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for name in quiet:
        logging.getLogger(name).setLevel(logging.WARNING)
    asyncio.run(_child(args, studybot, ephemeral_pong=ephemeral_pong))


# -- the measuring side ------------------------------------------------------------------------


@dataclass
class Child:
    process: asyncio.subprocess.Process
    errors: IO[bytes]  # the temporary file its stderr goes to, while it runs
    log: str = ""  # what it wrote to stderr, once it stopped

    def output(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")


async def _connected(fake: FakeDiscord, process: asyncio.subprocess.Process) -> None:
    """Wait until the bot identified; fail at once if it exits first."""
    session = asyncio.ensure_future(fake.wait_session(START_TIMEOUT))
    exited = asyncio.ensure_future(process.wait())
    done, _ = await asyncio.wait({session, exited}, return_when=asyncio.FIRST_COMPLETED)
    exited.cancel()
    if session not in done:
        session.cancel()
        raise RuntimeError(f"the bot exited with {process.returncode} before it identified")
    session.result()


@contextlib.asynccontextmanager
async def running(
    script: str, kind: str, fake: FakeDiscord, data_dir: str, stop_timeout: float = STOP_TIMEOUT
) -> AsyncIterator[Child]:
    """Bot ``kind`` run by ``script``, connected to ``fake``; SIGTERM (then SIGKILL) after."""
    with tempfile.TemporaryFile() as errors:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            script,
            *("--child", kind, "--api", fake.api_base, "--gateway", fake.gateway_url),
            *("--data-dir", data_dir),
            stderr=errors,
            cwd=ROOT,
        )
        child = Child(process, errors)
        try:
            await _connected(fake, process)
            yield child
        except BaseException:
            print(child.output()[-3000:], file=sys.stderr)
            raise
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(process.wait(), stop_timeout)
                except TimeoutError:
                    process.kill()
                    await process.wait()
            child.log = child.output()


def check_replies(fake: FakeDiscord) -> None:
    """Fail if the fake Discord refused any reply."""
    if fake.rejected:
        raise RuntimeError(f"the fake Discord refused replies: {fake.rejected[:3]}")


def proc_stats(pid: int) -> tuple[float, float, float]:
    """RSS and peak RSS in MB, and CPU seconds, of process ``pid``."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    kb = [int(status[key].split()[0]) for key in ("VmRSS", "VmHWM")]
    return kb[0] / 1024, kb[1] / 1024, cpu


@contextlib.contextmanager
def stored_db(data_dir: str) -> Iterator[sqlite3.Connection]:
    """The bot's SQLite file in ``data_dir``, opened read-only with plain sqlite3."""
    path = Path(data_dir) / "studybot.sqlite3"
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        yield conn


def log_errors(output: str) -> list[str]:
    """The WARNING/ERROR/CRITICAL and Traceback lines of a child's log."""
    lines = output.splitlines()
    marks = (" WARNING ", " ERROR ", " CRITICAL ")
    found = [
        line for line in lines if any(m in line for m in marks) or line.startswith("Traceback")
    ]
    return [line for line in found if "voice will NOT be supported" not in line]  # discord.py


# -- rounds and statistics ---------------------------------------------------------------------


def quantiles(samples: Sequence[float]) -> list[float]:
    """The 99 cut points of ``samples`` (inclusive method): element q - 1 is the q-th pct."""
    return statistics.quantiles(samples, n=100, method="inclusive")


def percentile(samples: Sequence[float], q: int) -> float:
    return quantiles(samples)[q - 1]


def median_run(runs: Sequence[R], key: Callable[[R], float]) -> R:
    """The round whose ``key`` is the median one."""
    return sorted(runs, key=key)[len(runs) // 2]


async def alternate(
    rounds: int, studybot: Callable[[], Awaitable[R]], *floors: Callable[[], Awaitable[R]]
) -> tuple[list[R], ...]:
    """``rounds`` rounds of each, alternating (the machine is shared; single runs are noisy)."""
    runs: list[list[R]] = [[] for _ in range(1 + len(floors))]
    for _ in range(rounds):
        for measured, measure in zip(runs, (studybot, *floors), strict=True):
            measured.append(await measure())
    return tuple(runs)


class ChildRun(Protocol):
    exit_code: int | None
    log_errors: list[str]


def child_health(runs: Sequence[ChildRun]) -> str:
    """How the studybot children stopped and what they logged, as one sentence."""
    return (
        f"studybot exit codes after SIGTERM: {sorted({r.exit_code for r in runs}, key=str)}; "
        f"WARNING/ERROR/Traceback lines in its logs: {sum(len(r.log_errors) for r in runs)}"
    )


def print_log_errors(runs: Sequence[ChildRun]) -> None:
    """The first five distinct WARNING/ERROR/Traceback lines of the children, as a list."""
    for line in sorted({e for r in runs for e in r.log_errors})[:5]:
        print(f"  - `{line[:200]}`")
