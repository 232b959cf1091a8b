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
    "console.button.unknown": {
        "ko": "{number}번 버튼은 없어요. 지금 누를 수 있는 버튼은 1–{count}번이에요.",
        "en": "There is no button {number}. The buttons you can press now are 1–{count}.",
    },
    "console.button.none": {
        "ko": "{number}번 버튼은 없어요. 지금은 누를 수 있는 버튼이 없어요.",
        "en": "There is no button {number}. There are no buttons to press right now.",
    },
    "console.form.unavailable": {
        "ko": "양식을 열 수 없어서 아래 입력은 저장하지 않아요. 입력한 내용은 그대로 보여드릴게요.",
        "en": "The form could not open, so what follows is not saved; it is shown back to you.",
    },
    "console.help.name": {
        "ko": "콘솔에서",
        "en": "In the console",
    },
    "console.help": {
        "ko": "버튼은 번호를 입력해 눌러요(`1`, `2` …). 퀴즈는 `/answer 번호`로도 답해요. "
        "옵션은 `이름:값`, `이름=값`, `이름 값` 모두 돼요(`/define 용어:cgroup`, "
        "`/settings 시간대 Asia/Seoul`). `/quit`으로 끝내요.",
        "en": "Press a button by typing its number (`1`, `2` …). Answer a quiz with `/answer N` "
        "too. Options read `name:value`, `name=value` or `name value` (`/define term:cgroup`, "
        "`/settings timezone Asia/Seoul`). `/quit` ends the chat.",
    },
    "console.file.saved": {
        "ko": "파일을 저장했어요: {path}",
        "en": "Saved the file: {path}",
    },
    "console.edited": {
        "ko": "(게시물 #{message_id} 수정됨)",
        "en": "(post #{message_id} edited)",
    },
}
