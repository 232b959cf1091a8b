"""Wires every feature's commands, buttons and forms into the one router the faces share."""

from __future__ import annotations

from bot.core.interaction import daily, glossary, home, journal, review, terms
from bot.core.interaction.router import Router
from bot.core.services import Services


def build_router(services: Services) -> Router:
    """The router with every feature's commands, buttons and forms; faces share one."""
    router = Router(services)
    for feature in (glossary, daily, journal, review, terms, home):
        feature.register(router)
    return router
