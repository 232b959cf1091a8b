"""Which faces start: Slack joins when both of its tokens are set, beside Discord."""

from __future__ import annotations

from bot.faces import FACES, chosen
from bot.settings import Settings


def _settings(**values: str) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_slack_runs_when_both_tokens_are_set():
    settings = _settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1")
    assert settings.platforms == ("slack",)
    assert [face.name for face in chosen(settings)] == ["slack"]


def test_slack_and_discord_run_together():
    settings = _settings(discord_token="d", slack_bot_token="xoxb-1", slack_app_token="xapp-1")
    assert settings.platforms == ("discord", "slack")


def test_one_slack_token_alone_starts_no_slack_face():
    assert _settings(slack_bot_token="xoxb-1").platforms == ("console",)
    assert _settings(slack_app_token="xapp-1").platforms == ("console",)


def test_the_slack_face_is_registered():
    assert FACES["slack"].name == "slack"
