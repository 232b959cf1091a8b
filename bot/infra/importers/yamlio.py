"""YAML for content files: readable dumps (block text for multi-line strings), atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from pydantic import BaseModel


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
        plain(data), Dumper=_ContentDumper, allow_unicode=True, sort_keys=False, width=100
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
