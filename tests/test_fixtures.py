"""Every test runs in any clone: its data is vendored, and CI fails a skip for missing data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SHARED

# A tiny suite that uses the project's hook and skips for missing data.
PROBE_CONFTEST = "from tests.conftest import pytest_runtest_makereport  # noqa: F401\n"
PROBE_TEST = """from tests.conftest import skip_missing_data


def test_needs_data():
    skip_missing_data("nowhere/glossary.yaml is absent")
"""


def _run_probe(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "probe"
    probe.mkdir(exist_ok=True)
    (probe / "conftest.py").write_text(PROBE_CONFTEST, encoding="utf-8")
    (probe / "test_probe.py").write_text(PROBE_TEST, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(probe)],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path, env=env,
    )  # fmt: skip


def test_a_skip_for_missing_data_is_a_failure_under_ci(tmp_path):
    proc = _run_probe(tmp_path, "true")
    assert proc.returncode == 1, proc.stdout
    assert "1 failed" in proc.stdout
    assert "a skip for missing data fails the run" in proc.stdout


def test_a_skip_for_missing_data_stays_a_skip_outside_ci(tmp_path):
    proc = _run_probe(tmp_path, None)
    assert proc.returncode == 0, proc.stdout
    assert "1 skipped" in proc.stdout


def test_the_seed_note_and_real_glossaries_are_vendored_with_their_licences():
    assert SHARED.is_relative_to(ROOT)
    assert (SHARED / "seed" / "000_96633a297b19d804.txt").is_file()
    data = SHARED / "data"
    assert len(list((data / "k8s-glossary" / "en").glob("*.md"))) == 140
    assert len(list((data / "k8s-glossary" / "ko").glob("*.md"))) == 117
    assert (data / "docker-glossary" / "glossary.yaml").is_file()
    licences = {p.name for p in (data / "licenses").iterdir()}
    assert licences == {"kubernetes-website_LICENSE.txt", "docker-docs_LICENSE.txt"}
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    assert "Apache-2.0" in readme


def test_no_test_reads_data_from_outside_the_repository():
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        if path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        if '"..", "shared"' in text or '/ ".." / "shared"' in text or "ROOT.parent" in text:
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
