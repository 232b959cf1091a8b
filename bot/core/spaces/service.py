"""The settings service: creates spaces with defaults, shows and changes their settings."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.core.errors import PermissionDeniedError
from bot.core.i18n import t
from bot.core.replies import Reply, ReplyField, Tone, safe
from bot.core.schedule import local_date
from bot.core.spaces.settings import SettingsUpdate, SpaceDefaults, SpaceSettings, space_key

if TYPE_CHECKING:
    from bot.core.models import SpaceRef
    from bot.core.ports import Clock, SpaceRepository

log = logging.getLogger(__name__)

Listener = Callable[[SpaceSettings], Awaitable[None]]


def day_names(days: tuple[int, ...], locale: str | None) -> str:
    names = t("days.names", locale).split(",")
    return ", ".join(names[d] for d in days) if days else t("settings.days.none", locale)


class SpaceService:
    """Creates spaces with defaults, shows their settings and changes them for managers."""

    def __init__(
        self, repo: SpaceRepository, clock: Clock, defaults: SpaceDefaults | None = None
    ) -> None:
        self._repo = repo
        self._clock = clock
        self._defaults = defaults or SpaceDefaults()
        self._listeners: list[Listener] = []
        # Every command reads its space's settings, and only this service writes them, so
        # they are kept in memory once read (another process's change arrives via refresh).
        self._known: dict[str, SpaceSettings] = {}

    def on_change(self, listener: Listener) -> None:
        """Call ``listener`` after every saved change (the scheduler rebuilds its jobs)."""
        self._listeners.append(listener)

    async def settings(self, space: SpaceRef) -> SpaceSettings:
        """The space's settings, creating them from the defaults on first use."""
        known = self._known.get(space_key(space))
        if known is not None:
            return known
        found = await self._repo.get(space)
        if found is not None:
            self._known[found.key] = found
            return found
        today = local_date(self._clock.now(), self._defaults.template.tz)
        created = await self._repo.add(self._defaults.for_space(space, today))
        self._known[created.key] = created
        # A new space needs its jobs now, not after the next restart or settings change.
        await self._notify(created)
        return created

    async def all(self) -> list[SpaceSettings]:
        return await self._repo.all()

    async def refresh(self, space: SpaceRef) -> None:
        """Re-read a space that another process changed; tell the listeners if it differs."""
        found = await self._repo.get(space)
        if found is None or self._known.get(found.key) == found:
            return
        self._known[found.key] = found
        await self._notify(found)

    async def _notify(self, settings: SpaceSettings) -> None:
        for listener in self._listeners:
            await listener(settings)

    async def show(self, space: SpaceRef, locale: str | None = None) -> Reply:
        """Answer ``/settings`` without options."""
        settings = await self.settings(space)
        return render_settings(settings, locale or settings.locale)

    async def change(
        self,
        space: SpaceRef,
        update: SettingsUpdate,
        *,
        can_manage: bool,
        locale: str | None = None,
    ) -> Reply:
        """Validate and save ``update``; only members who may manage the space can do this."""
        if not can_manage:
            raise PermissionDeniedError()
        current = await self.settings(space)
        if update.is_empty():
            return render_settings(current, locale or current.locale)
        updated = update.apply(current)
        changed = _changed_fields(current, updated)
        if changed:  # the same values again are no change: nothing to save or reschedule
            await self._repo.save(updated)
            self._known[updated.key] = updated
            await self._notify(updated)
            log.info("settings of %s changed: %s", updated.key, ", ".join(changed))
        reply = render_settings(updated, locale or updated.locale)
        return dataclasses.replace(
            reply, title=t("settings.saved", locale or updated.locale), tone=Tone.SUCCESS
        )


def _changed_fields(before: SpaceSettings, after: SpaceSettings) -> list[str]:
    """``name: old → new`` for each setting that differs, for one readable log line."""
    return [
        f"{f.name}: {getattr(before, f.name)} → {getattr(after, f.name)}"
        for f in dataclasses.fields(before)
        if getattr(before, f.name) != getattr(after, f.name)
    ]


# Channel ids that chat platforms render as a channel link from ``<#id>`` (a link pings nobody).
_CHANNEL_IDS = {"discord": re.compile(r"\d{1,20}"), "slack": re.compile(r"[CG][A-Z0-9]{2,20}")}


def channel_label(s: SpaceSettings, locale: str | None) -> str:
    """The study channel as its platform shows a channel (``<#id>`` → #study), else as text."""
    if s.channel_id is None:
        return t("settings.channel.none", locale)
    pattern = _CHANNEL_IDS.get(s.space.platform)
    if pattern is not None and pattern.fullmatch(s.channel_id):
        return f"<#{s.channel_id}>"
    return safe(s.channel_id, 200)


def render_settings(s: SpaceSettings, locale: str | None) -> Reply:
    """The settings card."""
    hhmm = "%H:%M"
    on_off = t("settings.on", locale) if s.enabled else t("settings.off", locale)
    rows = (
        ("settings.channel", channel_label(s, locale)),
        ("settings.timezone", s.timezone),
        ("settings.morning", s.morning_time.strftime(hhmm)),
        ("settings.quiz", s.quiz_time.strftime(hhmm)),
        ("settings.quiz_close", s.quiz_close_time.strftime(hhmm)),
        ("settings.retro", s.retro_time.strftime(hhmm)),
        ("settings.days", day_names(s.study_days, locale)),
        ("settings.enabled", on_off),
        ("settings.start", s.started_on.isoformat()),
        ("settings.locale", s.locale),
        ("settings.mentions", t("settings.on" if s.mention_reminders else "settings.off", locale)),
    )
    return Reply(
        title=t("settings.title", locale),
        fields=tuple(
            ReplyField(
                t(key, locale), value if key == "settings.channel" else safe(value, 200), True
            )
            for key, value in rows
        ),
        footer=t("settings.footer", locale),
        ephemeral=True,
    )
