"""The command line: exit codes, JSON lines, content errors without tracebacks, piped console."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("STUDYBOT_CONTENT_DIR", raising=False)
    monkeypatch.setenv("STUDYBOT_DATA_DIR", str(tmp_path / "data"))


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_define_json_has_every_key_and_exits_zero_when_all_found(capsys):
    assert main(["define", "--json", "cgroup", "도커란", "ㅋㅂㄴㅌㅅ", "kubernets"]) == 0
    rows = _json_lines(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["cgroup", "docker", "kubernetes", "kubernetes"]
    assert set(rows[0]) == {
        "query",
        "found",
        "id",
        "term",
        "definition",
        "notes",
        "aliases",
        "match",
        "score",
        "suggestions",
    }
    assert [r["match"] for r in rows] == ["exact", "particle", "chosung", "fuzzy"]


def test_define_exits_one_when_any_query_misses(capsys):
    assert main(["define", "--json", "cgroup", "xyzzy"]) == 1
    rows = _json_lines(capsys.readouterr().out)
    assert rows[1]["found"] is False
    assert rows[1]["id"] is None


def test_define_empty_query_is_a_miss_with_a_message(capsys):
    assert main(["define", "--json", "   "]) == 1
    (row,) = _json_lines(capsys.readouterr().out)
    assert row["found"] is False
    assert "error" in row


def test_define_without_query_is_a_usage_error():
    with pytest.raises(SystemExit) as caught:
        main(["define"])
    assert caught.value.code == 2


def test_define_text_prints_the_card(capsys):
    assert main(["define", "파드에 대해"]) == 0
    assert "[파드]" in capsys.readouterr().out


def test_check_passes_on_shipped_content(capsys):
    assert main(["check"]) == 0
    assert "29 terms" in capsys.readouterr().out


def test_check_reports_problems_as_path_line_message_and_exits_one(tmp_path, capsys):
    broken = tmp_path / "broken" / "glossary" / "a.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("terms:\n  - id: x\n    term: 엑스\n    definition: d\n    oops: 1\n")
    assert main(["check", "--content", str(tmp_path / "broken")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{broken}:5: unknown key 'oops' (at terms.0.oops)"


def _bot(*args: str, stdin: str = "", **env_extra: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` as its own process, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
    env.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_run_refuses_invalid_content_without_traceback(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    proc = _bot("run", STUDYBOT_CONTENT_DIR=str(empty))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "no glossary file" in proc.stderr


def test_piped_console_session_answers_the_four_readme_queries():
    queries = "/define cgroup\n/define 도커란\n/define ㅋㅂㄴㅌㅅ\n/define kubernets\n"
    proc = _bot("run", stdin=queries)
    assert proc.returncode == 0
    titles = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    assert titles == ["[Cgroup]", "[도커]", "[쿠버네티스]", "[쿠버네티스]"]


def test_discord_platform_without_token_is_one_clear_line(capsys):
    assert main(["run", "--platform", "discord"]) == 78  # EX_CONFIG: restarting cannot help
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "DISCORD_TOKEN" in err[0]


def test_health_fails_when_no_bot_is_running():
    assert main(["health"]) == 1


def test_post_due_posts_once_and_prints_nothing_the_second_time(capsys, monkeypatch):
    monkeypatch.setenv("STUDYBOT_STUDY_DAYS", "매일")
    today = dt.datetime.now(ZoneInfo("Asia/Seoul")).date()
    at = f"{today}T09:05:00+09:00"  # the morning post (09:00) is due
    assert main(["post-due", "--platform", "console", "--at", at]) == 0
    assert f"posted morning {today} console:local" in capsys.readouterr().out
    again = f"{today}T09:06:00+09:00"
    assert main(["post-due", "--platform", "console", "--at", again]) == 0
    assert capsys.readouterr().out == ""


def test_post_due_refuses_an_instant_without_offset(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["post-due", "--at", "2026-11-26T09:05:00"])
    assert caught.value.code == 2
    assert "offset" in capsys.readouterr().err


def test_export_til_prints_the_members_day(tmp_path):
    data = str(tmp_path / "data")
    assert _bot("run", stdin="/scrum 도커 볼륨 실습\n", STUDYBOT_DATA_DIR=data).returncode == 0
    today = dt.datetime.now(ZoneInfo("Asia/Seoul")).date()
    member = getpass.getuser()  # the console's member is the account running it
    yesterday = str(today - dt.timedelta(days=1))
    proc = _bot(
        "export", "til", "--space", "console:local", "--member", member,
        "--from", yesterday, "--to", str(today), STUDYBOT_DATA_DIR=data,
    )  # fmt: skip
    assert proc.stdout.startswith("## 날짜: ")
    assert "- 학습 목표 1 : 도커 볼륨 실습" in proc.stdout


def test_export_glossary_of_a_space_without_terms_is_an_empty_list(capsys):
    assert main(["export", "glossary", "--space", "console:local"]) == 0
    assert capsys.readouterr().out.strip() == "terms: []"


def test_console_logs_go_to_the_data_dir_not_between_the_answers(tmp_path):
    data = tmp_path / "data"
    proc = _bot("run", stdin="/define cgroup\n", STUDYBOT_DATA_DIR=str(data))
    assert proc.returncode == 0
    assert "INFO" not in proc.stdout
    assert "INFO" not in proc.stderr
    assert "applying migration" in (data / "studybot.log").read_text(encoding="utf-8")
