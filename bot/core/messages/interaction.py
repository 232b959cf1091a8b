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
    # The Slack face: modal buttons, the /define search box, share, start-up and posting errors.
    "slack.form.submit": {"ko": "저장", "en": "Save"},
    "slack.form.close": {"ko": "취소", "en": "Cancel"},
    "slack.define.title": {"ko": "용어 찾기", "en": "Look up a term"},
    "slack.define.label": {"ko": "용어", "en": "Term"},
    "slack.define.placeholder": {
        "ko": "한두 글자나 초성만 적어도 찾아요 (ㅋㅂ)",
        "en": "Type a letter or two (or Korean initials)",
    },
    "slack.define.submit": {"ko": "보기", "en": "Show"},
    "define.share": {"ko": "채널에 공유", "en": "Share to channel"},
    "error.slack_login": {
        "ko": "슬랙이 {setting|을} 거부했어요(invalid_auth). .env의 {setting|을} 확인해 주세요.",
        "en": "Slack rejected {setting} (invalid_auth). Check {setting} in .env.",
    },
    "error.slack_not_in_channel": {
        "ko": "봇이 채널에 없어요. 관리자가 `/invite @studybot`으로 봇을 채널에 초대해 주세요.",
        "en": "The bot is not in the channel. An admin must invite it with `/invite @studybot`.",
    },
    # terms: the glossary terms a message mentions (Slack's 용어 찾기 shortcut, console /terms).
    "terms.found": {"ko": "이 메시지의 용어 ({count}개)", "en": "Terms in this message ({count})"},
    "terms.none": {
        "ko": "이 메시지에서 용어집의 용어를 찾지 못했어요.",
        "en": "No glossary terms found in this message.",
    },
    # home: a member's dashboard (Slack's App Home).
    "home.title": {"ko": "📚 {name}님의 스터디", "en": "📚 {name}'s study"},
    "home.goals": {"ko": "오늘의 목표", "en": "Today's goals"},
    "home.goals.none": {
        "ko": "아직 없어요. 스크럼 버튼으로 적어 보세요.",
        "en": "None yet. Write them with the Scrum button.",
    },
    "home.today": {"ko": "오늘", "en": "Today"},
    "home.stats": {"ko": "퀴즈", "en": "Quiz"},
    "home.stats.value": {
        "ko": "연속 정답 {streak}일 · 정답률 {accuracy}% ({answered}문제)",
        "en": "Streak {streak} days · accuracy {accuracy}% ({answered} answered)",
    },
    "home.button.scrum": {"ko": "스크럼", "en": "Scrum"},
    "home.button.retro": {"ko": "회고", "en": "Retro"},
    "home.button.quiz": {"ko": "퀴즈", "en": "Quiz"},
}
