"""Long retros lose no text: split fields, a file for what one card cannot hold (issue 8)."""

from __future__ import annotations

import datetime as dt

from bot.core.i18n import t
from bot.core.journal import RetroForm
from bot.core.journal.render import MAX_CARD, card_size, split_text
from bot.core.models import UserRef
from bot.core.replies import MAX_FIELD, Reply
from bot.infra.importers.til import parse_til
from tests.core.fakes import SPACE, at, make_journal

MINJI = UserRef("discord", "111", "민지")
NOW = at("Asia/Seoul", 2024, 3, 4, 21)
MONDAY = dt.date(2024, 3, 4)


def lines(word: str, count: int) -> str:
    return "\n".join(f"{word} 문장 {n} 에서 배운 점을 길게 적어 두었어요" for n in range(count))


def assert_fits_discord(reply: Reply) -> None:
    assert card_size(reply) <= MAX_CARD
    assert len(reply.fields) <= 25
    assert all(len(f.value) <= MAX_FIELD for f in reply.fields)


def test_split_text_gives_the_text_back_in_pieces_that_fit():
    text = lines("회고", 200) + " " + "가" * 3000
    pieces = split_text(text, 1024)
    assert "".join(pieces) == text
    assert all(len(p) <= 1024 for p in pieces)
    assert pieces[0].endswith("\n")  # cut at a line end, not mid-sentence


async def test_a_retro_a_little_over_one_field_shows_every_word_in_numbered_fields():
    js = make_journal(NOW)
    learned = lines("배움", 60)  # about 2,000 characters, well under the 6,000 of a card
    saved = await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="회고", learned=learned))
    card = saved.reply
    assert_fits_discord(card)
    label = t("journal.field.learned", "ko")
    parts = [f for f in card.fields if f.name.startswith(label)]
    assert [f.name for f in parts] == [f"{label} (1/2)", f"{label} (2/2)"]
    assert "".join(f.value for f in parts) == learned
    assert card.attachments == ()


async def test_a_retro_too_long_for_one_card_attaches_the_whole_entry_with_a_note():
    js = make_journal(NOW)
    form = RetroForm(
        learned=lines("배움", 110)[:4000],
        reflection=lines("회고", 110)[:4000],
        terms="\n".join(f"용어{n} | 정의 {n} 번째 설명 | 비고 {n}" for n in range(150))[:4000],
        links="\n".join(f"문서 {n} https://docs.example/{n}" for n in range(100))[:4000],
    )
    saved = await js.journal.save_retro(SPACE, MINJI, form)
    card = saved.reply
    assert_fits_discord(card)
    (file,) = card.attachments
    assert file.name == "retro-2024-03-04.md"
    assert t("journal.card.attached", "ko", name=file.name) in card.footer
    labels = [f.name for f in card.fields]
    assert t("journal.field.links", "ko") in labels  # no part is dropped from the card either
    note = parse_til(file.data.decode("utf-8"), file.name)
    assert note.retro == form.reflection.strip()
    assert note.learned.startswith(form.learned.strip())
    assert len(note.terms) == len(saved.entry.body.terms)
    assert [x.url for x in note.links] == [x.url for x in saved.entry.body.links]


async def test_log_shows_the_whole_reflection_split_across_fields():
    js = make_journal(NOW)
    reflection = lines("회고", 80)  # about 2,700 characters
    await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection=reflection))
    reply = await js.journal.log(SPACE, MINJI, when="오늘")
    assert_fits_discord(reply)
    assert [f.name for f in reply.fields] == [f"2024-03-04 · 회고 ({n}/3)" for n in (1, 2, 3)]
    assert "".join(f.value for f in reply.fields) == reflection
    assert reply.attachments == ()


async def test_a_week_of_long_retros_in_log_comes_whole_as_a_file():
    js = make_journal(at("Asia/Seoul", 2024, 3, 8, 21))
    written = {}
    for day in range(4, 9):
        reflection = written[day] = f"{day}일 " + lines("회고", 110)[:3900]
        await js.journal.save_retro(
            SPACE, MINJI, RetroForm(reflection=reflection), day=dt.date(2024, 3, day)
        )
    reply = await js.journal.log(SPACE, MINJI)
    assert_fits_discord(reply)
    (file,) = reply.attachments
    assert file.name == "log-2024-03-04_2024-03-10.md"
    text = file.data.decode("utf-8")
    for day in range(4, 9):
        assert f"## 날짜: 2024-03-0{day}" in text
        assert all(line in text for line in written[day].splitlines())
    assert t("journal.log.attached", "ko", count=4, name=file.name) in reply.footer


async def test_a_link_line_without_an_address_is_kept_as_text_with_a_hint():
    js = make_journal(NOW)
    links = "쿠버네티스 공식 문서 kubernetes.io/docs\n도커 문서 https://docs.docker.com"
    saved = await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="회고", links=links))
    body = saved.entry.body
    assert [x.url for x in body.links] == ["https://docs.docker.com"]
    assert body.link_text == ("쿠버네티스 공식 문서 kubernetes.io/docs",)
    fields = {f.name: f.value for f in saved.reply.fields}
    assert "kubernetes.io/docs" in fields[t("journal.field.links", "ko")]
    assert t("journal.link_text_hint", "ko", count=1) in saved.reply.footer
    again = await js.journal.retro_form(SPACE, MINJI)
    assert again.form.links.splitlines() == [
        "도커 문서 https://docs.docker.com",
        "쿠버네티스 공식 문서 kubernetes.io/docs",
    ]
    exported = await js.journal.export_til(SPACE, MINJI.id, MONDAY, MONDAY)
    assert "- 쿠버네티스 공식 문서 kubernetes.io/docs" in exported
