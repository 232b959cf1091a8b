"""App Home: the member's dashboard, published when they open the bot's Home tab."""

from __future__ import annotations

import json

from bot.core.i18n import t
from tests.adapters.slack import fake_payloads as p
from tests.adapters.slack.fake_users import ALICE, LOUD


def _buttons(view):
    return [e["action_id"] for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def open_home(bot, user=ALICE):
    await bot.fake.envelope("events_api", p.home_opened(user))
    return await bot.view()


async def test_opening_home_publishes_the_members_dashboard(bot):
    published = await open_home(bot)
    assert published["method"] == "views.publish"
    assert published["user_id"] == ALICE["id"]
    view = published["view"]
    assert view["type"] == "home"
    assert _buttons(view) == ["home:open:scrum", "home:open:retro", "home:open:quiz"]
    text = json.dumps(view, ensure_ascii=False)
    assert t("home.goals.none", "ko") in text
    assert t("home.stats.value", "ko", streak=0, accuracy=0, answered=0) in text


async def test_home_shows_the_goals_written_today(bot):
    await bot.fake.envelope("slash_commands", p.command(bot.fake, "scrum", "파드 만들기; 볼륨"))
    await bot.response()
    view = (await open_home(bot))["view"]
    text = json.dumps(view, ensure_ascii=False)
    assert "파드 만들기" in text
    assert "볼륨" in text


async def test_the_scrum_button_on_home_opens_the_form_and_saves_to_the_dm(bot):
    view = (await open_home(bot))["view"]
    click = p.click(bot.fake, "home:open:scrum", ephemeral=False) | {"response_url": None}
    click["container"] = {"type": "view", "view_id": "V0HOME"}
    click.pop("channel")
    await bot.fake.envelope("interactive", click)
    form = (await bot.view())["view"]
    assert form["callback_id"] == "journal:scrum:pub"
    assert view["type"] == "home"
    assert await bot.submit(form, {"goals": "서비스 공부"}) == {}
    saved = await bot.post()
    assert saved["channel"] == "D" + ALICE["id"].lstrip("U")


async def test_a_display_name_full_of_mentions_pings_nobody_on_home(bot):
    view = (await open_home(bot, LOUD))["view"]
    assert "<!channel>" not in json.dumps(view)
    # The fake also fails the test on any live mention (conftest).
