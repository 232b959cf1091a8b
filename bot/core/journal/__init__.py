"""The team log: scrum goals, retrospectives, reminders, history, digest and TIL export."""

from bot.core.journal.forms import MAX_FIELD_LENGTH, parse_goals, parse_retro
from bot.core.journal.layer import TeamGlossary
from bot.core.journal.linking import TermLinker
from bot.core.journal.models import (
    Entry,
    EntryBody,
    EntryDraft,
    EntryKind,
    EntryVersion,
    Goal,
    Member,
    RetroForm,
    RetroPrefill,
    SavedEntry,
    SaveStatus,
    ScrumPrefill,
    Suggestion,
    SuggestionDraft,
    TermRow,
)
from bot.core.journal.posts import JournalPosts
from bot.core.journal.render import accept_button_id, edit_button_id
from bot.core.journal.service import JournalService

__all__ = [
    "MAX_FIELD_LENGTH",
    "Entry",
    "EntryBody",
    "EntryDraft",
    "EntryKind",
    "EntryVersion",
    "Goal",
    "JournalPosts",
    "JournalService",
    "Member",
    "RetroForm",
    "RetroPrefill",
    "SaveStatus",
    "SavedEntry",
    "ScrumPrefill",
    "Suggestion",
    "SuggestionDraft",
    "TeamGlossary",
    "TermLinker",
    "TermRow",
    "accept_button_id",
    "edit_button_id",
    "parse_goals",
    "parse_retro",
]
