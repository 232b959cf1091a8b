"""Domain errors: every condition the bot reports to a user is a StudyBotError."""

from __future__ import annotations


class StudyBotError(Exception):
    """Base of every error the adapters turn into a friendly reply.

    ``key`` names the message in the reply catalogue; ``params`` fill it in.
    """

    key = "error.generic"

    def __init__(self, message: str = "", **params: object) -> None:
        super().__init__(message or self.key)
        self.params = params


class EmptyQueryError(StudyBotError):
    key = "error.empty_query"


class QueryTooLongError(StudyBotError):
    key = "error.query_too_long"


class UnknownTermError(StudyBotError):
    key = "error.unknown_term"


class ContentError(StudyBotError):
    """Content that does not validate; ``problems`` are ``path:line: message`` strings."""

    key = "error.content"

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class PermissionDeniedError(StudyBotError):
    """The member may not do this (changing settings needs a manage permission)."""

    key = "error.permission_denied"


class UnknownSettingError(StudyBotError):
    key = "error.unknown_setting"


class InvalidTimezoneError(StudyBotError):
    key = "error.invalid_timezone"


class InvalidTimeError(StudyBotError):
    key = "error.invalid_time"


class InvalidDaysError(StudyBotError):
    key = "error.invalid_days"


class InvalidDateError(StudyBotError):
    key = "error.invalid_date"


class InvalidSettingError(StudyBotError):
    key = "error.invalid_setting"


class CloseBeforeOpenError(StudyBotError):
    """The quiz would close at or before the time it opens."""

    key = "error.close_before_open"


class UnknownRoundError(StudyBotError):
    key = "error.unknown_round"


class RoundClosedError(StudyBotError):
    key = "error.round_closed"


class AlreadyAnsweredError(StudyBotError):
    key = "error.already_answered"


class InvalidAnswerError(StudyBotError):
    """A forged or malformed answer button: not an int, or a choice out of range."""

    key = "error.invalid_answer"


# --- the team log: scrum goals, retrospectives, /away and the team's glossary layer ---


class NotOwnerError(StudyBotError):
    """A member tried to change or look behind someone else's log entry."""

    key = "error.not_owner"


class FieldTooLongError(StudyBotError):
    """A form field is over its limit; ``field`` is the label, ``name`` the field's key."""

    key = "error.field_too_long"


class EmptyFieldError(StudyBotError):
    """A required form field is empty; ``field`` is the label, ``name`` the field's key."""

    key = "error.empty_field"


class FutureDateError(StudyBotError):
    """A log entry dated after today in the space's timezone."""

    key = "error.future_date"


class InvalidLinkError(StudyBotError):
    """A 참고 자료 line without an http(s) address."""

    key = "error.invalid_link"


class InvalidTermRowError(StudyBotError):
    """A 용어 line that is not ``term | definition | note``."""

    key = "error.invalid_term_row"


class UnknownEntryError(StudyBotError):
    key = "error.unknown_entry"


class UnknownSuggestionError(StudyBotError):
    key = "error.unknown_suggestion"


class TermExistsError(StudyBotError):
    """A suggested term whose name the glossary (content or the space's layer) already has."""

    key = "error.term_exists"


class AwayInPastError(StudyBotError):
    """``/away until:`` a date that has already passed."""

    key = "error.away_past"


class ManageGlossaryDeniedError(PermissionDeniedError):
    """Listing or accepting glossary suggestions needs the manage permission."""

    key = "error.manage_glossary"


class NeedsDatabaseError(StudyBotError):
    """The process runs without the database-backed services (a lookup-only or sync client)."""

    key = "error.needs_database"


# --- reliability of the team log (issue 8) ----------------------------------------------------


class PastDateError(StudyBotError):
    """A new log entry dated further back than the forms offer (a forged form date)."""

    key = "error.past_date"


class StorageError(StudyBotError):
    """A write did not reach the database file; the member is told, never 'saved'."""

    key = "error.storage"


class StorageUnavailableError(StudyBotError):
    """The data folder or the database cannot be used at start (read-only, full, not a DB).

    ``path`` names the place and ``reason`` what the system said; the message says what to do.
    """

    key = "error.storage_open"


class NotADatabaseError(StorageUnavailableError):
    """The database path holds a file that is not an SQLite database."""

    key = "error.storage_not_db"


class StorageDownError(StudyBotError):
    """The database connection dropped during a write; the write may not have been saved."""

    key = "error.storage_down"
