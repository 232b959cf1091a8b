"""The /scrum and /retro forms as stateless Discord modals, and how their submits are routed.

A modal's whole state is its custom id (``journal:<scrum|retro>:<flags>``) and the values
Discord sends back, so nothing is kept in memory between opening and submitting. discord.py
would keep every sent ``Modal`` in its view store, one per custom id, until it is submitted,
and forget them all on a restart; so each modal is stopped before it is sent (a finished
modal is never stored) and every submit is answered from ``on_interaction``, which discord.py
dispatches for all interactions. Two members with the same form open, a form dismissed
without submitting and a form submitted after a restart all behave the same way.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import discord

from bot.adapters.discord.errors import reply_for_error
from bot.adapters.discord.journal.context import SlowFormError, StaleFormError
from bot.adapters.discord.respond import DEFER_AFTER, deliver, locale_for, log_interaction
from bot.core.i18n import Locale, t
from bot.core.journal import MAX_FIELD_LENGTH, RetroForm
from bot.core.replies import clip

log = logging.getLogger(__name__)

SCRUM_FORM = "journal:scrum"
RETRO_FORM = "journal:retro"
# Discord's limits for a modal title, a label's text and description, and a placeholder.
MAX_TITLE = 45
MAX_LABEL = 45
MAX_HINT = 100
MAX_PLACEHOLDER = 100
_PUBLIC, _PRIVATE = "pub", "prv"

BuildModal = Callable[[Locale], Awaitable[discord.ui.Modal]]
SubmitHandler = Callable[[discord.Interaction[Any], str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class FormFlags:
    """What a form's custom id carries: visibility, and for an edit the entry's day and owner."""

    public: bool = True
    day: dt.date | None = None
    owner_id: str | None = None

    def encode(self) -> str:
        visibility = _PUBLIC if self.public else _PRIVATE
        if self.day is None or self.owner_id is None:
            return visibility
        return f"{visibility}.{self.day.isoformat()}.{self.owner_id}"

    @classmethod
    def decode(cls, text: str) -> FormFlags:
        """The flags of ``text``; StaleFormError when it is not one this version writes."""
        visibility, *rest = text.split(".")
        if visibility not in (_PUBLIC, _PRIVATE) or len(rest) not in (0, 2):
            raise StaleFormError
        if not rest:
            return cls(public=visibility == _PUBLIC)
        day, owner_id = rest
        try:
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            raise StaleFormError from None
        if not owner_id.isdigit():
            raise StaleFormError
        return cls(public=visibility == _PUBLIC, day=parsed, owner_id=owner_id)


def _title(key: str, flags: FormFlags, locale: Locale) -> str:
    title = t(key, locale)
    return clip(f"{title} · {flags.day.isoformat()}" if flags.day else title, MAX_TITLE)


def _field(
    name: str,
    label_key: str,
    locale: Locale,
    *,
    value: str,
    required: bool,
    hint: str | None = None,
    placeholder_key: str | None = None,
) -> discord.ui.Label[discord.ui.Modal]:
    """One paragraph box under a label; its limit is both stated and enforced by Discord."""
    text_input: discord.ui.TextInput[discord.ui.Modal] = discord.ui.TextInput(
        custom_id=name,
        style=discord.TextStyle.paragraph,
        # A reconstructed prefill can come out a little longer than what was typed.
        default=clip(value, MAX_FIELD_LENGTH) or None,
        placeholder=clip(t(placeholder_key, locale), MAX_PLACEHOLDER) if placeholder_key else None,
        required=required,
        max_length=MAX_FIELD_LENGTH,
    )
    description = hint or t("form.limit", locale, limit=MAX_FIELD_LENGTH)
    return discord.ui.Label(
        text=clip(t(label_key, locale), MAX_LABEL),
        description=clip(description, MAX_HINT),
        component=text_input,
    )


def _modal(custom_id: str, title: str, items: Iterable[discord.ui.Item[Any]]) -> discord.ui.Modal:
    modal = discord.ui.Modal(title=title, custom_id=custom_id, timeout=None)
    for item in items:
        modal.add_item(item)
    return modal


def scrum_modal(goals: str, flags: FormFlags, locale: Locale) -> discord.ui.Modal:
    """The /scrum form: one box, one goal per line, prefilled with today's or carried goals."""
    limit = MAX_FIELD_LENGTH
    box = _field(
        "goals",
        "form.scrum.goals",
        locale,
        value=goals,
        required=True,
        hint=t("form.scrum.goals.hint", locale, limit=limit),
        placeholder_key="form.scrum.goals.placeholder",
    )
    return _modal(
        f"{SCRUM_FORM}:{flags.encode()}", _title("form.scrum.title", flags, locale), [box]
    )


def retro_modal(form: RetroForm, flags: FormFlags, locale: Locale) -> discord.ui.Modal:
    """The /retro form: learned, reflection (required), links and 용어 rows."""
    limit = MAX_FIELD_LENGTH
    boxes = [
        _field(
            "learned",
            "form.retro.learned",
            locale,
            value=form.learned,
            required=False,
            placeholder_key="form.retro.learned.placeholder",
        ),
        _field(
            "reflection",
            "form.retro.reflection",
            locale,
            value=form.reflection,
            required=True,
            placeholder_key="form.retro.reflection.placeholder",
        ),
        _field(
            "links",
            "form.retro.links",
            locale,
            value=form.links,
            required=False,
            hint=t("form.retro.links.hint", locale, limit=limit),
            placeholder_key="form.retro.links.placeholder",
        ),
        _field(
            "terms",
            "form.retro.terms",
            locale,
            value=form.terms,
            required=False,
            hint=t("form.retro.terms.hint", locale, limit=limit),
            placeholder_key="form.retro.terms.placeholder",
        ),
    ]
    return _modal(
        f"{RETRO_FORM}:{flags.encode()}", _title("form.retro.title", flags, locale), boxes
    )


def submitted(interaction: discord.Interaction[Any]) -> dict[str, str]:
    """The typed values of a modal submit by input custom id (labels and legacy rows)."""
    values: dict[str, str] = {}
    data: Mapping[str, Any] = interaction.data or {}
    pending: list[Any] = list(data.get("components") or [])
    while pending:
        component = pending.pop()
        if not isinstance(component, Mapping):
            continue
        pending.extend(component.get("components") or [])
        if isinstance(component.get("component"), Mapping):
            pending.append(component["component"])
        custom_id, value = component.get("custom_id"), component.get("value")
        if isinstance(custom_id, str) and isinstance(value, str):
            values[custom_id] = value
    return values


async def open_modal(
    interaction: discord.Interaction[Any],
    command: str,
    build: BuildModal,
    *,
    default_locale: Locale,
    within: float = DEFER_AFTER,
) -> None:
    """Answer with the modal ``build`` makes; a modal cannot follow a defer, so it is timed."""
    started = time.perf_counter()
    locale = locale_for(interaction, default_locale)
    try:
        modal = await asyncio.wait_for(build(locale), within)
    except Exception as error:
        problem = SlowFormError() if isinstance(error, TimeoutError) else error
        reply, outcome = reply_for_error(
            problem, locale, interaction_id=interaction.id, command=command
        )
        if not await deliver(interaction, reply, private=True):
            outcome = f"{outcome}+send_failed"
        log_interaction(interaction, command, outcome, started)
        return
    modal.stop()  # finished, so discord.py does not store it; on_interaction answers the submit
    outcome = "modal"
    try:
        await interaction.response.send_modal(modal)
    except discord.HTTPException as error:
        log.warning(
            "interaction id=%s: Discord refused the modal (status=%s code=%s)",
            interaction.id,
            error.status,
            error.code,
        )
        outcome = "modal+send_failed"
    log_interaction(interaction, command, outcome, started)
