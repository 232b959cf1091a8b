"""/today, /quiz with answer buttons, /leaderboard and /settings on Slack."""

from __future__ import annotations

from bot.core.i18n import t
from bot.core.models import SpaceRef
from tests.adapters.slack.fake_slack import TEAM
from tests.adapters.slack.fake_users import ADMIN, ALICE, BORA, ENGLISH, LISTED

SPACE = SpaceRef("slack", TEAM)


def _buttons(sent):
    return [e["action_id"] for b in sent["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def test_today_answers_with_the_days_card(bot):
    sent = await bot.command("today")
    assert sent["blocks"]
    assert "Traceback" not in str(sent)


async def test_practice_quiz_is_private_and_its_answer_is_private(bot):
    question = await bot.command("quiz")
    assert question["response_type"] == "ephemeral"
    answers = [b for b in _buttons(question) if b.startswith("quiz:answer:")]
    assert len(answers) >= 2
    result = await bot.click(answers[0])
    assert result["response_type"] == "ephemeral"
    again = await bot.click(answers[1])
    assert again["response_type"] == "ephemeral"
    assert again != result  # a second answer is refused, not counted


async def test_someone_elses_practice_question_is_refused(bot):
    question = await bot.command("quiz", user=ALICE)
    answer = next(b for b in _buttons(question) if b.startswith("quiz:answer:"))
    refused = await bot.click(answer, user=BORA)
    assert refused["response_type"] == "ephemeral"
    assert refused["blocks"]


async def test_leaderboard_is_shown_to_the_channel(bot):
    sent = await bot.command("leaderboard", "week")
    assert sent["response_type"] == "in_channel"


async def test_a_member_who_is_not_an_admin_cannot_change_settings(bot):
    refused = await bot.command("settings", "timezone Europe/Berlin", user=ALICE)
    assert refused["response_type"] == "ephemeral"
    assert t("error.permission_denied", "ko")[:10] in str(refused["blocks"])
    assert (await bot.app.services.spaces.settings(SPACE)).timezone == "Asia/Seoul"


async def test_an_admin_changes_settings(bot):
    saved = await bot.command("settings", "timezone Europe/Berlin", user=ADMIN)
    assert t("settings.saved", "ko") in str(saved["blocks"])
    assert (await bot.app.services.spaces.settings(SPACE)).timezone == "Europe/Berlin"


async def test_a_listed_manager_changes_settings(bot):
    await bot.command("settings", "timezone UTC", user=LISTED)
    assert (await bot.app.services.spaces.settings(SPACE)).timezone == "UTC"


async def test_an_english_client_gets_english(bot):
    sent = await bot.command("help", user=ENGLISH)
    assert t("settings.saved", "en") not in str(sent)
    assert sent["blocks"][0]["text"]["text"] == t("help.title", "en")


async def test_a_channel_picked_in_settings_is_kept_by_its_id(bot):
    await bot.command("settings", "channel <#C0OTHER001|random>", user=ADMIN)
    assert (await bot.app.services.spaces.settings(SPACE)).channel_id == "C0OTHER001"
