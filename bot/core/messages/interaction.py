"""Reply texts of the interaction layer: options a command cannot place, bad yes/no values."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.unknown_option": {
        "ko": "{command} 명령이 알아듣지 못한 부분이 있어요: `{option}`. `/help`를 보세요.",
        "en": "{command} could not place this part: `{option}`. See `/help` for how to use it.",
    },
    "error.invalid_flag": {
        "ko": "켜기·끄기 값이 아니에요: `{value}`. `켜기`/`끄기` 또는 `on`/`off`로 적어 주세요.",
        "en": "`{value}` is not a yes/no value. Use `on`/`off` (or `켜기`/`끄기`).",
    },
}
