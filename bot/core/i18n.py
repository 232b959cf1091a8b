"""Reply texts in Korean (the default) and English, looked up by key."""

from __future__ import annotations

from typing import Literal

Locale = Literal["ko", "en"]
DEFAULT_LOCALE: Locale = "ko"

_MESSAGES: dict[str, dict[Locale, str]] = {
    "define.notes": {"ko": "비고", "en": "Notes"},
    "define.aliases": {"ko": "다른 이름", "en": "Also known as"},
    "define.related": {"ko": "관련 용어", "en": "Related terms"},
    "define.practice": {"ko": "실습 명령어", "en": "Practice commands"},
    "define.links": {"ko": "참고 자료", "en": "References"},
    "define.source": {"ko": "출처: {source}", "en": "Source: {source}"},
    "define.match": {
        "ko": "일치 방식: {kind} · 점수 {score:.0f}",
        "en": "Match: {kind} · score {score:.0f}",
    },
    "define.ambiguous.title": {"ko": "비슷한 용어가 여럿 있어요", "en": "Several terms match"},
    "define.ambiguous.body": {
        "ko": "`{query}`에 똑같이 가까운 용어가 있어요. 어떤 것을 찾으셨나요?",
        "en": "Several terms match `{query}` equally well. Which one did you mean?",
    },
    "define.miss.title": {"ko": "용어를 찾지 못했어요", "en": "Term not found"},
    "define.miss.body": {
        "ko": "`{query}`에 해당하는 용어가 없어요.",
        "en": "No term matches `{query}`.",
    },
    "define.miss.suggest": {"ko": "혹시 이 용어를 찾으셨나요?", "en": "Did you mean one of these?"},
    "define.miss.none": {
        "ko": "비슷한 용어도 없어요. `/help`로 찾을 수 있는 것을 확인해 보세요.",
        "en": "Nothing close either. Try `/help` to see what you can look up.",
    },
    "error.generic": {
        "ko": "죄송해요, 처리하는 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "error.empty_query": {
        "ko": "찾을 용어를 입력해 주세요. 예: `/define cgroup`",
        "en": "Please type a term to look up, for example `/define cgroup`.",
    },
    "error.query_too_long": {
        "ko": "검색어가 너무 길어요. {limit}자 이하로 입력해 주세요.",
        "en": "That query is too long. Please keep it under {limit} characters.",
    },
    "error.unknown_term": {
        "ko": "그 용어는 이제 용어집에 없어요.",
        "en": "That term is no longer in the glossary.",
    },
    "error.no_token": {
        "ko": (
            "DISCORD_TOKEN이 설정되지 않았어요. "
            ".env에 토큰을 넣거나 --platform console로 실행하세요."
        ),
        "en": "DISCORD_TOKEN is not set. Put a token in .env or run with --platform console.",
    },
    "error.unknown_command": {
        "ko": "모르는 명령어예요: `{command}`. `/help`를 입력해 보세요.",
        "en": "Unknown command: `{command}`. Try `/help`.",
    },
    "help.title": {"ko": "studybot 도움말", "en": "studybot help"},
    "help.body": {
        "ko": (
            "도커와 쿠버네티스를 함께 공부하는 팀을 위한 스터디 봇이에요.\n"
            "용어집에는 {terms}개의 용어와 {commands}개의 실습 명령어가 있어요."
        ),
        "en": (
            "A study bot for teams learning Docker and Kubernetes together.\n"
            "The glossary holds {terms} terms and {commands} practice commands."
        ),
    },
    "help.define": {
        "ko": (
            "`/define 용어` — 용어의 정의, 비고, 관련 용어, 실습 명령어를 보여줘요.\n"
            "한글 조사(도커란, 파드는?), 초성(ㅋㅂㄴㅌㅅ), 오타(kubernets)도 알아들어요."
        ),
        "en": (
            "`/define term` — shows a term's definition, notes, related terms and practice"
            " commands. Korean particles, initial consonants (ㅋㅂㄴㅌㅅ) and typos work too."
        ),
    },
    "help.help": {"ko": "`/help` — 이 도움말을 보여줘요.", "en": "`/help` — shows this help."},
    "help.examples": {"ko": "예시", "en": "Examples"},
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
    "command.help": {"ko": "스터디 봇 사용법을 알려줘요", "en": "How to use the study bot"},
    "match.exact": {"ko": "정확히 일치", "en": "exact"},
    "match.alias": {"ko": "다른 이름", "en": "alias"},
    "match.particle": {"ko": "조사 제거", "en": "particle"},
    "match.chosung": {"ko": "초성", "en": "initial consonants"},
    "match.fuzzy": {"ko": "비슷한 철자", "en": "fuzzy"},
}


def normalize_locale(locale: str | None) -> Locale:
    """Map a platform locale such as ``en-US`` or ``ko`` to a supported one."""
    if locale and locale.lower().startswith("en"):
        return "en"
    if locale and locale.lower().startswith("ko"):
        return "ko"
    return DEFAULT_LOCALE


def t(key: str, locale: str | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``locale``, falling back to Korean, formatted with ``params``."""
    entry = _MESSAGES[key]
    text = entry.get(normalize_locale(locale)) or entry[DEFAULT_LOCALE]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether the catalogue knows ``key``."""
    return key in _MESSAGES
