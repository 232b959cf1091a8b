import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from bot.core.journal import Entry, EntryBody, EntryKind, Goal, RetroForm, TermRow
from bot.core.journal.export import cell, export_day, export_entries
from bot.core.models import CommandCard, Link, UserRef
from bot.core.replies import defang
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


# --- hostile member text (issue 8, item 2) ---------------------------------------------------

HOSTILE_PIECES = (
    "```", "~~~", "```bash", "    code", "\t# tab", "<!--", "-->", "<div>", "<script>", "<pre>",
    "<?php", "<![CDATA[", "===", "---", "- - -", "***", "___", "## 가짜 제목", "# h1", "######",
    "| a | b |", "| --- | --- |", "a | b", "|", "\\", "\\|", "\\\\", "> 인용", "- 목록", "* 별",
    "+ 더하기", "1. 하나", "2) 둘", "[링크](https://x.example)", "[ref]: https://x.example",
    "&amp;", "&#35;", "`코드`", "**굵게**", "_기울임_", "@everyone", "<@123>", "\r", "\r\n", "",
    " ", "   ### 들여쓴 제목", "오늘 배운 것", "컨테이너", "-", "=", "#",
)  # fmt: skip
hostile_line = st.one_of(
    st.sampled_from(HOSTILE_PIECES),
    st.text(alphabet=st.sampled_from("#=-`~<>!|\\*_[]()&;:. \t가나a1"), max_size=12),
)
hostile_text = st.lists(hostile_line, max_size=8).map("\n".join)


def _headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [
        (tok.tag, tokens[pos + 1].content)
        for pos, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def _hostile_entries(
    learned: str, reflection: str, goal: str, term: str, title: str
) -> list[Entry]:
    instant = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
    out: list[Entry] = []
    for n, day in enumerate((MONDAY, MONDAY + dt.timedelta(days=1))):
        scrum = EntryBody(goals=(Goal(goal or "목표"), Goal("둘째", done=True)))
        retro = EntryBody(
            learned=learned or "배움",
            reflection=reflection or "회고",
            terms=(TermRow(term or "용어", learned or "정의", reflection),),
            term_text=(term or "줄",),
            links=(Link(title=title.strip() or "제목", url="https://x.example/a"),),
        )
        for kind, body in ((EntryKind.SCRUM, scrum), (EntryKind.RETRO, retro)):
            out.append(
                Entry(n, "discord:g", "111", "민지", day, kind, True, body, (), 1, instant, instant)
            )
    return out


@settings(max_examples=300, deadline=None)
@given(hostile_text, hostile_text, hostile_line, hostile_line, hostile_line)
def test_exported_headings_are_exactly_the_ones_the_export_meant_whatever_members_write(
    learned: str, reflection: str, goal: str, term: str, title: str
) -> None:
    entries = _hostile_entries(learned, reflection, goal, term, title)
    card = CommandCard(id="run", command="docker run -d nginx", explanation="실행")
    text = export_entries(entries, {MONDAY: (card,)})
    day = [("h3", "스크럼"), ("h3", "새로 배운 내용")]
    rest = [("h3", "오늘의 회고"), ("h3", "참고 자료 및 링크")]
    assert _headings(text) == [
        ("h2", "날짜: 2024-03-04"), *day, ("h4", "실습 명령어"), *rest,
        ("h2", "날짜: 2024-03-05"), *day, *rest,
    ]  # fmt: skip


def _as_imported(text: str) -> str:
    """What an import reads back: paragraphs, each line's spaces collapsed, duplicates once."""
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", defang(text).replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph and paragraph not in paragraphs:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


@settings(max_examples=300, deadline=None)
@given(hostile_text.filter(lambda s: s.strip() and "\x00" not in s))
def test_a_hostile_reflection_and_learned_text_come_back_from_the_import(text: str) -> None:
    retro = _entry(EntryBody(reflection=text, learned=text))
    note = parse_til(export_day(MONDAY, None, retro), "x.md")
    assert note.retro == _as_imported(text)
    assert note.learned == _as_imported(text)


def test_an_unclosed_fence_or_comment_hides_no_later_section():
    retro = _entry(EntryBody(learned="```\n<!--\n오늘 배운 것", reflection="제목\n===\n---"))
    text = export_day(MONDAY, None, retro)
    assert _headings(text) == [
        ("h2", "날짜: 2024-03-04"), ("h3", "새로 배운 내용"), ("h3", "오늘의 회고"),
    ]  # fmt: skip
    note = parse_til(text, "x.md")
    assert note.retro == "제목\n===\n---"
    assert note.learned == "```\n<!--\n오늘 배운 것"
