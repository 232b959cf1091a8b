"""Slash command and option names and descriptions (Discord shows them)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "command.define": {
        "ko": "도커·쿠버네티스 용어의 뜻을 찾아봐요",
        "en": "Look up a Docker or Kubernetes term",
    },
    "command.define.term": {
        "ko": "찾을 용어 (한글, 영어, 초성 모두 가능)",
        "en": "Term to look up",
    },
    "command.define.private": {
        "ko": "나만 보기 (기본: 모두에게 보임)",
        "en": "Only show it to me (default: public)",
    },
    "command.help": {
        "ko": "스터디 봇 사용법을 알려줘요",
        "en": "How to use the study bot",
    },
    "option.define.term": {
        "ko": "용어",
        "en": "term",
    },
    "option.define.private": {
        "ko": "나만보기",
        "en": "private",
    },
    "command.quiz": {
        "ko": "연습 문제를 풀어봐요 (점수에 들어가지 않아요)",
        "en": "Practise with a private question",
    },
    "command.leaderboard": {
        "ko": "퀴즈 순위를 봐요",
        "en": "See the quiz leaderboard",
    },
    "command.leaderboard.period": {
        "ko": "기간: 이번 주, 이번 달, 전체",
        "en": "Period: this week, this month, all time",
    },
    "command.today": {
        "ko": "오늘의 스터디 내용을 봐요",
        "en": "See today's study plan",
    },
    "command.settings": {
        "ko": "스터디 채널·시간·요일 설정을 보거나 바꿔요",
        "en": "Show or change the study channel, times and days",
    },
    "option.leaderboard.period": {
        "ko": "기간",
        "en": "period",
    },
    "option.settings.channel": {
        "ko": "채널",
        "en": "channel",
    },
    "option.settings.timezone": {
        "ko": "시간대",
        "en": "timezone",
    },
    "option.settings.morning": {
        "ko": "아침",
        "en": "morning",
    },
    "option.settings.quiz": {
        "ko": "퀴즈",
        "en": "quiz",
    },
    "option.settings.quiz_close": {
        "ko": "퀴즈마감",
        "en": "quiz_close",
    },
    "option.settings.retro": {
        "ko": "회고",
        "en": "retro",
    },
    "option.settings.days": {
        "ko": "요일",
        "en": "days",
    },
    "option.settings.enabled": {
        "ko": "자동게시",
        "en": "enabled",
    },
    "option.settings.mention_reminders": {
        "ko": "회고멘션",
        "en": "mention_reminders",
    },
    "command.settings.channel": {
        "ko": "아침 인사와 퀴즈를 올릴 채널",
        "en": "Channel for the morning post and the quiz",
    },
    "command.settings.timezone": {
        "ko": "시간대 (예: Asia/Seoul)",
        "en": "Time zone (e.g. Asia/Seoul)",
    },
    "command.settings.morning": {
        "ko": "아침 인사 시각 (예: 09:00)",
        "en": "Morning post (e.g. 09:00)",
    },
    "command.settings.quiz": {
        "ko": "오늘의 퀴즈 시각 (예: 13:00)",
        "en": "Daily quiz (e.g. 13:00)",
    },
    "command.settings.quiz_close": {
        "ko": "퀴즈 마감 시각 (예: 18:00)",
        "en": "Quiz closes at (e.g. 18:00)",
    },
    "command.settings.retro": {
        "ko": "회고 알림 시각 (예: 21:00)",
        "en": "Retro reminder (e.g. 21:00)",
    },
    "command.settings.days": {
        "ko": "스터디 요일 (예: 월-금, 월수금, 평일, 매일)",
        "en": "Study days (e.g. mon-fri, mon,wed,fri, weekdays, daily)",
    },
    "command.settings.enabled": {
        "ko": "자동 게시 켜기/끄기",
        "en": "Turn the daily posts on or off",
    },
    "command.settings.mention_reminders": {
        "ko": "회고 알림에서 아직 안 쓴 팀원을 멘션할지",
        "en": "Whether the retro reminder pings members who haven't written",
    },
    "command.scrum": {
        "ko": "오늘의 학습 목표를 남겨요 (지난번에 못 끝낸 목표는 미리 채워져요)",
        "en": "Share today's goals (unfinished ones from last time are prefilled)",
    },
    "command.scrum.private": {
        "ko": "나만 보기 (기본: 명령어를 입력한 채널에 공개)",
        "en": "Only visible to me (default: public where you type the command)",
    },
    "command.retro": {
        "ko": "오늘 배운 내용과 회고를 남겨요",
        "en": "Write today's retrospective",
    },
    "command.retro.private": {
        "ko": "나만 보기 (기본: 명령어를 입력한 채널에 공개)",
        "en": "Only visible to me (default: public where you type the command)",
    },
    "command.log": {
        "ko": "스크럼·회고 기록을 봐요 (팀원 것은 공개된 것만)",
        "en": "See scrum and retro entries (a teammate's public ones only)",
    },
    "command.log.member": {
        "ko": "볼 팀원 (기본: 나)",
        "en": "Teammate (default: you)",
    },
    "command.log.when": {
        "ko": "날짜 YYYY-MM-DD, 오늘, 지난주 (기본: 이번 주). '기록'을 붙이면 수정 기록",
        "en": "Date YYYY-MM-DD, today, or last week (default: this week); add 'versions'",
    },
    "command.away": {
        "ko": "회고 알림을 잠시 쉬어요",
        "en": "Pause retro reminders for a while",
    },
    "command.away.until": {
        "ko": "이 날짜까지 쉬어요 (YYYY-MM-DD, none이면 다시 받기)",
        "en": "Pause through this date (YYYY-MM-DD, or none to resume)",
    },
    "command.suggestions": {
        "ko": "팀원들이 제안한 용어를 보고 용어집에 추가해요 (관리자)",
        "en": "Review members' glossary suggestions (managers)",
    },
    "option.journal.private": {
        "ko": "나만보기",
        "en": "private",
    },
    "option.log.member": {
        "ko": "팀원",
        "en": "member",
    },
    "option.log.when": {
        "ko": "기간",
        "en": "when",
    },
    "option.away.until": {
        "ko": "날짜",
        "en": "until",
    },
    "command.export": {
        "ko": "내 스크럼·회고를 TIL 마크다운 파일로 받아요",
        "en": "Download your scrums and retros as a TIL Markdown file",
    },
    "command.export.when": {
        "ko": "날짜 YYYY-MM-DD, 오늘, 지난주 (기본: 이번 주)",
        "en": "Date YYYY-MM-DD, today, or last week (default: this week)",
    },
    "command.glossary": {
        "ko": "팀 용어집을 관리해요",
        "en": "Manage the team glossary",
    },
}
