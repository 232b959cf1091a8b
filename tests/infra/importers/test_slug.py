"""Names and ids: Hangul romanization, slugs, aliases from parentheses, unique ids."""

from __future__ import annotations

import re

import pytest

from bot.infra.importers.slug import (
    IdAllocator,
    normalize_name,
    romanize,
    slugify,
    split_name,
    term_slug,
)

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("쿠버네티스", "kubeonetiseu"),
        ("도커", "dokeo"),
        ("파드", "padeu"),
        ("클러스터", "keulleoseuteo"),  # ㄹ+ㄹ is written ll
        ("음악", "eumak"),  # a final before a silent ㅇ moves over
        ("인그레스", "ingeureseu"),
    ],
)
def test_romanize_follows_revised_romanization(hangul: str, latin: str) -> None:
    assert romanize(hangul) == latin


def test_romanize_leaves_other_characters_alone() -> None:
    assert romanize("API 그룹 v2") == "API geurup v2"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Docker image", "docker-image"),
        ("x86_64", "x86-64"),
        ("EC2 & spot instances", "ec2-spot-instances"),
        ("CustomResourceDefinition", "customresourcedefinition"),
        ("API 그룹", "api-geurup"),
        ("!!!", ""),
    ],
)
def test_slugify_makes_ids_of_the_id_pattern(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert not slug or ID.match(slug)


def test_term_slug_prefers_a_latin_alias_over_romanizing() -> None:
    assert term_slug("파드", ["POD"]) == "pod"
    assert term_slug("쿠버네티스") == "kubeonetiseu"


@pytest.mark.parametrize(
    ("title", "name", "aliases"),
    [
        ("Cgroup(control group)", "Cgroup", ["control group"]),
        ("파드(POD)", "파드", ["POD"]),
        ("Infra as Code (laC)", "Infra as Code", ["IaC"]),
        ("EKS (Elastic Kubernetes Service)", "EKS", ["Elastic Kubernetes Service"]),
        ("디플로이먼트(Deployment)", "디플로이먼트", ["Deployment"]),
        (
            "동적 리소스 할당 (원문, Dynamic Resource Allocation)",
            "동적 리소스 할당",
            ["Dynamic Resource Allocation"],
        ),
        (
            "CLA (컨트리뷰터 사용권 계약|Contributor License Agreement)",
            "CLA",
            ["컨트리뷰터 사용권 계약", "Contributor License Agreement"],
        ),
        (
            "컨테이너 네트워크 인터페이스(Container network interface, CNI)",
            "컨테이너 네트워크 인터페이스",
            ["Container network interface", "CNI"],
        ),
        ("개발자(Developer) (의미 명확화)", "개발자", ["Developer"]),
        ("Developer (disambiguation)", "Developer", []),
        ("Docker file (명령어)", "Docker file", []),
        ("가비지(Garbage) 수집", "가비지 수집", []),
        ("API를 이용한 축출(Eviction)", "API를 이용한 축출", []),
        ("범위 제한(LimitRange)", "범위 제한", ["LimitRange"]),
        ("컨테이너 스토리지 인터페이스(CSI)", "컨테이너 스토리지 인터페이스", ["CSI"]),
        ("Namespace", "Namespace", []),
    ],
)
def test_split_name_turns_parentheses_into_aliases(
    title: str, name: str, aliases: list[str]
) -> None:
    assert split_name(title) == (name, aliases)


def test_lowercase_l_fix_only_touches_acronym_shaped_aliases() -> None:
    assert split_name("Platform (laaS)") == ("Platform", ["IaaS"])
    assert split_name("Music (label)") == ("Music", ["label"])


def test_normalize_name_ignores_case_width_spaces_and_hyphens() -> None:
    assert normalize_name("Kube-Proxy") == normalize_name("kube proxy") == "kubeproxy"
    assert normalize_name("ＰＯＤ") == normalize_name("pod")


def test_id_allocator_adds_numbered_suffixes() -> None:
    ids = IdAllocator({"pod"})
    assert [ids.take("pod"), ids.take("pod"), ids.take("node")] == ["pod-2", "pod-3", "node"]
