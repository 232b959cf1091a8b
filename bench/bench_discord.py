"""Discord adapter benchmark: /define round trips against a bare "pong" client, and bot RSS."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# Each bot runs in its own subprocess against the fake Discord from the tests, which runs in
# this process. Latency is measured by the fake: INTERACTION_CREATE written to the gateway
# socket -> interaction callback received over HTTP. A burst of N interactions is sent at once
# and every round trip is one sample. RSS is VmRSS from /proc/<pid>/status of the bot process.
# The two bots are measured in alternating rounds and the median round is reported, because
# the machine is shared and single runs are noisy.  Run: .venv/bin/python bench/bench_discord.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.adapters.discord import fake_payloads as p  # noqa: E402
from tests.adapters.discord.fake_discord import FakeDiscord  # noqa: E402

QUERIES = ("cgroup", "도커란", "ㅋㅂㄴㅌㅅ", "pod", "kubernets", "네임스페이스는")
LEVELS = (1, 50, 200)
SAMPLES_PER_LEVEL = 1000
WARMUP = 200
RSS_AFTER = 1000
START_TIMEOUT = 60.0
GOAL_RATIO, GOAL_RSS_MB = 1.3, 80.0
# /define as the studybot syncs it; the pong bot is sent exactly the same interactions.
DEFINE_SCHEMA = {
    "name": "define",
    "description": "d",
    "type": 1,
    "options": [{"name": "용어", "description": "t", "type": 3, "required": True}],
}


# -- the bots (child processes) ----------------------------------------------------------------


async def _studybot(api: str, gateway: str, data_dir: str, stop: asyncio.Event) -> None:
    from bot.adapters.discord.runner import serve
    from bot.core.glossary import GlossaryService
    from bot.core.services import Services
    from bot.settings import Settings
    from tests.adapters.discord.sample_content import sample_content

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        discord_token=p.BOT_TOKEN,
        discord_guild_ids=(p.GUILD_ID,),
        discord_api_base=api,
        discord_gateway_url=gateway,
        data_dir=Path(data_dir),
    )
    await serve(settings, Services(glossary=GlossaryService(sample_content())), stop=stop)


async def _pong(api: str, gateway: str, stop: asyncio.Event) -> None:
    import discord
    import yarl
    from discord.gateway import DiscordWebSocket

    class Pong(discord.Client):
        async def on_interaction(self, interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong")

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


async def _child(kind: str, api: str, gateway: str, data_dir: str) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    if kind == "studybot":
        await _studybot(api, gateway, data_dir, stop)
    else:
        await _pong(api, gateway, stop)


# -- the measuring side ------------------------------------------------------------------------


@dataclass
class Run:
    kind: str
    samples: dict[int, list[float]] = field(default_factory=dict)
    rss_mb: float = 0.0
    peak_mb: float = 0.0
    rss_end_mb: float = 0.0
    interactions: int = 0
    cpu_us: float = 0.0  # bot CPU time per interaction while measuring

    def pct(self, level: int, q: int) -> float:
        return statistics.quantiles(self.samples[level], n=100, method="inclusive")[q - 1]


def _proc(pid: int) -> tuple[float, float, float]:
    """RSS and peak RSS in MB, and CPU seconds, of process ``pid``."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    kb = [int(status[key].split()[0]) for key in ("VmRSS", "VmHWM")]
    return kb[0] / 1024, kb[1] / 1024, cpu


async def _round_trip(fake: FakeDiscord, query: str) -> float:
    interaction = await fake.slash("define", {"용어": query})
    sent = await interaction.reply(within=30.0)
    return (sent.received_at - interaction.sent_at) * 1000


async def _burst(fake: FakeDiscord, size: int, offset: int) -> list[float]:
    queries = [QUERIES[(offset + i) % len(QUERIES)] for i in range(size)]
    samples = list(await asyncio.gather(*(_round_trip(fake, q) for q in queries)))
    fake.forget()  # a fake that keeps every reply would slow down with its own GC
    return samples


async def _drive(fake: FakeDiscord, pid: int, run: Run) -> None:
    await _burst(fake, WARMUP, 0)
    run.interactions = WARMUP
    _, _, cpu_start = _proc(pid)
    for level in LEVELS:
        samples: list[float] = []
        while len(samples) < SAMPLES_PER_LEVEL:
            samples += await _burst(fake, level, len(samples))
            run.interactions += level
            if run.interactions >= RSS_AFTER and not run.rss_mb:
                run.rss_mb, run.peak_mb, _ = _proc(pid)
        run.samples[level] = samples
    run.rss_end_mb, _, cpu_end = _proc(pid)
    run.cpu_us = (cpu_end - cpu_start) * 1e6 / (run.interactions - WARMUP)
    if fake.rejected:
        raise RuntimeError(f"the fake Discord refused replies: {fake.rejected[:3]}")


async def _measure(kind: str) -> Run:
    run = Run(kind)
    async with FakeDiscord() as fake:
        if kind == "pong":
            fake.put_commands(p.GUILD_ID, [DEFINE_SCHEMA])
        with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryFile() as errors:
            argv = [sys.executable, __file__, "--child", kind, "--api", fake.api_base]
            argv += ["--gateway", fake.gateway_url, "--data-dir", data_dir]
            child = subprocess.Popen(argv, stderr=errors, cwd=ROOT)  # noqa: ASYNC220
            try:
                await fake.wait_session(START_TIMEOUT)
                await _drive(fake, child.pid, run)
            except BaseException:
                errors.seek(0)
                print(errors.read().decode()[-3000:], file=sys.stderr)
                raise
            finally:
                child.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(10)
                if child.poll() is None:
                    child.kill()
    return run


def _median_run(runs: list[Run]) -> Run:
    """The round whose p99 at the highest concurrency is the median one."""
    top = LEVELS[-1]
    return sorted(runs, key=lambda r: r.pct(top, 99))[len(runs) // 2]


def _report(bots: list[Run], pongs: list[Run]) -> None:
    bot, pong = _median_run(bots), _median_run(pongs)
    print(
        "| concurrency | /define p50 ms | /define p99 ms | pong p50 ms | pong p99 ms | p99 ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for level in LEVELS:
        b50, b99, f50, f99 = (
            bot.pct(level, 50),
            bot.pct(level, 99),
            pong.pct(level, 50),
            pong.pct(level, 99),
        )
        print(f"| {level} | {b50:.2f} | {b99:.2f} | {f50:.2f} | {f99:.2f} | {b99 / f99:.2f} |")
    top = LEVELS[-1]
    ratio = bot.pct(top, 99) / pong.pct(top, 99)
    per_round = ", ".join(
        f"{b.pct(top, 99) / f.pct(top, 99):.2f}" for b, f in zip(bots, pongs, strict=True)
    )
    print()
    print(
        f"- p99 ratio at {top} concurrent: **{ratio:.2f}x** (goal <= {GOAL_RATIO}x: "
        f"{'met' if ratio <= GOAL_RATIO else 'NOT met'}); per round: {per_round}"
    )
    print(
        f"- studybot RSS after {RSS_AFTER} interactions: **{bot.rss_mb:.1f} MB** (peak "
        f"{bot.peak_mb:.1f} MB; {bot.rss_end_mb:.1f} MB after {bot.interactions}); goal < "
        f"{GOAL_RSS_MB:.0f} MB: {'met' if bot.rss_mb < GOAL_RSS_MB else 'NOT met'}"
    )
    print(f"- pong RSS after {RSS_AFTER} interactions: {pong.rss_mb:.1f} MB")
    print(f"- bot CPU per interaction: studybot {bot.cpu_us:.0f} us, pong {pong.cpu_us:.0f} us")
    print(
        f"- {len(bots)} alternating rounds per bot, median round shown; {SAMPLES_PER_LEVEL} "
        "samples per level; RSS = VmRSS of the bot subprocess (/proc/<pid>/status)."
    )


async def _main(rounds: int) -> None:
    bots: list[Run] = []
    pongs: list[Run] = []
    for _ in range(rounds):
        bots.append(await _measure("studybot"))
        pongs.append(await _measure("pong"))
    _report(bots, pongs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", choices=["studybot", "pong"], help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--gateway", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        # Production logging: one INFO line per interaction, formatted and written (to a file).
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        asyncio.run(_child(args.child, args.api, args.gateway, args.data_dir))
    else:
        asyncio.run(_main(args.rounds))


if __name__ == "__main__":
    main()
