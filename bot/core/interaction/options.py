"""Commands and their options, and how typed text (console, Slack) becomes option values.

Discord sends options already split and typed; the console and Slack's slash commands send
one line of text. Both end up as the same ``{option: value}`` mapping, so a handler never
knows which face it serves. Typed text accepts ``name:value``, ``name=value`` and
``name value``, in Korean or English (``용어:cgroup``, ``until=2026-12-05``,
``timezone Europe/Berlin``), and the words no option claims go to the command's positional
option (``/define 도커란``).
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.core.errors import StudyBotError
from bot.core.i18n import has, t
from bot.core.models import UserRef

OptionValue = str | bool | UserRef | None
Kind = Literal["text", "flag", "member"]
_TRUE = {"true", "yes", "on", "1", "예", "네", "켜기", "켬"}
_FALSE = {"false", "no", "off", "0", "아니오", "아니요", "끄기", "끔"}


class UnknownOptionError(StudyBotError):
    """Text a command cannot place: an option it does not have, or words it does not take."""

    key = "error.unknown_option"


class InvalidFlagError(StudyBotError):
    """A yes/no option given something that is neither."""

    key = "error.invalid_flag"


@dataclass(frozen=True, slots=True)
class Option:
    """One option: the key handlers read, its type, and the names and words that set it."""

    name: str
    kind: Kind = "text"
    positional: bool = False
    label_key: str = ""
    aliases: tuple[str, ...] = ()
    # Bare words that switch a flag on, such as ``private`` or ``나만보기``.
    words: tuple[str, ...] = ()

    def names(self) -> set[str]:
        """Every name a member may type for this option, in any supported language."""
        names = {self.name, self.name.replace("_", "-"), *self.aliases}
        if self.label_key and has(self.label_key):
            names |= {t(self.label_key, "ko"), t(self.label_key, "en")}
        return {n.lower() for n in names}


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command as every face knows it.

    ``private`` is its replies' default visibility. ``form_fields`` names the fields of the
    form it answers with, if it opens one: a platform may need to send a form at once
    (Discord cannot open one after a defer, Slack's trigger expires after 3 s), and the
    console reads those fields even when the form cannot open, so they never run as commands.
    """

    name: str
    options: tuple[Option, ...] = ()
    private: bool = True
    form_fields: tuple[str, ...] = ()

    @property
    def opens_form(self) -> bool:
        return bool(self.form_fields)

    def option(self, name: str) -> Option | None:
        """The option a member means by ``name``, in either language."""
        wanted = name.lower()
        return next((o for o in self.options if wanted in o.names()), None)

    def flag_word(self, word: str) -> Option | None:
        wanted = word.lower()
        return next((o for o in self.options if o.kind == "flag" and wanted in o.words), None)

    def positional(self) -> Option | None:
        return next((o for o in self.options if o.positional), None)


def parse_flag(value: OptionValue) -> bool | None:
    """A yes/no value from a platform or from text; None when unset."""
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidFlagError(value=str(value)[:40])


def parse_text(command: Command, text: str) -> dict[str, OptionValue]:
    """The options in one typed line; UnknownOptionError names what could not be placed."""
    values: dict[str, OptionValue] = {}
    rest: list[str] = []
    words = _words(text)
    position = 0
    while position < len(words):
        word = words[position]
        position += 1
        name, sep, value = _named(word)
        option = command.option(name) if sep else None
        if option is not None:
            values[option.name] = _typed(option, value)
            continue
        option = command.option(word) if not rest else None
        if option is not None and option.kind == "flag":
            following = words[position].lower() if position < len(words) else ""
            if following in _TRUE | _FALSE:
                values[option.name] = following in _TRUE
                position += 1
            else:
                values[option.name] = True
            continue
        if option is not None and not option.positional:
            # ``name value``; a name typed alone asks for that option with no value.
            values[option.name] = _typed(option, words[position]) if position < len(words) else ""
            position += 1
            continue
        flag = command.flag_word(word)
        if flag is not None:
            values[flag.name] = True
            continue
        rest.append(word)
    if rest:
        target = command.positional()
        if target is None:
            raise UnknownOptionError(option=" ".join(rest)[:60], command=f"/{command.name}")
        previous = values.get(target.name)
        joined = " ".join(rest)
        values[target.name] = f"{previous} {joined}" if isinstance(previous, str) else joined
    return values


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unclosed quote: read it as plain words
        return text.split()


def _named(word: str) -> tuple[str, str, str]:
    """``name``, the separator and ``value`` of ``name:value`` or ``name=value``."""
    cuts = [i for i in (word.find(":"), word.find("=")) if i > 0]
    if not cuts:
        return word, "", ""
    cut = min(cuts)
    return word[:cut], word[cut], word[cut + 1 :]


def _typed(option: Option, value: str) -> OptionValue:
    if option.kind == "flag":
        return parse_flag(value) if value else True
    return value


def text_option(options: Mapping[str, OptionValue], name: str) -> str | None:
    """A text option's value, stripped; None when unset or blank."""
    value = options.get(name)
    if value is None or isinstance(value, bool | UserRef):
        return None
    return str(value).strip() or None
