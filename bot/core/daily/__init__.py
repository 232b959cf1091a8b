"""The daily study loop: the morning post, the term of the day and post_due for every kind."""

from bot.core.daily.curriculum import CurriculumPosition, CurriculumState, curriculum_position
from bot.core.daily.morning import MorningService
from bot.core.daily.rotation import TermRotation
from bot.core.daily.service import DailyService, Draft, PostedItem

__all__ = [
    "CurriculumPosition",
    "CurriculumState",
    "DailyService",
    "Draft",
    "MorningService",
    "PostedItem",
    "TermRotation",
    "curriculum_position",
]
