"""What a content file may hold, checked on the YAML event stream before anything is expanded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's C parser is an order of magnitude faster; the pure one is the fallback.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 32 * 1024 * 1024
# What YAML aliases may add to one file, in characters of their expansion: enough to reuse a
# tag list or a link many times, far from the gigabytes a few nested anchors can describe.
MAX_ALIAS_EXPANSION = 1_000_000
MAX_NAME_LENGTH = 200
MAX_NAMES = 100
MAX_DEFINITION_LENGTH = 10_000
MAX_NOTE_LENGTH = 10_000

_OPENS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSES = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def alias_problem(path: Path, text: str) -> str | None:
    """``path:line: message`` when the aliases in ``text`` would expand past the budget.

    Walks the parser's events, which hold an alias as a reference, and adds up what each
    anchor would expand to; the document itself is never built.
    """
    if "&" not in text or "*" not in text:
        return None  # no anchor, or no alias: nothing can expand
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]  # per open collection: [anchor, expanded size]
    added = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor or "", 1)
                added += size
                stack[-1][1] += size
                if added > MAX_ALIAS_EXPANSION:
                    line = event.start_mark.line + 1 if event.start_mark else 0
                    return (
                        f"{path}:{line}: aliases (*{event.anchor}) expand past "
                        f"{MAX_ALIAS_EXPANSION:,} characters; write the text out or reuse less"
                    )
            elif isinstance(event, yaml.ScalarEvent):
                size = len(event.value) + 1
                stack[-1][1] += size
                if event.anchor:
                    sizes[event.anchor] = size
            elif isinstance(event, _OPENS):
                stack.append([event.anchor, 1])
            elif isinstance(event, _CLOSES) and len(stack) > 1:
                anchor, size = stack.pop()
                stack[-1][1] += size
                if anchor:
                    sizes[anchor] = size
    except yaml.YAMLError:
        return None  # the loader reports the syntax error with its line
    return None


def term_problems(names: tuple[str, ...], definition: str, notes: tuple[str, ...]) -> list[str]:
    """Why a term is too large to hold, if it is: too many names, or a name or text too long."""
    problems = []
    if len(names) > MAX_NAMES:
        problems.append(f"{len(names)} names; at most {MAX_NAMES} (term and aliases)")
    problems.extend(
        f"name '{name[:40]}…' is {len(name):,} characters; at most {MAX_NAME_LENGTH}"
        for name in names
        if len(name) > MAX_NAME_LENGTH
    )
    if len(definition) > MAX_DEFINITION_LENGTH:
        problems.append(
            f"definition is {len(definition):,} characters; at most {MAX_DEFINITION_LENGTH:,}"
        )
    problems.extend(
        f"a note is {len(note):,} characters; at most {MAX_NOTE_LENGTH:,}"
        for note in notes
        if len(note) > MAX_NOTE_LENGTH
    )
    return problems
