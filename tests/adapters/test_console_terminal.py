"""The console in a real pseudo-terminal: history, Tab completion, posts while typing.

The bot runs in a pty as a person would use it; pyte plays the terminal, so the checks read
the screen a person sees rather than the escape codes that draw it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from bot.adapters.console.editor import wrap

HARNESS = Path(__file__).with_name("pty_console.py")
ROOT = HARNESS.parents[2]
UP = "\x1b[A"
COLUMNS, ROWS = 120, 60
WAIT = 20.0


class Terminal:
    """A pty child and the screen it draws."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.Stream(self.screen)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def cursor_line(self) -> str:
        return self.screen.display[self.screen.cursor.y].rstrip()

    def until(self, predicate, what: str) -> None:
        """Read output until ``predicate(self)`` holds; fail naming ``what`` after WAIT s."""
        deadline = time.monotonic() + WAIT
        while not predicate(self):
            if time.monotonic() > deadline:
                pytest.fail(f"the terminal never showed {what}:\n{self.text()}")
            try:
                chunk = self.child.read_nonblocking(4096, timeout=0.2)
            except pexpect.TIMEOUT:
                continue
            self.stream.feed(chunk)

    def shows(self, text: str) -> None:
        self.until(lambda term: text in term.text(), repr(text))

    def prompt_reads(self, typed: str) -> None:
        self.until(lambda term: term.cursor_line().endswith(f"studybot> {typed}".rstrip()), typed)


@pytest.fixture
def terminal(tmp_path):
    child = pexpect.spawn(
        sys.executable,
        [str(HARNESS), str(tmp_path / "history")],
        cwd=str(ROOT),
        env={**os.environ, "TERM": "xterm", "PYTHONPATH": str(ROOT), "PROMPT_TOOLKIT_NO_CPR": "1"},
        encoding="utf-8",
        dimensions=(ROWS, COLUMNS),
    )
    term = Terminal(child)
    term.prompt_reads("")
    yield term
    child.send("\x03")  # Ctrl-C clears whatever a test left on the line
    child.sendline("/quit")
    child.expect(pexpect.EOF, timeout=WAIT)
    child.close()


def test_tab_completes_a_command_and_a_glossary_term(terminal):
    terminal.child.send("/def\t")
    terminal.prompt_reads("/define ")
    terminal.child.send("cgro\t")
    terminal.prompt_reads("/define cgroup")
    terminal.child.send("\r")
    terminal.shows("[Cgroup]")


def test_the_up_arrow_brings_back_the_last_line(terminal):
    terminal.child.send("/define 파드\r")
    terminal.shows("[파드]")
    terminal.prompt_reads("")
    terminal.child.send(UP)
    terminal.prompt_reads("/define 파드")


def test_a_post_arriving_while_typing_keeps_the_typed_text(terminal):
    terminal.child.send("cgr")
    terminal.prompt_reads("cgr")
    os.kill(terminal.child.pid, signal.SIGUSR1)
    terminal.shows("SCHEDULED-POST")
    # The post lands above the prompt, which is drawn again with what was already typed.
    terminal.prompt_reads("cgr")
    terminal.child.send("oup\r")
    terminal.shows("[Cgroup]")


def test_wrapping_breaks_at_spaces_and_keeps_urls_whole():
    url = "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/"
    text = wrap(f"참고 자료 {url} 를 읽어 보세요 " + "단어 " * 20, width=40)
    assert url in text
    assert all(len(line) <= 40 or url in line for line in text.split("\n"))
