"""The real clock: the system time as an aware UTC datetime."""

from __future__ import annotations

import datetime as dt


class SystemClock:
    """Implements the Clock port with the operating system's time."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class StartedClock:
    """A clock that starts at a given instant and runs on (``run --at``).

    Operators and end-to-end checks use it to see tomorrow, or a review due in 30 days, today.
    """

    def __init__(self, start: dt.datetime) -> None:
        self._offset = start.astimezone(dt.UTC) - dt.datetime.now(dt.UTC)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self._offset
