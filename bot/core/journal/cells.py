"""Splitting a table row into cells the way a person reads it: a code span keeps its pipes.

GFM splits a row at every unescaped ``|``, even inside backticks, so
``| `kubectl get po | grep x` | 파드 목록 |`` would give three cells. Members do not escape
those pipes, and markdown-it follows GFM here, so the retro's 용어 rows and the TIL importer
both split with this one scanner instead.
"""

from __future__ import annotations

import re
from itertools import pairwise

_RUNS: dict[int, re.Pattern[str]] = {}
_RUN_START = re.compile(r"`+")


def _run(length: int) -> re.Pattern[str]:
    """A run of exactly ``length`` backticks."""
    if length not in _RUNS:
        _RUNS[length] = re.compile(rf"(?<!`)`{{{length}}}(?!`)")
    return _RUNS[length]


def separators(line: str) -> list[int]:
    """Where the cell-separating pipes of ``line`` stand.

    A pipe after a backslash, or inside a code span (a backtick run closed by a run of the
    same length), belongs to its cell. An unclosed run is plain text, as in CommonMark.
    """
    out: list[int] = []
    unclosed: set[int] = set()  # run lengths with no closing run further on: never search again
    pos, end = 0, len(line)
    while pos < end:
        char = line[pos]
        if char == "\\":
            pos += 2
        elif char == "`":
            run = _RUN_START.match(line, pos)
            length = run.end() - pos if run else 1
            close = None if length in unclosed else _run(length).search(line, pos + length)
            if close is None:
                unclosed.add(length)
                pos += length
            else:
                pos = close.end()
        else:
            if char == "|":
                out.append(pos)
            pos += 1
    return out


def split_cells(line: str, maxsplit: int = -1) -> list[str]:
    r"""The cells of ``line`` at its separating pipes, ``\|`` read as a pipe; not stripped."""
    cuts = separators(line)
    if maxsplit >= 0:
        cuts = cuts[:maxsplit]
    return [line[a + 1 : b].replace("\\|", "|") for a, b in pairwise([-1, *cuts, len(line)])]


def escape_inner_pipes(line: str) -> str:
    r"""``line`` with every pipe that is not a separator written ``\|``, as GFM wants it."""
    cuts = set(separators(line))
    out: list[str] = []
    for pos, char in enumerate(line):
        if char == "|" and pos not in cuts and (pos == 0 or line[pos - 1] != "\\"):
            out.append("\\")
        out.append(char)
    return "".join(out)
