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
