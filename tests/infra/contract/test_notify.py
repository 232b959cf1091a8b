"""Two processes on one PostgreSQL: a change made through one is used by the other at once."""

import asyncio
import datetime as dt

import pytest

from bot.app import Application
from bot.core.journal import TermRow
from bot.core.models import SpaceRef, UserRef
from bot.core.spaces import SettingsUpdate
from bot.settings import Settings
from tests.infra.contract.pg import throwaway_schema, with_schema

pytestmark = pytest.mark.postgres

SPACE = SpaceRef("discord", "900000000000000100")
WITHIN = 1.0  # the promise: seen by the other process within a second


def two_processes(url, tmp_path, content):
    apps = []
    for name in ("one", "two"):
        settings = Settings(
            _env_file=None, database_url=url, data_dir=tmp_path / name, channel_id="c1"
        )
        apps.append(Application(settings, content, "console"))
    return apps


async def test_a_settings_change_in_one_process_is_used_by_the_other(tmp_path, small_content):
    async with throwaway_schema() as (url, schema):
        one, two = two_processes(with_schema(url, schema), tmp_path, small_content)
        async with one, two:
            assert (await two.services.spaces.settings(SPACE)).morning_time == dt.time(9)
            seen = asyncio.Event()

            async def heard(settings):
                if settings.morning_time == dt.time(7, 30):
                    seen.set()

            two.services.spaces.on_change(heard)
            await one.services.spaces.change(
                SPACE, SettingsUpdate(morning="07:30"), can_manage=True
            )
            await asyncio.wait_for(seen.wait(), WITHIN)
            assert (await two.services.spaces.settings(SPACE)).morning_time == dt.time(7, 30)
            jobs = {job.kind.value: job for job in two.scheduler.jobs()}
            assert jobs["morning"].next_run is not None


async def test_an_accepted_suggestion_in_one_process_is_found_by_the_other(
    tmp_path, small_content, monkeypatch
):
    async with throwaway_schema() as (url, schema):
        one, two = two_processes(with_schema(url, schema), tmp_path, small_content)
        async with one, two:
            key = (await one.services.spaces.settings(SPACE)).key
            layers = one.services.journal.team_glossary
            author = UserRef("discord", "111", "민지")
            now = dt.datetime.now(dt.UTC)
            await layers.suggest(key, author, now.date(), [TermRow("레플리카셋", "복제")], now)
            (pending,) = await layers.pending(key)
            assert not two.services.glossary.lookup("레플리카셋", space=key).found

            reloaded = asyncio.Event()
            load = two.services.journal.load_glossary_layers

            async def load_and_tell():
                count = await load()
                reloaded.set()
                return count

            monkeypatch.setattr(two.services.journal, "load_glossary_layers", load_and_tell)
            await one.services.journal.accept_suggestion(SPACE, pending.id, can_manage=True)
            await asyncio.wait_for(reloaded.wait(), WITHIN)
            assert two.services.glossary.lookup("레플리카셋", space=key).found
