"""Modals and files for the fake Discord: modal callbacks, MODAL_SUBMIT and multipart uploads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import hdrs, web

from tests.adapters.discord import fake_payloads as p

if TYPE_CHECKING:
    from tests.adapters.discord.fake_discord import FakeDiscord, FakeInteraction, Sent

MODAL = 9  # the interaction callback that opens a modal
MODAL_SUBMIT = 5  # the interaction a submitted modal sends
ACTION_ROW, TEXT_INPUT, LABEL = 1, 4, 18
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_GUILD = 1 << 5

# Discord's modal limits (https://discord.com/developers/docs/components/reference).
MAX_TITLE, MAX_LABEL, MAX_DESCRIPTION, MAX_PLACEHOLDER = 45, 45, 100, 100
MAX_COMPONENTS, MAX_INPUT, MAX_CUSTOM_ID = 5, 4000, 100


@dataclass(frozen=True)
class Upload:
    """A file the bot attached to a message (one multipart part)."""

    filename: str
    content_type: str
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


# --- requests: JSON or multipart/form-data ------------------------------------------------------


async def read_body(request: web.Request) -> tuple[dict[str, Any], list[Upload]]:
    """The JSON payload of a request and its files; discord.py sends files as multipart."""
    if request.content_type == "application/json":
        return await request.json(), []
    if request.content_type != "multipart/form-data":
        raise ValueError(f"unexpected Content-Type {request.content_type}")
    payload: dict[str, Any] = {}
    uploads: list[Upload] = []
    reader = await request.multipart()
    async for part in reader:
        if part.name == "payload_json":
            payload = json.loads(await part.text())
        elif part.filename:
            kind = part.headers.get(hdrs.CONTENT_TYPE, "application/octet-stream")
            uploads.append(Upload(part.filename, kind, bytes(await part.read())))
    return payload, uploads


def attach(fake: FakeDiscord, message: dict[str, Any], uploads: list[Upload]) -> None:
    """Give the stored message the uploaded files as attachments, as Discord does."""
    if not uploads:
        return
    attachments = []
    for upload in uploads:
        attachment_id = p.snowflake()
        fake.uploads[attachment_id] = upload
        url = f"https://cdn.fake.invalid/attachments/{attachment_id}/{upload.filename}"
        attachments.append(
            {
                "id": attachment_id,
                "filename": upload.filename,
                "size": len(upload.data),
                "url": url,
                "proxy_url": url,
                "content_type": upload.content_type,
            }
        )
    message["attachments"] = attachments


def files(fake: FakeDiscord, sent: Sent) -> list[Upload]:
    """The files attached to the message a reply created or edited."""
    assert sent.message is not None, "that reply created no message"
    return [fake.uploads[a["id"]] for a in sent.message.get("attachments") or []]


# --- validating the modal the bot opens -----------------------------------------------------------


def _inputs(modal: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(top-level component, text input) pairs, for both labels and legacy action rows."""
    pairs = []
    for top in modal.get("components") or []:
        if top.get("type") == LABEL:
            pairs.append((top, top.get("component") or {}))
        elif top.get("type") == ACTION_ROW:
            pairs.extend((top, item) for item in top.get("components") or [])
    return pairs


def modal_problems(modal: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this modal with a 400; empty when it would open it."""
    problems: list[str] = []
    title, custom_id = modal.get("title") or "", modal.get("custom_id") or ""
    if not title or len(title) > MAX_TITLE:
        problems.append("modal title missing or too long")
    if not custom_id or len(custom_id) > MAX_CUSTOM_ID:
        problems.append("modal custom_id missing or too long")
    tops = modal.get("components") or []
    if not 1 <= len(tops) <= MAX_COMPONENTS:
        problems.append("a modal holds 1 to 5 components")
    seen: set[str] = set()
    for top, item in _inputs(modal):
        problems.extend(_input_problems(top, item, seen))
    return problems


def _input_problems(top: dict[str, Any], item: dict[str, Any], seen: set[str]) -> list[str]:
    problems: list[str] = []
    label = top.get("label") if top.get("type") == LABEL else item.get("label")
    if not label or len(label) > MAX_LABEL:
        problems.append(f"label missing or over {MAX_LABEL}: {label!r}")
    if len(top.get("description") or "") > MAX_DESCRIPTION:
        problems.append("label description too long")
    if item.get("type") != TEXT_INPUT or item.get("style") not in (1, 2):
        problems.append("not a text input")
    custom_id = item.get("custom_id") or ""
    if not custom_id or custom_id in seen or len(custom_id) > MAX_CUSTOM_ID:
        problems.append(f"bad or duplicate input custom_id {custom_id!r}")
    seen.add(custom_id)
    low, high = item.get("min_length", 0), item.get("max_length", MAX_INPUT)
    if not 0 <= low <= high <= MAX_INPUT:
        problems.append("bad min_length/max_length")
    if len(item.get("value") or "") > high:
        problems.append(f"prefilled value of {custom_id!r} over max_length")
    if len(item.get("placeholder") or "") > MAX_PLACEHOLDER:
        problems.append("placeholder too long")
    return problems


# --- what tests call ---------------------------------------------------------------------------


def modal_of(sent: Sent) -> dict[str, Any]:
    """The modal a callback opened."""
    assert sent.type == MODAL, f"expected a modal (callback type 9), got {sent.type}"
    return sent.data


def fields(modal: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The modal's text inputs by custom id, with ``label``/``description`` of their Label."""
    found = {}
    for top, item in _inputs(modal):
        label = top.get("label") if top.get("type") == LABEL else item.get("label")
        found[item["custom_id"]] = item | {"label": label, "description": top.get("description")}
    return found


def member(user_id: int, name: str, *, manage_guild: bool = False) -> dict[str, Any]:
    """A guild member payload with its own id and name; managers may manage the server."""
    user = p.human(user_id) | {"username": name.lower(), "global_name": name}
    permissions = USE_APPLICATION_COMMANDS | (MANAGE_GUILD if manage_guild else 0)
    return p.member() | {"user": user, "permissions": str(permissions)}


def resolved(*members: dict[str, Any]) -> dict[str, Any]:
    """The ``resolved`` block of a command whose user option names these members."""
    users = {m["user"]["id"]: m["user"] for m in members}
    inner = {m["user"]["id"]: {k: v for k, v in m.items() if k != "user"} for m in members}
    return {"users": users, "members": inner}


async def submit(
    fake: FakeDiscord,
    modal: dict[str, Any],
    values: dict[str, str] | None = None,
    *,
    member: dict[str, Any] | None = None,
    locale: str = "ko",
    strict: bool = True,
) -> FakeInteraction:
    """Submit ``modal`` (as opened) with ``values`` typed over its prefilled ones.

    ``strict`` refuses what the Discord client itself would not send (a required field left
    empty, a value over max_length); tests of the bot's own checks turn it off, as a modified
    client could.
    """
    values = dict(values or {})
    components = []
    for top, item in _inputs(modal):
        custom_id = item["custom_id"]
        value = values.pop(custom_id, item.get("value") or "")
        if strict:
            _check_typed(item, value)
        typed = {"type": TEXT_INPUT, "id": item.get("id"), "custom_id": custom_id, "value": value}
        if top.get("type") == LABEL:
            components.append({"type": LABEL, "id": top.get("id"), "component": typed})
        else:
            components.append({"type": ACTION_ROW, "components": [typed]})
    assert not values, f"the modal has no fields {sorted(values)}"
    data = {"custom_id": modal["custom_id"], "components": components}
    return await fake.interact(MODAL_SUBMIT, data, locale=locale, member=member)


def _check_typed(item: dict[str, Any], value: str) -> None:
    required = item.get("required", True)
    assert value or not required, f"Discord would not submit an empty {item['custom_id']!r}"
    assert len(value) <= item.get("max_length", MAX_INPUT), "Discord caps what can be typed"
    assert len(value) >= item.get("min_length", 0), "Discord enforces min_length"


def form(custom_id: str, inputs: dict[str, str]) -> dict[str, Any]:
    """A modal as the bot opens it, for submitting one without opening it first."""
    components = [
        {
            "type": LABEL,
            "label": name,
            "component": {
                "type": TEXT_INPUT,
                "style": 2,
                "custom_id": name,
                "required": False,
                "value": value,
            },
        }
        for name, value in inputs.items()
    ]
    return {"custom_id": custom_id, "title": "form", "components": components}
