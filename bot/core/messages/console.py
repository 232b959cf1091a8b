"""Texts only the console chat shows."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "console.answer.usage": {
        "ko": "`/answer 번호` 형식으로 답해 주세요. 먼저 `/quiz`로 문제를 받아요.",
        "en": "Answer with `/answer N`. Get a question with `/quiz` first.",
    },
    "console.form.hint": {
        "ko": "(여러 줄 입력 가능, 빈 줄로 끝내요. 빈 줄만 입력하면 아래 내용을 그대로 써요)",
        "en": "(several lines; end with an empty line; an empty answer keeps the text below)",
    },
    "console.export.empty": {
        "ko": "이 기간에 내보낼 기록이 없어요.",
        "en": "There are no entries to export for that period.",
    },
    "console.edit.hint": {
        "ko": "오늘 기록은 `{command|로}` 다시 입력하면 수정돼요.",
        "en": "Run `{command}` again to edit today's entry.",
    },
    "console.edited": {
        "ko": "(게시물 #{message_id} 수정됨)",
        "en": "(post #{message_id} edited)",
    },
}
