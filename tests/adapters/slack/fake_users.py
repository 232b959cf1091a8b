"""The members of the fake workspace, as ``users.info`` describes them."""

from __future__ import annotations

from typing import Any


def _user(
    user_id: str, name: str, *, locale: str = "ko-KR", admin: bool = False, owner: bool = False
) -> dict[str, Any]:
    return {
        "id": user_id,
        "team_id": "T0TEAM0001",
        "name": name.lower(),
        "real_name": name,
        "tz": "Asia/Seoul",
        "locale": locale,
        "is_admin": admin,
        "is_owner": owner,
        "is_bot": False,
        "profile": {"display_name": name, "real_name": name},
    }


ADMIN = _user("U0ADMIN001", "Mina", admin=True)
ALICE = _user("U0ALICE001", "Alice")
BORA = _user("U0BORA0001", "Bora")
ENGLISH = _user("U0ENGL0001", "Emma", locale="en-US")
LISTED = _user("U0LIST0001", "Lee")  # a manager through STUDYBOT_SLACK_MANAGERS
USERS = (ADMIN, ALICE, BORA, ENGLISH, LISTED)
# A member whose display name tries to ping the channel.
LOUD = _user("U0LOUD0001", "<!channel> <@U0ALICE001>")
USERS = (*USERS, LOUD)
