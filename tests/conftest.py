"""Shared fixtures: the project root, the shipped content and small glossaries built in code."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from bot.core.models import CommandCard, Content, Term

ROOT = Path(__file__).resolve().parents[1]
# The team's seed note and the real glossaries (with their licences), vendored into the tests
# so every clone runs every test; tests/fixtures/shared/data/README.md says where each is from.
SHARED = ROOT / "tests" / "fixtures" / "shared"
MISSING_DATA = "missing test data"


def skip_missing_data(reason: str) -> NoReturn:
    """Skip a test whose data files are absent; under CI=true the hook below fails it instead."""
    pytest.skip(f"{MISSING_DATA}: {reason}")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI a skip for missing data is a failure: CI must run every test, not skip some."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if not (report.skipped and _in_ci()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if MISSING_DATA in reason:
        report.outcome = "failed"
        report.longrepr = f"CI=true, so a skip for missing data fails the run: {reason}"


@pytest.fixture
def shared_dir() -> Path:
    """The vendored seed note and real glossaries (``seed/``, ``data/``)."""
    if not SHARED.is_dir():
        skip_missing_data(f"{SHARED} is absent")
    return SHARED


@pytest.fixture
def small_content() -> Content:
    terms = (
        Term(
            id="docker",
            term="도커",
            aliases=("docker", "컨테이너"),
            definition="애플리케이션을 컨테이너로 실행하는 오픈소스 프로젝트",
            notes=("가상머신보다 가볍다",),
            tags=("docker",),
            related=("cgroup",),
        ),
        Term(
            id="cgroup",
            term="Cgroup",
            aliases=("control group", "cgroups"),
            definition="CPU, 메모리 같은 자원을 제한하고 격리하는 커널 기능",
            tags=("linux",),
            related=("docker",),
        ),
        Term(
            id="kubernetes",
            term="쿠버네티스",
            aliases=("kubernetes", "k8s"),
            definition="컨테이너화된 애플리케이션을 실행하기 위한 프레임워크",
            tags=("kubernetes",),
        ),
        Term(id="pod", term="파드", aliases=("pod",), definition="가장 작은 배포 단위"),
    )
    commands = (
        CommandCard(
            id="docker-run-it",
            command="docker run -i -t ubuntu",
            explanation="-i 입출력, -t tty",
            terms=("docker",),
        ),
    )
    return Content(terms=terms, commands=commands)
