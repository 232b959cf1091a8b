"""Forms as Slack modals: one input block per field, the form's id as the callback id.

The channel the command was typed in travels in ``private_metadata``, so the saved entry's
confirmation comes back to that channel. A field's block id is the field's name, so the
core's per-field errors map onto the blocks one to one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import (
    ExternalDataSelectElement,
    InputBlock,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.views import View

from bot.adapters.slack.text import plain
from bot.core.i18n import t
from bot.core.interaction.forms import SLACK_FORM, Form, FormField

VALUE = "value"
LOOKUP_FORM = "define:lookup:modal"
LOOKUP_BLOCK = "term"
MAX_TITLE = 24
MAX_BUTTON = 24


def _input(item: FormField) -> InputBlock:
    element = PlainTextInputElement(
        action_id=VALUE,
        multiline=item.multiline,
        max_length=item.max_length,
        # The member's own text, as typed: the one place Slack text is not made inert.
        initial_value=item.value or None,
        placeholder=PlainTextObject(text=plain(item.placeholder, 150))
        if item.placeholder
        else None,
    )
    return InputBlock(
        block_id=item.name,
        label=PlainTextObject(text=plain(item.label, 2000)),
        hint=PlainTextObject(text=plain(item.hint, 2000)) if item.hint else None,
        element=element,
        optional=not item.required,
    )


def modal(form: Form, channel: str | None, locale: str) -> dict[str, Any]:
    """The modal for ``form``, fitted to Slack's limits (long fields split, never cut)."""
    fitted = form.fit(SLACK_FORM)
    view = View(
        type="modal",
        callback_id=fitted.id,
        title=PlainTextObject(text=plain(fitted.title, MAX_TITLE)),
        submit=PlainTextObject(text=plain(t("slack.form.submit", locale), MAX_BUTTON)),
        close=PlainTextObject(text=plain(t("slack.form.close", locale), MAX_BUTTON)),
        private_metadata=json.dumps({"channel": channel or ""}),
        blocks=[_input(item) for item in fitted.fields],
    )
    return view.to_dict()


def lookup_modal(channel: str | None, locale: str) -> dict[str, Any]:
    """/define without text: one search box that suggests terms from the first letter."""
    select = ExternalDataSelectElement(
        action_id=VALUE,
        min_query_length=1,
        placeholder=PlainTextObject(text=plain(t("slack.define.placeholder", locale), 150)),
    )
    view = View(
        type="modal",
        callback_id=LOOKUP_FORM,
        title=PlainTextObject(text=plain(t("slack.define.title", locale), MAX_TITLE)),
        submit=PlainTextObject(text=plain(t("slack.define.submit", locale), MAX_BUTTON)),
        private_metadata=json.dumps({"channel": channel or ""}),
        blocks=[
            InputBlock(
                block_id=LOOKUP_BLOCK,
                label=PlainTextObject(text=plain(t("slack.define.label", locale), 2000)),
                element=select,
            )
        ],
    )
    return view.to_dict()


def channel_of(view: Mapping[str, Any]) -> str | None:
    """The channel a modal was opened from, or None."""
    try:
        channel = json.loads(view.get("private_metadata") or "{}").get("channel")
    except (ValueError, AttributeError):
        return None
    return channel if isinstance(channel, str) and channel else None


def submitted(view: Mapping[str, Any]) -> dict[str, str]:
    """The values typed in a submitted modal, by block id (a select gives its value)."""
    values: dict[str, str] = {}
    for block_id, actions in (view.get("state", {}).get("values") or {}).items():
        state = actions.get(VALUE) or {}
        selected = state.get("selected_option") or {}
        value = state.get("value") if "value" in state else selected.get("value")
        values[block_id] = value if isinstance(value, str) else ""
    return values
