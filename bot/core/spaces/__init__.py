"""Spaces: a team's settings (channel, timezone, schedule, study days) and the service for them."""

from bot.core.spaces.parsing import (
    EVERY_DAY,
    WEEKDAYS,
    parse_date,
    parse_days,
    parse_enabled,
    parse_locale,
    parse_time,
    parse_timezone,
)
from bot.core.spaces.service import Listener, SpaceService, day_names, render_settings
from bot.core.spaces.settings import SettingsUpdate, SpaceDefaults, SpaceSettings, space_key

__all__ = [
    "EVERY_DAY",
    "WEEKDAYS",
    "Listener",
    "SettingsUpdate",
    "SpaceDefaults",
    "SpaceService",
    "SpaceSettings",
    "day_names",
    "parse_date",
    "parse_days",
    "parse_enabled",
    "parse_locale",
    "parse_time",
    "parse_timezone",
    "render_settings",
    "space_key",
]
