"""Reading content files: one reader for every command, refusing what cannot be content."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import ContentError
from bot.infra.content_limits import MAX_FILE_BYTES

GLOSSARY_DIR = "glossary"
PRACTICE_DIR = "practice"
CURRICULUM_FILE = "curriculum.yaml"


@dataclass(frozen=True, slots=True)
class Sources:
    """The text of every content file in a folder, read once for the cache key and the parse."""

    directory: Path
    glossaries: tuple[tuple[Path, str], ...]
    practices: tuple[tuple[Path, str], ...]
    curriculum: tuple[Path, str] | None

    def files(self) -> Iterator[tuple[Path, str]]:
        yield from self.glossaries
        yield from self.practices
        if self.curriculum is not None:
            yield self.curriculum


def read_sources(directory: Path) -> Sources:
    """Read every content file; the one reader behind `run`, `define`, `check` and import.

    A folder or a dangling link named ``*.yaml``, an unreadable, oversized or non-UTF-8 file
    and a NUL byte all become ContentError problems, never a traceback.
    """
    problems: list[str] = []
    glossary_paths = sorted((directory / GLOSSARY_DIR).glob("*.yaml"))
    if not glossary_paths:
        problems.append(f"{directory / GLOSSARY_DIR}:0: no glossary file (*.yaml) found")
        raise ContentError(problems)
    glossaries = _read_all(glossary_paths, problems)
    practices = _read_all(sorted((directory / PRACTICE_DIR).glob("*.yaml")), problems)
    curriculum_path = directory / CURRICULUM_FILE
    curriculum = None
    if curriculum_path.exists() or curriculum_path.is_symlink():
        curriculum = next(iter(_read_all([curriculum_path], problems)), None)
    if problems:
        raise ContentError(problems)
    return Sources(directory, glossaries, practices, curriculum)


def _read_all(paths: Sequence[Path], problems: list[str]) -> tuple[tuple[Path, str], ...]:
    read = ((path, read_text(path, problems)) for path in paths)
    return tuple((path, text) for path, text in read if text is not None)


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The text of one file; ContentError (`path: message`) when it cannot be read as such."""
    problems: list[str] = []
    text = read_text(path, problems, limit)
    if text is None:
        raise ContentError(problems)
    return text


def read_text(path: Path, problems: list[str], limit: int = MAX_FILE_BYTES) -> str | None:
    """The UTF-8 text of one content file, or None with the reason added to ``problems``."""
    if path.is_symlink() and not path.exists():
        problems.append(f"{path}: a symbolic link to a missing file; fix or remove it")
        return None
    if path.is_dir():
        problems.append(f"{path}: a folder, not a file")
        return None
    try:
        if path.stat().st_size > limit:
            mb = limit // (1024 * 1024)
            problems.append(f"{path}: larger than {mb} MB; split it into several files")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(f"{path}: cannot read file: {exc.strerror or exc}")
        return None
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        problems.append(f"{path}:{line}: a NUL byte (\\0): not a text file")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        problems.append(f"{path}:{line}: not UTF-8 text (byte 0x{byte:02x}); save as UTF-8")
        return None
