"""The Docker docs glossary: aliases from "Also known as", related ids from anchor links."""

from __future__ import annotations

from pathlib import Path

from bot.infra.importers.docker import SOURCE, also_known_as, anchor, import_docker_glossary
from bot.infra.importers.result import ImportResult


def _import(data_dir: Path) -> ImportResult:
    return import_docker_glossary(data_dir / "docker-glossary" / "glossary.yaml")


def test_real_glossary_has_60_terms_without_warnings(data_dir: Path) -> None:
    result = _import(data_dir)
    assert len(result.terms) == 60
    assert result.warnings == []
    assert all(t.source == SOURCE for t in result.terms)


def test_also_known_as_lines_become_aliases(data_dir: Path) -> None:
    result = _import(data_dir)
    assert result.term("cgroups").aliases == ("control groups",)  # type: ignore[union-attr]
    assert result.term("compose").aliases == ("Docker Compose",)  # type: ignore[union-attr]
    assert result.term("virtual-machine").aliases == ("VM",)  # type: ignore[union-attr]
    volume = result.term("volume")
    assert volume is not None
    assert volume.aliases == ("data volume",)  # "*Also known as: data volume*" inside a paragraph
    assert "Also known" not in volume.definition


def test_anchor_links_become_text_and_related_ids(data_dir: Path) -> None:
    result = _import(data_dir)
    container = result.term("container")
    assert container is not None
    assert container.definition == "A container is a runtime instance of a docker image."
    assert container.related == ("image",)
    assert result.term("docker-subscription").related == (  # type: ignore[union-attr]
        "docker-personal",
        "docker-pro",
        "docker-team",
        "docker-business",
    )


def test_first_paragraph_defines_and_the_rest_are_notes(data_dir: Path) -> None:
    result = _import(data_dir)
    container = result.term("container")
    assert container is not None
    assert container.notes[0] == (
        "A Docker container consists of\n- A Docker image\n- An execution environment\n"
        "- A standard set of instructions"
    )
    copy = result.term("copy-on-write")
    assert copy is not None
    assert "(https://docs.docker.com/storage/storagedriver/#the-copy-on-write-cow-strategy)" in (
        copy.definition
    )


def test_ids_are_slugs_of_the_keys(data_dir: Path) -> None:
    ids = {t.id for t in _import(data_dir).terms}
    assert {"x86-64", "docker-desktop-for-mac", "base-image", "ssh"} <= ids


def test_also_known_as_splits_on_commas_and_conjunctions() -> None:
    text, aliases = also_known_as("Body.\n\n*Also known as A, B and C or D*\n")
    assert aliases == ["A", "B", "C", "D"]
    assert text.strip() == "Body."


def test_anchor_matches_the_docs_heading_ids() -> None:
    assert anchor("Docker Desktop for Mac") == "docker-desktop-for-mac"


def test_unknown_anchors_and_empty_entries_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("a: |\n  See [b](#nothing).\nempty: ''\nlist: [1]\n", encoding="utf-8")
    result = import_docker_glossary(path)
    assert [t.definition for t in result.terms] == ["See b."]
    assert result.warnings == [
        f"{path}:4: entry is not `term: text`; skipped",
        f"{path}:1: a: link to unknown term #nothing",
        f"{path}:3: empty: empty definition; skipped",
    ]
