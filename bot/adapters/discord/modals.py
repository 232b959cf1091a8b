"""A core Form as a stateless Discord modal: a label and a paragraph box per field.

A modal's whole state is its custom id and the values Discord sends back. discord.py would
keep every sent Modal in its view store until it is submitted, and forget them all on a
restart; so each modal is stopped before it is sent and every submit is answered from
``on_interaction``, which discord.py dispatches for all interactions.
"""

from __future__ import annotations

from typing import Any

import discord

from bot.core.interaction.forms import Form, FormField


def _box(item: FormField) -> discord.ui.Label[discord.ui.Modal]:
    text_input: discord.ui.TextInput[discord.ui.Modal] = discord.ui.TextInput(
        custom_id=item.name,
        style=discord.TextStyle.paragraph if item.multiline else discord.TextStyle.short,
        default=item.value or None,
        placeholder=item.placeholder or None,
        required=item.required,
        max_length=item.max_length,
    )
    return discord.ui.Label(text=item.label, description=item.hint or None, component=text_input)


def to_modal(form: Form) -> discord.ui.Modal:
    """The modal for ``form``, already fitted to Discord's limits."""
    modal = discord.ui.Modal(title=form.title, custom_id=form.id, timeout=None)
    for item in form.fields:
        box: discord.ui.Item[Any] = _box(item)
        modal.add_item(box)
    return modal
