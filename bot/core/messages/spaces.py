"""Texts of /settings."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "days.names": {
        "ko": "월,화,수,목,금,토,일",
        "en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
    },
    "settings.title": {
        "ko": "⚙️ 스터디 설정",
        "en": "⚙️ Study settings",
    },
    "settings.saved": {
        "ko": "✅ 설정을 저장했어요",
        "en": "✅ Settings saved",
    },
    "settings.footer": {
        "ko": "관리 권한이 있으면 /settings 로 바꿀 수 있어요. 바뀐 시간은 바로 적용돼요.",
        "en": "Server managers can change these with /settings; changes apply at once.",
    },
    "settings.channel": {
        "ko": "스터디 채널",
        "en": "Study channel",
    },
    "settings.channel.none": {
        "ko": "(정하지 않음 — 게시하지 않아요)",
        "en": "(not set — nothing is posted)",
    },
    "settings.timezone": {
        "ko": "시간대",
        "en": "Time zone",
    },
    "settings.morning": {
        "ko": "아침 인사",
        "en": "Morning post",
    },
    "settings.quiz": {
        "ko": "오늘의 퀴즈",
        "en": "Daily quiz",
    },
    "settings.quiz_close": {
        "ko": "퀴즈 마감",
        "en": "Quiz closes",
    },
    "settings.retro": {
        "ko": "회고 알림",
        "en": "Retro reminder",
    },
    "settings.days": {
        "ko": "스터디 요일",
        "en": "Study days",
    },
    "settings.days.none": {
        "ko": "(없음)",
        "en": "(none)",
    },
    "settings.enabled": {
        "ko": "자동 게시",
        "en": "Daily posts",
    },
    "settings.on": {
        "ko": "켜짐",
        "en": "on",
    },
    "settings.off": {
        "ko": "꺼짐",
        "en": "off",
    },
    "settings.start": {
        "ko": "스터디 시작일",
        "en": "Study start date",
    },
    "settings.locale": {
        "ko": "언어",
        "en": "Language",
    },
    "settings.mentions": {
        "ko": "회고 알림 멘션",
        "en": "Reminder mentions",
    },
}
