"""The operator's command line: wrong ids are refused with the ids that would work."""

from __future__ import annotations

import getpass
import logging

import pytest

from bot.cli import main


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("STUDYBOT_CONTENT_DIR", raising=False)
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path / "data"))


def _scrum_in_console(monkeypatch, capsys, text: str) -> None:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(f"/scrum {text}\n"))
    assert main(["run", "--platform", "console"]) == 0
    capsys.readouterr()


def test_export_til_of_an_unknown_member_exits_one_and_lists_the_known_ones(monkeypatch, capsys):
    _scrum_in_console(monkeypatch, capsys, "도커 볼륨 실습")
    code = main(["export", "til", "--space", "console:local", "--member", "nobody",
                 "--date", "2026-11-29"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "nobody" in captured.err
    assert getpass.getuser() in captured.err  # the console's member id is the login name


def test_export_til_of_a_space_without_entries_says_so(capsys):
    code = main(["export", "til", "--space", "console:local", "--member", "nobody",
                 "--date", "2026-11-29"])  # fmt: skip
    assert code == 1
    assert "console:local" in capsys.readouterr().err


def test_post_due_prints_plain_lines_and_logs_no_reprs(monkeypatch, capsys, caplog):
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("STUDYBOT_STUDY_DAYS", "매일")
    at = "2026-11-30T09:05:00+09:00"
    assert main(["post-due", "--platform", "console", "--at", at]) == 0
    captured = capsys.readouterr()
    assert "posted morning 2026-11-30 console:local message=" in captured.out
    assert "posted morning 2026-11-30 console:local as " in caplog.text
    assert "PostKey(" not in captured.out + caplog.text
    assert "PostKind." not in captured.out + caplog.text
