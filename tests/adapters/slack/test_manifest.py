"""The app manifest declares what the Slack face answers, and nothing it does not."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.adapters.slack.shortcuts import FIND_TERMS
from bot.core.glossary import GlossaryService
from bot.core.interaction.setup import build_router
from bot.core.services import Services
from tests.adapters.discord.sample_content import sample_content

MANIFEST = yaml.safe_load(
    (Path(__file__).resolve().parents[3] / "slack" / "manifest.yaml").read_text(encoding="utf-8")
)
# Routes reached another way on Slack: the 용어 찾기 shortcut and App Home.
NOT_SLASH = {"terms", "home"}


def test_every_command_of_the_router_is_a_slash_command_in_the_manifest():
    router = build_router(Services(glossary=GlossaryService(sample_content())))
    declared = {c["command"].lstrip("/") for c in MANIFEST["features"]["slash_commands"]}
    assert declared == set(router.commands) - NOT_SLASH


def test_the_manifest_runs_in_socket_mode_with_home_and_the_shortcut():
    settings, features = MANIFEST["settings"], MANIFEST["features"]
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert "app_home_opened" in settings["event_subscriptions"]["bot_events"]
    assert features["app_home"]["home_tab_enabled"] is True
    assert [s["callback_id"] for s in features["shortcuts"]] == [FIND_TERMS]


def test_the_manifest_asks_for_the_scopes_the_face_uses():
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "files:write", "im:write", "users:read"} <= scopes
