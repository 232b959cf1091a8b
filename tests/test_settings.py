"""Settings: read from the environment, blank values mean unset, the token never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_API_BASE, Settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_IDS", "STUDYBOT_CONTENT_DIR", "STUDYBOT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


def test_without_a_token_the_platform_is_the_console():
    settings = Settings()
    assert settings.platform == "console"
    assert settings.discord_api_base == DEFAULT_API_BASE
    assert settings.data_dir == Path("data")


def test_a_token_selects_discord_and_is_never_printed(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "secret-token-value")
    settings = Settings()
    assert settings.platform == "discord"
    assert "secret-token-value" not in repr(settings)
    assert "secret-token-value" not in str(settings.model_dump())


def test_guild_ids_are_comma_separated(monkeypatch):
    monkeypatch.setenv("DISCORD_GUILD_IDS", "123, 456,")
    assert Settings().discord_guild_ids == (123, 456)


def test_blank_values_from_env_example_mean_unset(monkeypatch):
    monkeypatch.setenv("DISCORD_TOKEN", "  ")
    monkeypatch.setenv("STUDYBOT_CONTENT_DIR", "")
    settings = Settings()
    assert settings.discord_token is None
    assert settings.content_dir is None


def test_dotenv_file_is_read(tmp_path):
    (tmp_path / ".env").write_text("STUDYBOT_DATA_DIR=/srv/bot\nSTUDYBOT_LOCALE=en\n")
    settings = Settings()
    assert settings.data_dir == Path("/srv/bot")
    assert settings.locale == "en"


def test_env_example_lists_every_setting():
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    keys = {line.split("=")[0] for line in example.splitlines() if "=" in line and line[0] != "#"}
    aliases = {str(f.validation_alias.choices[0]) for f in Settings.model_fields.values()}
    assert aliases == keys
