"""Parsers for settings values: 24-hour times, IANA zones, study days, on/off, dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from zoneinfo import available_timezones

from bot.core.errors import (
    InvalidDateError,
    InvalidDaysError,
    InvalidSettingError,
    InvalidTimeError,
    InvalidTimezoneError,
)

WEEKDAYS: tuple[int, ...] = (0, 1, 2, 3, 4)
EVERY_DAY: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
_DAY_NAMES: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("mon", "monday", "월", "월요일"),
        ("tue", "tues", "tuesday", "화", "화요일"),
        ("wed", "wednesday", "수", "수요일"),
        ("thu", "thur", "thurs", "thursday", "목", "목요일"),
        ("fri", "friday", "금", "금요일"),
        ("sat", "saturday", "토", "토요일"),
        ("sun", "sunday", "일", "일요일"),
    )
):
    _DAY_NAMES.update(dict.fromkeys(_names, _i))
_DAY_GROUPS: dict[str, tuple[int, ...]] = {
    "weekdays": WEEKDAYS,
    "평일": WEEKDAYS,
    "daily": EVERY_DAY,
    "everyday": EVERY_DAY,
    "매일": EVERY_DAY,
    "weekend": (5, 6),
    "weekends": (5, 6),
    "주말": (5, 6),
}
_KO_DAY_CHARS = "월화수목금토일"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_ON = frozenset({"on", "true", "yes", "1", "enable", "enabled", "켜기", "켬", "사용"})
_OFF = frozenset({"off", "false", "no", "0", "disable", "disabled", "끄기", "끔", "중지"})


def parse_time(value: str) -> dt.time:
    """``HH:MM`` (or ``H:MM``) on a 24-hour clock."""
    match = _TIME.match(value.strip())
    if match is None:
        raise InvalidTimeError(value=value)
    return dt.time(int(match.group(1)), int(match.group(2)))


_PREFERRED_ZONES = ("Asia/Seoul", "UTC")


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


@cache
def _zone_set() -> frozenset[str]:
    return frozenset(_zones())


def parse_timezone(value: str) -> str:
    """A real IANA zone name such as ``Asia/Seoul``; abbreviations and offsets are refused."""
    name = value.strip()
    if name not in _zone_set():
        raise InvalidTimezoneError(value=value)
    return name


def suggest_timezones(typed: str, limit: int = 25) -> list[str]:
    """IANA zones containing what was typed; Seoul and UTC first, then names starting with it."""
    needle = typed.strip().casefold()
    found = [zone for zone in _zones() if needle in zone.casefold()]
    found.sort(
        key=lambda zone: (zone not in _PREFERRED_ZONES, not zone.casefold().startswith(needle))
    )
    return found[:limit]


def _parse_day_token(token: str, original: str) -> list[int]:
    if token in _DAY_GROUPS:
        return list(_DAY_GROUPS[token])
    if token in _DAY_NAMES:
        return [_DAY_NAMES[token]]
    if "-" in token or "~" in token:
        first, _, last = token.replace("~", "-").partition("-")
        if first not in _DAY_NAMES or last not in _DAY_NAMES:
            raise InvalidDaysError(value=original)
        start, end = _DAY_NAMES[first], _DAY_NAMES[last]
        return [(start + i) % 7 for i in range((end - start) % 7 + 1)]
    if token and all(ch in _KO_DAY_CHARS for ch in token):
        return [_DAY_NAMES[ch] for ch in token]
    raise InvalidDaysError(value=original)


def parse_days(value: str) -> tuple[int, ...]:
    """Study days from ``mon-fri``, ``월,수,금``, ``월수금``, ``평일`` or ``weekdays`` (Mon = 0)."""
    cleaned = re.sub(r"\s*([-~])\s*", r"\1", value.strip().lower())
    tokens = [tok for tok in re.split(r"[,\s/·]+", cleaned) if tok]
    if not tokens:
        raise InvalidDaysError(value=value)
    days: set[int] = set()
    for token in tokens:
        days.update(_parse_day_token(token, value))
    return tuple(sorted(days))


def parse_enabled(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    word = value.strip().lower()
    if word in _ON:
        return True
    if word in _OFF:
        return False
    raise InvalidSettingError(name="enabled", value=value)


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidDateError(value=value) from None


def parse_locale(value: str) -> str:
    word = value.strip().lower()
    if word in {"ko", "en"}:
        return word
    raise InvalidSettingError(name="locale", value=value)
