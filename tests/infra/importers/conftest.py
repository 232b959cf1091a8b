"""Shared fixtures for importer tests: where the real glossaries and the seed note live."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED, skip_missing_data

SEED_NOTE = SHARED / "seed" / "000_96633a297b19d804.txt"


@pytest.fixture
def data_dir() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        skip_missing_data(f"real glossary data not found at {data}")
    return data


@pytest.fixture
def k8s_dir(data_dir: Path) -> Path:
    return data_dir / "k8s-glossary"


@pytest.fixture
def seed_text() -> str:
    if not SEED_NOTE.is_file():
        skip_missing_data(f"the team's seed note is not at {SEED_NOTE}")
    return SEED_NOTE.read_text(encoding="utf-8")
