"""Lookup over glossaries nobody on this project wrote: the Kubernetes and Docker glossaries."""

from __future__ import annotations

import pytest

from bot.core.lookup import GlossaryIndex, MatchKind
from bot.infra.importers.docker import import_docker_glossary
from bot.infra.importers.k8s import import_k8s_dir


@pytest.fixture
def k8s_ko(shared_dir) -> GlossaryIndex:
    return GlossaryIndex(import_k8s_dir(shared_dir / "data/k8s-glossary/ko").terms)


@pytest.fixture
def k8s_en(shared_dir) -> GlossaryIndex:
    return GlossaryIndex(import_k8s_dir(shared_dir / "data/k8s-glossary/en").terms)


@pytest.fixture
def docker(shared_dir) -> GlossaryIndex:
    return GlossaryIndex(
        import_docker_glossary(shared_dir / "data/docker-glossary/glossary.yaml").terms
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("파드", "pod"),
        ("파드가 뭐예요?", "pod"),
        ("디플로이먼트란", "deployment"),
        ("Deployment", "deployment"),
        ("ㄷㅍㄹㅇㅁㅌ", "deployment"),
        ("디플로이먼느", "deployment"),
        ("kubelet", "kubelet"),
        ("컨피그맵", "configmap"),
    ],
)
def test_korean_kubernetes_glossary_answers_korean_queries(k8s_ko, query, expected):
    result = k8s_ko.lookup(query)
    assert result.best is not None, result.suggestions
    assert result.best.term.id == expected


def test_english_kubernetes_glossary_handles_typos_and_plurals(k8s_en):
    assert k8s_en.lookup("kubeelt").best.term.id == "kubelet"
    assert k8s_en.lookup("cgroups").best.term.id == "cgroup"
    assert k8s_en.lookup("control group").best.kind is MatchKind.ALIAS


def test_docker_glossary_aliases_and_typos(docker):
    assert docker.lookup("control groups").best.term.id == docker.lookup("cgroups").best.term.id
    assert docker.lookup("dokerfile").best.term.term.lower() == "dockerfile"


def test_unrelated_words_miss_in_a_real_glossary(k8s_en):
    for query in ("banana", "SELECT * FROM terms", "@everyone"):
        assert not k8s_en.lookup(query).found, query


def test_autocomplete_on_a_real_glossary(k8s_ko):
    names = [t.term for t in k8s_ko.complete("ㄷㅍ")]
    assert names[0].startswith("디플로이먼트")
    assert len(names) <= 25
