"""The Discord Publisher over REST only: posts, edits, mentions and the `post-due` login."""

from __future__ import annotations

import dataclasses

import discord
import pytest

from bot.adapters.discord.errors import DiscordLoginError, MissingTokenError
from bot.adapters.discord.publisher import NoChannelError, rest_publisher
from bot.core.models import SpaceRef
from bot.core.replies import Attachment, Reply, ReplyButton, ReplyField
from tests.adapters.discord import fake_payloads as p
from tests.adapters.discord.conftest import make_settings
from tests.adapters.discord.fake_modals import files

SPACE = SpaceRef("discord", str(p.GUILD_ID))
CHANNEL = str(p.CHANNEL_ID)
QUESTION = Reply(
    title="🧩 오늘의 퀴즈",
    body="파드는?",
    fields=(ReplyField("참고", "@everyone 도 핑되지 않아요"),),
    buttons=(ReplyButton("1", "quiz:answer:7:0"), ReplyButton("2", "quiz:answer:7:1")),
)
RESULT = Reply(title="🧩 결과", body="정답: 1")


async def test_post_sends_the_embed_and_buttons_and_returns_the_message_id(fake, settings):
    async with rest_publisher(settings) as publisher:
        message_id = await publisher.post(SPACE, CHANNEL, QUESTION)

    [post] = fake.channels.posts
    assert message_id == post.message["id"]
    assert post.message["channel_id"] == CHANNEL
    assert post.embeds[0]["title"] == "🧩 오늘의 퀴즈"
    assert post.custom_ids == ["quiz:answer:7:0", "quiz:answer:7:1"]
    assert post.body["allowed_mentions"] == {"parse": []}
    assert "content" not in post.body or not post.body["content"]
    assert fake.rejected == []


async def test_edit_replaces_the_post_and_drops_its_buttons(fake, settings):
    async with rest_publisher(settings) as publisher:
        message_id = await publisher.post(SPACE, CHANNEL, QUESTION)
        await publisher.edit(SPACE, CHANNEL, message_id, RESULT)

    [edit] = fake.channels.edits
    assert edit.message["id"] == message_id
    assert edit.embeds[0]["title"] == "🧩 결과"
    assert edit.body["components"] == []
    assert fake.known_message(message_id)["components"] == []
    assert edit.body["allowed_mentions"] == {"parse": []}


async def test_edit_of_a_deleted_post_is_skipped_without_an_error(fake, settings, caplog):
    async with rest_publisher(settings) as publisher:
        message_id = await publisher.post(SPACE, CHANNEL, QUESTION)
        fake.forget()  # someone deleted the post
        await publisher.edit(SPACE, CHANNEL, message_id, RESULT)

    assert fake.channels.edits == []
    assert f"message {message_id}" in caplog.text


async def test_post_to_a_channel_discord_does_not_know_raises(fake, settings):
    async with rest_publisher(settings) as publisher:
        with pytest.raises(discord.NotFound):
            await publisher.post(SPACE, "123456789012345678", QUESTION)

    assert fake.channels.posts == []


async def test_post_without_a_channel_is_refused_before_any_request(fake, settings):
    async with rest_publisher(settings) as publisher:
        with pytest.raises(NoChannelError):
            await publisher.post(SPACE, None, QUESTION)
        with pytest.raises(NoChannelError):
            await publisher.post(SPACE, "console", QUESTION)

    assert fake.channels.sent == []


async def test_only_the_members_a_reply_names_may_be_pinged(fake, settings):
    reminder = Reply(title="회고 알림", body="Alice, Bora", mentions=("301", "302", "<@&1>"))

    async with rest_publisher(settings) as publisher:
        await publisher.post(SPACE, CHANNEL, reminder)

    [post] = fake.channels.posts
    assert post.body["content"] == "<@301> <@302>"
    assert post.body["allowed_mentions"] == {"parse": [], "users": [301, 302]}


async def test_any_text_channel_of_the_server_can_be_posted_to(fake, settings):
    other = fake.channels.add(p.CHANNEL_ID + 1)

    async with rest_publisher(settings) as publisher:
        await publisher.post(SPACE, other, RESULT)

    assert [s.message["channel_id"] for s in fake.channels.posts] == [other]


async def test_rest_publisher_never_opens_the_gateway(fake, settings):
    async with rest_publisher(settings) as publisher:
        await publisher.post(SPACE, CHANNEL, RESULT)

    assert fake.identifies == []
    assert fake.sessions.empty()
    assert fake.command_puts == []  # posting syncs no commands either


async def test_rest_publisher_with_a_rejected_token_gives_the_login_error(fake, tmp_path):
    settings = make_settings(fake, tmp_path, discord_token="not-the-token")

    with pytest.raises(DiscordLoginError):
        async with rest_publisher(settings):
            pass


async def test_rest_publisher_without_a_token_asks_for_one(fake, tmp_path):
    settings = make_settings(fake, tmp_path, discord_token=None)

    with pytest.raises(MissingTokenError):
        async with rest_publisher(settings):
            pass


async def test_a_retried_scheduled_post_with_its_nonce_appears_once(fake, settings):
    # A crash between publishing and recording retries the same post: Discord answers the
    # second send with the message the first one made, because of enforce_nonce.
    scheduled = dataclasses.replace(QUESTION, nonce="123456789012345678")
    async with rest_publisher(settings) as publisher:
        first = await publisher.post(SPACE, CHANNEL, scheduled)
        again = await publisher.post(SPACE, CHANNEL, scheduled)

    [post] = fake.channels.posts
    assert first == again == post.message["id"]
    assert post.body["nonce"] == "123456789012345678"
    assert post.body["enforce_nonce"] is True
    assert fake.rejected == []


async def test_a_post_with_a_picture_shows_it_inside_its_card(fake, settings):
    digest = dataclasses.replace(
        RESULT, attachments=(Attachment("team-2026-11-27.png", b"\x89PNG-team", "image/png"),)
    )
    async with rest_publisher(settings) as publisher:
        await publisher.post(SPACE, CHANNEL, digest)

    [post] = fake.channels.posts
    [upload] = files(fake, post)
    assert (upload.filename, upload.data) == ("team-2026-11-27.png", b"\x89PNG-team")
    assert post.embeds[0]["image"]["url"] == "attachment://team-2026-11-27.png"
    assert fake.rejected == []
