"""/log shows an entry's saved versions; the private option says where the card appears."""

import datetime as dt

import pytest

from bot.core.errors import InvalidDateError, NotOwnerError
from bot.core.i18n import t
from bot.core.journal import RetroForm
from bot.core.journal.periods import split_versions
from bot.core.models import UserRef
from bot.infra.db import Database
from bot.infra.journal_repository import SqliteJournalRepository
from tests.core.fakes import SPACE, at, make_journal

MINJI = UserRef("discord", "111", "민지")
JUNHO = UserRef("discord", "222", "준호")


@pytest.mark.parametrize(
    ("when", "versions", "rest"),
    [
        ("기록", True, ""),
        ("지난주 기록", True, "지난주"),
        ("2024-03-04 versions", True, "2024-03-04"),
        ("이번 주", False, "이번 주"),
        (None, False, ""),
    ],
)
def test_a_versions_word_is_split_from_the_period(when, versions, rest):
    assert split_versions(when) == (versions, rest)


async def _edited_three_times():
    js = make_journal(at("Asia/Seoul", 2024, 3, 4, 21))
    for reflection in ("첫 회고", "고친 회고", "마지막 회고"):
        await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection=reflection))
        js.stack.clock.advance(dt.timedelta(minutes=5))
    return js


async def test_log_with_the_versions_word_shows_every_saved_version_newest_first():
    js = await _edited_three_times()
    reply = await js.journal.log(SPACE, MINJI, when="2024-03-04 기록")
    assert reply.ephemeral
    assert [f.value for f in reply.fields] == ["마지막 회고", "고친 회고", "첫 회고"]
    assert "버전 3 (지금)" in reply.fields[0].name
    assert "버전 1" in reply.fields[2].name
    assert reply.body == t("journal.versions.body", "ko", entries=1, versions=2)


async def test_log_without_the_versions_word_is_unchanged():
    js = await _edited_three_times()
    reply = await js.journal.log(SPACE, MINJI, when="2024-03-04")
    assert len(reply.fields) == 1
    assert "마지막 회고" in reply.fields[0].value


async def test_a_teammates_versions_are_refused_even_for_a_public_entry():
    js = await _edited_three_times()
    with pytest.raises(NotOwnerError):
        await js.journal.log(SPACE, JUNHO, member=MINJI, when="기록")


async def test_an_unreadable_period_with_the_versions_word_is_still_an_error():
    js = await _edited_three_times()
    with pytest.raises(InvalidDateError):
        await js.journal.log(SPACE, MINJI, when="언젠가 기록")


@pytest.mark.parametrize("key", ["command.scrum.private", "command.retro.private"])
@pytest.mark.parametrize("locale", ["ko", "en"])
def test_private_option_says_the_card_appears_where_the_command_was_typed(key, locale):
    text = t(key, locale)
    assert "study channel" not in text
    assert "스터디 채널" not in text
    assert ("입력한 채널" if locale == "ko" else "where you type") in text
    assert len(text) <= 100  # Discord's limit for an option description


# --- making an entry private later --------------------------------------------------------


@pytest.fixture(params=["memory", "sqlite"])
async def repo(request, tmp_path):
    if request.param == "memory":
        yield None  # make_journal's in-memory fake
        return
    database = await Database.open(tmp_path / "bot.sqlite3")
    yield SqliteJournalRepository(database)
    await database.close()


async def test_making_a_public_entry_private_gives_the_stub_for_its_earlier_card(repo):
    js = make_journal(at("Asia/Seoul", 2024, 3, 4, 21), repo=repo)
    form = RetroForm(reflection="공개로 쓴 회고")
    first = await js.journal.save_retro(SPACE, MINJI, form)
    assert first.withdrawn is None
    private = await js.journal.save_retro(SPACE, MINJI, form, public=False)
    stub = private.withdrawn
    assert stub is not None
    assert not stub.ephemeral  # it replaces a card everyone saw
    assert stub.title == private.reply.title
    assert "공개로 쓴 회고" not in stub.body
    assert stub.fields == ()
    assert stub.buttons == ()
    assert stub.body == t("journal.withdrawn", "ko")


async def test_saving_a_private_entry_again_or_a_new_private_one_withdraws_nothing():
    js = make_journal(at("Asia/Seoul", 2024, 3, 4, 21))
    saved = await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="a"), public=False)
    assert saved.withdrawn is None
    again = await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="b"), public=False)
    assert again.withdrawn is None
