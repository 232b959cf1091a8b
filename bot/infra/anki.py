"""The glossary as an Anki deck (.apkg), written with genanki.

Note GUIDs come from (space, term id), so a newer deck imported over an older one
updates its notes instead of adding duplicates; the model and deck ids are fixed per
space for the same reason.
"""

from __future__ import annotations

import functools
import hashlib
import html
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.core.models import Term

# A fixed id: Anki matches notes to their note type by it across imports.
MODEL_ID = 1_607_392_319
FIELDS = ("Term", "Definition", "Notes", "Aliases")
_CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; }"


@functools.cache
def _genanki() -> Any:  # noqa: ANN401 - genanki ships no type hints
    # Imported on the first deck only: a bot that never exports does not pay for it.
    import genanki  # type: ignore[import-untyped]

    return genanki


@functools.cache
def _model() -> Any:  # noqa: ANN401 - a genanki.Model
    return _genanki().Model(
        MODEL_ID,
        "studybot term",
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "Term → Definition",
                "qfmt": "{{Term}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Definition}}<br><br>{{Notes}}"
                "<br><small>{{Aliases}}</small>",
            },
        ],
        css=_CSS,
    )


def deck_id(space: str) -> int:
    """A stable deck id per space, in the range Anki expects (31 bits, never 0 or 1)."""
    digest = hashlib.sha256(f"studybot-deck:{space}".encode()).digest()
    return (int.from_bytes(digest[:4], "big") >> 1) | (1 << 30)


def note_guid(space: str, term_id: str) -> str:
    return str(_genanki().guid_for("studybot", space, term_id))


def _fields(term: Term) -> list[str]:
    notes = "<br>".join(html.escape(n) for n in term.notes)
    return [
        html.escape(term.term),
        html.escape(term.definition).replace("\n", "<br>"),
        notes,
        html.escape(", ".join(term.aliases)),
    ]


def build_deck(space: str, terms: Iterable[Term], name: str | None = None) -> Any:  # noqa: ANN401 - a genanki.Deck
    """One note per term with the fields Term, Definition, Notes and Aliases."""
    deck = _genanki().Deck(deck_id(space), name or f"studybot · {space}")
    for term in terms:
        guid = note_guid(space, term.id)
        deck.add_note(_genanki().Note(model=_model(), fields=_fields(term), guid=guid))
    return deck


def write_deck(path: Path, space: str, terms: Iterable[Term]) -> int:
    """Write the deck to ``path``; return how many notes it holds."""
    deck = build_deck(space, terms)
    path.parent.mkdir(parents=True, exist_ok=True)
    _genanki().Package(deck).write_to_file(str(path))
    return len(deck.notes)  # a list of the notes added above


class GenankiDecks:
    """Implements DeckBuilder: the same deck as ``export anki``, as bytes for a chat reply."""

    def build(self, space: str, terms: Sequence[Term]) -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "deck.apkg"
            write_deck(path, space, terms)
            return path.read_bytes()
