"""Lookup past exact names: keyboard mode, endings, mixed scripts, pairs and descriptions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.core import analysis, keyboard, korean
from bot.core.describe import DescriptionIndex, Hit, Ranking
from bot.core.glossary import GlossaryService
from bot.core.journal.linking import TermLinker
from bot.core.lookup import GlossaryIndex, MatchKind
from bot.core.models import CommandCard, Content, Term


def term(term_id: str, name: str, *aliases: str, definition: str = "", notes=()) -> Term:
    return Term(
        id=term_id,
        term=name,
        aliases=aliases,
        definition=definition or f"{name} 설명",
        notes=notes,
    )


GLOSSARY = (
    term(
        "docker",
        "도커",
        "Docker",
        definition="애플리케이션을 컨테이너로 실행하는 오픈소스 프로젝트",
    ),
    term("dockerfile", "Dockerfile", "도커파일", definition="도커 이미지를 만드는 설정 파일"),
    term("docker-image", "Docker image", "도커 이미지", definition="실행 가능한 컨테이너의 템플릿"),
    term(
        "docker-compose",
        "docker compose",
        "도커 컴포즈",
        definition="여러 컨테이너를 관리하는 도구",
    ),
    term("helm-chart", "Helm Chart", "헬름", "헬름 차트", definition="쿠버네티스 패키지 매니저"),
    term(
        "cgroup",
        "Cgroup",
        "control group",
        definition="CPU와 메모리 같은 자원 사용을 제한하는 기능",
    ),
    term("pod", "파드", "pod", definition="배포 가능한 가장 작은 컴퓨팅 단위"),
    term("node", "노드", "node", definition="클러스터를 구성하는 개별 가상 서버"),
    term("eks", "EKS", "Amazon EKS", definition="AWS에서 제공하는 관리형 서비스"),
    term(
        "docker-load",
        "load",
        "docker load",
        "로드",
        definition="tar로 저장된 도커 이미지를 이미지로 생성",
    ),
    term("docker-save", "save", "docker save", definition="도커 이미지를 tar 파일로 저장"),
    term(
        "volume",
        "docker volume",
        "볼륨",
        definition="컨테이너 데이터를 영구적으로 보관하는 저장 방식",
    ),
)


@pytest.fixture(scope="module")
def index() -> GlossaryIndex:
    return GlossaryIndex(GLOSSARY)


def only(result) -> tuple[str, MatchKind]:
    assert len(result.matches) == 1, [m.term.id for m in result.matches]
    return result.matches[0].term.id, result.matches[0].kind


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("ehzjvkdlf", "도커파일"),
        ("gpffma", "헬름"),
        ("dkssudgktpdy", "안녕하세요"),
        ("Ekfrl", "딸기"),
    ],
)
def test_keys_typed_in_english_mode_become_the_hangul_they_spell(typed, meant):
    assert keyboard.to_hangul(typed) == meant


@pytest.mark.parametrize(("typed", "meant"), [("ㅊㅎ개ㅕㅔ", "cgroup"), ("애찯ㄱ", "docker")])
def test_jamo_typed_in_korean_mode_become_the_latin_keys(typed, meant):
    assert keyboard.to_latin(typed) == meant


@pytest.mark.parametrize("word", ["pdo", "banana", "kafka", "react", "도커"])
def test_english_words_that_leave_a_bare_jamo_are_not_taken_for_korean(word):
    assert keyboard.to_hangul(word) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ehzjvkdlf", "dockerfile"), ("ㅊㅎ개ㅕㅔ", "cgroup"), ("GPFFMA", "helm-chart")],
)
def test_text_typed_in_the_wrong_input_mode_is_found_as_keyboard(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.KEYBOARD)


def test_a_typo_in_the_converted_text_is_still_forgiven(index):
    result = index.lookup("ehzjvkdlr")  # 도커파익
    assert only(result) == ("dockerfile", MatchKind.KEYBOARD)
    assert result.matches[0].score < 90.0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("노드와", "node"),
        ("헬름으로", "helm-chart"),
        ("파드까지요", "pod"),
        ("EKS는 어디에 써?", "eks"),
        ("도커파일이에요", "dockerfile"),
        ("볼륨인가요", "volume"),
    ],
)
def test_endings_beyond_the_particle_list_are_cut_off(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.PARTICLE)


def test_the_analyser_never_cuts_a_description_down_to_a_name_it_mentions():
    assert analysis.stems("파드에서 도는 컨테이너") == ()
    assert analysis.stems("레지스트리까지요")[-1] == "레지스트리"


@pytest.mark.parametrize("sentence", ["노드와 파드를 배웠다", "헬름으로 배포했다"])
def test_the_retro_linker_peels_the_same_particles_as_define(index, sentence):
    linker = TermLinker(GLOSSARY)
    linked = linker.scan([sentence])
    for word in sentence.split()[:1]:
        assert index.lookup(word).best.term.id == linked[0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("helm 차트", "helm-chart"),
        ("도커 compose", "docker-compose"),
        ("도커 image", "docker-image"),
        ("docker 이미지", "docker-image"),
        ("도커 compose로", "docker-compose"),
    ],
)
def test_a_name_typed_across_scripts_is_found_word_by_word(index, query, expected):
    assert only(index.lookup(query)) == (expected, MatchKind.MIXED)


@pytest.mark.parametrize(
    "query",
    [
        "파드랑 노드 차이",
        "파드와 노드의 차이점",
        "pod vs node",
        "pod or node",
        "파드하고 node 비교",
    ],
)
def test_two_terms_in_one_question_are_both_answered_in_order(index, query):
    result = index.lookup(query)
    assert result.compared
    assert [m.term.id for m in result.matches] == ["pod", "node"]


@pytest.mark.parametrize("query", ["파드랑 리액트 차이", "kafka vs node", "파드랑 포드 차이"])
def test_a_pair_with_an_unknown_or_repeated_side_is_no_comparison(index, query):
    assert not index.lookup(query).compared


def test_a_description_finds_the_entry_and_the_sentence_that_matched(index):
    result = index.lookup("컨테이너 데이터를 영구적으로 보관")
    assert only(result) == ("volume", MatchKind.DESCRIPTION)
    assert result.matches[0].sentence == "컨테이너 데이터를 영구적으로 보관하는 저장 방식"


def test_a_learners_verb_finds_the_command_named_after_it(index):
    assert only(index.lookup("tar에 저장된 이미지 불러오기"))[0] == "docker-load"


def test_a_description_without_a_clear_winner_only_suggests(index):
    result = index.lookup("tar 파일 도커 이미지")  # load and save both say this
    assert not result.found
    assert {"docker-load", "docker-save"} <= {m.term.id for m in result.suggestions}


@pytest.mark.parametrize("query", ["리액트", "서비스 메시", "로드밸런서", "kafka", "카프카가 뭐야"])
def test_what_the_glossary_lacks_is_a_miss(index, query):
    assert not index.lookup(query).found


def test_the_practice_lines_that_mention_an_entry_find_it():
    cards = {"pod": ["kubectl get pods: 실행 중인 목록을 확인한다"]}
    index = GlossaryIndex(GLOSSARY, cards)
    assert only(index.lookup("실행 중인 목록 확인"))[0] == "pod"


def test_ranking_is_confident_only_with_a_clear_lead_and_enough_words():
    assert Ranking((Hit(0, 10.0, 2), Hit(1, 5.0, 2)), 3).confident
    assert not Ranking((Hit(0, 10.0, 2), Hit(1, 9.0, 2)), 3).confident
    assert not Ranking((Hit(0, 10.0, 1),), 1).confident
    assert not Ranking((Hit(0, 10.0, 2),), 6).confident
    assert not Ranking((), 2).confident


def test_an_empty_description_index_ranks_nothing():
    assert DescriptionIndex((), {}).rank("컨테이너 데이터").hits == ()


def test_a_name_query_never_loads_the_analyser():
    code = (
        "from bot.core import analysis\n"
        "from bot.core.lookup import GlossaryIndex\n"
        "from bot.core.models import Term\n"
        "index = GlossaryIndex([Term(id='pod', term='파드', aliases=('pod',), definition='d')])\n"
        "for q in ['파드', 'pod', '파드가 뭐야', 'ㅍㄷ', 'pdo', '포드', 'vkem', 'kafka']:\n"
        "    index.lookup(q)\n"
        "assert not analysis.ANALYSER.loaded()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_define_shows_a_pair_as_two_columns():
    service = GlossaryService(Content(terms=GLOSSARY))
    reply = service.define("파드랑 노드 차이")
    assert [(f.name, f.inline) for f in reply.fields] == [("파드", True), ("노드", True)]
    assert [b.custom_id for b in reply.buttons] == ["define:show:pod", "define:show:node"]
    assert "파드" in reply.title
    assert "노드" in reply.title


def test_define_shows_the_matched_sentence_of_a_description():
    service = GlossaryService(Content(terms=GLOSSARY))
    reply = service.define("컨테이너 데이터를 영구적으로 보관", "en")
    assert reply.fields[0].name == "Matched sentence"
    assert "영구적으로" in reply.fields[0].value
    assert "description" in reply.footer


def test_autocomplete_offers_description_hits_from_two_words():
    commands = (
        CommandCard(
            id="ls", command="docker volume ls", explanation="볼륨 목록", terms=("volume",)
        ),
    )
    service = GlossaryService(Content(terms=GLOSSARY, commands=commands))
    choices = service.complete("데이터 영구적으로")
    assert choices[0].value == "volume"
    assert "설명으로 찾음" in choices[0].name
    assert all("설명" not in c.name for c in service.complete("데이터"))
    assert all("설명" not in c.name for c in service.complete("도커 컴포"))


def test_sentence_particles_are_shared_by_word_forms():
    assert "노드" in korean.word_forms("노드와")
    assert "helm" in korean.word_forms("helm으로")


def test_an_analyser_that_fails_to_load_leaves_whole_words_and_no_traceback(caplog):
    def broken():
        raise OSError("model file missing")

    splitter = analysis._Analyser(broken).get()
    assert [t.form for t in splitter.tokenize("컨테이너 데이터를 보관")] == [
        "컨테이너",
        "데이터를",
        "보관",
    ]
    assert [[t.tag for t in r] for r in splitter.tokenize(["EKS 서비스"])] == [["SL", "NNG"]]
    assert "failed to load" in caplog.text


def test_lookup_still_answers_when_the_analyser_cannot_load():
    code = (
        "from bot.core import analysis\n"
        "def broken():\n"
        "    raise ImportError('no kiwipiepy')\n"
        "analysis.ANALYSER = analysis._Analyser(broken)\n"
        "from bot.core.lookup import GlossaryIndex\n"
        "from bot.core.models import Term\n"
        "terms = [Term(id='volume', term='볼륨', definition='컨테이너 데이터를 영구적으로 보관'),\n"
        "         Term(id='pod', term='파드', definition='가장 작은 단위')]\n"
        "index = GlossaryIndex(terms)\n"
        "assert index.lookup('파드와').best.term.id == 'pod'\n"
        "assert not index.lookup('리액트까지요').found\n"
        "assert index.lookup('컨테이너 데이터를 영구적으로').best.term.id == 'volume'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
