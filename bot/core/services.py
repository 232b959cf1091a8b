"""The bundle of services the composition root builds and every adapter calls."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.glossary import GlossaryService


@dataclass(frozen=True, slots=True)
class Services:
    """Everything an adapter may call; adapters receive it, never build it."""

    glossary: GlossaryService
