"""A cache of validated content and its lookup index, keyed by the hash of the content files.

The file holds only plain values (str, int, tuple, list, dict) written with ``marshal`` behind
a header and a SHA-256 of the payload. Unlike a pickle, such a file cannot name a class or a
function to call, so a damaged or planted file can at worst be refused: it is checked against
its digest before it is parsed, its shape is checked after, and anything wrong is discarded
with one warning and rebuilt from the YAML.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import logging
import marshal
import os
import sys
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from bot.core import lookup
from bot.core.glossary import practice_of
from bot.core.lookup import GlossaryIndex
from bot.core.models import CommandCard, Content, Link, StudyDay, Term
from bot.infra.content import parse_sources
from bot.infra.content_files import Sources, read_sources

log = logging.getLogger(__name__)

MAGIC = b"studybot content cache\n"
FORMAT = 3  # 1 was a pickle; bump whenever the layout below changes
_DIGEST = 32
_SUFFIX = ".cache"


class CacheError(Exception):
    """The cache file is not one this version wrote for this content."""


def load_indexed(directory: Path, cache_dir: Path | None = None) -> tuple[Content, GlossaryIndex]:
    """The validated content and its lookup index, cached together when ``cache_dir`` is given.

    The cache is keyed by a hash of every content file and of the code that shapes what is
    cached: YAML parsing and the index build dominate a cold start on a large glossary, and
    an unchanged folder then loads both from one file instead.
    """
    sources = read_sources(directory)
    if cache_dir is None:
        content = parse_sources(sources)
        return content, GlossaryIndex(content.terms, practice_of(content))
    key = _fingerprint(sources)
    path = cache_dir / f"content-{key}{_SUFFIX}"
    if path.exists():
        try:
            return _decode(_read(path), key)
        except (CacheError, OSError, ValueError, EOFError, TypeError, KeyError, IndexError) as exc:
            log.warning("content cache %s discarded (%s); rebuilding it", path, exc)
    content = parse_sources(sources)
    index = GlossaryIndex(content.terms, practice_of(content))
    try:
        payload = _encode(content, index, key)
    except (ValueError, KeyError) as exc:  # a value marshal cannot hold: serve uncached
        log.warning("content cache not written: %s", exc)
    else:
        _store(path, payload)
    return content, index


# The code that shapes what is cached; read as files, so none of it is imported for this.
_SHAPING_MODULES = (
    "bot.core.models",
    "bot.core.lookup",
    "bot.core.korean",
    "bot.core.keyboard",
    "bot.core.phrases",
    "bot.core.describe",
)


def _fingerprint(sources: Sources) -> str:
    # The source of what is cached is part of the key, so no cache outlives a change of shape.
    digest = hashlib.sha256(sys.version.encode() + FORMAT.to_bytes(4, "big"))
    for module in _SHAPING_MODULES:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        digest.update(Path(str(origin)).read_bytes())
    for path, text in sources.files():
        digest.update(str(path.relative_to(sources.directory)).encode() + b"\0")
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()[:32]


def _read(path: Path) -> object:
    data = path.read_bytes()
    head = len(MAGIC)
    if not data.startswith(MAGIC):
        raise CacheError("not a studybot content cache")
    version = int.from_bytes(data[head : head + 4], "big")
    if version != FORMAT:
        raise CacheError(f"format {version}, this version reads {FORMAT}")
    digest, payload = data[head + 4 : head + 4 + _DIGEST], data[head + 4 + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        raise CacheError("damaged or truncated")
    return marshal.loads(payload)  # noqa: S302 - digest-checked, plain values only


def _store(path: Path, payload: bytes) -> None:
    data = MAGIC + FORMAT.to_bytes(4, "big") + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("content-*"):
            stale.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:  # a read-only data dir only costs speed
        log.warning("content cache not written: %s", exc)


# Models are stored as tuples of their field values, in field order.
_TERM_FIELDS = tuple(Term.model_fields)
_CARD_FIELDS = tuple(CommandCard.model_fields)
_DAY_FIELDS = tuple(StudyDay.model_fields)


def _encode(content: Content, index: GlossaryIndex, key: str) -> bytes:
    positions = {id(term): n for n, term in enumerate(content.terms)}
    state = {
        "key": key,
        "terms": [_model_row(t, _TERM_FIELDS) for t in content.terms],
        "commands": [_model_row(c, _CARD_FIELDS) for c in content.commands],
        "days": [_model_row(d, _DAY_FIELDS) for d in content.days],
        "index": {name: _encode_value(v, positions) for name, v in vars(index).items()},
    }
    return marshal.dumps(state)


def _model_row(model: Term | CommandCard | StudyDay, fields: tuple[str, ...]) -> tuple[Any, ...]:
    values = []
    for name in fields:
        value = getattr(model, name)
        if name == "links":
            value = tuple((link.title, link.url) for link in value)
        elif name == "date" and value is not None:
            value = value.toordinal()
        values.append(value)
    given = sum(1 << n for n, name in enumerate(fields) if name in model.model_fields_set)
    return (*values, given)


def _encode_value(value: object, positions: dict[int, int]) -> tuple[str, object]:
    """One index attribute as plain values: terms become their positions in the content."""
    if isinstance(value, tuple) and all(isinstance(v, Term) for v in value):
        return "terms", [positions[id(v)] for v in value]
    if isinstance(value, dict) and value and isinstance(next(iter(value.values())), Term):
        return "by_id", {k: positions[id(v)] for k, v in value.items()}
    if isinstance(value, lookup._Postings):  # the index's own storage
        return "postings", (value.first, value.more)
    return "plain", value


def _decode(state: object, key: str) -> tuple[Content, GlossaryIndex]:
    if not isinstance(state, dict) or state.get("key") != key:
        raise CacheError("written for other content")
    terms = tuple(_model(Term, _TERM_FIELDS, row) for row in state["terms"])
    content = Content(
        terms=terms,
        commands=tuple(_model(CommandCard, _CARD_FIELDS, row) for row in state["commands"]),
        days=tuple(_model(StudyDay, _DAY_FIELDS, row) for row in state["days"]),
    )
    index = GlossaryIndex.__new__(GlossaryIndex)
    for name, (kind, value) in state["index"].items():
        setattr(index, name, _decode_value(kind, value, terms))
    return content, index


def _decode_value(kind: str, value: Any, terms: tuple[Term, ...]) -> object:  # noqa: ANN401
    if kind == "terms":
        return tuple(terms[n] for n in value)
    if kind == "by_id":
        return {k: terms[n] for k, n in value.items()}
    if kind == "postings":
        postings = lookup._Postings()  # the index's own storage
        postings.first, postings.more = value
        return postings
    if kind == "plain":
        return value
    raise CacheError(f"unknown index part {kind!r}")


_set = object.__setattr__
_M = TypeVar("_M", bound=BaseModel)


def _model(cls: type[_M], fields: tuple[str, ...], row: object) -> _M:
    """A model from its stored row without validating again: the content was valid when cached."""
    if not isinstance(row, tuple) or len(row) != len(fields) + 1:
        raise CacheError(f"a {cls.__name__} row of the wrong shape")
    values = dict(zip(fields, row, strict=False))
    if "links" in values:
        values["links"] = tuple(_link(title, url) for title, url in values["links"])
    if values.get("date") is not None:
        values["date"] = dt.date.fromordinal(values["date"])
    given = row[-1]
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", {f for n, f in enumerate(fields) if given >> n & 1})
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _link(title: str, url: str) -> Link:
    link = Link.__new__(Link)
    _set(link, "__dict__", {"title": title, "url": url})
    _set(link, "__pydantic_fields_set__", {"title", "url"})
    _set(link, "__pydantic_extra__", None)
    _set(link, "__pydantic_private__", None)
    return link
