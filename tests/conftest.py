"""Shared fixtures: the project root, the shipped content and small glossaries built in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.models import CommandCard, Content, Term

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared folder beside the checkout; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: this clone has no team seed note or real glossaries")
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
