"""The README's examples run as written: every `console` block, in a fresh data dir.

A `console` block holds commands after `$ ` and, below each, the output it shows; `...` stands
for any text (a line of its own: any number of lines). A command must exit 0 unless its line
prints its own exit code (`; echo "exit $?"`). Other command blocks may only hold the setup
commands that a test cannot run (make, docker, the venv, .env), so no untested command hides
in the README.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ELLIPSIS = "..."
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
# What a plain `sh` block may hold: setup the README's own examples depend on.
_SETUP = ("make ", "docker ", "cp .env.example", ". .venv/bin/activate")


@dataclass
class Example:
    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    line: int
    examples: list[Example]


def _blocks(kind: str) -> list[tuple[int, str]]:
    found = [m for m in _FENCE.finditer(README) if m[1] == kind]
    return [(README.count("\n", 0, m.start()) + 1, m[2]) for m in found]


def console_blocks() -> list[Block]:
    blocks = []
    for line, body in _blocks("console"):
        examples: list[Example] = []
        for text in body.splitlines():
            if text.startswith("$ "):
                examples.append(Example(text[2:]))
            else:
                assert examples, f"README.md:{line}: output before the first `$ ` command"
                examples[-1].expected.append(text)
        blocks.append(Block(line, examples))
    return blocks


def _pattern(expected: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in expected.rstrip().split(ELLIPSIS)]
    return re.compile(".*".join(parts) + r"\s*")


def output_matches(expected: list[str], actual: str) -> bool:
    """Whether ``actual`` shows the ``expected`` lines in order (``...`` lines skip any)."""
    lines = actual.rstrip().splitlines()  # a reply's closing blank line is not output to show
    if not expected:
        return actual.strip() == ""
    position, free = 0, False
    for want in expected:
        if want.strip() == ELLIPSIS:
            free = True
            continue
        pattern = _pattern(want)
        while position < len(lines) and not pattern.fullmatch(lines[position]):
            if not free:
                return False
            position += 1
        if position == len(lines):
            return False
        position, free = position + 1, False
    return free or position == len(lines)


def _environment(data_dir: Path) -> dict[str, str]:
    # As in a new shell: no settings of the developer's, and not inside `make test`'s make
    # (whose MAKELEVEL would make `make run` print "Entering directory").
    skip = ("DISCORD_", "STUDYBOT_", "CI", "MAKE", "MFLAGS")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    venv = ROOT / ".venv"
    # `. .venv/bin/activate`, as the README asks once per shell.
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["STUDYBOT_DATA_DIR"] = str(data_dir)
    env["DISCORD_TOKEN"] = ""  # a developer's .env token must not turn examples into Discord
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave as in a terminal
    return env


BLOCKS = console_blocks()


def test_the_readme_has_runnable_examples():
    commands = [e.command for b in BLOCKS for e in b.examples]
    assert any("| make run" in c for c in commands)
    assert any(c.startswith("python -m bot check") for c in commands)


@pytest.mark.parametrize("block", BLOCKS, ids=[f"README.md:{b.line}" for b in BLOCKS])
def test_readme_console_block_runs_as_written(block, tmp_path):
    env = _environment(tmp_path / "data")
    for example in block.examples:
        proc = subprocess.run(
            ["bash", "-o", "pipefail", "-c", example.command],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        shown = proc.stdout
        assert proc.returncode == 0, f"$ {example.command}\nexit {proc.returncode}\n{shown}"
        assert output_matches(example.expected, shown), (
            f"$ {example.command}\nexpected:\n" + "\n".join(example.expected) + f"\ngot:\n{shown}"
        )


def test_other_command_blocks_hold_only_setup_commands():
    for line, body in _blocks("sh"):
        for text in body.splitlines():
            command = text.split("#", 1)[0].strip()
            if command:
                assert command.startswith(_SETUP), f"README.md:{line}: untested `{command}`"


@pytest.mark.parametrize(
    ("expected", "actual", "matches"),
    [
        (["[Cgroup]", ELLIPSIS], "[Cgroup]\n정의\n비고\n", True),
        (["[Cgroup]"], "[Cgroup]\n정의\n", False),  # unshown output is not ignored
        (["[Cgroup]", "정의"], "[Cgroup]\n정의\n\n", True),
        (["a...c"], "abc\n", True),
        ([ELLIPSIS, "exit 1"], "x\ny\nexit 1\n", True),
        ([ELLIPSIS, "exit 1"], "x\nexit 0\n", False),
        (["b", "a"], "a\nb\n", False),  # order matters
        ([], "", True),
        ([], "posted morning\n", False),  # an empty expectation means no output
    ],
)
def test_output_matching_follows_the_readme_rules(expected, actual, matches):
    assert output_matches(expected, actual) is matches
