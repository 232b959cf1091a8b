"""Domain models: glossary terms, command cards, study days and the content that holds them.

The content models are pydantic models defined here, in the core, rather than schemas in
infra that are copied into core dataclasses: the rules of a term (a slug id, a non-empty
definition, no unknown keys) are domain rules, and one definition keeps the two from
drifting apart. pydantic is a plain library, not a platform or storage SDK; infra/content.py
only parses YAML and reports where a rule failed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(_Model):
    title: str = Field(min_length=1)
    url: str = Field(min_length=1)


class Term(_Model):
    """One glossary entry: a display name, its aliases and what it means."""

    id: str = Field(pattern=_ID_PATTERN, max_length=120)
    term: str = Field(min_length=1, max_length=200)
    aliases: tuple[str, ...] = ()
    definition: str = Field(min_length=1)
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    source: str | None = None

    @field_validator("aliases", "notes", "tags", "related")
    @classmethod
    def _drop_blank(cls, items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(s.strip() for s in items if s and s.strip())

    @property
    def names(self) -> tuple[str, ...]:
        """The display name followed by every alias."""
        return (self.term, *self.aliases)


class CommandCard(_Model):
    """A practice command and what each part of it does."""

    id: str = Field(pattern=_ID_PATTERN, max_length=120)
    command: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    terms: tuple[str, ...] = ()


class StudyDay(_Model):
    """One day of the curriculum: the goals the morning post announces."""

    day: int = Field(ge=1)
    date: dt.date | None = None
    title: str = Field(min_length=1)
    goals: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    practice: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


class GlossaryFile(_Model):
    terms: tuple[Term, ...]


class PracticeFile(_Model):
    commands: tuple[CommandCard, ...]


class CurriculumFile(_Model):
    days: tuple[StudyDay, ...]


@dataclass(frozen=True, slots=True)
class Content:
    """Everything loaded from a content folder, already validated."""

    terms: tuple[Term, ...]
    commands: tuple[CommandCard, ...] = ()
    days: tuple[StudyDay, ...] = ()


@dataclass(frozen=True, slots=True)
class UserRef:
    """A chat user, independent of the platform."""

    platform: str
    id: str
    display_name: str


@dataclass(frozen=True, slots=True)
class SpaceRef:
    """A team's space: a Discord guild, a Slack workspace or the console."""

    platform: str
    id: str
