"""Forms every face renders: Discord modals, Slack views and console prompts, from one spec.

A form's whole state is its id (``<feature>:<action>:<flags>``) and the values that come
back, so nothing is kept in memory between opening and submitting: two members with the
same form open, a form dismissed without submitting and one submitted after a restart all
behave the same. Each platform has its own limits; ``fit`` shapes a form to them, and a
field longer than a platform's box is split across boxes (and joined again on submit)
rather than cut.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.core.replies import Attachment, Reply, ReplyField, clip, defang

PART = "__"  # a split field's later boxes are ``<name>__2``, ``<name>__3``, …


@dataclass(frozen=True, slots=True)
class FormLimits:
    """What one platform accepts in a form."""

    title: int
    label: int
    hint: int
    placeholder: int
    text: int
    inputs: int


DISCORD_FORM = FormLimits(title=45, label=45, hint=100, placeholder=100, text=4000, inputs=5)
SLACK_FORM = FormLimits(title=24, label=2000, hint=2000, placeholder=150, text=3000, inputs=50)
CONSOLE_FORM = FormLimits(title=200, label=200, hint=500, placeholder=200, text=100_000, inputs=50)


@dataclass(frozen=True, slots=True)
class FormField:
    """One text box: its key, what it says, what it holds and what it accepts."""

    name: str
    label: str
    value: str = ""
    hint: str = ""
    placeholder: str = ""
    required: bool = False
    max_length: int = 4000
    multiline: bool = True
    error: str = ""


@dataclass(frozen=True, slots=True)
class Form:
    """A form to open: its id, its title and its fields, in order."""

    id: str
    title: str
    fields: tuple[FormField, ...]

    def fit(self, limits: FormLimits) -> Form:
        """The form within ``limits``: labels clipped, long fields split across boxes.

        Raises FormTooLargeError when even splitting would need more boxes than allowed, so
        a member's text is never cut to make it fit.
        """
        fields: list[FormField] = []
        for item in self.fields:
            fields.extend(_split(item, limits))
        if len(fields) > limits.inputs:
            raise FormTooLargeError(len(fields), limits.inputs)
        shaped = [
            replace(
                f,
                label=clip(f.label, limits.label),
                hint=clip(f.hint, limits.hint),
                placeholder=clip(f.placeholder, limits.placeholder),
                max_length=min(f.max_length, limits.text),
            )
            for f in fields
        ]
        return Form(id=self.id, title=clip(self.title, limits.title), fields=tuple(shaped))


class FormTooLargeError(ValueError):
    """More text than a platform's form can show without cutting it."""

    def __init__(self, needed: int, allowed: int) -> None:
        super().__init__(f"the form needs {needed} boxes; the platform allows {allowed}")
        self.needed = needed
        self.allowed = allowed


def _split(item: FormField, limits: FormLimits) -> list[FormField]:
    if len(item.value) <= limits.text and item.max_length <= limits.text:
        return [item]
    chunks = _chunks(item.value, limits.text) if item.value else [""]
    # The total the member may type stays the field's own limit, spread over the boxes.
    boxes = max(len(chunks), -(-item.max_length // limits.text))
    chunks += [""] * (boxes - len(chunks))
    parts: list[FormField] = []
    for number, chunk in enumerate(chunks, start=1):
        name = item.name if number == 1 else f"{item.name}{PART}{number}"
        label = item.label if number == 1 else f"{item.label} ({number})"
        parts.append(
            replace(
                item,
                name=name,
                label=label,
                value=chunk,
                required=item.required and number == 1,
                hint=item.hint if number == 1 else "",
                placeholder=item.placeholder if number == 1 else "",
            )
        )
    return parts


def _chunks(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most ``size``, cut at a line break or space where one is near."""
    pieces: list[str] = []
    while len(text) > size:
        cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
        if cut < size // 2:
            cut = size
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def joined(values: Mapping[str, str]) -> dict[str, str]:
    """Submitted values with split boxes joined back under their field's name, in order."""
    parts: dict[str, list[tuple[int, str]]] = {}
    for key, value in values.items():
        name, _, number = key.partition(PART)
        order = int(number) if number.isdigit() else 1
        parts.setdefault(name, []).append((order, value))
    return {name: "".join(v for _, v in sorted(chunks)) for name, chunks in parts.items()}


@dataclass(frozen=True, slots=True)
class Refusal:
    """A submitted form the core refused: why, which field, and the member's text, kept whole.

    Slack shows ``errors`` in the still-open form with the text as typed; Discord cannot
    reopen a form after a submit, so it sends ``reply``, which carries the draft back.
    """

    reply: Reply
    errors: Mapping[str, str]
    values: Mapping[str, str]


# A reply's fields and whole message have limits on every platform; a draft that would pass
# them travels as a file instead, so nothing the member typed is cut.
_DRAFT_FIELD = 1000
_DRAFT_TOTAL = 4000


def keep_draft(refusal: Reply, values: Mapping[str, str], labels: Mapping[str, str]) -> Reply:
    """``refusal`` followed by every non-empty value typed, in full (as a file when long)."""
    typed = {name: text for name, text in values.items() if text.strip()}
    if not typed:
        return refusal
    if sum(len(text) for text in typed.values()) <= _DRAFT_TOTAL:
        kept: list[ReplyField] = []
        for name, text in typed.items():
            label = labels.get(name, name)
            for number, chunk in enumerate(_chunks(defang(text), _DRAFT_FIELD), start=1):
                kept.append(ReplyField(label if number == 1 else f"{label} ({number})", chunk))
        return replace(refusal, fields=(*refusal.fields, *kept))
    document = "\n\n".join(f"## {labels.get(n, n)}\n\n{text}" for n, text in typed.items())
    draft = Attachment(name="draft.md", data=document.encode("utf-8"))
    return replace(refusal, attachments=(*refusal.attachments, draft))
