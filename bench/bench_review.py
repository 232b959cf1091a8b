"""Review benchmark: the due-card query at scale, a rating click through Discord, /stats renders."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# Three parts, each printed with a floor measured in the same run:
# 1. The due query: a SQLite file with MEMBERS members x CARDS_EACH cards (due dates spread
#    over +-60 days) and one member with BIG cards. For random members, the repository's due
#    page and due count, and the whole /review service call, against a `SELECT 1` round trip
#    through the same aiosqlite connection (the floor of any query).
# 2. A rating click through the fake Discord: the real Application in a child process
#    (`python bench/bench_review.py --child studybot ...`) with CLICKERS members who each have
#    one due card; each member clicks "알맞음" on their own card at the same moment. A bare
#    discord.py client answering "pong" gets the same clicks: the floor. Rounds alternate.
# 3. /stats: the first render in this process (matplotlib imported then) and warm renders,
#    beside the /define answer of the same process.
# Run: .venv/bin/python bench/bench_review.py

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import harness  # noqa: E402

from tests.adapters.discord import fake_payloads as p  # noqa: E402
from tests.adapters.discord.fake_discord import FakeDiscord  # noqa: E402
from tests.adapters.discord.fake_modals import member  # noqa: E402

MEMBERS, CARDS_EACH, BIG = 1000, 1000, 10_000
SAMPLES = 300
CLICKERS = 100
REPLY_TIMEOUT = 30.0
SEOUL = ZoneInfo("Asia/Seoul")
NOW = dt.datetime(2025, 3, 3, 10, 0, tzinfo=SEOUL)
SPACE = f"discord:{p.GUILD_ID}"
MEMBER_BASE = p.USER_ID + 10_000


def _ms(samples: list[float]) -> str:
    q = harness.quantiles(samples)
    return f"{q[49]:.2f} | {q[98]:.2f}"


# -- 1. the due query ---------------------------------------------------------------------------


def _fill(path: Path, state: str) -> None:
    """MEMBERS x CARDS_EACH cards plus one member with BIG, written with plain sqlite3."""
    rng = random.Random(7)
    base = NOW.astimezone(dt.UTC)
    created = base.isoformat(timespec="microseconds")

    def rows(user: str, count: int) -> Any:
        for n in range(count):
            due = base + dt.timedelta(minutes=rng.randint(-60 * 24 * 60, 60 * 24 * 60))
            yield ("discord:1", user, f"term-{n}", state, due.isoformat(timespec="microseconds"),
                   created)  # fmt: skip

    with sqlite3.connect(path) as conn:
        sql = """INSERT INTO review_cards (space, user_id, term_id, state, due, created_at)
                 VALUES (?, ?, ?, ?, ?, ?)"""
        for m in range(MEMBERS):
            conn.executemany(sql, rows(f"m{m}", CARDS_EACH))
        conn.executemany(sql, rows("big", BIG))
        conn.execute("ANALYZE")


async def _due_query() -> None:
    from bot.core.models import SpaceRef, Term, UserRef
    from bot.core.review.scheduling import Scheduling
    from bot.core.review.service import ReviewService
    from bot.core.spaces import SpaceDefaults, SpaceService
    from bot.infra.db import Database
    from bot.infra.repositories import SqliteSpaceRepository
    from bot.infra.review_repository import SqliteReviewRepository
    from tests.core.fakes import FixedClock

    terms = tuple(
        Term(id=f"term-{n}", term=f"용어 {n}", definition=f"설명 {n}") for n in range(BIG)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "studybot.sqlite3"
        await (await Database.open(path)).close()  # the schema, by the migrations
        started = time.perf_counter()
        state, _ = Scheduling().new(NOW)
        _fill(path, state)
        filled = time.perf_counter() - started
        clock = FixedClock(NOW)
        async with await Database.open(path) as db:
            spaces = SpaceService(SqliteSpaceRepository(db, clock), clock, SpaceDefaults.of())
            repo = SqliteReviewRepository(db)
            service = ReviewService(repo, spaces, clock, lambda _s: terms)
            space = SpaceRef("discord", "1")
            await service.review(space, UserRef("discord", "m0", "m0"))  # warm the caches
            rng = random.Random(11)
            before = (NOW + dt.timedelta(days=1)).astimezone(dt.UTC)
            floor, page, count, review, big = [], [], [], [], []
            for _ in range(SAMPLES):
                user = f"m{rng.randrange(MEMBERS)}"
                t0 = time.perf_counter()
                await db.fetchone("SELECT 1")
                t1 = time.perf_counter()
                await repo.due_cards("discord:1", user, before, 50)
                t2 = time.perf_counter()
                await repo.count_due("discord:1", user, before)
                t3 = time.perf_counter()
                await service.review(space, UserRef("discord", user, user))
                t4 = time.perf_counter()
                await service.review(space, UserRef("discord", "big", "big"))
                t5 = time.perf_counter()
                for samples, (a, b) in zip(
                    (floor, page, count, review, big),
                    ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)),
                    strict=True,
                ):
                    samples.append((b - a) * 1000)
    cards = MEMBERS * CARDS_EACH + BIG
    print(f"### 1. Due cards ({cards:,} cards: {MEMBERS} members x {CARDS_EACH}, one with {BIG:,})")
    print()
    print("| query | p50 ms | p99 ms |")
    print("|---|---:|---:|")
    print(f"| floor: `SELECT 1` through the same connection | {_ms(floor)} |")
    print(f"| due page (50 cards, soonest first) | {_ms(page)} |")
    print(f"| due count (indexed COUNT) | {_ms(count)} |")
    print(f"| whole `/review` service call, {CARDS_EACH} cards | {_ms(review)} |")
    print(f"| whole `/review` service call, {BIG:,} cards | {_ms(big)} |")
    print()
    print(f"- {SAMPLES} random members; building the file took {filled:.1f} s")
    print()


# -- 2. a rating click through the fake Discord -------------------------------------------------


async def _studybot(api: str, gateway: str, data_dir: str, stop: asyncio.Event) -> None:
    from bot.adapters.discord.runner import serve
    from bot.app import Application, load
    from tests.core.fakes import FixedClock

    settings = harness.bot_settings(api, gateway, data_dir, locale="ko", timezone="Asia/Seoul")
    content, index = load(settings)
    async with Application(settings, content, "discord", index=index, clock=FixedClock(NOW)) as app:
        review = harness.need(app.services.review)
        # One due card per member, made in order so member n's card has id n + 1.
        for n in range(CLICKERS):
            await review.add_terms(SPACE, str(MEMBER_BASE + n), ["pod"])
        await serve(settings, app.services, stop=stop, on_ready=app.start_schedule)


@dataclass
class Run:
    kind: str
    clicks: list[float] = field(default_factory=list)
    rated: int = 0
    exit_code: int | None = None
    log_errors: list[str] = field(default_factory=list)


async def _click(fake: FakeDiscord, n: int) -> tuple[float, Any]:
    post = fake.planted_message([f"review:rate:{n + 1}.0.good"])
    interaction = await fake.click(
        post, post.custom_ids[0], member=member(MEMBER_BASE + n, f"R{n}")
    )
    while True:
        sent = await interaction.reply(REPLY_TIMEOUT)
        if sent.embeds or sent.data.get("content"):
            return (sent.received_at - interaction.sent_at) * 1000, sent


async def _measure(kind: str) -> Run:
    run = Run(kind)
    with tempfile.TemporaryDirectory() as data_dir:
        async with FakeDiscord() as fake:
            async with harness.running(__file__, kind, fake, data_dir) as child:
                results = await asyncio.gather(*(_click(fake, n) for n in range(CLICKERS)))
                harness.check_replies(fake)
            run.exit_code = child.process.returncode
            run.log_errors = harness.log_errors(child.log)
        run.clicks = [ms for ms, _ in results]
        if kind == "studybot":
            with harness.stored_db(data_dir) as conn:
                run.rated = conn.execute(
                    "SELECT COUNT(*) FROM review_logs WHERE source = 'review'"
                ).fetchone()[0]
    return run


async def _clicks(rounds: int) -> None:
    bots, pongs = await harness.alternate(
        rounds, lambda: _measure("studybot"), lambda: _measure("pong")
    )
    bot = harness.median_run(bots, lambda r: harness.percentile(r.clicks, 99))
    pong = harness.median_run(pongs, lambda r: harness.percentile(r.clicks, 99))
    ratio = harness.percentile(bot.clicks, 99) / harness.percentile(pong.clicks, 99)
    print(f"### 2. A rating click through the fake Discord ({CLICKERS} members at once)")
    print()
    print("| bot | p50 ms | p99 ms |")
    print("|---|---:|---:|")
    print(f"| studybot (`review:rate:<card>.0.good`) | {_ms(bot.clicks)} |")
    print(f"| pong floor, same clicks | {_ms(pong.clicks)} |")
    print()
    print(
        f"- p99 ratio {ratio:.2f}; reviews stored in the median round {bot.rated}/{CLICKERS}; "
        f"{harness.child_health(bots)}; {rounds} alternating rounds, median round shown"
    )
    per_round = ", ".join(
        f"{harness.percentile(b.clicks, 99) / harness.percentile(f.clicks, 99):.2f}"
        for b, f in zip(bots, pongs, strict=True)
    )
    print(f"- p99 ratio per round (studybot / pong): {per_round}")
    pooled = {
        kind: harness.quantiles([ms for r in runs for ms in r.clicks])
        for kind, runs in (("studybot", bots), ("pong", pongs))
    }
    print(
        f"- pooled over all rounds: studybot p50 {pooled['studybot'][49]:.1f} / p99 "
        f"{pooled['studybot'][98]:.1f} ms, pong p50 {pooled['pong'][49]:.1f} / p99 "
        f"{pooled['pong'][98]:.1f} ms"
    )
    harness.print_log_errors(bots)
    print()


# -- 3. /stats ------------------------------------------------------------------------------------


def _stats() -> None:
    from bot.core.glossary import GlossaryService
    from bot.core.review.models import Grade, LoggedReview, Source
    from bot.core.review.stats import build_stats
    from bot.infra.charts import MatplotlibCharts
    from tests.adapters.discord.sample_content import sample_content

    rng = random.Random(3)
    today = NOW.date()
    logs = [
        LoggedReview("t", rng.choice(list(Grade)), rng.choice(list(Source)),
                     NOW - dt.timedelta(hours=rng.randrange(80 * 24)), True)
        for _ in range(2000)
    ]  # fmt: skip
    due = [NOW + dt.timedelta(hours=rng.randrange(14 * 24)) for _ in range(500)]
    stats = build_stats(
        user_id="u", name="앨리스", today=today, tz=SEOUL, logs=logs,
        activity_days=[today - dt.timedelta(days=n) for n in range(0, 80, 2)], due=due, cards=500,
    )  # fmt: skip
    glossary = GlossaryService(sample_content())
    define = []
    for _ in range(50):
        t0 = time.perf_counter()
        glossary.define("cgroup")
        define.append((time.perf_counter() - t0) * 1000)
    charts = MatplotlibCharts()
    t0 = time.perf_counter()
    charts.render(stats, "ko")
    first = (time.perf_counter() - t0) * 1000
    warm = []
    for _ in range(10):
        t0 = time.perf_counter()
        charts.render(stats, "ko")
        warm.append((time.perf_counter() - t0) * 1000)
    warm.sort()
    print("### 3. /stats picture (1200x900 PNG)")
    print()
    print("| step | ms |")
    print("|---|---:|")
    print(f"| first render in the process (imports matplotlib, registers the font) | {first:.0f} |")
    print(f"| warm render, median of 10 | {warm[len(warm) // 2]:.0f} |")
    print(f"| `/define cgroup` in the same process, median of 50 | {sorted(define)[25]:.3f} |")
    print()


def main() -> None:
    args = harness.arguments(__doc__, rounds=5).parse_args()
    if args.child:
        harness.run_child(args, _studybot, ephemeral_pong=True, quiet=["apscheduler"])
        return
    _stats()
    asyncio.run(_due_query())
    asyncio.run(_clicks(args.rounds))


if __name__ == "__main__":
    main()
