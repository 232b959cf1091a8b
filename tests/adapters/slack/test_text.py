"""Slack text safety: escaped mrkdwn, inert mentions in plain text, links kept as links."""

from __future__ import annotations

import pytest

from bot.adapters.slack.text import mrkdwn, plain
from tests.adapters.slack.fake_checks import LIVE_MENTION

PINGS = ["<!channel>", "<!here>", "<!everyone>", "<@U0ALICE001>", "<!subteam^S01|devs>", "<@W1>"]


@pytest.mark.parametrize("ping", PINGS)
def test_no_mention_survives_either_kind_of_text(ping):
    assert LIVE_MENTION.search(mrkdwn(f"봐 주세요 {ping}")) is None
    assert LIVE_MENTION.search(plain(f"봐 주세요 {ping}")) is None


def test_mrkdwn_escapes_markup_and_keeps_discord_bold_as_slack_bold():
    assert mrkdwn("a & b < c > d **굵게**") == "a &amp; b &lt; c &gt; d *굵게*"


def test_a_core_link_stays_a_link_and_nothing_else_does():
    text = mrkdwn("문서: <https://kubernetes.io/docs/?a=1&b=2> <!channel|x> <https://x|<!here>>")
    assert "<https://kubernetes.io/docs/?a=1&amp;b=2>" in text
    assert LIVE_MENTION.search(text) is None
    assert "<https://x|" not in text


def test_plain_text_is_clipped_to_its_limit():
    assert len(plain("가" * 100, 75)) == 75
