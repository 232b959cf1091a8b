"""Discord adapter benchmark: /define round trips against a bare "pong" client, and bot RSS."""

from __future__ import annotations

import asyncio
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

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import harness  # noqa: E402

from tests.adapters.discord import fake_payloads as p  # noqa: E402
from tests.adapters.discord.fake_discord import FakeDiscord  # noqa: E402

QUERIES = ("cgroup", "도커란", "ㅋㅂㄴㅌㅅ", "pod", "kubernets", "네임스페이스는")
LEVELS = (1, 50, 200)
SAMPLES_PER_LEVEL = 1000
WARMUP = 200
RSS_AFTER = 1000
STOP_TIMEOUT = 10.0
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
    from tests.adapters.discord.sample_content import sample_content

    settings = harness.bot_settings(api, gateway, data_dir)
    await serve(settings, Services(glossary=GlossaryService(sample_content())), stop=stop)


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
        return harness.percentile(self.samples[level], q)


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
    _, _, cpu_start = harness.proc_stats(pid)
    for level in LEVELS:
        samples: list[float] = []
        while len(samples) < SAMPLES_PER_LEVEL:
            samples += await _burst(fake, level, len(samples))
            run.interactions += level
            if run.interactions >= RSS_AFTER and not run.rss_mb:
                run.rss_mb, run.peak_mb, _ = harness.proc_stats(pid)
        run.samples[level] = samples
    run.rss_end_mb, _, cpu_end = harness.proc_stats(pid)
    run.cpu_us = (cpu_end - cpu_start) * 1e6 / (run.interactions - WARMUP)
    harness.check_replies(fake)


async def _measure(kind: str) -> Run:
    run = Run(kind)
    async with FakeDiscord() as fake:
        if kind != "studybot":
            fake.put_commands(p.GUILD_ID, [DEFINE_SCHEMA])
        with tempfile.TemporaryDirectory() as data_dir:
            async with harness.running(__file__, kind, fake, data_dir, STOP_TIMEOUT) as child:
                await _drive(fake, child.process.pid, run)
    return run


def _median_run(runs: list[Run]) -> Run:
    """The round whose p99 at the highest concurrency is the median one."""
    top = LEVELS[-1]
    return harness.median_run(runs, lambda r: r.pct(top, 99))


def _report(bots: list[Run], pongs: list[Run], rich: list[Run]) -> None:
    bot, pong, richpong = _median_run(bots), _median_run(pongs), _median_run(rich)
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
    print(
        f"- bot CPU per interaction: studybot {bot.cpu_us:.0f} us, pong {pong.cpu_us:.0f} us, "
        f"rich pong {richpong.cpu_us:.0f} us"
    )
    print(
        f"- diagnostic, not the goal's floor: a pong that sends the same embed and buttons as "
        f"/define cgroup has p99 {richpong.pct(top, 99):.2f} ms at {top} concurrent; studybot is "
        f"{bot.pct(top, 99) / richpong.pct(top, 99):.2f}x of it"
    )
    print(
        f"- {len(bots)} alternating rounds per bot, median round shown; {SAMPLES_PER_LEVEL} "
        "samples per level; RSS = VmRSS of the bot subprocess (/proc/<pid>/status)."
    )


async def _main(rounds: int) -> None:
    bots, pongs, rich = await harness.alternate(
        rounds, lambda: _measure("studybot"), lambda: _measure("pong"), lambda: _measure("richpong")
    )
    _report(bots, pongs, rich)


def main() -> None:
    args = harness.arguments(__doc__, rounds=5).parse_args()
    if args.child:
        harness.run_child(args, _studybot)
    else:
        asyncio.run(_main(args.rounds))


if __name__ == "__main__":
    main()
