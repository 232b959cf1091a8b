"""A cache of validated content and its lookup index, keyed by the hash of the content files."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.core import describe, keyboard, korean, lookup, models, phrases
from bot.core.glossary import practice_of
from bot.core.lookup import GlossaryIndex
from bot.core.models import Content
from bot.infra.content import load_content

log = logging.getLogger(__name__)


def load_indexed(directory: Path, cache_dir: Path | None = None) -> tuple[Content, GlossaryIndex]:
    """The validated content and its lookup index, cached together when ``cache_dir`` is given.

    The cache is keyed by a hash of every content file and of the code that shapes what is
    cached: YAML parsing and the index build dominate a cold start on a large glossary, and
    an unchanged folder then loads both from one pickle instead.
    """
    if cache_dir is None:
        content = load_content(directory)
        return content, GlossaryIndex(content.terms, practice_of(content))
    path = cache_dir / f"content-{_fingerprint(directory)}.pickle"
    try:
        with path.open("rb") as file:
            cached = pickle.load(file)  # noqa: S301 - our own file, keyed by content hash
        if isinstance(cached, _Cached):
            return cached.content, cached.index
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    content = load_content(directory)
    index = GlossaryIndex(content.terms, practice_of(content))
    _store(path, _Cached(content, index))
    return content, index


@dataclass(frozen=True, slots=True)
class _Cached:
    content: Content
    index: GlossaryIndex


def _fingerprint(directory: Path) -> str:
    # The source of what is cached is part of the key, so no cache outlives a change of shape.
    digest = hashlib.sha256(sys.version.encode())
    for module in (models, lookup, korean, keyboard, phrases, describe):
        digest.update(Path(str(module.__file__)).read_bytes())
    for path in sorted(directory.rglob("*.yaml")):
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _store(path: Path, content: _Cached) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("content-*.pickle"):
            stale.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as file:
            pickle.dump(content, file, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:  # a read-only data dir only costs speed
        log.warning("content cache not written: %s", exc)
