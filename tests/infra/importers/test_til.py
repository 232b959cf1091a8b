"""The team's TIL notes: the seed note end to end, and each glossary layout on its own."""

from __future__ import annotations

import datetime as dt

from bot.core.models import Term
from bot.infra.importers.til import parse_til

SOURCE = "TIL 2025-02-10"


def _by_term(terms: list[Term]) -> dict[str, Term]:
    return {t.term: t for t in terms}


def test_seed_note_has_date_goal_links_and_retro(seed_text: str) -> None:
    note = parse_til(seed_text, SOURCE)
    assert note.date == dt.date(2025, 2, 10)
    assert note.goals == ["도커 컨테이너 이해하기"]
    assert len(note.links) == 2
    assert note.links[0].url == "https://eng-sohee.tistory.com/129"
    assert note.links[0].title == "쿠버네티스란? - 노드와 파드, 컨테이너 차이를 이해해보자"
    assert "docker를 처음 접했기 때문에" in note.retro
    assert "도커 한줄정리" in note.learned
    assert note.warnings == []


def test_seed_note_glossary_has_29_valid_terms(seed_text: str) -> None:
    note = parse_til(seed_text, SOURCE)
    assert len(note.terms) == 29
    assert len({t.id for t in note.terms}) == 29
    assert all(t.source == SOURCE for t in note.terms)


def test_seed_note_parentheses_become_aliases(seed_text: str) -> None:
    terms = _by_term(parse_til(seed_text, SOURCE).terms)
    assert terms["Cgroup"].aliases == ("control group",)
    assert terms["파드"].aliases == ("POD",)
    assert terms["Infra as Code"].aliases == ("IaC",)
    assert terms["EKS"].aliases == ("Elastic Kubernetes Service",)
    assert terms["오케스트레이션"].aliases == ("orchestration",)
    assert terms["LXC"].aliases == ("Linux container",)
    assert terms["chroot"].aliases == ("change root",)
    assert terms["인그레스"].aliases == ("ingress",)
    assert terms["도커"].aliases == ("컨테이너",)
    assert terms["Docker file"].aliases == ()


def test_seed_note_ids_prefer_latin_names_then_romanize(seed_text: str) -> None:
    terms = _by_term(parse_til(seed_text, SOURCE).terms)
    assert terms["파드"].id == "pod"
    assert terms["Infra as Code"].id == "infra-as-code"
    assert terms["쿠버네티스"].id == "kubeonetiseu"
    assert terms["EC2 & spot instances"].id == "ec2-spot-instances"


def test_seed_note_notes_split_on_br_without_dashes(seed_text: str) -> None:
    terms = _by_term(parse_til(seed_text, SOURCE).terms)
    assert terms["Namespace"].notes == (
        "Cgroup과 달리 접근을 제어한다",
        "PID Namespace: 프로세스 ID(PID)트리를 격리",
        "IPC Namespace: 프로세스 간 통신을 격리",
        "네트워크, 파일 시스템 등을 분리하여 실행 가능",
    )
    assert terms["Docker image"].notes[-1] == "예) 컨테이너 개수만큼의 웹서버가 생성"
    assert terms["오케스트레이션"].notes == ()


def test_seed_note_keeps_bold_and_br_lines_in_definitions(seed_text: str) -> None:
    docker = _by_term(parse_til(seed_text, SOURCE).terms)["도커"]
    assert docker.definition.split("\n") == [
        "도커 : 애플리케이션을 **컨테이너** 형태로 쉽게 사용할 수 있게 한 오픈소스 프로젝트",
        "컨테이너 : 실행에 필요한 모든 파일을 포함한 소프트웨어 패키지로, 이용해 가상화를 한다.",
    ]


def test_english_two_column_table_without_outer_pipes() -> None:
    text = (
        "## Date: 2025-03-01\n\n"
        "Term | Definition\n"
        "--- | ---\n"
        "**Service (svc)** | exposes pods &amp; ports via `ClusterIP` \\| `NodePort`\n"
        "Probe | see [docs](https://kubernetes.io/docs/)\n"
    )
    note = parse_til(text, "note.md")
    service, probe = note.terms
    assert note.date == dt.date(2025, 3, 1)
    assert (service.id, service.term, service.aliases) == ("service", "Service", ("svc",))
    assert service.definition == "exposes pods & ports via `ClusterIP` | `NodePort`"
    assert probe.definition == "see [docs](https://kubernetes.io/docs/)"


def test_korean_three_column_table_and_case_insensitive_headers() -> None:
    text = "| 용어 | 정의 | 비고 |\n|---|---|---|\n| 노드 | 워커 머신 | - a<br>- b |\n"
    text += "\n| TERM | DEFINITION | NOTES |\n|---|---|---|\n| Pod | unit | x |\n"
    terms = parse_til(text, "n").terms
    assert [(t.term, t.notes) for t in terms] == [("노드", ("a", "b")), ("Pod", ("x",))]


def test_tables_that_are_not_glossaries_are_ignored() -> None:
    text = "| 명령어 | 결과 |\n|---|---|\n| ls | files |\n\n|  | 설명 |\n|---|---|\n| a | b |\n"
    assert parse_til(text, "n").terms == []


def test_rows_with_an_empty_definition_are_skipped_with_a_warning() -> None:
    text = "| 용어 | 정의 |\n|---|---|\n| 파드 | |\n| 노드 | 머신 |\n"
    note = parse_til(text, "n.md")
    assert [t.term for t in note.terms] == ["노드"]
    assert note.warnings == ["n.md:3: 파드: empty definition; skipped"]


def test_duplicate_ids_get_suffixes() -> None:
    text = "| 용어 | 정의 |\n|---|---|\n| Pod | a |\n| pod | b |\n"
    assert [t.id for t in parse_til(text, "n").terms] == ["pod", "pod-2"]


def test_bullet_definitions_become_terms_with_nested_notes() -> None:
    text = (
        "- **Service(서비스)**: 파드 집합에 대한 **고정** 접근점\n"
        "  - ClusterIP가 기본\n"
        "- **Volume:** 데이터 저장소\n"
        "- 그냥 목록 항목\n"
        "- **굵게만** 쓴 항목\n"
    )
    service, volume = parse_til(text, "n").terms
    assert (service.term, service.aliases) == ("Service", ("서비스",))
    assert service.definition == "파드 집합에 대한 **고정** 접근점"
    assert service.notes == ("ClusterIP가 기본",)
    assert (volume.term, volume.definition) == ("Volume", "데이터 저장소")


def test_goals_come_from_goal_headings_and_scrum_prefixes() -> None:
    text = (
        "## 날짜: 2025-02-11\n\n### 스크럼\n- 학습 목표 1 : 파드 이해하기\n- 학습 목표 2: 서비스\n"
        "- 어제 한 일: 설치\n\n### 오늘의 목표\n- 인그레스 실습\n- 파드 이해하기\n"
    )
    note = parse_til(text, "n")
    assert note.goals == ["파드 이해하기", "서비스", "인그레스 실습"]
    day = note.to_study_day()
    assert day is not None
    assert (day.date, day.title, day.goals[0]) == (
        dt.date(2025, 2, 11),
        "파드 이해하기",
        "파드 이해하기",
    )


def test_an_impossible_date_is_reported() -> None:
    note = parse_til("## 날짜: 2025-02-30\n", "n.md")
    assert note.date is None
    assert note.warnings == ["n.md:1: not a date: 2025-02-30"]


def test_a_note_without_date_or_goals_is_no_study_day() -> None:
    assert parse_til("just text", "n").to_study_day() is None


def test_pipe_inside_a_code_span_stays_in_the_term_cell() -> None:
    note = parse_til(
        "# 2025-02-10\n\n| 용어 | 정의 | 비고 |\n|---|---|---|\n"
        "| `kubectl get po | grep x` | 파드 목록 필터 | 비고 |\n"
        "| 파드 | `a|b` 처럼 묶인 컨테이너 | - |\n",
        SOURCE,
    )
    assert [(t.term, t.definition, t.notes) for t in note.terms] == [
        ("kubectl get po | grep x", "파드 목록 필터", ("비고",)),
        ("파드", "`a|b` 처럼 묶인 컨테이너", ()),
    ]
    assert note.warnings == []


def test_pipe_in_a_code_span_outside_tables_is_left_alone() -> None:
    note = parse_til(
        "# 2025-02-10\n\n## 회고\n\n`a | b` 를 배웠다\n\n| x | y |\n|---|---|\n| `c` | d |\n",
        SOURCE,
    )
    assert note.retro == "`a | b` 를 배웠다"


def test_terms_record_the_note_file_name_and_date_never_its_path(tmp_path) -> None:
    path = tmp_path / "notes" / "day1.md"
    note = parse_til("# 2025-02-10\n\n| 용어 | 정의 |\n|---|---|\n| 파드 | 묶음 |\n", str(path))
    assert [t.source for t in note.terms] == ["day1.md 2025-02-10"]
    assert str(tmp_path) not in note.terms[0].source


def test_korean_term_takes_its_id_from_an_english_name_beside_it() -> None:
    rows = ["서비스 / Service", "노드, Node", "인그레스 (Ingress)", "CPU / 메모리"]
    rows.append("컨테이너 런타임")
    table = "".join(f"| {name} | 정의 {n} |\n" for n, name in enumerate(rows))
    note = parse_til(f"# 2025-02-10\n\n| 용어 | 정의 |\n|---|---|\n{table}", SOURCE)
    assert [(t.id, t.term, t.aliases) for t in note.terms] == [
        ("service", "서비스", ("Service",)),
        ("node", "노드", ("Node",)),
        ("ingress", "인그레스", ("Ingress",)),
        ("cpu-memori", "CPU / 메모리", ()),  # a Latin name first is left as written
        ("keonteineo-reontaim", "컨테이너 런타임", ()),  # no English name: romanized
    ]
