"""A small glossary built in code for the Discord tests and the benchmark."""

from __future__ import annotations

from bot.core.models import CommandCard, Content, Term

TERMS = (
    Term(
        id="cgroup",
        term="Cgroup",
        aliases=("control group", "씨그룹"),
        definition="프로세스 그룹이 쓰는 CPU·메모리 자원을 제한하고 격리하는 커널 기능",
        notes=("컨테이너의 자원 제한은 cgroup으로 구현된다.",),
        related=("namespace", "docker"),
    ),
    Term(
        id="namespace",
        term="네임스페이스",
        aliases=("namespace", "리눅스 네임스페이스"),
        definition="프로세스가 보는 시스템 자원(PID, 네트워크, 마운트 등)을 분리하는 커널 기능",
        related=("cgroup",),
    ),
    Term(
        id="docker",
        term="도커",
        aliases=("Docker", "컨테이너 엔진"),
        definition="컨테이너를 만들고 실행하는 플랫폼",
        related=("kubernetes", "cgroup"),
    ),
    Term(
        id="kubernetes",
        term="쿠버네티스",
        aliases=("Kubernetes", "k8s", "쿠베"),
        definition="컨테이너화된 애플리케이션을 탄력적으로 실행하기 위한 프레임워크",
        related=("pod", "docker"),
    ),
    Term(
        id="pod",
        term="파드",
        aliases=("pod", "포드"),
        definition="쿠버네티스에서 배포할 수 있는 가장 작은 컴퓨팅 단위",
        related=("kubernetes",),
    ),
    Term(
        id="kubelet",
        term="Kubelet",
        aliases=("큐블릿",),
        definition="각 노드에서 파드가 실행되도록 관리하는 에이전트",
        related=("pod",),
    ),
)

COMMANDS = (
    CommandCard(
        id="docker-run",
        command="docker run --memory 256m nginx",
        explanation="메모리를 256MB로 제한해 nginx 컨테이너를 실행한다 (cgroup)",
        terms=("docker", "cgroup"),
    ),
)


def sample_content() -> Content:
    return Content(terms=TERMS, commands=COMMANDS)
