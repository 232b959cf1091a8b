"""Slack members as the core's Actor: locale and rights from ``users.info``, cached."""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.text import error_code
from bot.core.i18n import Locale, normalize_locale
from bot.core.interaction.actor import Actor
from bot.core.models import SpaceRef, UserRef

log = logging.getLogger(__name__)

PLATFORM = "slack"
_CACHE_SIZE = 5000


@dataclass(frozen=True, slots=True)
class Member:
    """What the bot keeps of a member: name, language and whether they manage the workspace."""

    name: str
    locale: Locale
    admin: bool
    timezone: str = ""


class Members:
    """``users.info`` (``include_locale``) once per member; managers also by configured id."""

    def __init__(
        self, client: AsyncWebClient, managers: Collection[str], default_locale: Locale
    ) -> None:
        self._client = client
        self._managers = frozenset(managers)
        self._default = default_locale
        self._known: dict[str, Member] = {}

    async def member(self, user_id: str) -> Member:
        known = self._known.get(user_id)
        if known is not None:
            return known
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
            user: Mapping[str, Any] = response.get("user") or {}
        except SlackApiError as error:
            log.warning("users.info for %s failed: %s", user_id, error_code(error))
            return Member(user_id, self._default, admin=False)
        member = _member(user, self._default)
        if len(self._known) >= _CACHE_SIZE:
            self._known.clear()
        self._known[user_id] = member
        return member

    async def actor(
        self, team: str | None, user_id: str, channel: str | None, request: str = ""
    ) -> Actor:
        """The member acting in team ``team`` (the space ``slack:<team>``), from ``channel``."""
        member = await self.member(user_id)
        return Actor(
            member=UserRef(PLATFORM, user_id, member.name),
            locale=member.locale,
            space=SpaceRef(PLATFORM, team) if team else None,
            can_manage=member.admin or user_id in self._managers,
            channel=channel,
            request=request,
        )


def _member(user: Mapping[str, Any], default: Locale) -> Member:
    profile = user.get("profile") or {}
    name = profile.get("display_name") or profile.get("real_name") or user.get("name") or "?"
    locale = user.get("locale")
    return Member(
        name=str(name),
        locale=normalize_locale(locale) if isinstance(locale, str) else default,
        admin=bool(user.get("is_admin") or user.get("is_owner")),
        timezone=str(user.get("tz") or ""),
    )
