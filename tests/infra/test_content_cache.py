"""The content cache: unchanged content loads from the data dir, changed content never does."""

from __future__ import annotations

import pytest

from bot.core.errors import ContentError
from bot.infra.content_cache import load_indexed
from tests.infra.test_content import GOOD_TERM, _write


def test_cache_serves_unchanged_content_and_notices_a_change(tmp_path):
    folder = tmp_path / "content"
    path = _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    first = load_indexed(folder, cache_dir=cache)[0]
    (cached_file,) = cache.glob("content-*.pickle")
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
    assert not list(cache.glob("content-*.pickle"))


def test_corrupt_cache_is_ignored(tmp_path):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    load_indexed(folder, cache_dir=cache)[0]
    (cached_file,) = cache.glob("content-*.pickle")
    cached_file.write_bytes(b"not a pickle")
    assert load_indexed(folder, cache_dir=cache)[0].terms[0].id == "docker"


def test_index_is_cached_with_the_content_and_answers_the_same(tmp_path):
    folder = tmp_path / "content"
    _write(folder, "glossary/a.yaml", GOOD_TERM)
    cache = tmp_path / "cache"
    _, built = load_indexed(folder, cache_dir=cache)
    content, cached = load_indexed(folder, cache_dir=cache)
    assert cached is not built  # the second one came from the pickle
    assert cached.lookup("도커란").best.term == content.terms[0]
