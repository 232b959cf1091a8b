"""The content cache: unchanged content loads from the data dir, changed content never does."""

from __future__ import annotations

import hashlib
import logging
import marshal
import pickle

import pytest

from bot.core.errors import ContentError
from bot.infra import content_cache
from bot.infra.content import shipped_content_dir
from bot.infra.content_cache import load_indexed
from tests.infra.test_content import GOOD_TERM, _write


def test_cache_serves_unchanged_content_and_notices_a_change(tmp_path):
    folder = tmp_path / "content"
    path = _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    first = load_indexed(folder, cache_dir=cache)[0]
    (cached_file,) = cache.glob("content-*.cache")
    assert load_indexed(folder, cache_dir=cache)[0] == first
    path.write_text(GOOD_TERM.replace("컨테이너 도구", "바뀐 정의"), encoding="utf-8")
    assert load_indexed(folder, cache_dir=cache)[0].terms[0].definition == "바뀐 정의"
    assert not cached_file.exists()  # the stale entry was replaced, not kept beside it


def test_invalid_content_is_never_cached(tmp_path):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", "terms:\n  - id: x\n")
    cache = tmp_path / "cache"
    with pytest.raises(ContentError):
        load_indexed(folder, cache_dir=cache)[0]
    assert not list(cache.glob("content-*"))


def test_index_is_cached_with_the_content_and_answers_the_same(tmp_path):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    _, built = load_indexed(folder, cache_dir=cache)
    content, cached = load_indexed(folder, cache_dir=cache)
    assert cached is not built  # the second one came from the cache file
    assert cached.lookup("도커란").best.term == content.terms[0]


def test_cached_shipped_content_equals_the_parsed_one_field_by_field(tmp_path):
    built, built_index = load_indexed(shipped_content_dir(), cache_dir=tmp_path)
    cached, cached_index = load_indexed(shipped_content_dir(), cache_dir=tmp_path)
    assert cached == built
    for term in built.terms:
        again = cached_index.lookup(term.term)
        assert again.best.term == built_index.lookup(term.term).best.term
    assert [t.model_fields_set for t in cached.terms] == [t.model_fields_set for t in built.terms]
    assert cached.days[0].date == built.days[0].date


def test_cache_file_holds_no_pickle(tmp_path):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    load_indexed(folder, cache_dir=tmp_path / "cache")
    (cached_file,) = (tmp_path / "cache").glob("content-*")
    data = cached_file.read_bytes()
    assert data.startswith(content_cache.MAGIC)
    assert b"bot.core.models" not in data  # no class is named, so none can be called


def _flip_a_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


def _older_version(data: bytes) -> bytes:
    head = len(content_cache.MAGIC)
    return data[:head] + (1).to_bytes(4, "big") + data[head + 4 :]


def _a_pickle(_: bytes) -> bytes:
    return pickle.dumps({"terms": []})


def _valid_digest_wrong_shape(_: bytes) -> bytes:
    payload = marshal.dumps({"key": "x", "terms": [("nope",)]})
    digest = hashlib.sha256(payload).digest()
    return content_cache.MAGIC + content_cache.FORMAT.to_bytes(4, "big") + digest + payload


@pytest.mark.parametrize(
    "damage",
    [
        _flip_a_byte,
        lambda data: data[: len(data) // 3],
        lambda _: b"\x00garbage\xff" * 100,
        lambda _: b"",
        _older_version,
        _a_pickle,
        _valid_digest_wrong_shape,
    ],
    ids=["flipped-byte", "truncated", "garbage", "empty", "older-version", "pickle", "shape"],
)
def test_damaged_cache_is_discarded_with_one_warning_and_rebuilt(tmp_path, caplog, damage):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    load_indexed(folder, cache_dir=cache)
    (cached_file,) = cache.glob("content-*")
    good = cached_file.read_bytes()
    cached_file.write_bytes(damage(good))
    with caplog.at_level(logging.WARNING, logger="bot.infra.content_cache"):
        content, index = load_indexed(folder, cache_dir=cache)
    assert content.terms[0].id == "docker"
    assert index.lookup("도커").best.term.id == "docker"
    (warning,) = caplog.records
    assert "discarded" in warning.getMessage()
    assert cached_file.read_bytes() == good  # rebuilt in place
    caplog.clear()
    load_indexed(folder, cache_dir=cache)
    assert not caplog.records  # the rebuilt cache is read without complaint


def test_unwritable_cache_dir_only_costs_speed(tmp_path, caplog):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.infra.content_cache"):
        content, _ = load_indexed(folder, cache_dir=blocker)
    assert content.terms[0].id == "docker"
    assert any("not written" in r.getMessage() for r in caplog.records)
