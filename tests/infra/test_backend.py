import datetime as dt
from pathlib import Path

import pytest

from bot.core.models import SpaceRef
from bot.core.shards import ShardPlan
from bot.core.spaces import SpaceSettings
from bot.infra.backend import DatabaseUrl, DatabaseUrlError, ScheduledSpaces, parse_database_url
from bot.settings import Settings
from tests.core.fakes import InMemorySpaceRepository

DATA = Path("/srv/data")


def test_unset_or_blank_is_studybot_sqlite3_in_the_data_dir():
    for text in (None, "", "  "):
        assert parse_database_url(text, DATA) == DatabaseUrl(
            "sqlite", path=DATA / "studybot.sqlite3"
        )


def test_three_slashes_are_relative_to_the_data_dir_and_four_are_absolute():
    assert parse_database_url("sqlite:///team.sqlite3", DATA).path == DATA / "team.sqlite3"
    assert parse_database_url("sqlite:////var/lib/bot.sqlite3", DATA).path == Path(
        "/var/lib/bot.sqlite3"
    )


def test_both_postgres_schemes_name_a_server():
    for scheme in ("postgresql", "postgres", "PostgreSQL"):
        url = parse_database_url(f"{scheme}://bot:secret@db:5432/studybot", DATA)
        assert url.kind == "postgresql"
        assert url.dsn == f"{scheme}://bot:secret@db:5432/studybot"


def test_a_postgres_url_is_shown_without_its_password():
    url = parse_database_url("postgresql://bot:secret@db:5432/studybot", DATA)
    assert str(url) == "postgresql://bot@db:5432/studybot"
    assert "secret" not in str(url)


@pytest.mark.parametrize(
    "text", ["mysql://db/x", "studybot.sqlite3", "sqlite://relative", "sqlite:///", "postgres://"]
)
def test_an_unusable_url_is_refused_with_the_forms_that_work(text):
    with pytest.raises(DatabaseUrlError) as caught:
        parse_database_url(text, DATA)
    assert text in str(caught.value)
    assert "sqlite:///" in str(caught.value) or "postgresql://" in str(caught.value)


def test_the_setting_reads_studybot_database_url(monkeypatch):
    monkeypatch.setenv("STUDYBOT_DATABASE_URL", "postgres://db/x")
    assert Settings(_env_file=None).database_url == "postgres://db/x"
    monkeypatch.setenv("STUDYBOT_DATABASE_URL", " ")
    assert Settings(_env_file=None).database_url is None


async def test_a_process_schedules_only_its_shards_guilds_but_reads_any_space():
    repo = InMemorySpaceRepository()
    day = dt.date(2024, 3, 4)
    guilds = [SpaceRef("discord", str(n << 22)) for n in range(6)]
    for space in [*guilds, SpaceRef("console", "local")]:
        await repo.add(SpaceSettings(space, day))
    first = ScheduledSpaces(repo, ShardPlan.from_settings(2, "0"))
    second = ScheduledSpaces(repo, ShardPlan.from_settings(2, "1"))
    assert {s.space for s in await first.all()} == {*guilds[::2], SpaceRef("console", "local")}
    assert {s.space for s in await second.all()} == set(guilds[1::2])
    assert await second.get(guilds[0]) is not None  # an interaction after a reshard still works
