"""The console's rendering of Markdown bold and of quiz choices."""

from __future__ import annotations

from bot.adapters.console.render import render_text
from bot.core.replies import Reply, ReplyButton


def test_bold_is_plain_text_when_piped():
    reply = Reply(title="도커", body="애플리케이션을 **컨테이너** 형태로")
    assert render_text(reply, styled=False) == "[도커]\n애플리케이션을 컨테이너 형태로"


def test_bold_is_bold_in_a_terminal():
    reply = Reply(body="애플리케이션을 **컨테이너** 형태로")
    assert render_text(reply, styled=True) == "애플리케이션을 \x1b[1m컨테이너\x1b[22m 형태로"


def test_a_lone_asterisk_is_left_alone():
    reply = Reply(body="SELECT * FROM terms; 2 ** 3")
    assert render_text(reply, styled=True) == "SELECT * FROM terms; 2 ** 3"


def test_long_choices_are_numbered_one_per_line():
    choices = ("컨테이너 이름을 바꾼다.", "컨테이너를 삭제한다.", "이미지만 내려받는다.")
    buttons = tuple(ReplyButton(c, f"quiz:answer:1:{i}") for i, c in enumerate(choices))
    text = render_text(Reply(body="docker rename a b", buttons=buttons), styled=False)
    assert text.splitlines()[1:] == [f"→ [{n}] {c}" for n, c in enumerate(choices, start=1)]
