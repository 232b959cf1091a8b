"""Texts of /define and /help."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "define.notes": {
        "ko": "비고",
        "en": "Notes",
    },
    "define.aliases": {
        "ko": "다른 이름",
        "en": "Also known as",
    },
    "define.related": {
        "ko": "관련 용어",
        "en": "Related terms",
    },
    "define.practice": {
        "ko": "실습 명령어",
        "en": "Practice commands",
    },
    "define.links": {
        "ko": "참고 자료",
        "en": "References",
    },
    "define.source": {
        "ko": "출처: {source}",
        "en": "Source: {source}",
    },
    "define.match": {
        "ko": "일치 방식: {kind} · 점수 {score:.0f}",
        "en": "Match: {kind} · score {score:.0f}",
    },
    "define.ambiguous.title": {
        "ko": "비슷한 용어가 여럿 있어요",
        "en": "Several terms match",
    },
    "define.ambiguous.body": {
        "ko": "`{query}`에 똑같이 가까운 용어가 있어요. 어떤 것을 찾으셨나요?",
        "en": "Several terms match `{query}` equally well. Which one did you mean?",
    },
    "define.miss.title": {
        "ko": "용어를 찾지 못했어요",
        "en": "Term not found",
    },
    "define.miss.body": {
        "ko": "`{query}`에 해당하는 용어가 없어요.",
        "en": "No term matches `{query}`.",
    },
    "define.miss.suggest": {
        "ko": "혹시 이 용어를 찾으셨나요?",
        "en": "Did you mean one of these?",
    },
    "define.miss.none": {
        "ko": "비슷한 용어도 없어요. `/help`로 찾을 수 있는 것을 확인해 보세요.",
        "en": "Nothing close either. Try `/help` to see what you can look up.",
    },
    "help.title": {
        "ko": "studybot 도움말",
        "en": "studybot help",
    },
    "help.body": {
        "ko": (
            "도커와 쿠버네티스를 함께 공부하는 팀을 위한 스터디 봇이에요.\n용어집에는 {terms}개의 "
            "용어와 {commands}개의 실습 명령어가 있어요."
        ),
        "en": (
            "A study bot for teams learning Docker and Kubernetes together.\nThe glossary holds "
            "{terms} terms and {commands} practice commands."
        ),
    },
    "help.define": {
        "ko": (
            "`/define 용어` — 용어의 정의, 비고, 관련 용어, 실습 명령어를 보여줘요.\n한글 "
            "조사(도커란, 파드는?), 초성(ㅋㅂㄴㅌㅅ), 오타(kubernets)도 알아들어요."
        ),
        "en": (
            "`/define term` — shows a term's definition, notes, related terms and practice "
            "commands. Korean particles, initial consonants (ㅋㅂㄴㅌㅅ) and typos work too."
        ),
    },
    "help.help": {
        "ko": "`/help` — 이 도움말을 보여줘요.",
        "en": "`/help` — shows this help.",
    },
    "help.daily.name": {
        "ko": "매일의 스터디",
        "en": "The daily loop",
    },
    "help.daily": {
        "ko": (
            "`/today` 오늘의 목표와 오늘의 용어 · `/quiz` 연습 문제 · `/leaderboard` 순위와 연속 "
            "학습일 · `/settings` 채널, 시간, 스터디 요일 (관리자)"
        ),
        "en": (
            "`/today` today's goals and term · `/quiz` a practice question · `/leaderboard` scores "
            "and streaks · `/settings` channel, times, study days (managers)"
        ),
    },
    "help.journal.name": {
        "ko": "팀 기록",
        "en": "Team log",
    },
    "help.journal": {
        "ko": (
            "`/scrum` 오늘의 목표 · `/retro` 오늘의 회고와 용어 · `/log` 기록 보기 · `/export` TIL "
            "마크다운으로 내보내기 · `/away` 알림 쉬기 · `/glossary suggestions` 용어 제안 "
            "(관리자)"
        ),
        "en": (
            "`/scrum` today's goals · `/retro` today's retro and terms · `/log` entries · "
            "`/export` your TIL as Markdown · `/away` pause reminders · `/glossary suggestions` "
            "suggested terms (managers)"
        ),
    },
    "help.examples": {
        "ko": "예시",
        "en": "Examples",
    },
    "match.exact": {
        "ko": "정확히 일치",
        "en": "exact",
    },
    "match.alias": {
        "ko": "다른 이름",
        "en": "alias",
    },
    "match.particle": {
        "ko": "조사 제거",
        "en": "particle",
    },
    "match.chosung": {
        "ko": "초성",
        "en": "initial consonants",
    },
    "match.fuzzy": {
        "ko": "비슷한 철자",
        "en": "fuzzy",
    },
    # How lookup understands learners: keyboard mode, mixed scripts, pairs and descriptions.
    "match.keyboard": {
        "ko": "한/영 전환",
        "en": "keyboard layout",
    },
    "match.mixed": {
        "ko": "한글·영문 혼용",
        "en": "mixed scripts",
    },
    "match.description": {
        "ko": "설명으로 찾음",
        "en": "description",
    },
    "define.described": {
        "ko": "찾은 문장",
        "en": "Matched sentence",
    },
    "define.compare.title": {
        "ko": "비교: {first} · {second}",
        "en": "Compare: {first} · {second}",
    },
    "define.compare.footer": {
        "ko": "두 용어를 나란히 보여줘요. 버튼을 누르면 각 용어를 자세히 볼 수 있어요.",
        "en": "Both terms side by side. Press a button to see either in full.",
    },
    "define.choice.described": {
        "ko": "{term} · 설명으로 찾음",
        "en": "{term} · by description",
    },
}
