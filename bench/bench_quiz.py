"""Quiz benchmark: 200 members click a daily quiz answer at once; p99 beside a "pong" client."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# The fake Discord from the tests runs in this process; each bot runs in its own subprocess
# (`python bench/bench_quiz.py --child <kind> ...`). The studybot child is the real
# Application on SQLite in a fresh data dir, with a fixed clock at 13:00 on a Monday in
# Seoul, so the schedule's catch-up at READY posts the daily quiz to the study channel at
# once. Then CONCURRENCY members click an answer button at the same moment, and each
# clicks again (another choice), which must be refused. Latency is measured by the fake:
# INTERACTION_CREATE written to the gateway socket -> the answer received over HTTP. After
# the child stopped, its SQLite file is read: one row per member, with the choice clicked.
# The pong child (a bare discord.py client answering "pong" to everything) gets the same
# clicks on a message with the same buttons: the floor. Rounds alternate, each with a fresh
# process, data dir and quiz round; the median round is shown.
# Run: .venv/bin/python bench/bench_quiz.py

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import harness  # noqa: E402

from bot.core.i18n import t  # noqa: E402
from tests.adapters.discord import fake_payloads as p  # noqa: E402
from tests.adapters.discord.fake_discord import FakeDiscord, Sent  # noqa: E402
from tests.adapters.discord.fake_modals import member  # noqa: E402

CONCURRENCY = 200
WARMUP = 50  # clicks on an unknown round first: the same code paths, nothing recorded
POST_TIMEOUT = 30.0
REPLY_TIMEOUT = 30.0
BURST_TIMEOUT = 90.0
SEOUL = ZoneInfo("Asia/Seoul")
QUIZ_AT = dt.datetime(2025, 3, 3, 13, 0, tzinfo=SEOUL)  # a Monday at the default quiz time
ANSWER = re.compile(r"quiz:answer:(\d+):(\d+)")
UNKNOWN_ROUND = 999_999
MEMBER_BASE = p.USER_ID + 10_000
WARM_BASE = p.USER_ID + 20_000
SPACE = f"discord:{p.GUILD_ID}"
ACKS = {t("quiz.ack.right", "ko"), t("quiz.ack.wrong", "ko")}
ALREADY = t("error.already_answered", "ko")


# -- the bots (child processes) ----------------------------------------------------------------


async def _studybot(api: str, gateway: str, data_dir: str, stop: asyncio.Event) -> None:
    from bot.adapters.discord.runner import serve
    from bot.app import Application, load
    from bot.core.models import SpaceRef
    from tests.core.fakes import FixedClock

    settings = harness.bot_settings(
        api, gateway, data_dir, channel_id=str(p.CHANNEL_ID), locale="ko", timezone="Asia/Seoul"
    )
    content, index = load(settings)  # the shipped content, as `python -m bot run` loads it
    clock = FixedClock(QUIZ_AT)
    async with Application(settings, content, "discord", index=index, clock=clock) as app:
        spaces = harness.need(app.services.spaces)
        # A space is made on its first use; make it now, so the catch-up at READY (the real
        # start path) sees it and posts today's quiz to the channel from the settings.
        await spaces.settings(SpaceRef("discord", str(p.GUILD_ID)))
        await serve(settings, app.services, stop=stop, on_ready=app.start_schedule)


# -- the measuring side ------------------------------------------------------------------------


@dataclass
class Run:
    kind: str
    first: list[float] = field(default_factory=list)  # ms, one per member's first click
    again: list[float] = field(default_factory=list)  # ms, one per member's second click
    acked: int = 0  # first clicks answered with a right/wrong acknowledgement
    refused: int = 0  # second clicks answered "already answered"
    recorded: int = 0  # rows in quiz_answers for the round, after the child stopped
    matching: int = 0  # rows whose member and choice are exactly the ones clicked
    deferred: int = 0  # answers that came as a defer and a later edit
    exit_code: int | None = None
    log_errors: list[str] = field(default_factory=list)

    def pct(self, which: str, q: int) -> float:
        return harness.percentile(getattr(self, which), q)


async def _answer(fake: FakeDiscord, post: Sent, custom_id: str, who: dict[str, Any]) -> Any:
    """(latency ms, the answer, whether it was deferred) for one click by ``who``."""
    interaction = await fake.click(post, custom_id, member=who)
    deferred = False
    while True:
        sent = await interaction.reply(REPLY_TIMEOUT)
        if sent.embeds or sent.data.get("content"):
            return (sent.received_at - interaction.sent_at) * 1000, sent, deferred
        deferred = True  # a defer ("thinking…"); the answer follows as an edit


async def _burst(
    fake: FakeDiscord, post: Sent, ids: list[str], members: list[dict[str, Any]], shift: int
) -> list[Any]:
    """Every member clicks at once; member n clicks choice (n + shift) mod the options."""
    clicks = (
        _answer(fake, post, ids[(n + shift) % len(ids)], who) for n, who in enumerate(members)
    )
    return await asyncio.wait_for(asyncio.gather(*clicks), BURST_TIMEOUT)


async def _quiz_post(fake: FakeDiscord) -> Sent:
    """The daily quiz the bot posted to the channel at READY."""
    while True:
        sent = await fake.channels.next(within=POST_TIMEOUT)
        if any(ANSWER.fullmatch(c) for c in sent.custom_ids):
            return sent


def _answer_ids(post: Sent) -> list[str]:
    ids = [c for c in post.custom_ids if ANSWER.fullmatch(c)]
    return sorted(ids, key=lambda c: int(ANSWER.fullmatch(c)[2]))  # type: ignore[index]


def _members() -> list[dict[str, Any]]:
    return [member(MEMBER_BASE + n, f"Q{n:03}") for n in range(CONCURRENCY)]


def _stored_answers(data_dir: str, round_id: int) -> list[tuple[str, int]]:
    """(user id, choice) of every answer stored for the round, read with plain sqlite3."""
    with harness.stored_db(data_dir) as conn:
        practice = conn.execute(
            "SELECT practice FROM quiz_rounds WHERE id = ? AND space = ?", (round_id, SPACE)
        ).fetchone()
        if practice is None or practice[0] != 0:
            raise RuntimeError(f"round {round_id} is not the space's daily round")
        rows = conn.execute(
            "SELECT user_id, choice FROM quiz_answers WHERE round_id = ?", (round_id,)
        ).fetchall()
    return [(str(user), int(choice)) for user, choice in rows]


def _embed(sent: Sent, key: str) -> str | None:
    """``key`` of the first embed of a private answer (None for anything else)."""
    return sent.embeds[0].get(key) if sent.ephemeral and sent.embeds else None


async def _measure_studybot() -> Run:
    run = Run("studybot")
    members = _members()
    with tempfile.TemporaryDirectory() as data_dir:
        async with FakeDiscord() as fake:
            async with harness.running(__file__, "studybot", fake, data_dir) as child:
                post = await _quiz_post(fake)
                ids = _answer_ids(post)
                round_id = int(ANSWER.fullmatch(ids[0])[1])  # type: ignore[index]
                warm = fake.planted_message([f"quiz:answer:{UNKNOWN_ROUND}:0"])
                warmers = [member(WARM_BASE + n, f"W{n:03}") for n in range(WARMUP)]
                await _burst(fake, warm, warm.custom_ids, warmers, 0)
                first = await _burst(fake, post, ids, members, 0)
                again = await _burst(fake, post, ids, members, 1)
                harness.check_replies(fake)
            run.exit_code = child.process.returncode
            run.log_errors = harness.log_errors(child.log)
        stored = _stored_answers(data_dir, round_id)
    run.first = [ms for ms, _, _ in first]
    run.again = [ms for ms, _, _ in again]
    run.deferred = sum(d for _, _, d in (*first, *again))
    run.acked = sum(_embed(s, "title") in ACKS for _, s, _ in first)
    run.refused = sum(_embed(s, "description") == ALREADY for _, s, _ in again)
    clicked = {(who["user"]["id"], n % len(ids)) for n, who in enumerate(members)}
    run.recorded = len(stored)
    run.matching = len(clicked & set(stored)) if len(set(stored)) == len(stored) else 0
    return run


async def _measure_pong() -> Run:
    run = Run("pong")
    members = _members()
    with tempfile.TemporaryDirectory() as data_dir:
        async with (
            FakeDiscord() as fake,
            harness.running(__file__, "pong", fake, data_dir) as child,
        ):
            # The same buttons as a daily quiz post, planted where the bot "posted" them.
            post = fake.planted_message([f"quiz:answer:1:{c}" for c in range(4)])
            warm = fake.planted_message([f"quiz:answer:{UNKNOWN_ROUND}:0"])
            warmers = [member(WARM_BASE + n, f"W{n:03}") for n in range(WARMUP)]
            await _burst(fake, warm, warm.custom_ids, warmers, 0)
            first = await _burst(fake, post, post.custom_ids, members, 0)
            again = await _burst(fake, post, post.custom_ids, members, 1)
        run.exit_code = child.process.returncode
    run.first = [ms for ms, _, _ in first]
    run.again = [ms for ms, _, _ in again]
    run.acked = sum(s.data.get("content") == "pong" for _, s, _ in first)
    return run


def _median_run(runs: list[Run]) -> Run:
    """The round whose first-click p99 is the median one."""
    return harness.median_run(runs, lambda r: r.pct("first", 99))


def _report(bots: list[Run], pongs: list[Run]) -> None:
    bot, pong = _median_run(bots), _median_run(pongs)
    print(
        "| burst | concurrency | studybot p50 ms | studybot p99 ms | pong p50 ms | pong p99 ms "
        "| p99 ratio | answers recorded / expected | duplicates refused |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    recorded = f"{bot.matching}/{CONCURRENCY}"
    for which, label, refused in (
        ("first", "first click", "—"),
        ("again", "second click, other choice", f"{bot.refused}/{CONCURRENCY}"),
    ):
        b50, b99 = bot.pct(which, 50), bot.pct(which, 99)
        f50, f99 = pong.pct(which, 50), pong.pct(which, 99)
        print(
            f"| {label} | {CONCURRENCY} | {b50:.2f} | {b99:.2f} | {f50:.2f} | {f99:.2f} "
            f"| {b99 / f99:.2f} | {recorded} | {refused} |"
        )
    print()
    per_round = ", ".join(
        f"{b.pct('first', 99) / f.pct('first', 99):.2f}" for b, f in zip(bots, pongs, strict=True)
    )
    print(f"- first-click p99 ratio per round (studybot / pong): {per_round}")
    pooled = {
        kind: harness.quantiles([ms for r in runs for ms in r.first])
        for kind, runs in (("studybot", bots), ("pong", pongs))
    }
    print(
        f"- first clicks pooled over all rounds ({CONCURRENCY * len(bots)} per bot): studybot "
        f"p50 {pooled['studybot'][49]:.2f} / p99 {pooled['studybot'][98]:.2f} ms, pong p50 "
        f"{pooled['pong'][49]:.2f} / p99 {pooled['pong'][98]:.2f} ms, p99 ratio "
        f"{pooled['studybot'][98] / pooled['pong'][98]:.2f}"
    )
    exact = all(
        r.recorded == r.matching == CONCURRENCY
        and r.acked == CONCURRENCY
        and r.refused == CONCURRENCY
        for r in bots
    )
    print(
        f"- all {len(bots)} studybot rounds: answers recorded "
        f"{sum(r.matching for r in bots)}/{CONCURRENCY * len(bots)} (rows stored "
        f"{sum(r.recorded for r in bots)}), acknowledged {sum(r.acked for r in bots)}, "
        f"duplicates refused {sum(r.refused for r in bots)}/{CONCURRENCY * len(bots)}: "
        f"**{'exactly once' if exact else 'NOT exactly once'}**"
    )
    print(f"- deferred answers: {sum(r.deferred for r in bots)}; {harness.child_health(bots)}")
    harness.print_log_errors(bots)
    print(
        f"- {len(bots)} alternating rounds per bot, median round (by first-click p99) shown; "
        f"each round a fresh process, data dir and quiz round; {WARMUP} warm-up clicks on an "
        "unknown round first; latency = INTERACTION_CREATE sent -> answer received by the fake."
    )


async def _main(rounds: int) -> None:
    _report(*await harness.alternate(rounds, _measure_studybot, _measure_pong))


def main() -> None:
    args = harness.arguments(__doc__, rounds=7).parse_args()
    if args.child:
        harness.run_child(args, _studybot, ephemeral_pong=True, quiet=["apscheduler"])
    else:
        asyncio.run(_main(args.rounds))


if __name__ == "__main__":
    main()
