"""The /scrum and /retro forms: their fields, and the flags their ids carry back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.errors import StudyBotError
from bot.core.i18n import t
from bot.core.interaction.forms import Form, FormField
from bot.core.interaction.ids import action_id
from bot.core.journal import MAX_FIELD_LENGTH, RetroForm
from bot.core.replies import clip

_PUBLIC, _PRIVATE = "pub", "prv"
_OWNER = re.compile(r"[\w@-][\w.@-]{0,63}")


class StaleFormError(StudyBotError):
    """A submitted form whose id this version cannot read (or a forged one)."""

    key = "error.stale_form"


@dataclass(frozen=True, slots=True)
class FormFlags:
    """What a form's id carries: visibility, and for an edit the entry's day and owner."""

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
        visibility, *rest = text.split(".", 2)
        if visibility not in (_PUBLIC, _PRIVATE) or len(rest) not in (0, 2):
            raise StaleFormError
        if not rest:
            return cls(public=visibility == _PUBLIC)
        day, owner_id = rest
        try:
            parsed = dt.date.fromisoformat(day)
        except ValueError:
            raise StaleFormError from None
        if _OWNER.fullmatch(owner_id) is None:
            raise StaleFormError
        return cls(public=visibility == _PUBLIC, day=parsed, owner_id=owner_id)


def _title(key: str, flags: FormFlags, locale: str) -> str:
    title = t(key, locale)
    return f"{title} · {flags.day.isoformat()}" if flags.day else title


def _box(
    name: str,
    label_key: str,
    locale: str,
    value: str,
    *,
    required: bool = False,
    hint_key: str | None = None,
    placeholder_key: str | None = None,
) -> FormField:
    hint = t(hint_key or "form.limit", locale, limit=MAX_FIELD_LENGTH)
    return FormField(
        name=name,
        label=t(label_key, locale),
        # A reconstructed prefill can come out a little longer than what was typed.
        value=clip(value, MAX_FIELD_LENGTH),
        hint=hint,
        placeholder=t(placeholder_key, locale) if placeholder_key else "",
        required=required,
        max_length=MAX_FIELD_LENGTH,
    )


def scrum_form(goals: str, flags: FormFlags, locale: str) -> Form:
    """The /scrum form: one box, one goal per line, prefilled with today's or carried goals."""
    box = _box(
        "goals",
        "form.scrum.goals",
        locale,
        goals,
        required=True,
        hint_key="form.scrum.goals.hint",
        placeholder_key="form.scrum.goals.placeholder",
    )
    form_id = action_id("journal", "scrum", flags.encode())
    return Form(form_id, _title("form.scrum.title", flags, locale), (box,))


def retro_form(form: RetroForm, flags: FormFlags, locale: str) -> Form:
    """The /retro form: learned, reflection (required), links and 용어 rows."""
    boxes = (
        _box(
            "learned",
            "form.retro.learned",
            locale,
            form.learned,
            placeholder_key="form.retro.learned.placeholder",
        ),
        _box(
            "reflection",
            "form.retro.reflection",
            locale,
            form.reflection,
            required=True,
            placeholder_key="form.retro.reflection.placeholder",
        ),
        _box(
            "links",
            "form.retro.links",
            locale,
            form.links,
            hint_key="form.retro.links.hint",
            placeholder_key="form.retro.links.placeholder",
        ),
        _box(
            "terms",
            "form.retro.terms",
            locale,
            form.terms,
            hint_key="form.retro.terms.hint",
            placeholder_key="form.retro.terms.placeholder",
        ),
    )
    form_id = action_id("journal", "retro", flags.encode())
    return Form(form_id, _title("form.retro.title", flags, locale), boxes)


def private_form(arg: str) -> bool:
    """Whether a submitted form's answer is private; a stale form's refusal is private too."""
    try:
        return not FormFlags.decode(arg).public
    except StaleFormError:
        return True
