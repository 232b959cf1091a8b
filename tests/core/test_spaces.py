import datetime as dt

import pytest

from bot.core.errors import (
    CloseBeforeOpenError,
    InvalidDateError,
    InvalidDaysError,
    InvalidSettingError,
    InvalidTimeError,
    InvalidTimezoneError,
    PermissionDeniedError,
    UnknownSettingError,
)
from bot.core.i18n import t
from bot.core.replies import Tone
from bot.core.spaces import (
    SettingsUpdate,
    SpaceDefaults,
    SpaceService,
    parse_days,
    parse_time,
    parse_timezone,
)
from bot.core.spaces.parsing import suggest_timezones
from tests.core.fakes import SPACE, FixedClock, InMemorySpaceRepository, at


def service(now=None, defaults=None):
    clock = FixedClock(now or at("Asia/Seoul", 2024, 3, 4, 8, 0))
    repo = InMemorySpaceRepository()
    return SpaceService(repo, clock, defaults), repo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("Mon - Fri", (0, 1, 2, 3, 4)),
        ("월,수,금", (0, 2, 4)),
        ("월, 수, 금", (0, 2, 4)),
        ("월수금", (0, 2, 4)),
        ("월-금", (0, 1, 2, 3, 4)),
        ("평일", (0, 1, 2, 3, 4)),
        ("weekdays", (0, 1, 2, 3, 4)),
        ("매일", (0, 1, 2, 3, 4, 5, 6)),
        ("sat,sun", (5, 6)),
        ("fri-mon", (0, 4, 5, 6)),
        ("monday wednesday", (0, 2)),
        ("화요일,목요일", (1, 3)),
        ("tue~thu", (1, 2, 3)),
    ],
)
def test_study_days_are_parsed_from_english_and_korean(text, expected):
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "funday", "mon-funday", "월화x", "1-5"])
def test_unreadable_study_days_are_refused(text):
    with pytest.raises(InvalidDaysError):
        parse_days(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", dt.time(9)),
        ("09:05", dt.time(9, 5)),
        ("23:59", dt.time(23, 59)),
        ("0:00", dt.time()),
    ],
)
def test_times_are_read_as_24_hour_hh_mm(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9", "09:60", "9am", "", "09:00:00", "-1:00"])
def test_bad_times_are_refused(text):
    with pytest.raises(InvalidTimeError):
        parse_time(text)


def test_only_real_iana_zones_are_accepted():
    assert parse_timezone(" Europe/Berlin ") == "Europe/Berlin"
    for bad in ["KST", "Mars/Olympus", "../../etc/passwd", "", "+09:00"]:
        with pytest.raises(InvalidTimezoneError):
            parse_timezone(bad)


async def test_a_new_space_gets_the_defaults_and_starts_today_in_its_timezone():
    # 16:30 UTC on Sunday is already Monday in Seoul.
    spaces, _ = service(now=dt.datetime(2024, 3, 3, 16, 30, tzinfo=dt.UTC))
    settings = await spaces.settings(SPACE)
    assert settings.timezone == "Asia/Seoul"
    assert settings.morning_time == dt.time(9)
    assert (settings.quiz_time, settings.quiz_close_time) == (dt.time(13), dt.time(18))
    assert settings.retro_time == dt.time(21)
    assert settings.study_days == (0, 1, 2, 3, 4)
    assert settings.enabled is True
    assert settings.channel_id is None
    assert settings.started_on == dt.date(2024, 3, 4)


async def test_show_lists_every_setting():
    spaces, _ = service()
    reply = await spaces.show(SPACE, "en")
    values = {f.name: f.value for f in reply.fields}
    assert values["Time zone"] == "Asia/Seoul"
    assert values["Morning post"] == "09:00"
    assert values["Quiz closes"] == "18:00"
    assert values["Study days"] == "Mon, Tue, Wed, Thu, Fri"
    assert reply.ephemeral


async def test_members_without_manage_permission_cannot_change_settings():
    spaces, repo = service()
    await spaces.settings(SPACE)
    with pytest.raises(PermissionDeniedError):
        await spaces.change(SPACE, SettingsUpdate(quiz="14:00"), can_manage=False)
    assert (await repo.get(SPACE)).quiz_time == dt.time(13)


async def test_a_manager_change_is_validated_saved_and_announced_to_listeners():
    spaces, repo = service()
    heard = []

    async def listener(settings):
        heard.append(settings)

    spaces.on_change(listener)
    update = SettingsUpdate(
        channel="123", timezone="Europe/Berlin", quiz="14:00", quiz_close="17:30", days="월,수,금"
    )
    created = await spaces.settings(SPACE)
    reply = await spaces.change(SPACE, update, can_manage=True)
    stored = await repo.get(SPACE)
    assert stored.channel_id == "123"
    assert stored.timezone == "Europe/Berlin"
    assert (stored.quiz_time, stored.quiz_close_time) == (dt.time(14), dt.time(17, 30))
    assert stored.study_days == (0, 2, 4)
    assert heard == [created, stored]  # a new space is announced too, so it gets its jobs
    assert reply.tone is Tone.SUCCESS
    assert reply.title == t("settings.saved", "ko")


@pytest.mark.parametrize(
    "update",
    [
        SettingsUpdate(quiz_close="12:00"),
        SettingsUpdate(quiz_close="13:00"),
        SettingsUpdate(quiz="19:00"),
    ],
)
async def test_the_quiz_must_close_after_it_opens(update):
    spaces, repo = service()
    with pytest.raises(CloseBeforeOpenError):
        await spaces.change(SPACE, update, can_manage=True)
    assert (await repo.get(SPACE)).quiz_close_time == dt.time(18)


@pytest.mark.parametrize(
    ("update", "error"),
    [
        (SettingsUpdate(timezone="Seoul"), InvalidTimezoneError),
        (SettingsUpdate(morning="9시"), InvalidTimeError),
        (SettingsUpdate(days="someday"), InvalidDaysError),
        (SettingsUpdate(enabled="maybe"), InvalidSettingError),
        (SettingsUpdate(start="next monday"), InvalidDateError),
        (SettingsUpdate(locale="fr"), InvalidSettingError),
    ],
)
async def test_invalid_values_are_refused_and_nothing_changes(update, error):
    spaces, repo = service()
    before = await spaces.settings(SPACE)
    with pytest.raises(error):
        await spaces.change(SPACE, update, can_manage=True)
    assert await repo.get(SPACE) == before


async def test_enabled_channel_clear_and_start_date_can_be_changed():
    spaces, repo = service()
    await spaces.change(SPACE, SettingsUpdate(channel="c1"), can_manage=True)
    update = SettingsUpdate(channel="none", enabled="끄기", start="2024-03-11")
    await spaces.change(SPACE, update, can_manage=True)
    stored = await repo.get(SPACE)
    assert stored.channel_id is None
    assert stored.enabled is False
    assert stored.started_on == dt.date(2024, 3, 11)


def test_settings_can_be_given_as_name_value_pairs():
    update = SettingsUpdate.from_pairs({"tz": "UTC", "close": "19:00", "quiz-close": "19:00"})
    assert update == SettingsUpdate(timezone="UTC", quiz_close="19:00")
    with pytest.raises(UnknownSettingError):
        SettingsUpdate.from_pairs({"colour": "blue"})


def test_defaults_are_read_from_the_environment():
    defaults = SpaceDefaults.from_env(
        {
            "STUDYBOT_TIMEZONE": "Europe/Berlin",
            "STUDYBOT_STUDY_DAYS": "월,수,금",
            "STUDYBOT_MORNING_TIME": "08:30",
            "STUDYBOT_CHANNEL_ID": "42",
            "UNRELATED": "x",
        }
    )
    assert defaults.template.timezone == "Europe/Berlin"
    assert defaults.template.study_days == (0, 2, 4)
    assert defaults.template.morning_time == dt.time(8, 30)
    assert defaults.template.channel_id == "42"
    assert defaults.template.quiz_time == dt.time(13)
    with pytest.raises(InvalidTimezoneError):
        SpaceDefaults.from_env({"STUDYBOT_TIMEZONE": "KST"})


async def test_a_new_space_is_announced_once_so_it_gets_its_jobs():
    spaces, _ = service()
    heard = []

    async def listener(settings):
        heard.append(settings.key)

    spaces.on_change(listener)
    await spaces.settings(SPACE)
    await spaces.settings(SPACE)
    assert heard == [f"{SPACE.platform}:{SPACE.id}"]


async def test_an_empty_change_only_shows_the_settings():
    spaces, _ = service()
    heard = []

    async def listener(settings):
        heard.append(settings)

    await spaces.settings(SPACE)
    spaces.on_change(listener)
    reply = await spaces.change(SPACE, SettingsUpdate(), can_manage=True)
    assert heard == []
    assert reply.title == t("settings.title", "ko")


async def test_settings_are_read_from_storage_once_and_changes_are_seen_at_once():
    spaces, repo = service()
    reads = []
    original_get = repo.get

    async def counting_get(space):
        reads.append(space)
        return await original_get(space)

    repo.get = counting_get
    await spaces.settings(SPACE)
    await spaces.settings(SPACE)
    await spaces.change(SPACE, SettingsUpdate(quiz="14:00"), can_manage=True)
    assert (await spaces.settings(SPACE)).quiz_time == dt.time(14)
    assert len(reads) == 1


def test_timezone_suggestions_put_seoul_first_then_names_starting_with_the_text():
    assert suggest_timezones("se", limit=3)[0] == "Asia/Seoul"
    assert suggest_timezones("berl") == ["Europe/Berlin"]
    assert all("new" in zone.casefold() for zone in suggest_timezones("new"))
    assert len(suggest_timezones("", limit=25)) == 25
