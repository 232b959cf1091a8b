"""The Kubernetes website glossary: the real en/ko/newer folders and each known oddity."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.models import Term
from bot.infra.importers.k8s import SOURCE, import_k8s_dir
from bot.infra.importers.result import ImportResult


def _write(folder: Path, name: str, front: str, body: str) -> None:
    (folder / name).write_text(f"---\n{front.strip()}\n---\n{body}", encoding="utf-8")


def _term(result: ImportResult, term_id: str) -> Term:
    term = result.term(term_id)
    assert term is not None, f"{term_id} missing; have {[t.id for t in result.terms][:20]}"
    return term


def test_english_folder_imports_every_term_but_the_index(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "en")
    assert len(result.terms) == 139
    assert all(t.source == SOURCE for t in result.terms)
    assert result.term("index") is None
    assert not any("index.md" in w for w in result.warnings)


def test_korean_folder_imports_116_terms(k8s_dir: Path) -> None:
    assert len(import_k8s_dir(k8s_dir / "ko").terms) == 116


def test_more_marker_splits_definition_from_notes(k8s_dir: Path) -> None:
    pod = _term(import_k8s_dir(k8s_dir / "en"), "pod")
    assert pod.definition.startswith("The smallest and simplest Kubernetes object.")
    assert pod.notes[0].startswith("A Pod is typically set up")


def test_files_without_more_marker_still_have_a_definition(k8s_dir: Path) -> None:
    applications = _term(import_k8s_dir(k8s_dir / "en"), "applications")
    assert applications.definition == "The layer where various containerized applications run."
    assert applications.notes == ()
    assert applications.links == ()  # its full_link is empty


def test_dashed_key_spellings_are_read(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "en")
    budget = _term(result, "pod-disruption-budget")  # full-link
    assert budget.links[0].url == "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/"
    assert budget.aliases == ("PDB",)
    lifecycle = _term(import_k8s_dir(k8s_dir / "ko"), "pod-lifecycle")  # short-description
    assert lifecycle.definition


def test_extra_related_key_adds_related_ids(k8s_dir: Path) -> None:
    lifecycle = _term(import_k8s_dir(k8s_dir / "en"), "pod-lifecycle")
    assert set(lifecycle.related) >= {"pod", "container"}


def test_entry_id_comes_from_front_matter_slugified(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "en")
    assert _term(result, "customresourcedefinition").term == "CustomResourceDefinition"
    assert _term(result, "mvp").aliases == ("MVP",)  # aka: ["MVP"] in flow style
    assert _term(result, "endpoints").term == "Endpoints"  # file endpoint.md
    assert result.term("endpoint") is None


def test_tooltips_become_their_text_and_related_ids(k8s_dir: Path) -> None:
    cla = _term(import_k8s_dir(k8s_dir / "en"), "cla")
    assert cla.definition.startswith("Terms under which a contributor grants a license")
    assert cla.related == ("contributor",)


def test_tooltip_without_text_shows_the_target_terms_name(k8s_dir: Path) -> None:
    daemonset = _term(import_k8s_dir(k8s_dir / "en"), "daemonset")
    assert "must run on every Node." in " ".join(daemonset.notes)
    assert "node" in daemonset.related
    assert "{{" not in daemonset.definition + "".join(daemonset.notes)


def test_tooltip_term_ids_match_file_names_in_any_case(k8s_dir: Path) -> None:
    deployment = _term(import_k8s_dir(k8s_dir / "ko"), "deployment")
    assert "statefulset" in deployment.related  # written term_id="StatefulSet"


def test_note_shortcodes_become_their_own_note(k8s_dir: Path) -> None:
    kops = _term(import_k8s_dir(k8s_dir / "en"), "kops")
    assert kops.notes[0].startswith("AWS (Amazon Web Services) is currently officially supported")
    assert kops.notes[1].startswith(
        "`kOps` is an automated provisioning system:\n- Fully automated"
    )


def test_version_param_inside_links_is_filled_in(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "en", version="v1.99")
    aliases = _term(result, "hostaliases")
    assert aliases.links[0].url.endswith("/kubernetes-api/v1.99/#hostalias-v1-core")
    assert (
        "](https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.99/" in aliases.notes[0]
    )


def test_korean_title_with_a_pipe_gives_two_aliases(k8s_dir: Path) -> None:
    cla = _term(import_k8s_dir(k8s_dir / "ko"), "cla")
    assert cla.term == "CLA"
    assert cla.aliases == ("컨트리뷰터 사용권 계약", "Contributor License Agreement")


def test_korean_titles_carry_the_english_name_as_alias(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "ko")
    deployment = _term(result, "deployment")
    assert (deployment.term, deployment.aliases) == ("디플로이먼트", ("Deployment",))
    assert deployment.links[0].url.startswith("https://kubernetes.io/ko/docs/")
    assert _term(result, "developer").aliases == ("Developer",)  # "(의미 명확화)" dropped


def test_newer_samples_without_date_and_with_original_marker(k8s_dir: Path) -> None:
    dra = _term(import_k8s_dir(k8s_dir / "newer-samples" / "ko"), "dra")
    assert dra.term == "동적 리소스 할당"
    assert dra.aliases == ("Dynamic Resource Allocation", "DRA")
    assert dra.tags == ("extension",)
    english = import_k8s_dir(k8s_dir / "newer-samples" / "en")
    assert _term(english, "gateway-api").term == "Gateway API"  # file gateway.md
    assert _term(english, "cdi").aliases == ("CDI",)


def test_related_ids_outside_the_folder_are_dropped_and_reported(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "newer-samples" / "en")
    assert "device" not in _term(result, "dra").related
    assert any(
        w.endswith("dra.md: related term 'device' is not in this glossary; dropped")
        for w in result.warnings
    )


def test_one_concept_in_two_files_is_reported(k8s_dir: Path) -> None:
    result = import_k8s_dir(k8s_dir / "en")
    assert result.term("cri") is not None
    assert result.term("container-runtime-interface") is not None
    assert any("cri: name" in w and "container-runtime-interface" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("aka", "aliases"),
    [
        ("", ()),  # null
        ("[]", ()),
        ("kubectl, kc", ("kubectl", "kc")),  # a plain string
        ("\n  - K\n  - null", ("K",)),
    ],
)
def test_aka_in_every_shape(tmp_path: Path, aka: str, aliases: tuple[str, ...]) -> None:
    _write(tmp_path, "t.md", f"title: Tool\nid: tool\naka: {aka}\ntags:\n- tool", "Does things.")
    assert _term(import_k8s_dir(tmp_path), "tool").aliases == aliases


def test_missing_aka_and_unknown_keys_are_fine(tmp_path: Path) -> None:
    _write(tmp_path, "t.md", "title: Tool\nid: tool\nweight: 3\nsomething: [1, 2]", " Does.\n")
    result = import_k8s_dir(tmp_path)
    assert _term(result, "tool").definition == "Does."
    assert result.warnings == []


def test_empty_body_falls_back_to_short_description(tmp_path: Path) -> None:
    _write(tmp_path, "t.md", "title: Tool\nid: tool\nshort_description: >\n  Short one.", "\n")
    assert _term(import_k8s_dir(tmp_path), "tool").definition == "Short one."


def test_entries_without_any_definition_are_skipped_and_reported(tmp_path: Path) -> None:
    _write(tmp_path, "t.md", "title: Tool\nid: tool", "\n<!--more-->\n\nOnly notes.\n")
    result = import_k8s_dir(tmp_path)
    assert result.terms == []
    assert result.warnings == [f"{tmp_path / 't.md'}: tool: empty definition; skipped"]


def test_broken_front_matter_is_reported_with_its_line(tmp_path: Path) -> None:
    _write(tmp_path, "bad.md", "title: [oops\nid: bad", "Text.")
    (tmp_path / "plain.md").write_text("no front matter", encoding="utf-8")
    result = import_k8s_dir(tmp_path)
    assert result.terms == []
    assert any(
        w.startswith(f"{tmp_path / 'bad.md'}:") and "not valid YAML" in w for w in result.warnings
    )
    assert f"{tmp_path / 'plain.md'}:1: no front matter; skipped" in result.warnings


def test_unknown_shortcodes_are_dropped_with_a_line_number(tmp_path: Path) -> None:
    _write(tmp_path, "t.md", "title: Tool\nid: tool", "Uses\n{{< mystery x >}} here.\n")
    result = import_k8s_dir(tmp_path)
    assert _term(result, "tool").definition == "Uses here."
    assert result.warnings == [
        f"{tmp_path / 't.md'}:6: unsupported shortcode '{{{{< mystery x >}}}}' dropped"
    ]
