"""Settings from the environment and `.env`, built once at start-up and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.shards import ShardPlan

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/"
DEFAULT_SLACK_API_BASE = "https://slack.com/api/"

Platform = Literal["discord", "slack", "console"]
PLATFORMS: tuple[Platform, ...] = ("discord", "slack", "console")


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    """Every setting the bot reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    discord_token: SecretStr | None = Field(default=None, validation_alias=_env("DISCORD_TOKEN"))
    discord_guild_ids: Annotated[tuple[int, ...], NoDecode] = Field(
        default=(), validation_alias=_env("DISCORD_GUILD_IDS")
    )
    discord_api_base: str = Field(
        default=DEFAULT_API_BASE, validation_alias=_env("DISCORD_API_BASE")
    )
    discord_gateway_url: str = Field(
        default=DEFAULT_GATEWAY_URL, validation_alias=_env("DISCORD_GATEWAY_URL")
    )
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=_env("SLACK_BOT_TOKEN")
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=_env("SLACK_APP_TOKEN")
    )
    slack_api_base: str = Field(
        default=DEFAULT_SLACK_API_BASE, validation_alias=_env("SLACK_API_BASE")
    )
    slack_managers: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), validation_alias=_env("STUDYBOT_SLACK_MANAGERS")
    )
    # Shards across processes: the total, and the ids this process holds ("0,1" or "0-3").
    # Parsed and checked by bot.core.shards.ShardPlan when the bot starts.
    discord_shard_count: int | None = Field(
        default=None, validation_alias=_env("DISCORD_SHARD_COUNT")
    )
    discord_shard_ids: str | None = Field(default=None, validation_alias=_env("DISCORD_SHARD_IDS"))
    # Spaces that are one team on several platforms and share one glossary, e.g.
    # "discord:123,slack:T0456"; several groups are separated by ";".
    linked_spaces: Annotated[tuple[tuple[str, ...], ...], NoDecode] = Field(
        default=(), validation_alias=_env("STUDYBOT_LINKED_SPACES")
    )
    content_dir: Path | None = Field(default=None, validation_alias=_env("STUDYBOT_CONTENT_DIR"))
    data_dir: Path = Field(default=Path("data"), validation_alias=_env("STUDYBOT_DATA_DIR"))
    locale: Literal["ko", "en"] = Field(default="ko", validation_alias=_env("STUDYBOT_LOCALE"))
    log_level: str = Field(default="INFO", validation_alias=_env("STUDYBOT_LOG_LEVEL"))
    debug_loggers: str = Field(default="", validation_alias=_env("STUDYBOT_DEBUG_LOGGERS"))
    # Defaults for a new space; each space changes its own with /settings. The values are
    # validated by the core's settings parser when the bot starts.
    timezone: str = Field(default="Asia/Seoul", validation_alias=_env("STUDYBOT_TIMEZONE"))
    morning_time: str = Field(default="09:00", validation_alias=_env("STUDYBOT_MORNING_TIME"))
    quiz_time: str = Field(default="13:00", validation_alias=_env("STUDYBOT_QUIZ_TIME"))
    quiz_close_time: str = Field(default="18:00", validation_alias=_env("STUDYBOT_QUIZ_CLOSE_TIME"))
    retro_time: str = Field(default="21:00", validation_alias=_env("STUDYBOT_RETRO_TIME"))
    study_days: str = Field(default="mon-fri", validation_alias=_env("STUDYBOT_STUDY_DAYS"))
    channel_id: str | None = Field(default=None, validation_alias=_env("STUDYBOT_CHANNEL_ID"))
    daily_enabled: bool = Field(default=True, validation_alias=_env("STUDYBOT_DAILY_ENABLED"))
    mention_reminders: bool = Field(
        default=False, validation_alias=_env("STUDYBOT_MENTION_REMINDERS")
    )
    # Storage: sqlite:///name.sqlite3 (in the data dir), sqlite:////abs/path or postgresql://…;
    # unset is studybot.sqlite3 in the data dir. Parsed by bot.infra.backend.
    database_url: str | None = Field(default=None, validation_alias=_env("STUDYBOT_DATABASE_URL"))

    @field_validator("discord_guild_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(int(part) for part in value.replace(";", ",").split(",") if part.strip())
        return value

    @field_validator("linked_spaces", mode="before")
    @classmethod
    def _split_groups(cls, value: object) -> object:
        if isinstance(value, str):
            groups = (
                tuple(key.strip() for key in group.split(",") if key.strip())
                for group in value.split(";")
            )
            return tuple(group for group in groups if len(group) > 1)
        return value

    @field_validator("slack_managers", mode="before")
    @classmethod
    def _split_members(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(
                part.strip() for part in value.replace(";", ",").split(",") if part.strip()
            )
        return value

    @field_validator(
        "discord_token", "slack_bot_token", "slack_app_token", "content_dir", "channel_id",
        "database_url", "discord_shard_count", "discord_shard_ids", mode="before",
    )  # fmt: skip
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """Every chat platform whose tokens are set, or the local console when none is."""
        chosen: list[Platform] = []
        if self.discord_token is not None:
            chosen.append("discord")
        if self.slack_bot_token is not None and self.slack_app_token is not None:
            chosen.append("slack")
        return tuple(chosen) or ("console",)

    @property
    def platform(self) -> Platform:
        """The first configured platform: spaces named without one belong to it."""
        return self.platforms[0]

    def space_defaults(self) -> dict[str, str]:
        """The new-space defaults, keyed by their environment names."""
        values = {
            "STUDYBOT_TIMEZONE": self.timezone,
            "STUDYBOT_MORNING_TIME": self.morning_time,
            "STUDYBOT_QUIZ_TIME": self.quiz_time,
            "STUDYBOT_QUIZ_CLOSE_TIME": self.quiz_close_time,
            "STUDYBOT_RETRO_TIME": self.retro_time,
            "STUDYBOT_STUDY_DAYS": self.study_days,
            "STUDYBOT_DAILY_ENABLED": "on" if self.daily_enabled else "off",
            "STUDYBOT_MENTION_REMINDERS": "on" if self.mention_reminders else "off",
            "STUDYBOT_LOCALE": self.locale,
        }
        if self.channel_id:
            values["STUDYBOT_CHANNEL_ID"] = self.channel_id
        return values

    def shard_plan(self) -> ShardPlan:
        """The shards this process holds; raises ShardSettingsError naming what to fix."""
        return ShardPlan.from_settings(self.discord_shard_count, self.discord_shard_ids)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "studybot.sqlite3"
