"""`python -m bot export anki`: the glossary as an .apkg, stable note ids, --member filtering."""

import sqlite3
import zipfile

import pytest

from bot.app import Application
from bot.cli import main
from bot.infra.anki import FIELDS, deck_id, note_guid
from bot.infra.content import load_content, shipped_content_dir
from bot.settings import Settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("STUDYBOT_CONTENT_DIR", raising=False)
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path / "data"))


def notes(path, tmp_path):
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path / "unpacked")
    conn = sqlite3.connect(tmp_path / "unpacked" / "collection.anki2")
    try:
        return {
            guid: flds.split("\x1f") for guid, flds in conn.execute("SELECT guid, flds FROM notes")
        }
    finally:
        conn.close()


def test_an_unused_space_exports_the_whole_glossary_to_the_default_file(tmp_path, capsys):
    assert main(["export", "anki", "--space", "console:local"]) == 0
    path = tmp_path / "studybot-console:local.apkg"
    assert str(path) in capsys.readouterr().out
    found = notes(path, tmp_path)
    shipped = load_content(shipped_content_dir()).terms
    assert len(found) == len(shipped)
    pod = found[note_guid("console:local", "pod")]
    assert len(pod) == len(FIELDS)
    assert pod[0] == next(t.term for t in shipped if t.id == "pod")


def test_note_ids_are_stable_across_exports_and_differ_per_space(tmp_path):
    main(["export", "anki", "--space", "console:local", "--out", "a.apkg"])
    main(["export", "anki", "--space", "console:local", "--out", "b.apkg"])
    first = set(notes(tmp_path / "a.apkg", tmp_path / "a"))
    assert first == set(notes(tmp_path / "b.apkg", tmp_path / "b"))
    assert note_guid("console:local", "pod") != note_guid("discord:1", "pod")
    assert deck_id("console:local") == deck_id("console:local") != deck_id("discord:1")


async def test_member_keeps_only_the_terms_they_have_cards_for(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    async with Application(settings, load_content(shipped_content_dir()), "console") as app:
        await app.services.review.add_terms("console:local", "alice", ["pod", "docker"])
        terms = await app.anki_terms("console:local", "alice")
        nobody = await app.anki_terms("console:local", "bob")
    assert sorted(t.id for t in terms) == ["docker", "pod"]
    assert nobody == ()


async def test_export_anki_with_member_through_the_command_line(tmp_path):
    import asyncio

    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    async with Application(settings, load_content(shipped_content_dir()), "console") as app:
        await app.services.review.add_terms("console:local", "alice", ["pod"])
    args = ["export", "anki", "--space", "console:local", "--member", "alice", "--out", "m.apkg"]
    assert await asyncio.to_thread(main, args) == 0
    assert list(notes(tmp_path / "m.apkg", tmp_path)) == [note_guid("console:local", "pod")]
