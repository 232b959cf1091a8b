"""Spaced repetition's commands and buttons: /review, /stats and ``review:<action>:<arg>``."""

from __future__ import annotations

import dataclasses

from bot.core.interaction.journal import member_option
from bot.core.interaction.options import Command, Option, text_option
from bot.core.interaction.router import Call, Handler, Router
from bot.core.replies import Reply
from bot.core.services import need

REVIEW = Command(
    "review",
    (Option("reminders", label_key="option.review.reminders", aliases=("알림",)),),
)
STATS = Command(
    "stats", (Option("member", "member", positional=True, label_key="option.stats.member"),)
)
# Flipping and rating replace the private card in place; the others answer beside it.
IN_PLACE = ("review:flip", "review:rate")
BESIDE = ("review:add", "review:anki")


async def review(call: Call) -> Reply:
    actor, service = call.actor, need(call.services.review)
    if call.options.get("reminders") is not None:
        # Named without a value, the option still answers: with how to switch reminders.
        reminders = text_option(call.options, "reminders") or ""
        return await service.set_reminders(actor.team, actor.member, reminders, actor.locale)
    return await service.review(actor.team, actor.member, actor.locale)


async def stats(call: Call) -> Reply:
    actor = call.actor
    target = member_option(call.options.get("member"), actor.member.platform)
    return await need(call.services.review).stats(actor.team, actor.member, target, actor.locale)


def _button(route: str, *, in_place: bool) -> Handler:
    async def click(call: Call) -> Reply:
        actor = call.actor
        custom_id = f"{route}:{call.arg}"
        reply = await need(call.services.review).click(
            actor.team, actor.member, custom_id, actor.locale
        )
        return dataclasses.replace(reply, update=in_place)

    return click


def register(router: Router) -> None:
    router.add_command(REVIEW, review)
    router.add_command(STATS, stats)
    for route in IN_PLACE:
        router.add_button(route, _button(route, in_place=True))
    for route in BESIDE:
        router.add_button(route, _button(route, in_place=False))
