"""YAML for content files: readable dumps, round-trip edits that keep a layout, atomic writes."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from io import StringIO
from pathlib import Path

import yaml
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

_WIDTH = 100


class _ContentDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe dumper that writes multi-line strings as ``|`` blocks a person can edit."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ContentDumper.add_representer(str, _str)


def plain(value: object) -> object:
    """Models, tuples and lists as the plain dicts and lists YAML can hold; defaults omitted."""
    if isinstance(value, BaseModel):
        return plain(value.model_dump(mode="python", exclude_defaults=True))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def dump(data: object) -> str:
    """The stable text of a content file (no key sorting, Unicode kept, width 100)."""
    text = yaml.dump(
        plain(data), Dumper=_ContentDumper, allow_unicode=True, sort_keys=False, width=_WIDTH
    )
    return str(text)


def write_atomic(path: Path, text: str) -> bool:
    """Write through a temporary file and ``os.replace``; False when the bytes were the same."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)  # atomic on POSIX and Windows, like os.replace
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


# Each list in a content file, and the key that names one of its entries.
_ENTRY_KEYS = {"terms": "id", "commands": "id", "days": "day"}


def _round_trip(text: str) -> YAML:
    """A round-trip YAML set to write ``text``'s layout back: its indents and line width."""
    _, indent, offset = load_yaml_guess_indent(text)
    yaml_rt = YAML(typ="rt")
    yaml_rt.preserve_quotes = True
    # Mappings are indented by 2 in every content file; lists vary (``- id`` or ``  - id``).
    yaml_rt.indent(mapping=2, sequence=indent or 2, offset=offset or 0)
    # A file with a line over 100 characters was not folded at 100 (ours are): keep its lines.
    long_lines = any(len(line) > _WIDTH for line in text.splitlines())
    yaml_rt.width = 1_000_000 if long_lines else _WIDTH
    return yaml_rt


def write_content(path: Path, model: BaseModel) -> bool:
    """Write a content file, keeping an existing one's comments, order and formatting.

    The existing file is read with ruamel.yaml's round-trip loader and only what differs is
    changed in place: new entries are appended, and in a merged entry only the keys whose
    values changed are rewritten (a list that only grew keeps its items and gets the new ones
    appended). A file of another shape is written afresh. False when nothing changed.
    """
    if not path.exists():
        return write_atomic(path, dump(model))
    text = path.read_text(encoding="utf-8")
    yaml_rt = _round_trip(text)
    doc = yaml_rt.load(text)
    changed = _patch(doc, plain(model)) if isinstance(doc, CommentedMap) else None
    if changed is None:
        return write_atomic(path, dump(model))
    if not changed:
        return False
    out = StringIO()
    yaml_rt.dump(doc, out)
    return write_atomic(path, out.getvalue())


def _patch(doc: CommentedMap, new: object) -> bool | None:
    """Apply ``new`` to ``doc``; whether anything changed, or None for a shape it cannot patch."""
    if not isinstance(new, dict):
        return None
    changed = False
    for top, entries in new.items():
        key, old = _ENTRY_KEYS.get(top), doc.get(top)
        if key is None or not isinstance(old, CommentedSeq) or not isinstance(entries, list):
            return None
        by_key = {item.get(key): item for item in old if isinstance(item, CommentedMap)}
        for entry in entries:
            node = by_key.get(entry.get(key))
            if node is None:
                old.append(_fresh(entry))
                changed = True
            else:
                changed = _update(node, entry) or changed
    return changed


def _update(node: CommentedMap, entry: dict[str, object]) -> bool:
    changed = False
    for name, value in entry.items():
        current = node.get(name)
        if _unstyled(current) == value:
            continue
        changed = True
        if isinstance(current, CommentedSeq) and isinstance(value, list):
            had = _unstyled(current)
            if isinstance(had, list) and value[: len(had)] == had:
                current.extend(_fresh(v) for v in value[len(had) :])
                continue
        node[name] = _fresh(value)
    # Keys the model left out are defaults (an empty list, no source): they stay as written.
    return changed


def _unstyled(value: object) -> object:
    """A loaded value as plain Python, so it compares equal to the model's."""
    if isinstance(value, dict):
        return {str(k): _unstyled(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unstyled(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def _fresh(value: object) -> object:
    """A plain value as ruamel nodes: multi-line text as a ``|`` block, like ``dump``."""
    if isinstance(value, dict):
        return CommentedMap((k, _fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(v) for v in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value
