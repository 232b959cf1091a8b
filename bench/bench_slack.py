"""Slack adapter benchmark: /define and quiz clicks next to a bare bolt "pong" app, and RSS."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Each app runs in its own subprocess against the fake Slack from the tests, which runs in
# this process. Latency is measured by the fake: envelope written to the Socket Mode socket
# -> the answer posted to the envelope's response_url. A burst of N envelopes is sent at once
# and every round trip is one sample. A quiz click is timed on a practice question the same
# member asked for just before (untimed), so every timed click is a first, counted answer.
# RSS is VmRSS from /proc/<pid>/status of the app process. The two apps are measured in
# alternating rounds and the median round is shown.  Run: .venv/bin/python bench/bench_slack.py

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import harness  # noqa: E402

from tests.adapters.slack import fake_payloads as p  # noqa: E402
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack  # noqa: E402

QUERIES = ("cgroup", "도커란", "ㅋㅂㄴㅌㅅ", "pod", "kubernets", "네임스페이스는")
LEVELS = (1, 50, 200)
SAMPLES = 400
WARMUP = 200  # every member a /define burst uses is known (users.info cached) once timed
RSS_AFTER = 1000
START_TIMEOUT = 60.0
GOAL_RATIO = 1.5


# -- the apps (child processes) ------------------------------------------------------------------


async def _studybot(api: str, data_dir: str, stop: asyncio.Event) -> None:
    from bot.adapters.slack.runner import serve
    from bot.app import Application
    from bot.core.interaction.setup import build_router
    from bot.faces import Serving
    from bot.settings import Settings
    from tests.adapters.discord.sample_content import sample_content

    settings = _settings(Settings, api, data_dir)
    async with Application(settings, sample_content(), "slack") as app:

        async def ready(publisher: Any) -> None:
            await app.start_schedule(publisher, "slack")

        serving = Serving(settings, app.services, build_router(app.services), stop, ready)
        await serve(serving)


async def _pong(api: str, data_dir: str, stop: asyncio.Event, *, rich: bool = False) -> None:
    """The floor: a bare bolt app on the same socket, answering every command and click.

    ``rich`` answers with the blocks of the /define cgroup card instead of "pong": a
    diagnostic of how much of the gap is the size of the answer, not the work behind it.
    """
    from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(token=BOT_TOKEN, base_url=api)
    app = AsyncApp(client=client, request_verification_enabled=False)

    body: dict[str, Any] = {"text": "pong"}
    if rich:
        from bot.adapters.slack.blocks import message
        from bot.core.glossary import GlossaryService
        from tests.adapters.discord.sample_content import sample_content

        body = message(GlossaryService(sample_content()).define("cgroup", "ko"))

    async def answer(ack: Any, respond: Any) -> None:
        await ack()
        await respond(response_type="ephemeral", **body)

    app.command("/define")(answer)
    app.command("/quiz")(answer)
    app.action(re.compile(".+"))(answer)
    handler = AsyncSocketModeHandler(app, APP_TOKEN, web_client=client)
    await handler.connect_async()
    await stop.wait()
    await handler.close_async()


def _settings(settings_type: Any, api: str, data_dir: str) -> Any:
    return settings_type(
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_api_base=api,
        data_dir=Path(data_dir),
        channel_id=p.CHANNEL,
        log_level="WARNING",
    )


def _child(kind: str, api: str, data_dir: str) -> None:
    async def main() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        if kind == "studybot":
            await _studybot(api, data_dir, stop)
        else:
            await _pong(api, data_dir, stop, rich=kind == "richpong")

    asyncio.run(main())


# -- the measuring side --------------------------------------------------------------------------


@dataclass
class Run:
    kind: str
    define: dict[int, list[float]] = field(default_factory=dict)
    click: dict[int, list[float]] = field(default_factory=dict)
    rss_mb: float = 0.0
    interactions: int = 0

    def pct(self, table: str, level: int, q: int) -> float:
        return harness.percentile(getattr(self, table)[level], q)


class Timer:
    """Matches each response_url post to the envelope that asked for it."""

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        self.waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self.task = asyncio.create_task(self._collect())

    async def _collect(self) -> None:
        while True:
            body = await self.fake.responses.get()
            future = self.waiting.pop(body["n"], None)
            if future is not None:
                future.set_result(body)

    async def round_trip(self, kind: str, payload: dict[str, Any]) -> tuple[float, dict[str, Any]]:
        n = payload["response_url"].rsplit("/", 1)[1]
        future = self.waiting[n] = asyncio.get_running_loop().create_future()
        started = time.perf_counter()
        await self.fake.envelope(kind, payload)
        body = await asyncio.wait_for(future, 30.0)
        return (body["received_at"] - started) * 1000, body


def _member(number: int) -> dict[str, Any]:
    return {"id": f"UB{number:08d}", "name": f"m{number}"}


async def _define_burst(timer: Timer, size: int, offset: int) -> list[float]:
    payloads = [
        p.command(timer.fake, "define", QUERIES[(offset + i) % len(QUERIES)], user=_member(i))
        for i in range(size)
    ]
    done = await asyncio.gather(*(timer.round_trip("slash_commands", x) for x in payloads))
    return [ms for ms, _ in done]


async def _click_burst(timer: Timer, size: int, offset: int) -> list[float]:
    members = [_member(offset + i) for i in range(size)]
    questions = await asyncio.gather(
        *(
            timer.round_trip("slash_commands", p.command(timer.fake, "quiz", "", user=m))
            for m in members
        )
    )
    clicks = [
        p.click(timer.fake, _first_answer(body), user=member)
        for (_, body), member in zip(questions, members, strict=True)
    ]
    done = await asyncio.gather(*(timer.round_trip("interactive", c) for c in clicks))
    return [ms for ms, _ in done]


def _first_answer(body: dict[str, Any]) -> str:
    for block in body.get("blocks") or []:
        for element in block.get("elements") or []:
            if str(element.get("action_id", "")).startswith("quiz:answer:"):
                return str(element["action_id"])
    return "quiz:answer:0:0"  # the pong app's answer carries no buttons


async def _drive(timer: Timer, pid: int, run: Run, wanted: int) -> None:
    await _define_burst(timer, WARMUP, 0)
    run.interactions = WARMUP
    offset = 1000
    for level in LEVELS:
        for table, burst, cost in (("define", _define_burst, 1), ("click", _click_burst, 2)):
            samples: list[float] = []
            while len(samples) < wanted:
                samples += await burst(timer, level, offset)
                offset += level
                run.interactions += level * cost
                if run.interactions >= RSS_AFTER and not run.rss_mb:
                    run.rss_mb = harness.proc_stats(pid)[0]
            getattr(run, table)[level] = samples


@contextlib.asynccontextmanager
async def _running(kind: str, fake: FakeSlack, data_dir: str) -> AsyncIterator[int]:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    process = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--child", kind, "--api", fake.api_base, "--data", data_dir,
        env=env,
    )  # fmt: skip
    try:
        await fake.wait_connected(START_TIMEOUT)
        yield process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 15.0)
        except TimeoutError:
            process.kill()
            await process.wait()


async def _measure(kind: str, samples: int) -> Run:
    run = Run(kind)
    async with FakeSlack() as fake:
        fake.any_user = True
        fake.checking = False  # the tests check every payload; here only the bot is timed
        with tempfile.TemporaryDirectory() as data_dir:
            async with _running(kind, fake, data_dir) as pid:
                timer = Timer(fake)
                try:
                    await _drive(timer, pid, run, samples)
                finally:
                    timer.task.cancel()
    return run


def _report(bots: list[Run], pongs: list[Run], samples: int) -> None:
    top = LEVELS[-1]
    bot = harness.median_run(bots, lambda r: r.pct("define", top, 99))
    pong = harness.median_run(pongs, lambda r: r.pct("define", top, 99))
    print("| what | concurrency | studybot p50 ms | studybot p99 ms | pong p50 ms | pong p99 ms "
          "| p99 ratio |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for table, name in (("define", "/define"), ("click", "quiz click")):
        for level in LEVELS:
            b50, b99 = bot.pct(table, level, 50), bot.pct(table, level, 99)
            f50, f99 = pong.pct(table, level, 50), pong.pct(table, level, 99)
            print(f"| {name} | {level} | {b50:.1f} | {b99:.1f} | {f50:.1f} | {f99:.1f} "
                  f"| {b99 / f99:.2f} |")  # fmt: skip
    print()
    for table, name in (("define", "/define"), ("click", "quiz click")):
        ratio = bot.pct(table, top, 99) / pong.pct(table, top, 99)
        verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
        print(f"- {name} p99 ratio at {top} concurrent: **{ratio:.2f}x** "
              f"(goal <= {GOAL_RATIO}x: {verdict})")  # fmt: skip
    print(f"- studybot RSS after {RSS_AFTER} interactions: **{bot.rss_mb:.1f} MB**; "
          f"pong: {pong.rss_mb:.1f} MB")  # fmt: skip
    print(f"- {len(bots)} alternating rounds per app, median round shown; {samples} samples "
          "per level; a timed quiz click follows an untimed /quiz by the same member.")  # fmt: skip


async def _main(rounds: int, samples: int) -> None:
    bots, pongs, rich = await harness.alternate(
        rounds,
        lambda: _measure("studybot", samples),
        lambda: _measure("pong", samples),
        lambda: _measure("richpong", samples),
    )
    _report(bots, pongs, samples)
    richpong = harness.median_run(rich, lambda r: r.pct("define", LEVELS[-1], 99))
    studybot = harness.median_run(bots, lambda r: r.pct("define", LEVELS[-1], 99))
    top = LEVELS[-1]
    print(f"- diagnostic, not the goal's floor: a pong answering with the /define cgroup card's "
          f"blocks has /define p99 {richpong.pct('define', top, 99):.1f} ms at {top} concurrent; "
          f"studybot is {studybot.pct('define', top, 99) / richpong.pct('define', top, 99):.2f}x "
          "of it")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--samples", type=int, default=SAMPLES, help="round trips per level")
    parser.add_argument("--child", choices=("studybot", "pong", "richpong"))
    parser.add_argument("--api")
    parser.add_argument("--data")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.api, args.data)
    else:
        asyncio.run(_main(args.rounds, args.samples))


if __name__ == "__main__":
    main()
