"""The one button and form id format every face uses: ``<feature>:<action>:<arg>``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Self

# Discord caps a custom id at 100 characters and Slack an action id at 255; the smaller wins.
MAX_ID = 100
PATTERN = re.compile(r"(?P<feature>[a-z][a-z0-9_-]*):(?P<action>[a-z][a-z0-9_-]*):(?P<arg>.+)")


@dataclass(frozen=True, slots=True)
class ActionId:
    """What a button or form says when it comes back: which feature, which action, about what."""

    feature: str
    action: str
    arg: str

    @property
    def route(self) -> str:
        """The ``feature:action`` key a handler is registered under."""
        return f"{self.feature}:{self.action}"

    def format(self) -> str:
        """The id as sent to a platform; ValueError when it would not come back whole."""
        text = f"{self.feature}:{self.action}:{self.arg}"
        if len(text) > MAX_ID or PATTERN.fullmatch(text) is None:
            raise ValueError(f"not a valid action id: {text[:MAX_ID]!r}")
        return text

    @classmethod
    def parse(cls, text: str) -> Self | None:
        """The id in ``text``, or None for anything this version does not write (or a forgery)."""
        if len(text) > MAX_ID:
            return None
        match = PATTERN.fullmatch(text)
        if match is None:
            return None
        return cls(match["feature"], match["action"], match["arg"])


def action_id(feature: str, action: str, arg: object) -> str:
    """``feature:action:arg`` as a string, checked."""
    return ActionId(feature, action, str(arg)).format()


def fits(text: str) -> bool:
    """Whether ``text`` is an id every platform accepts and this version can read."""
    return ActionId.parse(text) is not None
