"""Shared fixtures for importer tests: where the real glossaries and the seed note live."""

from __future__ import annotations

from pathlib import Path

import pytest

# tests/infra/importers/conftest.py → parents[3] is the project root; the data sits beside it.
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SEED_NOTE = SHARED / "seed" / "000_96633a297b19d804.txt"


@pytest.fixture
def data_dir() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"real glossary data not found at {data} (a clone without ../shared)")
    return data


@pytest.fixture
def k8s_dir(data_dir: Path) -> Path:
    return data_dir / "k8s-glossary"


@pytest.fixture
def seed_text() -> str:
    if not SEED_NOTE.is_file():
        pytest.skip(f"the team's seed note is not at {SEED_NOTE} (a clone without ../shared)")
    return SEED_NOTE.read_text(encoding="utf-8")
