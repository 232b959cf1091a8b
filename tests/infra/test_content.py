"""Loading content folders: the shipped content validates, broken files say path:line: message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.core.errors import ContentError
from bot.core.lookup import GlossaryIndex
from bot.infra.content import load_content, shipped_content_dir
from bot.infra.content_limits import MAX_FILE_BYTES

GOOD_TERM = """\
terms:
  - id: docker
    term: 도커
    aliases: [docker]
    definition: 컨테이너 도구
"""


def _write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.problems


def test_shipped_content_validates_with_every_row_of_the_team_note():
    content = load_content(shipped_content_dir())
    assert len(content.terms) == 30  # the note's 29 rows; 도커(컨테이너) is two entries
    assert content.commands
    assert content.days[0].goals[0] == "도커 컨테이너 이해하기"


def test_shipped_aliases_cover_what_learners_type():
    content = load_content(shipped_content_dir())
    by_id = {t.id: t for t in content.terms}
    assert "control group" in by_id["cgroup"].aliases
    assert "pod" in by_id["pod"].aliases
    assert "IaC" in by_id["iac"].aliases
    assert {"k8s", "Kubernetes"} <= set(by_id["kubernetes"].aliases)
    assert "docker-compose" in by_id["docker-compose"].aliases
    assert "multi-stage" in by_id["multistage-build"].aliases


def test_container_is_its_own_entry_related_to_docker():
    content = load_content(shipped_content_dir())
    by_id = {t.id: t for t in content.terms}
    container, docker = by_id["container"], by_id["docker"]
    assert container.term == "컨테이너"
    assert "docker" in container.related
    assert "container" in docker.related
    assert not {"컨테이너", "container"} & {a.casefold() for a in docker.aliases}
    index = GlossaryIndex(content.terms)
    assert index.lookup("컨테이너").best.term.id == "container"
    assert index.lookup("도커").best.term.id == "docker"


def test_shipped_notes_keep_bold_as_emphasis_not_raw_br():
    content = load_content(shipped_content_dir())
    text = "\n".join(n for t in content.terms for n in (t.definition, *t.notes))
    assert "<br>" not in text
    assert "**컨테이너**" in text


def test_a_folder_with_only_a_glossary_is_valid(tmp_path):
    _write(tmp_path, "glossary/a.yaml", GOOD_TERM)
    content = load_content(tmp_path)
    assert [t.id for t in content.terms] == ["docker"]
    assert content.commands == ()
    assert content.days == ()


def test_missing_glossary_is_reported(tmp_path):
    problems = _problems(tmp_path)
    assert problems == [f"{tmp_path / 'glossary'}:0: no glossary file (*.yaml) found"]


def test_bad_yaml_reports_its_line(tmp_path):
    path = _write(tmp_path, "glossary/a.yaml", "terms:\n  - id: x\n    term: [unclosed\n")
    (problem,) = _problems(tmp_path)
    assert problem.startswith(f"{path}:")
    assert "invalid YAML" in problem
    assert int(problem.split(":")[1]) >= 3


def test_unknown_key_and_empty_definition_point_at_their_lines(tmp_path):
    path = _write(
        tmp_path,
        "glossary/a.yaml",
        """\
        terms:
          - id: docker
            term: 도커
            definition: ""
            colour: blue
        """,
    )
    problems = _problems(tmp_path)
    assert f"{path}:4: 'definition' must not be empty (at terms.0.definition)" in problems
    assert f"{path}:5: unknown key 'colour' (at terms.0.colour)" in problems


def test_missing_definition_points_at_the_entry(tmp_path):
    path = _write(tmp_path, "glossary/a.yaml", "terms:\n  - id: docker\n    term: 도커\n")
    assert _problems(tmp_path) == [
        f"{path}:2: missing required key 'definition' (at terms.0.definition)"
    ]


def test_duplicate_id_across_files_names_both_places(tmp_path):
    first = _write(tmp_path, "glossary/a.yaml", GOOD_TERM)
    second = _write(tmp_path, "glossary/b.yaml", GOOD_TERM.replace("[docker]", "[]"))
    problems = _problems(tmp_path)
    assert f"{second}:2: duplicate id 'docker' (first at {first}:2)" in problems


def test_alias_claimed_by_two_entries_is_refused(tmp_path):
    path = _write(
        tmp_path,
        "glossary/a.yaml",
        GOOD_TERM
        + """\
  - id: podman
    term: 포드맨
    aliases: [Docker]
    definition: 다른 컨테이너 도구
""",
    )
    (problem,) = _problems(tmp_path)
    assert problem.startswith(f"{path}:6: 'podman': name 'docker' is already claimed by 'docker'")


def test_related_and_practice_ids_must_exist(tmp_path):
    _write(tmp_path, "glossary/a.yaml", GOOD_TERM + "    related: [nope]\n")
    practice = _write(
        tmp_path,
        "practice/p.yaml",
        "commands:\n  - id: run\n    command: docker run x\n    explanation: 실행\n"
        "    terms: [ghost]\n",
    )
    curriculum = _write(
        tmp_path, "curriculum.yaml", "days:\n  - day: 1\n    title: 시작\n    practice: [none]\n"
    )
    problems = _problems(tmp_path)
    assert any(p.endswith("'docker': related id 'nope' does not exist") for p in problems)
    assert f"{practice}:2: 'run': term id 'ghost' does not exist" in problems
    assert f"{curriculum}:2: day 1: practice id 'none' does not exist" in problems


def test_non_utf8_file_is_reported_not_raised(tmp_path):
    path = tmp_path / "glossary" / "a.yaml"
    path.parent.mkdir()
    path.write_bytes(b"terms:\n  - id: \xff\xfe\n")
    (problem,) = _problems(tmp_path)
    assert problem == f"{path}:2: not UTF-8 text (byte 0xff); save as UTF-8"


def test_nul_byte_in_yaml_is_reported_at_its_line(tmp_path):
    path = tmp_path / "glossary" / "a.yaml"
    path.parent.mkdir()
    path.write_bytes(b"terms:\n  - id: docker\n    term: do\x00cker\n")
    assert _problems(tmp_path) == [f"{path}:3: a NUL byte (\\0): not a text file"]


def test_control_character_in_yaml_is_reported_at_its_line(tmp_path):
    path = _write(tmp_path, "glossary/a.yaml", "terms:\n  - id: docker\n    term: do\x07cker\n")
    (problem,) = _problems(tmp_path)
    assert problem.startswith(f"{path}:3: invalid YAML: character U+0007 is not allowed")


def test_folder_named_yaml_is_one_line_without_a_line_number(tmp_path):
    _write(tmp_path, "glossary/a.yaml", GOOD_TERM)
    (tmp_path / "glossary" / "b.yaml").mkdir()
    assert _problems(tmp_path) == [f"{tmp_path / 'glossary' / 'b.yaml'}: a folder, not a file"]


def test_dangling_symlink_named_yaml_is_one_line(tmp_path):
    _write(tmp_path, "glossary/a.yaml", GOOD_TERM)
    link = tmp_path / "practice" / "gone.yaml"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "nowhere.yaml")
    assert _problems(tmp_path) == [f"{link}: a symbolic link to a missing file; fix or remove it"]


def _alias_bomb(anchor_chars: int, uses: int) -> str:
    body = "x" * anchor_chars
    lines = ["terms:", "  - id: bomb", "    term: bomb", f"    definition: &big {body}"]
    lines.append("    notes:")
    lines.extend("      - *big" for _ in range(uses))
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_before_it_is_expanded(tmp_path, monkeypatch):
    path = _write(tmp_path, "glossary/a.yaml", _alias_bomb(10_500, 20_000))

    def no_load(*_args, **_kwargs):
        raise AssertionError("the file was loaded, and its aliases expanded")

    monkeypatch.setattr("bot.infra.content.yaml.load", no_load)
    (problem,) = _problems(tmp_path)
    # Each alias adds 10,501 characters: the 96th, on line 101, crosses 1,000,000.
    assert problem.startswith(f"{path}:101: aliases (*big) expand past 1,000,000 characters")


def test_nested_aliases_count_what_they_expand_to(tmp_path):
    lines = ["a: &a [" + ", ".join(["xxxxxxxxx"] * 10) + "]"]
    for level in "bcdef":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]")
    path = _write(tmp_path, "glossary/a.yaml", "\n".join(lines) + "\n")
    (problem,) = _problems(tmp_path)
    # a holds 101 characters, b 1,011 ... e's ten *d (101,111 each) cross the budget.
    assert problem.startswith(f"{path}:5: aliases (*d) expand past")


def test_a_few_aliases_still_load(tmp_path):
    _write(
        tmp_path,
        "glossary/a.yaml",
        """\
        terms:
          - id: docker
            term: 도커
            definition: 컨테이너 도구
            tags: &shared [docker, concept]
          - id: image
            term: 이미지
            definition: 컨테이너의 틀
            tags: *shared
        """,
    )
    assert load_content(tmp_path).terms[1].tags == ("docker", "concept")


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            "    aliases: [" + ", ".join(f"a{n}" for n in range(100)) + "]\n",
            "101 names; at most 100",
        ),
        ("    aliases: [" + "a" * 201 + "]\n", "characters; at most 200"),
        ("    notes: [" + "n" * 10_001 + "]\n", "a note is 10,001 characters; at most 10,000"),
    ],
    ids=["too-many-names", "long-name", "long-note"],
)
def test_oversized_term_is_refused_at_its_line(tmp_path, field, expected):
    path = tmp_path / "glossary" / "a.yaml"
    path.parent.mkdir()
    path.write_text(GOOD_TERM + field, encoding="utf-8")
    (problem,) = _problems(tmp_path)
    assert problem.startswith(f"{path}:2: 'docker': ")
    assert expected in problem


def test_overlong_definition_is_refused(tmp_path):
    path = _write(tmp_path, "glossary/a.yaml", GOOD_TERM.replace("컨테이너 도구", "d" * 10_001))
    assert _problems(tmp_path) == [
        f"{path}:2: 'docker': definition is 10,001 characters; at most 10,000"
    ]


def test_oversized_file_is_refused_unread(tmp_path):
    path = _write(tmp_path, "glossary/a.yaml", GOOD_TERM)
    with path.open("ab") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: only the size is ever looked at
    assert _problems(tmp_path) == [f"{path}: larger than 32 MB; split it into several files"]
