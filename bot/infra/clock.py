"""The real clock: the system time as an aware UTC datetime."""

from __future__ import annotations

import datetime as dt


class SystemClock:
    """Implements the Clock port with the operating system's time."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)
