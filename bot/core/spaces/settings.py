"""Space settings: the values, their defaults and validated updates to them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.core.errors import CloseBeforeOpenError, InvalidSettingError, UnknownSettingError
from bot.core.models import SpaceRef
from bot.core.spaces.parsing import (
    WEEKDAYS,
    parse_date,
    parse_days,
    parse_enabled,
    parse_locale,
    parse_time,
    parse_timezone,
)

_CLEAR = frozenset({"none", "-", "없음", ""})
_ALIASES = {
    "tz": "timezone",
    "close": "quiz_close",
    "study_days": "days",
    "channel_id": "channel",
    "mentions": "mention_reminders",
    "mention": "mention_reminders",
}


def space_key(space: SpaceRef) -> str:
    """The one string that names a space in storage: ``<platform>:<id>``."""
    return f"{space.platform}:{space.id}"


@dataclass(frozen=True, slots=True)
class SpaceSettings:
    """How one team studies: where and when the daily posts go."""

    space: SpaceRef
    started_on: dt.date
    channel_id: str | None = None
    timezone: str = "Asia/Seoul"
    morning_time: dt.time = dt.time(9)
    quiz_time: dt.time = dt.time(13)
    quiz_close_time: dt.time = dt.time(18)
    retro_time: dt.time = dt.time(21)
    study_days: tuple[int, ...] = WEEKDAYS
    enabled: bool = True
    locale: str = "ko"
    # Whether the retro reminder may ping the members it lists; off, it names them in plain text.
    mention_reminders: bool = False

    @property
    def key(self) -> str:
        return space_key(self.space)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


# The template's own space and start date are placeholders; for_space replaces both.
_TEMPLATE_SPACE = SpaceRef("defaults", "template")
_TEMPLATE_START = dt.date(2000, 1, 1)
_ENV_NAMES = {
    "CHANNEL_ID": "channel",
    "TIMEZONE": "timezone",
    "MORNING_TIME": "morning",
    "QUIZ_TIME": "quiz",
    "QUIZ_CLOSE_TIME": "quiz_close",
    "RETRO_TIME": "retro",
    "STUDY_DAYS": "days",
    "DAILY_ENABLED": "enabled",
    "LOCALE": "locale",
    "MENTION_REMINDERS": "mention_reminders",
}


@dataclass(frozen=True, slots=True)
class SpaceDefaults:
    """Settings a new space starts with: a template SpaceSettings, filled from the environment."""

    template: SpaceSettings = SpaceSettings(_TEMPLATE_SPACE, _TEMPLATE_START)

    @classmethod
    def of(cls, **preferences: object) -> SpaceDefaults:
        """Defaults with some preferences set, e.g. ``SpaceDefaults.of(channel_id="42")``."""
        template = SpaceSettings(_TEMPLATE_SPACE, _TEMPLATE_START)
        return cls(dataclasses.replace(template, **preferences))  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, env: Mapping[str, str], prefix: str = "STUDYBOT_") -> SpaceDefaults:
        """Read ``STUDYBOT_TIMEZONE``, ``…_MORNING_TIME``, ``…_STUDY_DAYS`` and friends."""
        pairs = {opt: env[prefix + var] for var, opt in _ENV_NAMES.items() if prefix + var in env}
        return cls(SettingsUpdate.from_pairs(pairs).apply(cls().template))

    def for_space(self, space: SpaceRef, today: dt.date) -> SpaceSettings:
        return dataclasses.replace(self.template, space=space, started_on=today)


@dataclass(frozen=True, slots=True)
class SettingsUpdate:
    """Raw option values from a settings command; ``None`` leaves a setting as it is."""

    channel: str | None = None
    timezone: str | None = None
    morning: str | None = None
    quiz: str | None = None
    quiz_close: str | None = None
    retro: str | None = None
    days: str | None = None
    enabled: str | bool | None = None
    start: str | None = None
    locale: str | None = None
    mention_reminders: str | bool | None = None

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, str]) -> SettingsUpdate:
        """Build from ``name=value`` pairs (the console's ``/settings quiz=14:00``)."""
        known = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, str] = {}
        for raw, value in pairs.items():
            name = raw.strip().lower().replace("-", "_")
            name = _ALIASES.get(name, name)
            if name not in known:
                raise UnknownSettingError(name=raw, known=", ".join(sorted(known)))
            values[name] = value
        return cls(**values)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in dataclasses.fields(self))

    def apply(self, current: SpaceSettings) -> SpaceSettings:
        """The settings after this update, every value validated; raises on the first bad one."""
        changes: dict[str, object] = {}
        if self.channel is not None:
            channel = self.channel.strip()
            changes["channel_id"] = None if channel.lower() in _CLEAR else channel
        parsers: dict[str, tuple[str, Callable[[str], object]]] = {
            "timezone": ("timezone", parse_timezone),
            "morning": ("morning_time", parse_time),
            "quiz": ("quiz_time", parse_time),
            "quiz_close": ("quiz_close_time", parse_time),
            "retro": ("retro_time", parse_time),
            "days": ("study_days", parse_days),
            "start": ("started_on", parse_date),
            "locale": ("locale", parse_locale),
        }
        for option, (field, parser) in parsers.items():
            raw = getattr(self, option)
            if raw is not None:
                changes[field] = parser(raw)
        if self.enabled is not None:
            changes["enabled"] = parse_enabled(self.enabled)
        if self.mention_reminders is not None:
            changes["mention_reminders"] = _on_off("mention_reminders", self.mention_reminders)
        updated = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        if updated.quiz_close_time <= updated.quiz_time:
            raise CloseBeforeOpenError(
                open=updated.quiz_time.strftime("%H:%M"),
                close=updated.quiz_close_time.strftime("%H:%M"),
            )
        return updated


def _on_off(name: str, value: str | bool) -> bool:
    try:
        return parse_enabled(value)
    except InvalidSettingError:
        raise InvalidSettingError(name=name, value=value) from None
