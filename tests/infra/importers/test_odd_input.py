"""Importers on odd input: a line that says what is wrong and where, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import ContentError
from bot.infra.importers.docker import import_docker_glossary
from bot.infra.importers.k8s import import_k8s_dir, k8s_source_name
from bot.infra.importers.til import parse_til


def test_broken_glossary_table_warns_at_its_rule_line() -> None:
    note = parse_til("# 2025-02-10\n\n| 용어 | 정의 |\n|---|---|---|\n| 파드 | 묶음 |\n", "n.md")
    assert note.terms == []
    assert note.warnings == [
        "n.md:4: table not read: its header has 2 cells and the row under it 3; make them match"
    ]


def test_other_tables_read_as_text_are_not_warned_about() -> None:
    note = parse_til("# 2025-02-10\n\n| a | b |\n|---|---|---|\n| 1 | 2 |\n", "n.md")
    assert note.warnings == []


def test_empty_k8s_folder_warns_that_nothing_was_imported(tmp_path: Path) -> None:
    result = import_k8s_dir(tmp_path)
    assert result.terms == []
    assert result.warnings == [f"{tmp_path}: no term files (*.md) found; nothing imported"]


def test_k8s_file_that_is_not_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "pod.md").write_bytes(b"---\x00\xff\n")
    result = import_k8s_dir(tmp_path)
    assert result.warnings == [
        f"{tmp_path / 'pod.md'}:1: a NUL byte (\\0): not a text file; skipped"
    ]


def test_k8s_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        import_k8s_dir(path)
    assert caught.value.problems[0].startswith(f"{path}: not a folder")


@pytest.mark.parametrize(
    ("name", "expected"), [("Empty.Dir", "k8s-empty-dir"), ("ko", "k8s-ko"), ("..", "k8s-sub")]
)
def test_k8s_source_name_is_a_valid_file_name_for_any_folder(tmp_path, name, expected) -> None:
    folder = tmp_path / "sub" / "inner" / name
    folder.mkdir(parents=True, exist_ok=True)
    assert k8s_source_name(folder) == expected


def test_docker_glossary_with_invalid_yaml_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("a: b\nc: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        import_docker_glossary(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:3: invalid YAML: ")
    assert problem.endswith("; nothing imported")
