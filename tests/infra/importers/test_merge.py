"""Merging into a content folder: no duplicates, alias matches, conflicts, idempotent files."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from bot.core.errors import ContentError
from bot.core.models import (
    CommandCard,
    CurriculumFile,
    GlossaryFile,
    Link,
    PracticeFile,
    StudyDay,
    Term,
)
from bot.infra.importers.docker import import_docker_glossary
from bot.infra.importers.k8s import import_k8s_dir
from bot.infra.importers.merge import load_file, merge_into, merge_note
from bot.infra.importers.til import parse_til


def _term(term_id: str, name: str, definition: str = "d", **extra: object) -> Term:
    return Term(id=term_id, term=name, definition=definition, **extra)


def _glossary(out: Path, name: str = "til") -> dict[str, Term]:
    loaded = load_file(out / "glossary" / f"{name}.yaml", GlossaryFile)
    assert loaded is not None
    return {t.id: t for t in loaded.terms}


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.yaml"))}


def test_new_terms_are_written_under_the_source_name(tmp_path: Path) -> None:
    report = merge_into(tmp_path, terms=[_term("pod", "파드", aliases=("Pod",))], source_name="til")
    assert report.added == ["term:pod"]
    assert report.written == [tmp_path / "glossary" / "til.yaml"]
    assert _glossary(tmp_path)["pod"].aliases == ("Pod",)


def test_yaml_omits_defaults_and_keeps_korean_and_line_breaks(tmp_path: Path) -> None:
    merge_into(tmp_path, terms=[_term("pod", "파드", "첫 줄\n둘째 줄")], source_name="til")
    text = (tmp_path / "glossary" / "til.yaml").read_text(encoding="utf-8")
    assert text == "terms:\n- id: pod\n  term: 파드\n  definition: |-\n    첫 줄\n    둘째 줄\n"


def test_reimport_adds_nothing_and_leaves_files_byte_identical(tmp_path: Path) -> None:
    terms = [_term("pod", "파드", notes=("a",)), _term("node", "노드", related=("pod",))]
    merge_into(tmp_path, terms=terms, source_name="til")
    before = _snapshot(tmp_path)
    again = merge_into(tmp_path, terms=terms, source_name="til")
    assert (again.added, again.merged, again.written) == ([], [], [])
    assert sorted(again.unchanged) == ["term:node", "term:pod"]
    assert _snapshot(tmp_path) == before


def test_a_matching_alias_merges_instead_of_duplicating(tmp_path: Path) -> None:
    merge_into(
        tmp_path, terms=[_term("pa-deu", "파드", aliases=("Pod",), notes=("a",))], source_name="til"
    )
    incoming = _term("pod", "POD", aliases=("po",), notes=("b", "A"), tags=("core",))
    report = merge_into(tmp_path, terms=[incoming], source_name="k8s")
    assert report.merged == ["term:pa-deu"]
    assert not (tmp_path / "glossary" / "k8s.yaml").exists()
    merged = _glossary(tmp_path)["pa-deu"]
    assert merged.aliases == ("Pod", "po")
    assert merged.notes == ("a", "b")  # "A" equals "a" once case is ignored
    assert merged.tags == ("core",)


def test_a_different_definition_is_reported_and_not_overwritten(tmp_path: Path) -> None:
    merge_into(tmp_path, terms=[_term("pod", "Pod", "the smallest unit")], source_name="til")
    report = merge_into(
        tmp_path, terms=[_term("pod", "Pod", "a group of containers")], source_name="til"
    )
    (conflict,) = report.conflicts
    assert (conflict.kind, conflict.id) == ("term", "pod")
    assert (conflict.existing, conflict.incoming) == ("the smallest unit", "a group of containers")
    assert _glossary(tmp_path)["pod"].definition == "the smallest unit"
    assert "conflict term:pod" in report.lines()


def test_definitions_differing_only_in_spacing_or_case_are_no_conflict(tmp_path: Path) -> None:
    merge_into(tmp_path, terms=[_term("pod", "Pod", "The  smallest unit")], source_name="til")
    report = merge_into(
        tmp_path, terms=[_term("pod", "Pod", "the smallest\nunit")], source_name="til"
    )
    assert report.conflicts == []


def test_an_alias_owned_by_another_term_is_skipped_not_stolen(tmp_path: Path) -> None:
    merge_into(
        tmp_path,
        terms=[_term("pod", "Pod"), _term("node", "Node", aliases=("worker",))],
        source_name="til",
    )
    report = merge_into(
        tmp_path, terms=[_term("pod", "Pod", aliases=("worker",))], source_name="til"
    )
    assert report.skipped == [("term:pod", "alias 'worker' already names 'node'")]
    assert _glossary(tmp_path)["pod"].aliases == ()


def test_related_ids_follow_terms_that_merged_elsewhere(tmp_path: Path) -> None:
    merge_into(tmp_path, terms=[_term("pa-deu", "파드", aliases=("Pod",))], source_name="til")
    incoming = [_term("pod", "Pod"), _term("node", "Node", related=("pod", "ghost"))]
    report = merge_into(tmp_path, terms=incoming, source_name="k8s")
    assert _glossary(tmp_path, "k8s")["node"].related == ("pa-deu",)
    assert ("term:node", "related 'ghost' does not exist") in report.skipped


def test_two_incoming_entries_for_one_concept_become_one(tmp_path: Path) -> None:
    incoming = [
        _term("cri", "CRI", "api"),
        _term("cri-2", "cri", "API", links=(Link(title="t", url="u"),)),
    ]
    report = merge_into(tmp_path, terms=incoming, source_name="k8s")
    assert list(_glossary(tmp_path, "k8s")) == ["cri"]
    assert report.added == ["term:cri"]
    assert _glossary(tmp_path, "k8s")["cri"].links == (Link(title="t", url="u"),)


def test_commands_merge_by_command_text_and_follow_term_ids(tmp_path: Path) -> None:
    merge_into(tmp_path, terms=[_term("pa-deu", "파드", aliases=("Pod",))], source_name="til")
    first = CommandCard(id="kubectl-get", command="kubectl get pods", explanation="list")
    merge_into(tmp_path, commands=[first], source_name="til")
    again = CommandCard(
        id="other-id", command="kubectl  get pods", explanation="list", terms=("pod",)
    )
    clash = CommandCard(id="kubectl-get", command="kubectl get nodes", explanation="nodes")
    report = merge_into(
        tmp_path, terms=[_term("pod", "Pod")], commands=[again, clash], source_name="til"
    )
    practice = load_file(tmp_path / "practice" / "til.yaml", PracticeFile)
    assert practice is not None
    cards = {c.id: c for c in practice.commands}
    assert list(cards) == ["kubectl-get", "kubectl-get-2"]
    assert cards["kubectl-get"].terms == ("pa-deu",)
    assert report.merged == ["command:kubectl-get"]
    assert "command:kubectl-get-2" in report.added


def test_a_different_explanation_is_a_command_conflict(tmp_path: Path) -> None:
    card = CommandCard(id="ls", command="ls", explanation="list files")
    merge_into(tmp_path, commands=[card], source_name="til")
    other = card.model_copy(update={"explanation": "show a directory"})
    report = merge_into(tmp_path, commands=[other], source_name="til")
    assert [(c.kind, c.id) for c in report.conflicts] == [("command", "ls")]


def test_days_merge_by_date_or_append_with_the_next_number(tmp_path: Path) -> None:
    day = StudyDay(day=1, date=dt.date(2025, 2, 10), title="도커", goals=("도커",))
    merge_into(tmp_path, days=[day], source_name="til")
    same = StudyDay(
        day=7,
        date=dt.date(2025, 2, 10),
        title="x",
        goals=("도커", "이미지"),
        links=(Link(title="a", url="https://a"),),
    )
    later = StudyDay(
        day=1, date=dt.date(2025, 2, 11), title="파드", goals=("파드",), terms=("nope",)
    )
    report = merge_into(tmp_path, days=[same, later], source_name="til")
    curriculum = load_file(tmp_path / "curriculum.yaml", CurriculumFile)
    assert curriculum is not None
    first, second = curriculum.days
    assert (first.day, first.title, first.goals) == (1, "도커", ("도커", "이미지"))
    assert first.links == (Link(title="a", url="https://a"),)
    assert (second.day, second.title, second.terms) == (2, "파드", ())
    assert (report.merged, report.added) == (["day:1"], ["day:2"])
    assert "date: 2025-02-10" in (tmp_path / "curriculum.yaml").read_text(encoding="utf-8")


def test_report_lines_are_plain_counts_first(tmp_path: Path) -> None:
    report = merge_into(tmp_path, terms=[_term("pod", "Pod")], source_name="til")
    assert report.lines()[:5] == [
        "added: 1",
        "merged: 0",
        "unchanged: 0",
        "skipped: 0",
        "conflicts: 0",
    ]


def test_a_bad_source_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="source_name"):
        merge_into(tmp_path, terms=[], source_name="../escape")


def test_an_invalid_existing_file_stops_the_merge(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "til.yaml").write_text("terms:\n- id: Bad Id\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        merge_into(tmp_path, terms=[_term("pod", "Pod")], source_name="til")
    assert all(p.startswith(str(tmp_path / "glossary" / "til.yaml")) for p in caught.value.problems)


def test_seed_note_merges_once_and_is_idempotent(tmp_path: Path, seed_text: str) -> None:
    note = parse_til(seed_text, "TIL 2025-02-10")
    first = merge_note(tmp_path, note)
    assert "day:1" in first.added
    assert len([e for e in first.added if e.startswith("term:")]) == 29
    before = _snapshot(tmp_path)
    second = merge_note(tmp_path, parse_til(seed_text, "TIL 2025-02-10"))
    assert (second.added, second.merged, second.conflicts, second.written) == ([], [], [], [])
    assert _snapshot(tmp_path) == before


def test_real_glossaries_merge_into_one_valid_folder(
    tmp_path: Path, seed_text: str, data_dir: Path
) -> None:
    merge_note(tmp_path, parse_til(seed_text, "TIL 2025-02-10"))
    k8s = import_k8s_dir(data_dir / "k8s-glossary" / "ko")
    report = merge_into(tmp_path, terms=k8s.terms, source_name="k8s-ko")
    assert "pod" in {c.id for c in report.conflicts}  # the team's 파드 meets kubernetes.io's
    docker = import_docker_glossary(data_dir / "docker-glossary" / "glossary.yaml")
    merge_into(tmp_path, terms=docker.terms, source_name="docker")
    before = _snapshot(tmp_path)
    again = merge_into(tmp_path, terms=docker.terms, source_name="docker")
    assert (again.added, again.merged, again.written) == ([], [], [])
    assert _snapshot(tmp_path) == before
    names: dict[str, str] = {}
    for path in sorted((tmp_path / "glossary").glob("*.yaml")):
        loaded = load_file(path, GlossaryFile)
        assert loaded is not None
        for term in loaded.terms:
            for name in (*term.names, term.id):
                key = "".join(ch for ch in name.casefold() if ch.isalnum())
                assert names.setdefault(key, term.id) == term.id, f"{name} claimed twice"


def _changes(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Each (old line, new line) the merge rewrote; fails on a line it deleted."""
    rewritten: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        assert tag in {"equal", "insert", "replace"}, (tag, old[a0:a1])
        if tag == "replace":
            assert a1 - a0 == b1 - b0, (old[a0:a1], new[b0:b1])
            rewritten += zip(old[a0:a1], new[b0:b1], strict=True)
    return rewritten


def test_seed_note_into_shipped_content_keeps_every_existing_line(
    tmp_path: Path, seed_text: str
) -> None:
    import shutil

    from bot.infra.content import load_content, shipped_content_dir
    from bot.infra.importers.til import parse_til

    out = tmp_path / "content"
    shutil.copytree(shipped_content_dir(), out, ignore=shutil.ignore_patterns("*.py", "__*"))
    before = {p: p.read_text(encoding="utf-8") for p in out.rglob("*.yaml")}
    merge_note(out, parse_til(seed_text, "til-2025-02-10.md"))
    for path, text in before.items():
        after = path.read_text(encoding="utf-8").splitlines()
        # Comments, quotes, flow lists and blank lines stay: the merge adds lines, and rewrites
        # a line only to give a key a new value in place.
        for old_line, new_line in _changes(text.splitlines(), after):
            assert old_line.split(":")[0] == new_line.split(":")[0], (old_line, new_line)
            assert not old_line.lstrip().startswith("#")
    # Every row is already an entry: the import adds no term (도커(컨테이너) is two entries,
    # and the seed's notes for it may come back to 도커 as added lines, checked above).
    assert len(load_content(out).terms) == len(load_content(shipped_content_dir()).terms)
    again = {p: p.read_text(encoding="utf-8") for p in out.rglob("*.yaml")}
    merge_note(out, parse_til(seed_text, "til-2025-02-10.md"))
    assert {p: p.read_text(encoding="utf-8") for p in out.rglob("*.yaml")} == again


def test_merged_entry_rewrites_only_the_keys_that_changed(tmp_path: Path) -> None:
    path = tmp_path / "glossary" / "mine.yaml"
    path.parent.mkdir()
    path.write_text(
        '# hand-written\nterms:\n  - id: pod\n    term: "파드"  # Korean first\n'
        "    aliases: [pod]\n    definition: 컨테이너 묶음\n",
        encoding="utf-8",
    )
    incoming = Term(id="pod", term="파드", aliases=("POD", "포드"), definition="컨테이너 묶음")
    merge_into(tmp_path, terms=[incoming], source_name="x")
    assert path.read_text(encoding="utf-8") == (
        '# hand-written\nterms:\n  - id: pod\n    term: "파드"  # Korean first\n'
        "    aliases: [pod, 포드]\n    definition: 컨테이너 묶음\n"
    )
