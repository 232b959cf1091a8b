"""render.py without sockets: a Reply becomes an embed and buttons Discord would accept."""

from __future__ import annotations

import discord

from bot.adapters.discord.buttons import RoutedButton
from bot.adapters.discord.render import MAX_TOTAL, TONE_COLOURS, render, to_embed, to_view
from bot.core.replies import Reply, ReplyButton, ReplyField, Tone
from tests.adapters.discord.fake_validation import message_problems


def _accepted(rendered_embed: discord.Embed, view: discord.ui.View | None = None) -> list[str]:
    body = {
        "embeds": [rendered_embed.to_dict()],
        "components": view.to_components() if view else [],
    }
    return message_problems(body)


def test_reply_parts_land_in_the_matching_embed_parts():
    reply = Reply(
        title="Cgroup",
        body="자원을 제한하는 커널 기능",
        fields=(ReplyField("비고", "• 메모", inline=True),),
        footer="출처: TIL",
    )

    embed = to_embed(reply)

    assert embed.title == "Cgroup"
    assert embed.description == "자원을 제한하는 커널 기능"
    assert [(f.name, f.value, f.inline) for f in embed.fields] == [("비고", "• 메모", True)]
    assert embed.footer.text == "출처: TIL"


def test_tone_picks_the_colour():
    assert to_embed(Reply(body="x", tone=Tone.WARNING)).colour == TONE_COLOURS[Tone.WARNING]
    assert to_embed(Reply(body="x")).colour == TONE_COLOURS[Tone.INFO]


def test_overlong_texts_are_clipped_to_discord_limits():
    reply = Reply(
        title="t" * 300,
        body="b" * 5000,
        fields=tuple(ReplyField(f"n{i}" * 200, "v" * 2000) for i in range(30)),
        footer="f" * 3000,
    )

    embed = to_embed(reply)

    assert len(embed.title or "") == 256
    assert (embed.title or "").endswith("…")
    assert len(embed.fields) <= 25
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    assert len(embed) <= MAX_TOTAL
    assert _accepted(embed) == []


def test_empty_fields_and_an_empty_reply_still_make_a_valid_embed():
    assert _accepted(to_embed(Reply())) == []
    assert _accepted(to_embed(Reply(fields=(ReplyField("", ""),)))) == []


def test_buttons_become_restart_proof_dynamic_items():
    view = to_view(
        (ReplyButton("파드", "define:show:pod"), ReplyButton("도커", "define:show:docker"))
    )

    assert view is not None
    assert all(isinstance(item, RoutedButton) for item in view.children)
    assert [c["custom_id"] for row in view.to_components() for c in row["components"]] == [
        "define:show:pod",
        "define:show:docker",
    ]
    assert view.timeout is None


def test_no_buttons_means_no_view():
    assert to_view(()) is None


def test_buttons_outside_the_id_scheme_or_too_long_are_dropped():
    view = to_view(
        (
            ReplyButton("bad", "not-the-scheme"),
            ReplyButton("long", "define:show:" + "x" * 100),
            ReplyButton("ok", "define:show:pod"),
        )
    )

    assert view is not None
    assert [item.custom_id for item in view.children] == ["define:show:pod"]  # type: ignore[attr-defined]


def test_at_most_25_buttons_with_clipped_labels():
    buttons = tuple(ReplyButton("라벨" * 60, f"define:show:t{i}") for i in range(30))

    view = to_view(buttons)

    assert view is not None
    assert len(view.children) == 25
    assert _accepted(to_embed(Reply(body="x")), view) == []


def test_render_keeps_the_ephemeral_wish():
    assert render(Reply(body="x", ephemeral=True)).ephemeral
    assert not render(Reply(body="x")).ephemeral


def test_quiz_choices_show_their_text_one_per_row():
    choices = ("컨테이너 이름을 바꾼다.", "컨테이너를 삭제한다.", "이미지만 " + "가" * 70)
    buttons = tuple(ReplyButton(c, f"quiz:answer:7:{i}") for i, c in enumerate(choices))
    view = to_view(buttons)

    assert view is not None
    rows = view.to_components()
    assert [[c["label"] for c in row["components"]] for row in rows] == [[c] for c in choices]
    assert all(len(c) <= 80 for c in choices)
