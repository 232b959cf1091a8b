"""Particles that agree with the word: Hangul, Latin words, acronyms and digits as they are read."""

from __future__ import annotations

import pytest

from bot.core.particles import attach, final_consonant, particle


@pytest.mark.parametrize(
    ("word", "topic"),
    [
        ("cgroup", "cgroup은"),
        ("pod", "pod는"),
        ("k8s", "k8s는"),
        ("3", "3은"),
        ("docker", "docker는"),
        ("helm", "helm은"),
        ("API", "API는"),
        ("내일", "내일은"),
        ("서울", "서울은"),
        ("아침", "아침은"),
        ("도커", "도커는"),
        ("10", "10은"),
        ("2", "2는"),
        ("100", "100은"),
        ("2026-12-05", "2026-12-05는"),
        ("YAML", "YAML은"),
        ("ArgoCD", "ArgoCD는"),
        ("kubectl", "kubectl은"),
        ("Europe/Berlin", "Europe/Berlin은"),
        ("파드(Pod)", "파드(Pod)는"),
        ("set", "set은"),
        ("stack", "stack은"),
        ("ping", "ping은"),
        ("volume", "volume은"),
        ("service", "service는"),
        ("VM", "VM은"),
    ],
)
def test_topic_particle_follows_how_the_word_is_read(word, topic):
    assert attach(word, "는") == topic
    assert attach(word, "은") == topic


@pytest.mark.parametrize(
    ("word", "form", "expected"),
    [
        ("서울", "으로", "로"),  # ㄹ takes 로
        ("아침", "로", "으로"),
        ("도커", "으로", "로"),
        ("/retro", "로", "로"),
        ("cgroup", "가", "이"),
        ("pod", "이", "가"),
        ("도커", "을", "를"),
        ("helm", "를", "을"),
        ("3", "와", "과"),
        ("2", "과", "와"),
        ("파드", "이에요", "예요"),
        ("노드포트", "이란", "란"),
    ],
)
def test_every_pair_is_chosen_by_the_final_sound(word, form, expected):
    assert particle(word, form) == expected


def test_trailing_marks_are_ignored():
    assert final_consonant("`서울`") == "ㄹ"
    assert final_consonant("**컨테이너**") == ""
    assert final_consonant("pod.") == ""


def test_a_word_that_cannot_be_read_gets_both_forms():
    assert final_consonant("🚀") is None
    assert particle("🚀", "는") == "은(는)"
    assert particle("", "를") == "을(를)"
