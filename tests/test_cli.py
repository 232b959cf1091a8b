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
    for name in ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "STUDYBOT_CONTENT_DIR"):
        monkeypatch.delenv(name, raising=False)
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
        "matches",
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
    assert "30 terms" in capsys.readouterr().out  # 도커 and 컨테이너 are two entries


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


def test_a_service_without_any_chat_token_is_one_clear_line_not_a_silent_console(capsys):
    assert main(["run", "--service"]) == 78
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "DISCORD_TOKEN" in err[0]
    assert "SLACK_BOT_TOKEN" in err[0]


def test_slack_platform_without_both_tokens_is_one_clear_line(capsys, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    assert main(["run", "--platform", "slack"]) == 78
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "SLACK_APP_TOKEN" in err[0]


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
    assert main(["post-due", "--at", "2026-11-26T09:05:00"]) == 2
    assert "offset" in capsys.readouterr().err


@pytest.mark.parametrize("at", ["0001-01-01T00:00+14:00", "9999-12-31T23:59Z", "nonsense"])
def test_post_due_with_an_out_of_range_instant_is_a_one_line_usage_error(at, capsys):
    assert main(["post-due", "--platform", "console", "--at", at]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("python -m bot post-due: --at: ")
    assert at in err[0]


def test_post_due_exits_non_zero_and_says_what_when_a_post_stays_pending(capsys, monkeypatch):
    from bot.adapters.console import ConsolePublisher

    monkeypatch.setenv("STUDYBOT_STUDY_DAYS", "매일")
    today = dt.datetime.now(ZoneInfo("Asia/Seoul")).date()
    at = f"{today}T09:05:00+09:00"
    working = ConsolePublisher.post

    async def forbidden(self, space, channel, reply):
        raise RuntimeError("403 Forbidden: Missing Access")

    monkeypatch.setattr(ConsolePublisher, "post", forbidden)
    assert main(["post-due", "--platform", "console", "--at", at]) == 1
    err = capsys.readouterr().err
    assert f"not posted: morning {today} console:local: RuntimeError('403 Forbidden" in err
    monkeypatch.setattr(ConsolePublisher, "post", working)
    assert main(["post-due", "--platform", "console", "--at", f"{today}T09:06:00+09:00"]) == 0
    assert f"posted morning {today} console:local" in capsys.readouterr().out


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


SECRET = "비공개-회고-문장-7f3a"


def test_private_retro_text_never_reaches_the_debug_log(tmp_path):
    data = tmp_path / "data"
    session = f"/retro private\n배운 것 {SECRET}\n\n오늘의 회고 {SECRET}\n\n\n\n/log\n"
    proc = _bot("run", stdin=session, STUDYBOT_DATA_DIR=str(data), STUDYBOT_LOG_LEVEL="DEBUG")
    assert proc.returncode == 0, proc.stderr
    assert SECRET in proc.stdout  # the retro was saved and shown back to its author
    log = (data / "studybot.log").read_text(encoding="utf-8")
    assert "retro of" in log  # the save itself was logged, without its text
    assert SECRET not in log
    assert "aiosqlite" not in log


def test_a_library_named_in_debug_loggers_logs_at_debug(tmp_path):
    # The operator asked for aiosqlite by name: its parameters, member text included, are logged.
    # This is what DEBUG alone used to do for everyone.
    data = tmp_path / "data"
    proc = _bot(
        "run",
        stdin=f"/retro private\n\n오늘의 회고 {SECRET}\n\n\n\n",
        STUDYBOT_DATA_DIR=str(data),
        STUDYBOT_LOG_LEVEL="DEBUG",
        STUDYBOT_DEBUG_LOGGERS="aiosqlite",
    )
    assert proc.returncode == 0, proc.stderr
    log = (data / "studybot.log").read_text(encoding="utf-8")
    assert "DEBUG aiosqlite" in log
    assert SECRET in log


_NOTE = "# 2025-02-10\n\n| 용어 | 정의 |\n|---|---|\n| 파드 | 컨테이너 묶음 |\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["import", "til", "binary.md"], "binary.md:1: a NUL byte (\\0): not a text file"),
        (["import", "til", "folder.md"], "folder.md: a folder, not a file"),
        (["import", "docker", "folder.md"], "folder.md: a folder, not a file"),
        (["import", "k8s", "binary.md"], "binary.md: not a folder;"),
        (["import", "til", "note.md", "--out", "binary.md/content"], "cannot write"),
    ],
    ids=["til-binary", "til-folder", "docker-folder", "k8s-file", "out-not-writable"],
)
def test_import_of_odd_input_is_one_line_and_exit_one(tmp_path, capsys, args, expected):
    (tmp_path / "binary.md").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe")
    (tmp_path / "folder.md").mkdir()
    (tmp_path / "note.md").write_text(_NOTE, encoding="utf-8")
    assert main(args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert expected in err[0]


@pytest.mark.parametrize("name", ["Empty.Dir", ".."])
def test_import_k8s_of_any_folder_name_warns_when_empty(tmp_path, capsys, name):
    folder = tmp_path / "work" / name
    folder.mkdir(parents=True, exist_ok=True)
    assert main(["import", "k8s", str(folder), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"{folder}: no term files (*.md) found; nothing imported\n"
    assert "added: 0" in captured.out


def test_import_refuses_a_note_over_the_size_cap(tmp_path, capsys):
    from bot.infra.importers.til import MAX_NOTE_BYTES

    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate(MAX_NOTE_BYTES + 1)  # sparse: the size is checked before reading
    assert main(["import", "til", str(big)]) == 1
    assert capsys.readouterr().err == f"{big}: larger than 4 MB; split it into several files\n"


def test_import_prints_no_progress_when_piped(tmp_path):
    (tmp_path / "note.md").write_text(_NOTE, encoding="utf-8")
    proc = _bot("import", "til", str(tmp_path / "note.md"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith("added: 2\n")  # the term, and the note's day


def test_import_shows_progress_on_a_terminal(tmp_path):
    import pty
    import termios

    (tmp_path / "note.md").write_text(_NOTE, encoding="utf-8")
    primary, secondary = pty.openpty()
    termios.tcsetwinsize(secondary, (24, 100))  # a fresh pty is 0 columns wide
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["import", "til", str(tmp_path / "note.md"), "--out", str(tmp_path / "out")]
    with subprocess.Popen(
        [sys.executable, "-m", "bot", *args], stdout=subprocess.PIPE, stderr=secondary, env=env
    ) as proc:
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        assert proc.wait(timeout=60) == 0
    os.close(primary)
    assert b"note.md: reading" in shown
    assert b"%|" in shown
