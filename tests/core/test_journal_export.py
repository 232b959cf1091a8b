import datetime as dt

from bot.core.journal import Entry, EntryBody, EntryKind, Goal, RetroForm, TermRow
from bot.core.journal.export import cell, export_day
from bot.core.models import Link, UserRef
from bot.infra.importers.til import parse_til
from tests.core.fakes import SPACE, at, make_journal

MINJI = UserRef("discord", "111", "민지")
MONDAY = dt.date(2024, 3, 4)
FORM = RetroForm(
    learned="컨테이너는 격리된 프로세스다.",
    reflection="오늘은 도커랑 파드를 공부했다.",
    links="쿠버네티스란? https://a.example/k8s\nhttps://b.example",
    terms=(
        "파드 | 쿠버네티스의 가장 작은 단위 | 컨테이너 \\| 네트워크 공유\n"
        "레플리카셋 | 파드 복제본을 유지"
    ),
)

EXPECTED = """## 날짜: 2024-03-04

### 스크럼
- 학습 목표 1 : 도커 설치
- 학습 목표 2 : ✅ 첫 컨테이너 실행

### 새로 배운 내용
| 용어 | 정의 | 비고 |
| --- | --- | --- |
| 파드 | 쿠버네티스의 가장 작은 단위 | 컨테이너 \\| 네트워크 공유 |
| 레플리카셋 | 파드 복제본을 유지 |  |

컨테이너는 격리된 프로세스다.

#### 실습 명령어
```bash
# nginx 컨테이너를 백그라운드로 실행해요
docker run -d nginx
```

### 오늘의 회고
오늘은 도커랑 파드를 공부했다.

### 참고 자료 및 링크
- [쿠버네티스란?](https://a.example/k8s)
- [https://b.example](https://b.example)
"""


async def exported() -> str:
    js = make_journal(at("Asia/Seoul", 2024, 3, 4, 21))
    await js.journal.save_scrum(SPACE, MINJI, "도커 설치\n[x] 첫 컨테이너 실행")
    await js.journal.save_retro(SPACE, MINJI, FORM)
    return await js.journal.export_til(SPACE, MINJI.id, MONDAY, MONDAY)


async def test_a_day_exports_in_the_teams_own_note_format():
    assert await exported() == EXPECTED


async def test_importing_the_export_gives_back_the_glossary_rows_goals_and_links():
    note = parse_til(await exported(), "export.md")
    assert note.date == MONDAY
    assert note.goals == ["도커 설치", "첫 컨테이너 실행"]  # done marks are status, not plan
    assert [(t.term, t.definition, t.notes) for t in note.terms] == [
        ("파드", "쿠버네티스의 가장 작은 단위", ("컨테이너 | 네트워크 공유",)),
        ("레플리카셋", "파드 복제본을 유지", ()),
    ]
    assert [(x.title, x.url) for x in note.links] == [
        ("쿠버네티스란?", "https://a.example/k8s"),
        ("https://b.example", "https://b.example"),
    ]
    assert "도커랑 파드를 공부했다" in note.retro
    assert [c.command for c in note.commands] == ["docker run -d nginx"]
    assert note.warnings == []


def test_multi_line_cells_use_br_and_survive_the_import():
    body = EntryBody(
        reflection="# 제목처럼 보이는 줄\n그냥 회고",
        terms=(TermRow("노드", "첫 줄\n둘째 줄", "- 마스터 노드\n- 워커 노드"),),
    )
    entry = _entry(body)
    text = export_day(MONDAY, None, entry)
    assert "| 노드 | 첫 줄<br>둘째 줄 | - 마스터 노드<br>- 워커 노드 |" in text
    assert "\\# 제목처럼 보이는 줄" in text
    note = parse_til(text, "x.md")
    assert [(t.term, t.definition, t.notes) for t in note.terms] == [
        ("노드", "첫 줄\n둘째 줄", ("마스터 노드", "워커 노드"))
    ]
    assert "# 제목처럼 보이는 줄" in note.retro


def test_cells_escape_pipes_and_mentions():
    assert cell("a | b\nc") == "a \\| b<br>c"
    assert "@everyone" not in cell("@everyone")


async def test_several_days_are_concatenated_oldest_first_and_private_ones_respect_the_viewer():
    js = make_journal(at("Asia/Seoul", 2024, 3, 5, 21))
    await js.journal.save_scrum(SPACE, MINJI, "화요일 목표")
    await js.journal.save_scrum(SPACE, MINJI, "월요일 목표", day=MONDAY, public=False)
    text = await js.journal.export_til(SPACE, MINJI.id, MONDAY, dt.date(2024, 3, 5))
    assert text.index("## 날짜: 2024-03-04") < text.index("## 날짜: 2024-03-05")
    assert "월요일 목표" in text
    seen_by_other = await js.journal.export_til(
        SPACE, MINJI.id, MONDAY, dt.date(2024, 3, 5), viewer_id="222"
    )
    assert "월요일 목표" not in seen_by_other
    assert "화요일 목표" in seen_by_other


def _entry(body: EntryBody, kind: EntryKind = EntryKind.RETRO) -> Entry:
    instant = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
    return Entry(1, "discord:g", "111", "민지", MONDAY, kind, True, body, (), 1, instant, instant)


def test_goals_and_links_render_as_the_team_writes_them():
    scrum = _entry(EntryBody(goals=(Goal("도커"), Goal("볼륨", done=True))), EntryKind.SCRUM)
    retro = _entry(
        EntryBody(reflection="r", links=(Link(title="a [b]", url="https://x.example/(1)"),))
    )
    text = export_day(MONDAY, scrum, retro)
    assert "- 학습 목표 2 : ✅ 볼륨" in text
    assert "- [a \\[b\\]](https://x.example/(1%29)" in text


def test_loose_term_lines_follow_the_table_as_a_list():
    retro = _entry(
        EntryBody(
            reflection="r",
            terms=(TermRow("파드", "가장 작은 단위"),),
            term_text=("서비스는 내일 @everyone",),
        )
    )
    text = export_day(MONDAY, None, retro)
    table_end = text.index("| 파드 | 가장 작은 단위 |")
    assert text.index("- 서비스는 내일 @\u200beveryone") > table_end
