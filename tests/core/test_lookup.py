"""Tests for the glossary search: every way a learner may type a term, and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import EmptyQueryError, QueryTooLongError
from bot.core.lookup import MAX_QUERY_LENGTH, GlossaryIndex, LookupResult, MatchKind, edit_budget
from bot.core.models import Term


def term(term_id: str, name: str, *aliases: str) -> Term:
    return Term(id=term_id, term=name, aliases=aliases, definition=f"{name} 설명")


GLOSSARY = (
    term("docker", "Docker", "도커"),
    term("container", "컨테이너", "Container"),
    term("image", "이미지", "Image", "컨테이너 이미지"),
    term("volume", "볼륨", "Volume"),
    term("docker-compose", "Docker Compose", "도커 컴포즈", "compose"),
    term("multistage-build", "Multi-stage build", "멀티 스테이지 빌드", "multistage"),
    term("cgroup", "cgroup", "control group", "컨트롤 그룹"),
    term("kubernetes", "쿠버네티스", "Kubernetes", "k8s"),
    term("kubectl", "kubectl", "큐브컨트롤"),
    term("pod", "파드", "Pod"),
    term("node", "노드", "Node"),
    term("port", "포트", "Port"),
    term("service", "서비스", "Service"),
    term("gateway", "게이트웨이", "Gateway"),
    term("ingress", "인그레스", "Ingress"),
    term("deployment", "디플로이먼트", "Deployment"),
    term("cluster", "클러스터", "Cluster"),
    term("configmap", "컨피그맵", "ConfigMap"),
    term("namespace", "네임스페이스", "Namespace"),
)


@pytest.fixture(scope="module")
def index() -> GlossaryIndex:
    return GlossaryIndex(GLOSSARY)


def ids(result: LookupResult) -> list[str]:
    return [m.term.id for m in result.matches]


def only(result: LookupResult) -> tuple[str, MatchKind]:
    assert len(result.matches) == 1, ids(result)
    assert result.suggestions == ()
    return result.matches[0].term.id, result.matches[0].kind


@pytest.mark.parametrize(
    "query",
    [
        "Docker",
        "docker",
        "DOCKER",
        "ｄｏｃｋｅｒ",
        "  docker  ",
        "**docker**",
        "`docker`?",
        "do\x00cker",
    ],
)
def test_the_term_is_found_whatever_its_case_width_or_wrapping(index, query):
    result = index.lookup(query)
    assert only(result) == ("docker", MatchKind.EXACT)
    assert result.best is not None
    assert result.best.score == 100.0
    assert result.query == query


def test_an_id_is_an_exact_match(index):
    assert only(index.lookup("docker-compose")) == ("docker-compose", MatchKind.EXACT)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("도커", "docker"),
        ("K8S", "kubernetes"),
        ("Control Group", "cgroup"),
        ("큐브컨트롤", "kubectl"),
    ],
)
def test_an_alias_is_found_as_an_alias(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.ALIAS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("도커란", "docker"),
        ("도커가 뭐예요?", "docker"),
        ("쿠버네티스는?", "kubernetes"),
        ("파드에 대해", "pod"),
        ("컨테이너 뜻", "container"),
        ("cgroup이란", "cgroup"),
        ("kubectl이 뭐야", "kubectl"),
        ("서비스가 뭔가요", "service"),
        ("볼륨에 대해서 알려줘", "volume"),
        ("노드를 설명해줘", "node"),
        ("What is Docker?", "docker"),
        ("cgroups가 뭐야", "cgroup"),
    ],
)
def test_particles_and_question_endings_are_stripped(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.PARTICLE)


def test_a_term_ending_like_a_particle_is_found_whole(index):
    assert only(index.lookup("게이트웨이")) == ("gateway", MatchKind.EXACT)
    assert only(index.lookup("게이트웨이가 뭐야")) == ("gateway", MatchKind.PARTICLE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ㄷㅋ", "docker"),
        ("ㅋㅂㄴㅌㅅ", "kubernetes"),
        ("ㄴㄷ", "node"),
        ("ㄷㅋ ㅋㅍㅈ", "docker-compose"),
    ],
)
def test_a_chosung_query_finds_the_korean_name(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.CHOSUNG)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cgrup", "cgroup"),
        ("kubernets", "kubernetes"),
        ("kuberntes", "kubernetes"),
        ("dokcer", "docker"),
        ("쿠버내티스", "kubernetes"),
        ("포드", "pod"),
        ("컨테이나", "container"),
        ("디플로이먼츠", "deployment"),
        ("쿠버내티스는?", "kubernetes"),
    ],
)
def test_typos_in_latin_and_hangul_are_forgiven(index, query, expected):
    result = index.lookup(query)
    assert only(result) == (expected, MatchKind.FUZZY)
    assert result.matches[0].score < 100.0


def test_a_vowel_slip_beats_a_consonant_change(index):
    # 포드 is one jamo away from 파드, 노드 and 포트; only the vowel slip is a likely typo.
    assert ids(index.lookup("포드")) == ["pod"]


def test_a_changed_consonant_in_a_short_word_is_not_a_confident_match(index):
    result = index.lookup("코드")
    assert not result.found


@pytest.mark.parametrize(
    ("query", "expected", "kind"),
    [
        ("cgroups", "cgroup", MatchKind.EXACT),
        ("multi-stage", "multistage-build", MatchKind.ALIAS),
        ("Multi Stage", "multistage-build", MatchKind.ALIAS),
        ("multi_stage build", "multistage-build", MatchKind.EXACT),
        ("multi-stage builds", "multistage-build", MatchKind.EXACT),
        ("docker-compose", "docker-compose", MatchKind.EXACT),
        ("docker compose", "docker-compose", MatchKind.EXACT),
        ("DockerCompose", "docker-compose", MatchKind.EXACT),
        ("namespaces", "namespace", MatchKind.EXACT),
        ("control groups", "cgroup", MatchKind.ALIAS),
    ],
)
def test_plurals_and_spelling_variants_are_found(index, query, expected, kind):
    assert only(index.lookup(query)) == (expected, kind)


def test_a_plural_scores_below_the_exact_name(index):
    best = index.lookup("cgroups").best
    assert best is not None
    assert 90.0 <= best.score < 100.0


@pytest.mark.parametrize(
    "query",
    [
        "xyzzy",
        "banana",
        "SELECT * FROM terms",
        "'; DROP TABLE terms; --",
        "@everyone",
        "<script>alert(1)</script>",
        "[click](https://evil.example)",
        "pdo",
        "ab",
    ],
)
def test_a_query_matching_nothing_well_is_a_miss(index, query):
    result = index.lookup(query)
    assert not result.found
    assert result.best is None
    assert len(result.suggestions) <= 5


@pytest.mark.parametrize(
    ("query", "suggested"),
    [("쿠버", "kubernetes"), ("deploy", "deployment"), ("pdo", "pod"), ("ㅋㅌ", "container")],
)
def test_a_miss_suggests_close_terms(index, query, suggested):
    result = index.lookup(query)
    assert not result.found
    assert suggested in [m.term.id for m in result.suggestions]


def test_suggestions_are_capped_at_five(index):
    result = index.lookup("ㅋ")
    assert not result.found
    assert 0 < len(result.suggestions) <= 5


def test_entries_sharing_a_name_are_both_returned():
    index = GlossaryIndex(
        [
            term("docker-volume", "Volume", "도커 볼륨"),
            term("k8s-volume", "Volume", "쿠버네티스 볼륨"),
            term("k8s-service", "Service", "서비스"),
            term("compose-service", "Compose service", "서비스"),
        ]
    )
    assert ids(index.lookup("volume")) == ["docker-volume", "k8s-volume"]
    assert {m.kind for m in index.lookup("volume").matches} == {MatchKind.EXACT}
    assert sorted(ids(index.lookup("서비스"))) == ["compose-service", "k8s-service"]


def test_a_name_that_is_one_entrys_term_and_anothers_alias_returns_both():
    index = GlossaryIndex(
        [term("compose", "Compose", "dc"), term("docker-compose", "DC", "compose")]
    )
    result = index.lookup("compose")
    assert [(m.term.id, m.kind) for m in result.matches] == [
        ("compose", MatchKind.EXACT),
        ("docker-compose", MatchKind.ALIAS),
    ]


def test_typos_scoring_alike_are_ambiguous():
    index = GlossaryIndex([term("cache", "cache"), term("catch", "catch"), term("pod", "pod")])
    result = index.lookup("cach")
    assert sorted(ids(result)) == ["cache", "catch"]
    assert abs(result.matches[0].score - result.matches[1].score) <= 3.0


def test_entries_sharing_a_chosung_are_both_returned():
    index = GlossaryIndex([term("docker", "도커"), term("dark", "다크"), term("pod", "파드")])
    assert sorted(ids(index.lookup("ㄷㅋ"))) == ["dark", "docker"]


@pytest.mark.parametrize("query", ["", "   ", "?!", "🐳", "\u200b", "\x00\x07"])
def test_an_empty_query_is_refused(index, query):
    with pytest.raises(EmptyQueryError):
        index.lookup(query)


@pytest.mark.parametrize("length", [MAX_QUERY_LENGTH + 1, 10_000])
def test_a_query_over_the_limit_is_refused(index, length):
    with pytest.raises(QueryTooLongError) as raised:
        index.lookup("도" * length)
    assert raised.value.params == {"limit": MAX_QUERY_LENGTH}


def test_a_query_at_the_limit_is_searched(index):
    assert not index.lookup("x" * MAX_QUERY_LENGTH).found


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_result_or_a_domain_error(text):
    try:
        result = GlossaryIndex(GLOSSARY).lookup(text)
    except (EmptyQueryError, QueryTooLongError):
        return
    assert len(result.matches) <= 5
    assert len(result.suggestions) <= 5
    assert not (result.matches and result.suggestions)


def test_every_name_finds_its_own_entry(index):
    for entry in GLOSSARY:
        for name in (*entry.names, entry.id):
            assert entry.id in ids(index.lookup(name)), name


def test_edit_budget_is_stricter_for_short_queries():
    assert [edit_budget(n) for n in (2, 3, 4, 7, 8, 12, 13, 18, 40)] == [0, 0, 1, 1, 2, 2, 3, 4, 4]


def test_get_len_and_terms(index):
    assert len(index) == len(GLOSSARY)
    assert index.get("pod") is GLOSSARY[9]
    assert index.get("nope") is None
    assert index.terms == GLOSSARY


def test_an_empty_glossary_misses_everything():
    index = GlossaryIndex([])
    assert not index.lookup("docker").found
    assert index.complete("") == ()
    assert index.complete("d") == ()


def first_ids(terms: tuple[Term, ...], count: int = 1) -> list[str]:
    return [t.id for t in terms[:count]]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("ㅋㅂ", "kubernetes"),
        ("cg", "cgroup"),
        ("CG", "cgroup"),
        ("쿠버", "kubernetes"),
        ("쿠ㅂ", "kubernetes"),
        ("쿱", "kubernetes"),  # what the IME shows between 쿠 and 쿠버
        ("쿠번", "kubernetes"),  # and between 쿠버 and 쿠버네
        ("kubern", "kubernetes"),
        ("pod", "pod"),
        ("stage", "multistage-build"),  # a later word of a name
        ("ㄷㅋ ㅋ", "docker-compose"),
    ],
)
def test_complete_offers_terms_for_what_is_typed_so_far(index, prefix, expected):
    assert first_ids(index.complete(prefix)) == [expected]


def test_complete_ranks_the_typed_name_and_shorter_names_first(index):
    assert first_ids(index.complete("docker"), 2) == ["docker", "docker-compose"]
    assert first_ids(index.complete("kube"), 2) == ["kubectl", "kubernetes"]


def test_complete_offers_a_term_once_even_when_several_names_match(index):
    offered = index.complete("컨")
    assert len(offered) == len(set(offered))
    assert {"container", "configmap", "image"} <= {t.id for t in offered}


def test_complete_with_an_empty_prefix_lists_terms_alphabetically(index):
    offered = index.complete("", limit=3)
    assert [t.term for t in offered] == ["cgroup", "Docker", "Docker Compose"]


def test_complete_respects_the_limit(index):
    assert len(index.complete("", limit=5)) == 5
    assert len(index.complete("ㅋ", limit=2)) == 2
    assert index.complete("d", limit=0) == ()


@pytest.mark.parametrize("prefix", ["zzz", "x" * 10_000])
def test_complete_with_nothing_matching_offers_nothing(index, prefix):
    assert index.complete(prefix) == ()


def test_complete_with_nothing_searchable_typed_lists_terms(index):
    assert index.complete("🐳 ", limit=3) == index.complete("", limit=3)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.integers(min_value=0, max_value=30))
def test_complete_never_repeats_a_term_nor_exceeds_the_limit(prefix, limit):
    offered = GlossaryIndex(GLOSSARY).complete(prefix, limit)
    assert len(offered) <= limit
    assert len({t.id for t in offered}) == len(offered)
