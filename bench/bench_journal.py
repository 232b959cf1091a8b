"""Journal benchmark: 1,000 concurrent /retro submits, and retro write throughput vs raw sqlite3."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Part A, acknowledgement latency: the fake Discord from the tests runs in this process and
# each bot in its own subprocess (`python bench/bench_journal.py --child <kind> ...`). The
# studybot child is the real Application on SQLite in a fresh data dir. CONCURRENCY distinct
# members submit a filled-in /retro form at once; latency is measured by the fake, from
# INTERACTION_CREATE written to the gateway socket to the "saved" card received over HTTP
# (after a defer, the card comes as an edit of the original response). After the child
# stopped, its SQLite file is read: one retro per member, with that member's own text. A bare
# discord.py client answering "pong" to the same submits is the floor for the round trip.
#
# Part B, write throughput, in this process: SAVES retros saved through the project's own
# path (SqliteJournalRepository.save_entry on a Database from Database.open, and the whole
# JournalService.save_retro of an Application), one after another and all at once with
# asyncio.gather, beside the floor: a plain sqlite3 loop inserting the same rows (same table,
# columns and values) with the same durability (WAL, synchronous=NORMAL, autocommit: one
# transaction per insert). Every mode writes to a fresh database; modes alternate in rounds
# and the median round of each is shown.  Run: .venv/bin/python bench/bench_journal.py

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import harness  # noqa: E402

from bot.core.i18n import t  # noqa: E402
from tests.adapters.discord import fake_payloads as p  # noqa: E402
from tests.adapters.discord.fake_discord import FakeDiscord, FakeInteraction  # noqa: E402
from tests.adapters.discord.fake_modals import form, member, submit  # noqa: E402

CONCURRENCY = 1000
SAVES = 1000
WARMUP = 50  # stale forms first: the same gateway, routing and reply paths, nothing stored
REPLY_TIMEOUT = 60.0
BURST_TIMEOUT = 120.0
GOAL_RATIO = 2.0
ACK_WINDOW_MS = 3000.0  # Discord drops an interaction not answered within 3 s
MEMBER_BASE = p.USER_ID + 10_000
WARM_BASE = p.USER_ID + 50_000
SPACE = f"discord:{p.GUILD_ID}"
RETRO_FORM = "journal:retro:pub"
STALE_FORM = "journal:retro:bench-stale"
SAVED = t("journal.saved", "ko")


def retro_values(n: int) -> dict[str, str]:
    """What member ``n`` types into the /retro form (each reflection is their own)."""
    return {
        "learned": "파드와 cgroup으로 메모리를 제한하는 법을 실습했다",
        "reflection": f"도커 네트워크가 아직 어렵다. 내일 다시 해 보자. (회고 {n})",
        "links": "쿠버네티스 문서 https://kubernetes.io/docs/",
        "terms": "레플리카셋 | 파드 복제본 수를 유지하는 컨트롤러 | 내일 실습",
    }


# -- the bots (child processes) ----------------------------------------------------------------


async def _studybot(api: str, gateway: str, data_dir: str, stop: asyncio.Event) -> None:
    from bot.adapters.discord.runner import serve
    from bot.app import Application, load

    settings = harness.bot_settings(api, gateway, data_dir, locale="ko")
    content, index = load(settings)  # the shipped content, as `python -m bot run` loads it
    async with Application(settings, content, "discord", index=index) as app:
        await serve(settings, app.services, stop=stop, on_ready=app.start_schedule)


# -- part A: submits through the fake Discord --------------------------------------------------


@dataclass
class Run:
    kind: str
    samples: list[float] = field(default_factory=list)  # ms, submit -> saved card (or pong)
    first: list[float] = field(default_factory=list)  # ms, submit -> first response (ack)
    saved: int = 0  # submits answered with a "saved" card
    deferred: int = 0  # of those, answered with a defer first and the card as an edit
    stored: int = 0  # retros in the database after the child stopped
    own_text: int = 0  # of those, members whose stored reflection is the one they typed
    exit_code: int | None = None
    log_errors: list[str] = field(default_factory=list)

    def pct(self, q: int, which: str = "samples") -> float:
        return harness.percentile(getattr(self, which), q)


async def _answer(interaction: FakeInteraction) -> tuple[float, float, str, bool]:
    """(ms to the final answer, ms to the first response, the answer, whether deferred)."""
    first: float | None = None
    deferred = False
    while True:
        sent = await interaction.reply(REPLY_TIMEOUT)
        if first is None:
            first = (sent.received_at - interaction.sent_at) * 1000
        if sent.embeds:
            footer = (sent.embeds[0].get("footer") or {}).get("text", "")
            outcome = "saved" if SAVED in footer else "other"
        elif sent.data.get("content"):
            outcome = "pong"
        else:
            deferred = True  # a defer ("thinking…"); the card follows as an edit
            continue
        return (sent.received_at - interaction.sent_at) * 1000, first, outcome, deferred


async def _submit(fake: FakeDiscord, custom_id: str, n: int, who: dict[str, Any]) -> Any:
    interaction = await submit(fake, form(custom_id, retro_values(n)), member=who)
    return await _answer(interaction)


async def _burst(fake: FakeDiscord, custom_id: str, base: int, count: int) -> list[Any]:
    """``count`` distinct members submit the form at once."""
    members = [member(base + n, f"R{n:04}") for n in range(count)]
    submits = (_submit(fake, custom_id, n, who) for n, who in enumerate(members))
    return await asyncio.wait_for(asyncio.gather(*submits), BURST_TIMEOUT)


def _stored_retros(data_dir: str) -> dict[str, str]:
    """Each stored retro's reflection by member id, read with plain sqlite3."""
    with harness.stored_db(data_dir) as conn:
        rows = conn.execute(
            "SELECT user_id, body FROM journal_entries WHERE space = ? AND kind = 'retro'",
            (SPACE,),
        ).fetchall()
    stored: dict[str, str] = {}
    for user_id, body in rows:
        if str(user_id) in stored:
            raise RuntimeError(f"two retros of {user_id} on one day")
        stored[str(user_id)] = json.loads(body)["reflection"]
    return stored


async def _measure(kind: str) -> Run:
    run = Run(kind)
    with tempfile.TemporaryDirectory() as data_dir:
        async with FakeDiscord() as fake:
            async with harness.running(__file__, kind, fake, data_dir) as child:
                await _burst(fake, STALE_FORM, WARM_BASE, WARMUP)
                fake.forget()
                answers = await _burst(fake, RETRO_FORM, MEMBER_BASE, CONCURRENCY)
                harness.check_replies(fake)
            run.exit_code = child.process.returncode
            run.log_errors = harness.log_errors(child.log)
        if kind == "studybot":
            stored = _stored_retros(data_dir)
            run.stored = len(stored)
            run.own_text = sum(
                stored.get(str(MEMBER_BASE + n)) == retro_values(n)["reflection"]
                for n in range(CONCURRENCY)
            )
    run.samples = [ms for ms, _, _, _ in answers]
    run.first = [ms for _, ms, _, _ in answers]
    run.saved = sum(outcome in ("saved", "pong") for _, _, outcome, _ in answers)
    run.deferred = sum(deferred for _, _, _, deferred in answers)
    return run


def _median_run(runs: list[Run]) -> Run:
    return harness.median_run(runs, lambda r: r.pct(99))


def _report_a(bots: list[Run], pongs: list[Run]) -> None:
    bot, pong = _median_run(bots), _median_run(pongs)
    print(f"### A. {CONCURRENCY} concurrent /retro submits through the fake Discord")
    print()
    print(
        "| concurrency | studybot p50 ms | studybot p99 ms | pong p50 ms | pong p99 ms "
        "| p99 ratio | studybot first response p99 ms | saved cards | deferred "
        "| retros stored / expected |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {CONCURRENCY} | {bot.pct(50):.1f} | {bot.pct(99):.1f} | {pong.pct(50):.1f} "
        f"| {pong.pct(99):.1f} | {bot.pct(99) / pong.pct(99):.2f} | {bot.pct(99, 'first'):.1f} "
        f"| {bot.saved}/{CONCURRENCY} | {bot.deferred} | {bot.own_text}/{CONCURRENCY} |"
    )
    print()
    per_round = ", ".join(f"{r.pct(99):.0f}" for r in bots)
    complete = all(
        r.saved == r.stored == r.own_text == CONCURRENCY and not r.log_errors for r in bots
    )
    late = sum(ms > ACK_WINDOW_MS for r in bots for ms in r.first)
    print(f"- studybot p99 ms per round: {per_round}; max {max(max(r.samples) for r in bots):.0f}")
    print(
        f"- all {len(bots)} rounds: saved cards {sum(r.saved for r in bots)}, retros stored "
        f"{sum(r.stored for r in bots)} (each member's own text: "
        f"{sum(r.own_text for r in bots)}) of {CONCURRENCY * len(bots)}: "
        f"**{'all stored' if complete else 'NOT all stored'}**"
    )
    print(
        f"- first response (the card, or the defer when the save takes over 2 s): max "
        f"{max(max(r.first) for r in bots):.0f} ms; {late} of {CONCURRENCY * len(bots)} came "
        f"after Discord's {ACK_WINDOW_MS / 1000:.0f} s window (Discord would fail those)"
    )
    print(f"- {harness.child_health(bots)}")
    harness.print_log_errors(bots)
    print(
        f"- {len(bots)} alternating rounds per bot, median round (by p99) shown; each round a "
        f"fresh process and data dir; {WARMUP} stale-form warm-up submits first; latency = "
        "INTERACTION_CREATE sent -> saved card (or pong) received by the fake."
    )


# -- part B: write throughput in this process ---------------------------------------------------

SEOUL_DAY = dt.date(2026, 11, 25)
AT = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)

_INSERT = """INSERT INTO journal_entries (space, user_id, display_name, local_date, kind, public,
    body, linked, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"""

_UPSERT = (
    _INSERT
    + """
    ON CONFLICT (space, user_id, local_date, kind) DO UPDATE SET
        display_name = excluded.display_name, public = excluded.public,
        body = excluded.body, linked = excluded.linked,
        version = journal_entries.version + 1, updated_at = excluded.updated_at
    WHERE journal_entries.body IS NOT excluded.body
       OR journal_entries.public IS NOT excluded.public
       OR journal_entries.linked IS NOT excluded.linked
    RETURNING version"""
)
_SELECT = """SELECT * FROM journal_entries
    WHERE space = ? AND user_id = ? AND local_date = ? AND kind = ?"""


def _retro_form(n: int) -> Any:
    from bot.core.journal import RetroForm

    return RetroForm(**retro_values(n))


def _drafts() -> list[Any]:
    """SAVES entry drafts as the service builds them (same body, linked terms and instant)."""
    from bot.core.journal import EntryDraft, EntryKind
    from bot.core.journal.forms import parse_retro

    linked = ("pod", "cgroup", "docker", "kubernetes")
    return [
        EntryDraft(
            SPACE,
            str(MEMBER_BASE + n),
            f"R{n:04}",
            SEOUL_DAY,
            EntryKind.RETRO,
            True,
            parse_retro(_retro_form(n)),
            linked,
            AT,
        )
        for n in range(SAVES)
    ]


def _rows(drafts: list[Any]) -> list[tuple[Any, ...]]:
    """The column values the repository writes for each draft."""
    from bot.infra.db import to_db_time
    from bot.infra.journal_repository import body_json

    return [
        (d.space, d.user_id, d.display_name, d.local_date.isoformat(), d.kind.value,
         int(d.public), body_json(d.body), json.dumps(list(d.linked)), to_db_time(d.at),
         to_db_time(d.at))
        for d in drafts
    ]  # fmt: skip


async def _fresh_schema(path: Path) -> None:
    """The bot's own schema (every migration) in a new file, then closed."""
    from bot.infra.db import Database

    db = await Database.open(path)
    await db.close()


def _raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with Database.open's settings: autocommit, WAL, NORMAL."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    if (mode, sync) != ("wal", 1):
        raise RuntimeError(f"durability settings not applied: {mode}, synchronous={sync}")
    return conn


def _count(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM journal_entries").fetchone()[0])


async def _raw_insert(path: Path, rows: list[tuple[Any, ...]]) -> float:
    """The floor: one plain INSERT per retro, each its own (autocommitted) transaction."""
    await _fresh_schema(path)
    with contextlib.closing(_raw_connection(path)) as conn:
        started = time.perf_counter()
        for row in rows:
            conn.execute(_INSERT, row)
        return time.perf_counter() - started


async def _raw_repository_sql(path: Path, rows: list[tuple[Any, ...]]) -> float:
    """The repository's own two statements per save (upsert RETURNING, read back), raw."""
    await _fresh_schema(path)
    with contextlib.closing(_raw_connection(path)) as conn:
        started = time.perf_counter()
        for row in rows:
            conn.execute(_UPSERT, row).fetchall()
            conn.execute(_SELECT, (row[0], row[1], row[3], row[4])).fetchone()
        return time.perf_counter() - started


async def _repository(path: Path, drafts: list[Any], *, concurrent: bool) -> float:
    """SqliteJournalRepository.save_entry on a Database from Database.open."""
    from bot.infra.db import Database
    from bot.infra.journal_repository import SqliteJournalRepository

    db = await Database.open(path)
    try:
        repo = SqliteJournalRepository(db)
        started = time.perf_counter()
        if concurrent:
            await asyncio.gather(*(repo.save_entry(d) for d in drafts))
        else:
            for draft in drafts:
                await repo.save_entry(draft)
        return time.perf_counter() - started
    finally:
        await db.close()


async def _service(path: Path, loaded: Any, *, concurrent: bool) -> float:
    """JournalService.save_retro of a real Application: the whole save a /retro submit does."""
    from bot.app import Application
    from bot.core.models import SpaceRef, UserRef
    from bot.settings import Settings
    from tests.core.fakes import FixedClock

    settings = Settings(_env_file=None, data_dir=path.parent, locale="ko")  # type: ignore[call-arg]
    content, index = loaded
    clock = FixedClock(AT)
    async with Application(settings, content, "discord", index=index, clock=clock) as app:
        journal = harness.need(app.services.journal)
        space = SpaceRef("discord", str(p.GUILD_ID))
        users = [UserRef("discord", str(MEMBER_BASE + n), f"R{n:04}") for n in range(SAVES)]
        forms = [_retro_form(n) for n in range(SAVES)]
        started = time.perf_counter()
        if concurrent:
            await asyncio.gather(
                *(journal.save_retro(space, u, f) for u, f in zip(users, forms, strict=True))
            )
        else:
            for user, retro in zip(users, forms, strict=True):
                await journal.save_retro(space, user, retro)
        return time.perf_counter() - started


@dataclass
class Anatomy:
    hop_us: float = 0.0  # one call into aiosqlite's worker thread, measured here
    repo_calls: int = 0  # worker calls one SqliteJournalRepository.save_entry makes
    service_calls: int = 0  # worker calls one JournalService.save_retro makes


@contextlib.contextmanager
def _counting_worker_calls() -> Any:
    """Count the calls queued to aiosqlite's worker thread (each one is a thread round trip)."""
    import aiosqlite.core

    counter = [0]
    original = aiosqlite.core.Connection._execute

    async def counted(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return await original(self, fn, *args, **kwargs)

    aiosqlite.core.Connection._execute = counted  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        aiosqlite.core.Connection._execute = original  # type: ignore[method-assign]


async def _anatomy(loaded: Any, drafts: list[Any]) -> Anatomy:
    """Where a save's time goes: worker calls per save and the cost of one (not timed above)."""
    from bot.app import Application
    from bot.core.models import SpaceRef, UserRef
    from bot.infra.db import Database
    from bot.infra.journal_repository import SqliteJournalRepository
    from bot.settings import Settings
    from tests.core.fakes import FixedClock

    found = Anatomy()
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "hops.sqlite3")
        try:
            calls = 2000
            started = time.perf_counter()
            for _ in range(calls):
                await db.fetchone("SELECT 1")  # execute, fetchone, close: three calls
            found.hop_us = (time.perf_counter() - started) * 1e6 / (3 * calls)
            repo = SqliteJournalRepository(db)
            await repo.save_entry(drafts[0])
            with _counting_worker_calls() as counter:
                await repo.save_entry(drafts[1])
            found.repo_calls = counter[0]
        finally:
            await db.close()
        settings = Settings(_env_file=None, data_dir=Path(tmp), locale="ko")  # type: ignore[call-arg]
        content, index = loaded
        clock = FixedClock(AT)
        async with Application(settings, content, "discord", index=index, clock=clock) as app:
            journal = harness.need(app.services.journal)
            space = SpaceRef("discord", str(p.GUILD_ID))
            await journal.save_retro(space, UserRef("discord", "1", "A"), _retro_form(0))
            with _counting_worker_calls() as counter:
                await journal.save_retro(space, UserRef("discord", "2", "B"), _retro_form(1))
            found.service_calls = counter[0]
    return found


Mode = Callable[[Path], Awaitable[float]]


async def _part_b(rounds: int) -> tuple[dict[str, list[float]], Anatomy]:
    from bot.app import load
    from bot.settings import Settings

    drafts = _drafts()
    rows = _rows(drafts)
    with tempfile.TemporaryDirectory() as content_cache:
        settings = Settings(_env_file=None, data_dir=Path(content_cache))  # type: ignore[call-arg]
        loaded = load(settings)
    modes: dict[str, Mode] = {
        "floor": lambda path: _raw_insert(path, rows),
        "raw_repo_sql": lambda path: _raw_repository_sql(path, rows),
        "repo_seq": lambda path: _repository(path, drafts, concurrent=False),
        "repo_gather": lambda path: _repository(path, drafts, concurrent=True),
        "service_seq": lambda path: _service(path, loaded, concurrent=False),
        "service_gather": lambda path: _service(path, loaded, concurrent=True),
    }
    rates: dict[str, list[float]] = {name: [] for name in modes}
    for _ in range(rounds):
        for name, mode in modes.items():
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "studybot.sqlite3"
                seconds = await mode(path)
                if _count(path) != SAVES:
                    raise RuntimeError(f"{name}: {_count(path)} rows stored, not {SAVES}")
                rates[name].append(SAVES / seconds)
    return rates, await _anatomy(loaded, drafts)


def _report_b(rates: dict[str, list[float]], anatomy: Anatomy) -> None:
    labels = {
        "floor": "floor: raw sqlite3, one plain INSERT per retro",
        "raw_repo_sql": "raw sqlite3, the repository's statements (upsert RETURNING + read back)",
        "repo_seq": "SqliteJournalRepository.save_entry, sequential",
        "repo_gather": f"SqliteJournalRepository.save_entry, {SAVES} at once (gather)",
        "service_seq": "JournalService.save_retro, sequential",
        "service_gather": f"JournalService.save_retro, {SAVES} at once (gather)",
    }
    median = {name: statistics.median(values) for name, values in rates.items()}
    floor = median["floor"]
    print(f"### B. Write throughput, {SAVES} retros per run (WAL, synchronous=NORMAL, autocommit)")
    print()
    print("| path | saves/s | µs per save | floor / path | within 2× of the floor |")
    print("|---|---:|---:|---:|---|")
    for name, label in labels.items():
        rate = median[name]
        ratio = floor / rate
        verdict = "—" if name == "floor" else ("yes" if ratio <= GOAL_RATIO else "**no**")
        print(f"| {label} | {rate:,.0f} | {1e6 / rate:.0f} | {ratio:.2f} | {verdict} |")
    print()
    for mode, label in (("gather", "1,000 at once"), ("seq", "one after another")):
        repo, service = floor / median[f"repo_{mode}"], floor / median[f"service_{mode}"]
        print(
            f"- target, {label} (the save path within {GOAL_RATIO:.0f}× of the raw sqlite3 "
            f"floor): SqliteJournalRepository.save_entry {repo:.1f}× -> "
            f"**{'met' if repo <= GOAL_RATIO else 'NOT met'}**; the full "
            f"JournalService.save_retro {service:.1f}× -> "
            f"**{'met' if service <= GOAL_RATIO else 'NOT met'}**"
        )
    print(
        f"- where the time goes: the repository's SQL run directly costs "
        f"{1e6 / median['raw_repo_sql']:.0f} µs per save; one call into aiosqlite's worker "
        f"thread costs {anatomy.hop_us:.0f} µs here, and save_entry makes "
        f"{anatomy.repo_calls} of them when it saves alone (a burst shares them), "
        f"save_retro {anatomy.service_calls}"
    )
    spread = "; ".join(
        f"{name} {min(v):,.0f}–{max(v):,.0f}" for name, v in rates.items() if name in labels
    )
    print(
        f"- {len(rates['floor'])} rounds, modes alternating, median shown; each run on a "
        f"fresh database with the bot's schema; saves/s range over rounds: {spread}"
    )


# -- main ---------------------------------------------------------------------------------------


async def _main(rounds: int, write_rounds: int) -> None:
    bots, pongs = await harness.alternate(
        rounds, lambda: _measure("studybot"), lambda: _measure("pong")
    )
    _report_a(bots, pongs)
    print()
    _report_b(*await _part_b(write_rounds))


def main() -> None:
    parser = harness.arguments(__doc__, rounds=3, rounds_help="part A rounds per bot")
    parser.add_argument("--write-rounds", type=int, default=3, help="part B rounds")
    args = parser.parse_args()
    if args.child:
        harness.run_child(args, _studybot, quiet=["apscheduler"])
    else:
        asyncio.run(_main(args.rounds, args.write_rounds))


if __name__ == "__main__":
    main()
